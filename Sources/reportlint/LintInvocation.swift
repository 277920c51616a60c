import Foundation
import ReportLint

/// One `lint` run once its arguments are read: filled from `Lint`'s parsed options, or by `QuickLint`
/// straight from a plain command line.
struct LintInvocation {
    var options: LintOptions
    var paths: [String]
    var format: OutputFormat = .text
    var output: String?
    var color: Bool?
    var timings = false

    func run() throws -> Never {
        var options = self.options
        let timer = timings ? RuleTimings() : nil
        options.timings = timer
        let session = LintSession(options: options, onDiagnostic: Diagnostics.print)

        let plan = try session.planOrExit(paths)
        let progress = ProgressLine(total: plan.files.count)
        var onProgress: (@Sendable (Int) -> Void)?
        if let progress { onProgress = { done in progress.update(done) } }
        let output = try StandardOutput(path: self.output)
        let color =
            format == .text
            && TerminalColor.enabled(
                flag: self.color, environment: ProcessInfo.processInfo.environment,
                isTerminal: self.output == nil && isatty(STDOUT_FILENO) != 0)
        let reporter = format.reporter(ReporterOptions(color: color, base: options.base))
        // Formats that can be written file by file are, so memory stays flat however many files there
        // are; the others (a summary first, an index) need the whole run.
        var streaming = reporter as? StreamingReporter
        output.write(streaming?.begin(rules: plan.rules) ?? "")
        var kept: [FileOutcome] = []
        let ending = try session.runOrExit(plan, progress: onProgress) { index, outcome in
            if streaming != nil {
                let started = DispatchTime.now().uptimeNanoseconds
                // Mutated in place through `!`: a copy would copy what junit and sarif keep, file after file.
                output.write(streaming!.file(outcome, index: index))
                timer?.add("(输出)", DispatchTime.now().uptimeNanoseconds - started)
            } else {
                kept.append(outcome)
            }
        }
        progress?.finish()
        let verdict = ending.verdict
        if let text = streaming?.end(verdict.summary, diagnostics: ending.diagnostics) {
            output.write(text)
        } else {
            var run = LintRun(outcomes: kept, rules: plan.rules)
            run.diagnostics = ending.diagnostics
            run.checkedOn = Gate.today()
            run.configFiles = plan.configFiles
            output.write(reporter.report(run))
        }
        output.flush()
        if let timer { Diagnostics.print(timer.table()) }
        if verdict.tooManyWarnings, let reason = verdict.failureReason { Diagnostics.print(reason) }
        // Recording a baseline is adopting today's findings: that run does not fail for them.
        let code = options.writeBaselineFile != nil && verdict.exitCode == 1 ? 0 : verdict.exitCode
        // Ending here skips taking apart the rule set, the session and its caches one object at a time:
        // a twentieth of a one-report run, and the process ends anyway.
        Foundation.exit(code)
    }
}

/// The plain command lines (`reportlint lint 报告.txt`, `lint --format json --fail-on never a.txt b.txt`)
/// read without the argument parser: building its tables by reflection over every option cost a one-report
/// run 23 million instructions, a fourteenth of it. Anything else (another option, `--x=y`, a value it
/// would reject, help) is nil and goes to the parser, which gives the same run or the usage error.
enum QuickLint {
    static func invocation(_ arguments: [String]) -> LintInvocation? {
        guard arguments.first == "lint" else { return nil }
        var options = LintOptions()
        var format = OutputFormat.text
        var paths: [String] = []
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--format":
                guard let value = rest.popFirst(), let chosen = OutputFormat(rawValue: value) else { return nil }
                format = chosen
            case "--fail-on":
                guard let value = rest.popFirst(), let threshold = FailThreshold(rawValue: value) else { return nil }
                options.failOn = threshold
            case "--jobs":
                guard let value = rest.popFirst(), let jobs = Int(value), jobs >= 1 else { return nil }
                options.threads = jobs
            case "-q", "--quiet":
                options.errorsOnly = true
            case "-":
                paths.append(argument)
            default:
                guard !argument.isEmpty, !argument.hasPrefix("-") else { return nil }
                paths.append(argument)
            }
        }
        return LintInvocation(options: options, paths: paths, format: format)
    }
}
