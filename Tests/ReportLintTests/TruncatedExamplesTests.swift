import Testing

@testable import ReportLint

/// Every rule example cut short at each of its last three characters, alone and under a title that dates it,
/// lints without a crash and with every finding inside the text. Rules look a few characters past a word
/// (活动 after a campaign's name, 的开展 after it) and must stop at the end of the text: a draft cut off
/// mid-sentence is the commonest bad input there is. (A campaign's name at the very end of a dated report
/// crashed the run until the look past it was bounded.) `scripts/truncation-sweep` does the same with more
/// cuts through the release binary.
@Suite("Truncated examples") struct TruncatedExamplesTests {
    @Test func everyExampleCutShortLintsWithinItsText() {
        let rules = TestSupport.builtinRules
        let linter = Linter(rules: rules)
        var linted = 0
        var outside: [String] = []
        for rule in rules.rules {
            for example in rule.header.examples.fail + rule.header.examples.pass {
                let text = ExampleRunner.marks(in: example.value).text
                for title in text.hasPrefix("20") ? [""] : ["", "2023年工作总结\n"] {
                    let scalars = Array((title + text).unicodeScalars)
                    for cut in max(1, scalars.count - 2)...scalars.count {
                        let cutText = String(String.UnicodeScalarView(scalars[..<cut]))
                        let source = Source(path: "cut.txt", text: cutText)
                        linted += 1
                        for finding in linter.lint(source).findings
                        where finding.range.start > finding.range.end || finding.range.end > source.bytes.count {
                            outside.append("\(rule.header.id) \(finding.ruleId): \(cutText)")
                        }
                    }
                }
            }
        }
        #expect(linted > 15_000)
        #expect(outside.isEmpty, "findings outside the text: \(outside.prefix(5))")
    }

    /// The input that crashed: a campaign carried on as the last words of a dated report.
    @Test func aCampaignAtTheEndOfADatedReport() {
        let findings = TestSupport.lint("2023年工作计划\n深入开展党史学习教育", rules: TestSupport.builtinRules).findings
        #expect(findings.contains { $0.ruleId == "events/date" })
    }
}
