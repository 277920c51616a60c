import Foundation

/// Everything one `lint` run produced, in input order; reporters only format it.
public struct LintRun: Sendable {
    public let outcomes: [FileOutcome]
    /// Every rule that ran, once each (several configurations may have been used), in load order.
    public let rules: [any Rule]
    /// Remarks about the run itself (an expired waiver), also printed on stderr.
    public var diagnostics: [String] = []
    /// The day of the check (YYYY-MM-DD) and the configuration files used, for the HTML page; unset in tests.
    public var checkedOn: String?
    public var configFiles: [String] = []

    public init(outcomes: [FileOutcome], rules: [any Rule]) {
        self.outcomes = outcomes
        self.rules = LintRun.unique(rules)
    }

    /// Rules once each by id (several configurations may compile the same rule), in load order.
    public static func unique(_ rules: [any Rule]) -> [any Rule] {
        var seen = Set<String>()
        return rules.filter { seen.insert($0.header.id).inserted }
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
        /// Files skipped because they hold no report (a README, a licence).
        public var notReports = 0
        public var findings: Int { errors + warnings + infos }

        public init() {}

        /// Counts one more file.
        public mutating func add(_ outcome: FileOutcome) {
            files += 1
            switch outcome {
            case .failed: unreadable += 1
            case .linted(let result):
                waived += result.waived.count
                baselined += result.baselined
                if result.isNotAReport { notReports += 1 }
            }
            if !outcome.findings.isEmpty { filesWithFindings += 1 }
            for finding in outcome.findings {
                switch finding.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
        }
    }

    public var summary: Summary {
        var summary = Summary()
        for outcome in outcomes { summary.add(outcome) }
        return summary
    }

    /// 2 when a file could not be read; 1 when a finding meets the threshold or there are more warnings
    /// than `maxWarnings`; else 0.
    public func exitCode(failOn threshold: FailThreshold, maxWarnings: Int? = nil) -> Int32 {
        var verdict = Verdict(failOn: threshold, maxWarnings: maxWarnings)
        for outcome in outcomes { verdict.add(outcome) }
        return verdict.exitCode
    }
}
