import Testing

@testable import ReportLint

/// `events/plan-year`: where it reports and what it says; the pack's inline examples cover whether it fires.
@Suite("Built-in kinds: plan-year")
struct PlanYearRuleTests {
    static let rules = TestSupport.builtinRules

    func findings(_ text: String) -> [Finding] {
        TestSupport.lint(text, rules: PlanYearRuleTests.rules).findings.filter { $0.ruleId == "events/plan-year" }
    }

    @Test func namesTheRightYearAndTheClauseYear() throws {
        let found = findings("2023年工作总结\n2022年是“十四五”开局之年，全县上下攻坚克难。\n")
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("开局之年是2021年"))
        #expect(finding.message.contains("2022年"))
        #expect(finding.start.line == 2)
        #expect(finding.start.column == 8) // 十 of 十四五, after 2022年是“
    }

    @Test func aClauseOpeningWithAlsoTakesTheYearBefore() {
        #expect(findings("2021年工作总结\n2021年是建党100周年，也是“十四五”开局之年。\n").isEmpty)
        #expect(findings("2022年工作总结\n2022年是党的二十大召开之年，也是“十四五”开局之年。\n").count == 1)
        // a clause opening with anything else has no year of its own: not checked
        #expect(findings("2022年工作总结\n2022年，我们迎来“十四五”开局之年的各项考核。\n").isEmpty)
    }

    @Test func relativeYearsAndOrdinalYears() {
        #expect(findings("2023年工作总结\n今年是“十四五”规划实施的第三年。\n").isEmpty)
        #expect(findings("2024年工作总结\n今年是“十四五”规划实施的第三年。\n").count == 1)
        #expect(findings("2025年工作总结\n今年是“十四五”收官之年。\n").isEmpty)
    }

    @Test func aPlanMerelyNamedIsNotChecked() {
        #expect(findings("2023年工作总结\n2023年，我们提前谋划“十五五”重大项目，编制“十五五”规划纲要。\n").isEmpty)
    }
}
