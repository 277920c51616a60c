/// `--format gitlab`: GitLab code quality JSON (an array of issues). The fingerprint is stable across
/// runs and edits above the finding: file, rule, the text around it and its occurrence number there.
public struct GitLabReporter: StreamingReporter {
    public let base: String?
    private var wroteIssue = false

    public init(base: String? = nil) {
        self.base = base
    }

    public func begin(rules: [any Rule]) -> String { "[" }

    public mutating func file(_ outcome: FileOutcome, index: Int) -> String {
        let path = ReportPath.display(outcome.path, base: base)
        var issues: [JSONValue] = []
        switch outcome {
        case .failed(let error):
            issues.append(
                issue(
                    description: error.message, check: "reportlint/read", severity: "blocker",
                    fingerprint: FindingContext.fingerprint([path, "read"]), path: path, line: 1))
        case .linted(let result):
            for (finding, fingerprint) in zip(result.findings, FindingContext.fingerprints(of: result, path: path)) {
                issues.append(
                    issue(
                        description: finding.message, check: finding.ruleId,
                        severity: GitLabReporter.severity(finding.severity), fingerprint: fingerprint,
                        path: path, line: finding.start.line))
            }
        }
        var output = ""
        for issue in issues {
            output += (wroteIssue ? ",\n  " : "\n  ") + issue.serialized(indent: 1)
            wroteIssue = true
        }
        return output
    }

    public func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String {
        wroteIssue ? "\n]\n" : "]\n"
    }

    private func issue(description: String, check: String, severity: String, fingerprint: String, path: String, line: Int)
        -> JSONValue
    {
        .object([
            ("description", .string(description)),
            ("check_name", .string(check)),
            ("fingerprint", .string(fingerprint)),
            ("severity", .string(severity)),
            ("location", .object([("path", .string(path)), ("lines", .object([("begin", .int(line))]))])),
        ])
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "major"
        case .warning: return "minor"
        case .info: return "info"
        }
    }
}
