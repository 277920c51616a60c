import Foundation

/// The outcome for one input: linted, or not readable (with the reason).
public enum FileOutcome: Sendable {
    case linted(LintResult)
    case failed(ReadError)

    public var path: String {
        switch self {
        case .linted(let result): return result.path
        case .failed(let error): return error.path
        }
    }

    public var findings: [Finding] {
        if case .linted(let result) = self { return result.findings }
        return []
    }
}

/// Everything one `lint` run produced, in input order; reporters only format it.
public struct LintRun: Sendable {
    public let outcomes: [FileOutcome]
    /// Every rule that ran, once each (several configurations may have been used), in load order.
    public let rules: [any Rule]
    /// Remarks about the run itself (an expired waiver), also printed on stderr.
    public var diagnostics: [String] = []

    public init(outcomes: [FileOutcome], rules: [any Rule]) {
        self.outcomes = outcomes
        var seen = Set<String>()
        self.rules = rules.filter { seen.insert($0.header.id).inserted }
    }

    public init(outcomes: [FileOutcome], rules: CompiledRules) {
        self.init(outcomes: outcomes, rules: rules.active)
    }

    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var unreadable = 0
        public var filesWithFindings = 0
        public var errors = 0
        public var warnings = 0
        public var infos = 0
        /// Findings a waiver covered, and findings the baseline already knew: not reported, but counted.
        public var waived = 0
        public var baselined = 0
        public var findings: Int { errors + warnings + infos }
    }

    public var summary: Summary {
        var summary = Summary()
        for outcome in outcomes {
            summary.files += 1
            if case .failed = outcome { summary.unreadable += 1 }
            if case .linted(let result) = outcome {
                summary.waived += result.waived.count
                summary.baselined += result.baselined
            }
            if !outcome.findings.isEmpty { summary.filesWithFindings += 1 }
            for finding in outcome.findings {
                switch finding.severity {
                case .error: summary.errors += 1
                case .warning: summary.warnings += 1
                case .info: summary.infos += 1
                }
            }
        }
        return summary
    }

    /// 2 when a file could not be read; 1 when a finding meets the threshold or there are more warnings
    /// than `maxWarnings`; else 0.
    public func exitCode(failOn threshold: FailThreshold, maxWarnings: Int? = nil) -> Int32 {
        if outcomes.contains(where: { if case .failed = $0 { return true } else { return false } }) { return 2 }
        let failing = outcomes.contains { $0.findings.contains { threshold.isMet(by: $0.severity) } }
        let tooManyWarnings = maxWarnings.map { summary.warnings > $0 } ?? false
        return failing || tooManyWarnings ? 1 : 0
    }
}

/// How reports name a file: relative to `--base` (the repository root) when given, without a leading `./`.
public enum ReportPath {
    public static func display(_ path: String, base: String?) -> String {
        if let base, path != Reader.stdinPath {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let root = URL(fileURLWithPath: base).standardizedFileURL.path
            if absolute.hasPrefix(root + "/") { return String(absolute.dropFirst(root.count + 1)) }
        }
        var display = path
        while display.hasPrefix("./") { display.removeFirst(2) }
        return display
    }
}
