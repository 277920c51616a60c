/// `--format junit`: one test suite per file, one failing test case per finding (a passing case when a
/// file is clean, an erroring case when it could not be read), for CI systems that show test results.
public struct JUnitReporter: StreamingReporter {
    public let base: String?
    /// The totals open the document, so the suites are kept (as text, not the reports) until the end.
    private var suites: [String] = []
    private var tests = 0

    public init(base: String? = nil) {
        self.base = base
    }

    public mutating func file(_ outcome: FileOutcome, index: Int) -> String {
        let path = XMLText.escape(ReportPath.display(outcome.path, base: base))
        var lines: [String] = []
        switch outcome {
        case .failed(let error):
            tests += 1
            lines.append(#"  <testsuite name="\#(path)" tests="1" failures="0" errors="1">"#)
            lines.append(#"    <testcase name="read" classname="\#(path)">"#)
            lines.append(#"      <error message="\#(XMLText.escape(error.message))"/>"#)
            lines.append("    </testcase>")
        case .linted(let result):
            let count = result.findings.count
            tests += max(1, count)
            lines.append(#"  <testsuite name="\#(path)" tests="\#(max(1, count))" failures="\#(count)" errors="0">"#)
            if result.findings.isEmpty {
                lines.append(#"    <testcase name="reportlint" classname="\#(path)"/>"#)
            }
            for finding in result.findings {
                let name = XMLText.escape("\(finding.ruleId) \(finding.start.line):\(finding.start.column)")
                let detail =
                    "\(ReportPath.display(outcome.path, base: base)):\(finding.start.line):\(finding.start.column): "
                    + "\(finding.severity.rawValue): \(finding.message) [\(finding.ruleId)]"
                lines.append(#"    <testcase name="\#(name)" classname="\#(path)">"#)
                lines.append(
                    #"      <failure type="\#(XMLText.escape(finding.ruleId))" message="\#(XMLText.escape(finding.message))">\#(XMLText.escape(detail))</failure>"#
                )
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        suites.append(lines.joined(separator: "\n"))
        return ""
    }

    public func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String {
        ([
            XMLText.declaration,
            #"<testsuites name="reportlint" tests="\#(tests)" failures="\#(summary.findings)" errors="\#(summary.unreadable)">"#,
        ]
            + suites + ["</testsuites>"]).joined(separator: "\n") + "\n"
    }
}
