/// `--format checkstyle`: Checkstyle XML, read by Jenkins' warnings plugin, reviewdog and many others.
public struct CheckstyleReporter: Reporter {
    public let base: String?

    public init(base: String? = nil) {
        self.base = base
    }

    public func report(_ run: LintRun) -> String {
        var lines = [XMLText.declaration, #"<checkstyle version="4.3">"#]
        for outcome in run.outcomes {
            let path = XMLText.escape(ReportPath.display(outcome.path, base: base))
            switch outcome {
            case .failed(let error):
                lines.append(#"  <file name="\#(path)">"#)
                lines.append(#"    <error line="1" severity="error" message="\#(XMLText.escape(error.message))" source="reportlint.read"/>"#)
                lines.append("  </file>")
            case .linted(let result):
                lines.append(#"  <file name="\#(path)">"#)
                for finding in result.findings {
                    lines.append(#"    <error line="\#(finding.start.line)" column="\#(finding.start.column)" severity="\#(finding.severity.rawValue)" message="\#(XMLText.escape(finding.message))" source="\#(XMLText.escape("reportlint." + finding.ruleId))"/>"#)
                }
                lines.append("  </file>")
            }
        }
        lines.append("</checkstyle>")
        return lines.joined(separator: "\n") + "\n"
    }
}
