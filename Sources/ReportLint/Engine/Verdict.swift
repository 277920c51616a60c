import Foundation

/// The exit code of a run, worked out file by file as outcomes stream past.
public struct Verdict: Sendable {
    public let failOn: FailThreshold
    public let maxWarnings: Int?
    public private(set) var summary = LintRun.Summary()
    private var failing = false

    public init(failOn: FailThreshold, maxWarnings: Int?) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
    }

    public mutating func add(_ outcome: FileOutcome) {
        summary.add(outcome)
        failing = failing || outcome.findings.contains { failOn.isMet(by: $0.severity) }
    }

    /// 2 when a file could not be read; 1 when a finding meets the threshold or there are more warnings
    /// than `maxWarnings`; else 0.
    public var exitCode: Int32 {
        if summary.unreadable > 0 { return 2 }
        return failing || tooManyWarnings ? 1 : 0
    }

    public var tooManyWarnings: Bool { maxWarnings.map { summary.warnings > $0 } ?? false }

    /// Why the run fails (exit 1), in Chinese, for stderr; nil when it does not.
    public var failureReason: String? {
        guard summary.unreadable == 0 else { return nil }
        var reasons: [String] = []
        if failing { reasons.append("有达到 --fail-on \(failOn.rawValue) 级别的问题") }
        if tooManyWarnings, let maxWarnings {
            reasons.append("警告 \(summary.warnings) 个，超过 --max-warnings \(maxWarnings)")
        }
        return reasons.isEmpty ? nil : "检查未通过：" + reasons.joined(separator: "；")
    }
}
