import Testing

@testable import ReportLint

/// The general checks for one-off slips of years, stale references and redundancy (issue 16): what each
/// reports, where, and what it leaves alone beyond the inline examples.
@Suite("Recall checks: years, stale references, redundancy")
struct RecallChecksTests: BuiltinFindingsSuite {
    @Test func aYearWithoutItsUnitIsFoundBeforeAWordThatOnlyFollowsAYear() {
        let found = found("县水利局2022年工作总结及2023工作安排\n按照要求，现将2023上半年情况报告如下，共2023人次参加。\n", rule: "standards/year-unit")
        #expect(found.map(\.text) == ["2023", "2023"])
        #expect(found.map(\.suggestion) == ["2023年", "2023年"])
        #expect(self.found("项目累计投入2020工作日。\n", rule: "standards/year-unit").isEmpty)
    }

    @Test func aYearWithItsFiguresMissingIsFoundWhereOnlyAYearCanStand() {
        #expect(
            found("现将年上半年工作报告如下。20上半年以来成效明显。被评为全市年脱贫攻坚先进集体。\n", rule: "standards/incomplete-year").map(\.text)
                == ["年上半年", "20上半年", "年脱贫攻坚"])
        #expect(
            found("今年上半年、同年下半年、本学年上半年、2023 年上半年、20XX年上半年，全县年接待游客5万人次。\n", rule: "standards/incomplete-year")
                .isEmpty)
    }

    /// A star between two Han characters is a masked word (主动***息公开), unless a measure word follows: then it
    /// stands for a number still to be filled in (植树*棵).
    @Test func aStarBeforeAMeasureWordIsANumberToFillIn() {
        let messages = { (text: String) in
            TestSupport.lint(text, rules: TestSupport.builtinRules).findings
                .filter { $0.ruleId == "common/placeholder" }.map(\.message)
        }
        #expect(messages("圩镇植树*棵，新建*栋。\n").allSatisfy { !$0.contains("被隐去的字词") && $0.contains("*") })
        // 十强县, 党的二十大, 第三批: a masked figure, whatever follows it.
        let figures = messages("全省县域*强县，学习党的**大精神，第*批试点。\n")
        #expect(figures.count == 3 && figures.allSatisfy { !$0.contains("被隐去的字词") })
        #expect(messages("圩镇植树*棵，新建*栋。\n").count == 2)
        #expect(messages("推进主动***息公开。\n").allSatisfy { $0.contains("被隐去的字词") })
    }

    @Test func aSummaryAndAPlanOfTheSameYearAreFound() {
        #expect(found("2023年工作总结和2023年工作计划\n", rule: "standards/repeated-year").count == 1)
        #expect(found("2023年工作总结和2024年工作计划\n", rule: "standards/repeated-year").isEmpty)
        #expect(found("2023年上半年工作总结及2023年下半年工作计划\n", rule: "standards/repeated-year").isEmpty)
    }

    @Test func anEarlierCongressJoinedToOtherSpiritIsStillStudiedAsCurrent() {
        let events = { (text: String) in self.found(text, rule: "events/date").map(\.text) }
        #expect(events("2023年工作总结\n深入贯彻落实党的十九大及历次全会和省委全会精神。\n") == ["党的十九大"])
        // the list names the next congress: history, not the current line
        #expect(events("2023年工作总结\n系统学习党的十九大和二十大精神。\n").isEmpty)
        // a list of plenums that stops before one held in an earlier year, or whose congress was followed by the next
        #expect(events("2020年上半年工作总结\n全面贯彻党的十九大和十九届一中、二中、三中全会精神。\n") == ["十九届一中、二中、三中全会"])
        #expect(events("2023年工作要点\n深入学习贯彻十九届历次全会精神。\n") == ["十九届历次全会"])
        #expect(events("2021年工作总结\n2019年，我们深入学习贯彻党的十九届二中、三中全会精神。\n").isEmpty)
        #expect(events("2021年工作总结\n深入学习贯彻党的十九届四中全会精神。\n").isEmpty)
        #expect(events("2023年工作总结\n全面贯彻落实党的十九大和十九届历次全会和党的二十大精神。\n").isEmpty)
        // 精神 in another clause does not close the list
        #expect(events("2023年工作总结\n回顾党的十九大及历次全会，领会省委全会精神。\n").isEmpty)
    }

    @Test func theClosingYearOfPovertyAlleviationIsTwentyTwenty() {
        let found = TestSupport.lint(
            "2021年工作汇报\n2021年是“十四五”开局之年，是脱贫攻坚取得决定性胜利的收官之年。\n", rules: RecallChecksTests.rules
        ).findings.filter { $0.ruleId == "events/campaign-year" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("收官之年是2020年") == true)
        #expect(self.found("2020年工作总结\n2020年是全面打赢脱贫攻坚战收官之年。\n", rule: "events/campaign-year").isEmpty)
    }

    @Test func redundancyAndCollocationAreReportedButNotFixed() {
        let redundant = found("各项指标分别比去年同比增长5%，每年增加收入约五万左右元，满意度超过95%以上。\n", rule: "words/redundancy")
        #expect(redundant.map(\.text) == ["比去年同比", "约五万左右", "超过95%以上"])
        #expect(redundant.allSatisfy { $0.suggestion == nil })
        #expect(found("为青年团员做好表率作用。\n", rule: "words/collocation").map(\.text) == ["做好表率作用"])
        #expect(found("为青年团员做好表率，发挥好示范作用。\n", rule: "words/collocation").isEmpty)
    }

    @Test func aHalfYearTitleAgainstABodyThatLooksBackAYear() {
        #expect(found("2023年上半年工作总结\n一年来，我镇扎实推进各项工作。\n", rule: "common/period-consistency").map(\.text) == ["一年来"])
        #expect(found("2023年上半年工作总结\n上半年，以党的二十大召开一年来的成就为动力。\n", rule: "common/period-consistency").isEmpty)
        #expect(found("2023年度工作总结暨第四季度工作情况\n一年来，我镇扎实推进各项工作。\n", rule: "common/period-consistency").isEmpty)
    }

    /// A text run through a synonym tool shows several sure swaps; only then are the loose ones reported.
    @Test func looseSwapsOnlyInARewrittenText() {
        let rewritten = "坚持效劳大局，夯实工作根底，凝聚开展合力，深入开展主题教育，推动经济开展。\n"
        #expect(found(rewritten, rule: "words/rewritten").map(\.text) == ["效劳", "根底", "开展", "开展"])
        // One sure swap is not a rewritten text: 开展合力 and 产业开展 are left alone.
        #expect(found("坚持效劳大局，凝聚开展合力，推动产业开展。\n", rule: "words/rewritten").map(\.text) == ["效劳"])
    }

    /// The same slip in two lists (到达 for 达到 is a typo and a rewriting tool's swap) is one finding.
    @Test func oneFindingWhereTwoRulesProposeTheSameFix() {
        let findings = TestSupport.lint("出水水质已到达国家一级A标准。\n", rules: TestSupport.builtinRules).findings
            .filter { $0.suggestion == "达到" }
        #expect(findings.count == 1)
        // Two entries mending one slip over different spans (系统的 → 系统地, 的 → 地): one finding; two slips stay two.
        let mended = TestSupport.lint("系统的了解基层百姓的急难愁盼。\n", rules: TestSupport.builtinRules).findings
        #expect(mended.filter { $0.ruleId == "words/confusable" }.count == 1)
        let two = TestSupport.lint("系统的了解基层情况，认真的学习了文件。\n", rules: TestSupport.builtinRules).findings
        #expect(two.filter { $0.ruleId == "words/confusable" }.count == 2)
    }

    @Test func aReportSpeakingAsAnotherLevelThanItsTitle() {
        let district = "××区公立医院2023年党建工作情况汇报\n全区共有公立医院5家，全县公立医院均落实院长负责制。“全县一盘棋”是口号。\n"
        #expect(found(district, rule: "identity/level").map(\.text) == ["全县"])
        #expect(found("××县××镇2023年工作总结\n全镇在全县考核中位列第二。\n", rule: "identity/level").isEmpty)
        #expect(found("××县妇联2023年工作总结\n结合我社区实际，各社区结合本社区实际开展工作。\n", rule: "identity/level").map(\.text) == ["我社区"])
        #expect(found("××县各县区2023年工作总结\n我区全县两级联动。\n", rule: "identity/level").isEmpty)
    }
}
