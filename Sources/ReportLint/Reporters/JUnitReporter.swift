/// `--format junit`: one test suite per file, one failing test case per finding (a passing case when a
/// file is clean, an erroring case when it could not be read), for CI systems that show test results.
public struct JUnitReporter: Reporter {
    public let base: String?

    public init(base: String? = nil) {
        self.base = base
    }

    public func report(_ run: LintRun) -> String {
        let summary = run.summary
        var lines = [XMLText.declaration,
                     #"<testsuites name="reportlint" tests="\#(testCount(run))" failures="\#(summary.findings)" errors="\#(summary.unreadable)">"#]
        for outcome in run.outcomes {
            let path = XMLText.escape(ReportPath.display(outcome.path, base: base))
            switch outcome {
            case .failed(let error):
                lines.append(#"  <testsuite name="\#(path)" tests="1" failures="0" errors="1">"#)
                lines.append(#"    <testcase name="read" classname="\#(path)">"#)
                lines.append(#"      <error message="\#(XMLText.escape(error.message))"/>"#)
                lines.append("    </testcase>")
            case .linted(let result):
                let count = result.findings.count
                lines.append(#"  <testsuite name="\#(path)" tests="\#(max(1, count))" failures="\#(count)" errors="0">"#)
                if result.findings.isEmpty {
                    lines.append(#"    <testcase name="reportlint" classname="\#(path)"/>"#)
                }
                for finding in result.findings {
                    let name = XMLText.escape("\(finding.ruleId) \(finding.start.line):\(finding.start.column)")
                    let detail = "\(ReportPath.display(outcome.path, base: base)):\(finding.start.line):\(finding.start.column): "
                        + "\(finding.severity.rawValue): \(finding.message) [\(finding.ruleId)]"
                    lines.append(#"    <testcase name="\#(name)" classname="\#(path)">"#)
                    lines.append(#"      <failure type="\#(XMLText.escape(finding.ruleId))" message="\#(XMLText.escape(finding.message))">\#(XMLText.escape(detail))</failure>"#)
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func testCount(_ run: LintRun) -> Int {
        run.outcomes.reduce(0) { total, outcome in
            if case .linted(let result) = outcome { return total + max(1, result.findings.count) }
            return total + 1
        }
    }
}
