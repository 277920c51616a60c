/// `--format checkstyle`: Checkstyle XML, read by Jenkins' warnings plugin, reviewdog and many others.
public struct CheckstyleReporter: StreamingReporter {
    public let base: String?

    public init(base: String? = nil) {
        self.base = base
    }

    public func begin(rules: [any Rule]) -> String {
        XMLText.declaration + "\n" + #"<checkstyle version="4.3">"# + "\n"
    }

    public func file(_ outcome: FileOutcome, index: Int) -> String {
        let path = XMLText.escape(ReportPath.display(outcome.path, base: base))
        var lines = [#"  <file name="\#(path)">"#]
        switch outcome {
        case .failed(let error):
            lines.append(
                #"    <error line="1" severity="error" message="\#(XMLText.escape(error.message))" source="reportlint.read"/>"#)
        case .linted(let result):
            for finding in result.findings {
                lines.append(
                    #"    <error line="\#(finding.start.line)" column="\#(finding.start.column)" severity="\#(finding.severity.rawValue)" message="\#(XMLText.escape(finding.message))" source="\#(XMLText.escape("reportlint." + finding.ruleId))"/>"#
                )
            }
        }
        lines.append("  </file>")
        return lines.joined(separator: "\n") + "\n"
    }

    public func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String {
        "</checkstyle>\n"
    }
}
