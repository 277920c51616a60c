import Foundation

/// The library's front door: "lint these paths under their configuration". Paths, options, configuration
/// discovery, the baseline and waivers go in; an ordered stream of gated file outcomes, the run's rules,
/// its diagnostics and its verdict come out. The command line (lint, fix, outline), the language server and
/// the web service all go through it, so they gate, ignore and type files alike.
///
/// Safe to share between threads (a web service lints concurrent requests through one session): the rule
/// cache and the session's memory of what it told are locked; `run` hands outcomes over one at a time.
public final class LintSession: @unchecked Sendable { // `told` and `checkedOverrides` are guarded by `lock`
    public let options: LintOptions
    private let cache: RuleSetCache
    /// Called for every remark as it arises, in order (the command line prints it on stderr).
    public let onDiagnostic: (SessionDiagnostic) -> Void
    private let lock = NSLock()
    /// Rule files' warnings and configuration failures already told, each once per session.
    private var told = Set<String>()
    private var checkedOverrides = Set<String>()

    public init(options: LintOptions, onDiagnostic: @escaping (SessionDiagnostic) -> Void = { _ in }) {
        self.options = options
        self.onDiagnostic = onDiagnostic
        cache = RuleSetCache(
            rulePaths: options.rulePaths, includeBuiltin: options.includeBuiltin,
            explicitConfig: options.explicitConfig, overrides: options.overrides,
            discovers: options.discoversConfiguration, remembersDiscovery: options.remembersDiscovery,
            examples: options.keepsExamples)
    }

    // MARK: Configuration

    /// One file with the rules and configuration that govern it.
    public struct PlannedFile: Sendable {
        public let path: String
        public let rules: CompiledRules
        public let config: Config?
        /// `--type`, else the configuration's type for the file (nil: from the title and the text).
        public let type: DocumentType?

        public init(path: String, rules: CompiledRules, config: Config?, type: DocumentType?) {
            self.path = path
            self.rules = rules
            self.config = config
            self.type = type
        }
    }

    /// The configuration file that governs `path` (`-` is the current folder), if any.
    public func configPath(for path: String) -> String? {
        cache.configPath(for: path)
    }

    /// The rules and configuration of each path (standard input is governed like `--stdin-filename`), in
    /// order; every configuration and rule error of all of them at once, and an unknown `--rule` id.
    public func resolve(_ paths: [String]) throws(SessionError) -> [PlannedFile] {
        var planned: [PlannedFile] = []
        var failures: [RuleErrors] = []
        for path in paths {
            let governing = path == "-" ? options.stdinFilename ?? "-" : path
            switch cache.resolve(for: governing) {
            case .success(let resolved):
                try checkOverrides(against: resolved)
                planned.append(
                    PlannedFile(
                        path: path, rules: resolved.rules, config: resolved.config,
                        type: options.type ?? resolved.config?.type(for: governing)))
                // Warnings of the rule files (a folded list item), once per rule file.
                for warning in resolved.rules.warnings where remember(warning.description) {
                    onDiagnostic(.written(warning.description))
                }
            case .failure(let failure):
                if remember(failure.description) { failures.append(failure) }
            }
        }
        if !failures.isEmpty { throw .rules(failures) }
        return planned
    }

    /// True the first time a remark is seen by this session.
    private func remember(_ remark: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return told.insert(remark).inserted
    }

    /// An id given with `--rule` must name a rule (checked once per rule set).
    private func checkOverrides(against resolved: RuleSetCache.Resolved) throws(SessionError) {
        lock.lock()
        let first = checkedOverrides.insert(resolved.config?.file ?? "").inserted
        lock.unlock()
        guard first else { return }
        let ids = resolved.rules.rules.map(\.header.id)
        for id in options.overrides.keys.sorted() where !ids.contains(id) {
            throw .unknownRuleOverride(id: id, suggestion: Suggestions.nearest(to: id, in: ids))
        }
    }

    /// The rules that govern the current folder (what `rules list` and `rules explain` show).
    public func rulesHere() throws(SessionError) -> PlannedFile {
        try resolve(["-"])[0]
    }

    // MARK: Planning a run

    /// What a run will lint: the files in order, and every rule that runs, once.
    public struct Plan: Sendable {
        public let files: [PlannedFile]
        /// Every rule that runs, once each (several configurations may compile the same rule), in load order.
        public let rules: [any Rule]
        /// The configuration files used (with what they extend), once each, in order.
        public let configFiles: [String]
        /// `--baseline`, read before anything is linted or written.
        fileprivate let baseline: Baseline?
    }

    /// Collects the files of `arguments` (files, folders, patterns, `-`; the current folder when empty),
    /// keeps those changed since `changedSince`, resolves their configurations and drops what they ignore.
    public func plan(_ arguments: [String]) throws(SessionError) -> Plan {
        let arguments = arguments.isEmpty ? ["."] : arguments
        let collector = InputCollector(include: options.include, exclude: options.exclude, followSymlinks: options.followSymlinks)
        let collected = collector.collect(arguments)
        for warning in collected.warnings { onDiagnostic(SessionDiagnostic(.warning, warning)) }
        var candidates = collected.paths
        if let changedSince = options.changedSince {
            // git runs in the repository of the linted paths (each argument's folder), not the current folder.
            var changed = Set<String>()
            for folder in Set(arguments.filter { $0 != "-" }.map(PathText.existingFolder)).sorted() {
                switch GitChanges.files(since: changedSince, in: folder) {
                case .success(let files): changed.formUnion(files)
                case .failure(let failure): throw .changedSince(failure)
                }
            }
            candidates = candidates.filter { $0 == "-" || changed.contains(URL(fileURLWithPath: $0).standardizedFileURL.path) }
        }
        let all = try resolve(candidates)
        let files = all.filter { $0.path == "-" || !($0.config?.isIgnored($0.path) ?? false) }
        if files.count < all.count {
            onDiagnostic(SessionDiagnostic(.note, "按配置文件的 ignore 跳过了 \(all.count - files.count) 个文件"))
        }
        var baseline: Baseline?
        if let baselineFile = options.baselineFile {
            switch Baseline.load(path: baselineFile) {
            case .success(let loaded): baseline = loaded
            case .failure(let failure): throw .baseline(failure)
            }
        }
        // One rule set per configuration, not per file (10,000 files would otherwise copy 10,000 × the rule list).
        var configurations = Set<String>()
        let ruleSets = try (files.isEmpty ? resolve(["."]) : files)
            .filter { configurations.insert($0.config?.file ?? "").inserted }.map(\.rules)
        var seenConfigs = Set<String>()
        let configFiles = files.compactMap { $0.config?.files }.flatMap { $0 }.filter { seenConfigs.insert($0).inserted }
        return Plan(files: files, rules: LintRun.unique(ruleSets.flatMap(\.active)), configFiles: configFiles, baseline: baseline)
    }

    // MARK: Running

    /// How a run ended, beyond its outcomes.
    public struct Ending: Sendable {
        /// Expired waivers, waivers and baseline entries nothing used (also given to `onDiagnostic`).
        public let diagnostics: [String]
        public let verdict: Verdict
    }

    /// Lints the plan's files on `options.threads` threads and hands each gated outcome to `deliver` in
    /// input order, one at a time, as soon as it and every earlier one are done (memory stays flat).
    /// Waivers, the baseline and `errorsOnly` are applied; `writeBaselineFile` is written at the end.
    public func run(
        _ plan: Plan, progress: (@Sendable (Int) -> Void)? = nil,
        deliver: (Int, FileOutcome) -> Void
    ) throws(SessionError) -> Ending {
        var gate = Gate(baseline: plan.baseline, baselineFile: options.baselineFile, today: Gate.today())
        gate.errorsOnly = options.errorsOnly
        var verdict = Verdict(failOn: options.failOn, maxWarnings: options.maxWarnings)
        var recorded = Baseline()
        let jobs = plan.files.map { LintJob(path: $0.path, rules: $0.rules, type: $0.type) }
        let standardInput =
            plan.files.contains { $0.path == "-" } ? options.reader.readStandardInput(named: options.stdinFilename) : nil
        BatchLinter.run(
            jobs, reader: options.reader, threads: options.threads, standardInput: standardInput,
            progress: progress, timings: options.timings
        ) { index, outcome in
            var outcome = outcome
            switch outcome {
            case .linted(var result):
                if let writeBaselineFile = options.writeBaselineFile {
                    let baselinePath = Baseline.path(of: result.path, baselineFile: writeBaselineFile)
                    for finding in result.findings {
                        recorded.add(Baseline.key(finding, path: baselinePath, source: result.document.source))
                    }
                }
                gate.apply(
                    to: &result, config: plan.files[index].config, reportPath: ReportPath.display(result.path, base: options.base)
                )
                for note in result.notes { onDiagnostic(SessionDiagnostic(.note, note, place: result.path)) }
                outcome = .linted(result)
            case .failed(let error):
                onDiagnostic(SessionDiagnostic(.error, error.message, place: error.path))
            }
            verdict.add(outcome)
            deliver(index, outcome)
        }
        let diagnostics =
            gate.expired.map { "\($0.location): 警告: 豁免已于 \($0.expires ?? "") 过期，不再生效（规则 \($0.rule)）" }
            + gate.unusedDiagnostics
        for diagnostic in diagnostics { onDiagnostic(.written(diagnostic)) }
        if let writeBaselineFile = options.writeBaselineFile {
            do {
                try recorded.serialized().write(toFile: writeBaselineFile, atomically: true, encoding: .utf8)
            } catch {
                throw .writeBaseline(path: writeBaselineFile, reason: error.localizedDescription)
            }
            onDiagnostic(.written("已写入基线 \(writeBaselineFile)：\(recorded.counts.values.reduce(0, +)) 个问题", level: .note))
        }
        return Ending(diagnostics: diagnostics, verdict: verdict)
    }

    /// Every gated outcome of `arguments` at once, in input order, with the plan and the ending (for
    /// callers that need the whole run, such as a report that summarises before it lists).
    public func lintAll(_ arguments: [String]) throws(SessionError) -> (plan: Plan, outcomes: [FileOutcome], ending: Ending) {
        let plan = try plan(arguments)
        var outcomes: [FileOutcome] = []
        let ending = try run(plan) { _, outcome in outcomes.append(outcome) }
        return (plan, outcomes, ending)
    }

    // MARK: One text in memory

    /// What became of a text linted in memory (an editor's buffer, an upload).
    public enum TextOutcome: Sendable {
        case linted(LintResult)
        /// The configuration's `ignore` covers the path.
        case ignored
        case unreadable(ReadError)
        case rulesFailed(RuleErrors)
    }

    /// Lints `bytes` as the file at `path` would be (its configuration, its type, its waivers; no baseline,
    /// nothing read from disk but the configuration and rule files).
    public func lint(bytes: [UInt8], path: String) -> TextOutcome {
        switch cache.resolve(for: path) {
        case .failure(let failure): return .rulesFailed(failure)
        case .success(let resolved):
            if resolved.config?.isIgnored(path) == true { return .ignored }
            switch options.reader.decode(bytes, path: path) {
            case .failure(let error): return .unreadable(error)
            case .success(let source): return .linted(lint(source, type: nil, under: resolved))
            }
        }
    }

    /// Lints a report already read (an upload's working copy) as the file at its path would be: that
    /// path's configuration, `type` (else the options' type, the configuration's, the text's), waivers.
    public func lint(_ source: Source, type: DocumentType?) -> TextOutcome {
        switch cache.resolve(for: source.path) {
        case .failure(let failure): return .rulesFailed(failure)
        case .success(let resolved):
            if resolved.config?.isIgnored(source.path) == true { return .ignored }
            switch Reader.refusingBlank(source) {
            case .failure(let error): return .unreadable(error)
            case .success(let source): return .linted(lint(source, type: type, under: resolved))
            }
        }
    }

    /// One text under its resolved rules and configuration, gated as `run` gates (waivers; no baseline).
    private func lint(_ source: Source, type: DocumentType?, under resolved: RuleSetCache.Resolved) -> LintResult {
        var result = Linter(rules: resolved.rules, timings: options.timings, parallelRulesFrom: options.parallelRulesFrom)
            .lint(source, type: type ?? options.type ?? resolved.config?.type(for: source.path))
        var gate = Gate(baseline: nil, today: Gate.today())
        gate.errorsOnly = options.errorsOnly
        gate.apply(to: &result, config: resolved.config, reportPath: ReportPath.display(source.path, base: options.base))
        return result
    }

    /// The configuration `lint(bytes:path:)` used for `path`, or nil (none, or it failed to load).
    public func config(for path: String) -> Config? {
        try? cache.resolve(for: path).get().config
    }

    // MARK: Fixing

    /// Every safe fix of `source`, linted as the planned file, again until none is left (`only`: these rules).
    public func fix(_ source: Source, as file: PlannedFile, only: Set<String>? = nil) -> Fixer.Result {
        Fixer.fix(source, linter: Linter(rules: file.rules), type: file.type, only: only)
    }

    /// Every safe fix of a text in memory, under the configuration of `path`; nil when its rules fail to load.
    public func fix(_ source: Source, path: String, type: DocumentType? = nil, only: Set<String>? = nil) -> Fixer.Result? {
        guard case .success(let resolved) = cache.resolve(for: path) else { return nil }
        return Fixer.fix(
            source, linter: Linter(rules: resolved.rules), type: type ?? options.type ?? resolved.config?.type(for: path),
            only: only)
    }

    /// The reviewed copy (a .docx with comments and tracked changes) of a planned file's bytes: linted and
    /// gated as `run` gates (waivers; no baseline), fixed as `fix` fixes.
    public func review(bytes: [UInt8], as file: PlannedFile, options: ReviewedCopy.Options = .init())
        -> Result<ReviewedCopy.Review, ReviewedCopy.Failure>
    {
        ReviewedCopy.review(
            bytes: bytes, fileName: file.path, rules: file.rules, type: file.type, reader: self.options.reader,
            options: options
        ) { result in
            var gate = Gate(baseline: nil, today: Gate.today())
            gate.errorsOnly = self.options.errorsOnly
            gate.apply(to: &result, config: file.config, reportPath: ReportPath.display(file.path, base: self.options.base))
        }
    }

    /// Reads and lints one planned file, ungated (what `outline` shows).
    public func lintUngated(_ file: PlannedFile) -> FileOutcome {
        let read =
            file.path == "-"
            ? options.reader.readStandardInput(named: options.stdinFilename) : options.reader.read(path: file.path)
        switch read {
        case .success(let source): return .linted(Linter(rules: file.rules).lint(source, type: file.type))
        case .failure(let error): return .failed(error)
        }
    }
}
