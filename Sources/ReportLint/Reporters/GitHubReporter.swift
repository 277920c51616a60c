/// `--format github`: GitHub Actions workflow commands, which annotate the pull request's files:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. Data escapes % CR LF;
/// properties also escape : and , (GitHub's rules for workflow commands).
public struct GitHubReporter: StreamingReporter {
    public let base: String?

    public init(base: String? = nil) {
        self.base = base
    }

    public func file(_ outcome: FileOutcome, index: Int) -> String {
        let path = ReportPath.display(outcome.path, base: base)
        switch outcome {
        case .failed(let error):
            return "::error file=\(GitHubReporter.property(path)),title=reportlint::\(GitHubReporter.data(error.message))\n"
        case .linted(let result):
            return result.findings.map { finding in
                let properties = [
                    "file=\(GitHubReporter.property(path))",
                    "line=\(finding.start.line)", "col=\(finding.start.column)",
                    "endLine=\(finding.end.line)", "endColumn=\(finding.end.column)",
                    "title=\(GitHubReporter.property(finding.ruleId))",
                ]
                return
                    "::\(GitHubReporter.command(finding.severity)) \(properties.joined(separator: ","))::\(GitHubReporter.data(finding.message))\n"
            }.joined()
        }
    }

    public func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String { "" }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
