import Testing

@testable import ReportLint

/// Positions, ranges and suggestions of the built-in kinds; the packs' inline examples (run by
/// BuiltinRulesTests) cover whether each rule fires at all.
@Suite("Built-in kinds: where and what they report")
struct PackKindTests {
    static let rules = TestSupport.builtinRules

    func findings(_ text: String, rule: String) -> [Finding] {
        TestSupport.lint(text, rules: PackKindTests.rules).findings.filter { $0.ruleId == rule }
    }

    func texts(_ text: String, rule: String) -> [String] {
        let source = TestSupport.source(text)
        return findings(text, rule: rule).map { source.string($0.range) }
    }

    @Test func placeholderRunsAreJoinedAndFormulasLeftAlone() {
        #expect(
            texts("学习党的XX届X中X会精神，召开会议*次，按3 × 4分组，导出xlsx表格，开展“1+X”活动。", rule: "common/placeholder")
                == ["XX届X中X", "*"])
        #expect(texts("某某同志（此处填写职务）【待补充】", rule: "common/placeholder") == ["某某", "（此处填写职务）", "【待补充】"])
    }

    @Test func missingFigureCoversVerbAndMeasure() {
        #expect(texts("全年共开展次学习，对余件信访件复核，对个别党员谈话。", rule: "common/missing-figure") == ["开展次", "对余件"])
    }

    @Test func numberingSuggestsTheStandardForm() throws {
        let found = findings("一、主要工作\n1、加强学习\n（1）、开展活动\n二、存在的问题。\n", rule: "common/numbering")
        #expect(found.map(\.suggestion) == ["1.", "（1）", ""])
        #expect(found.map(\.start.line) == [2, 3, 4])
        #expect(found[2].start.column == 8) // the 。 after 存在的问题
    }

    @Test func numberingAcceptsPlanStyleRunOn() {
        let text = "2024年工作要点\n一、政治建设\n1.学习。\n2.研讨。\n二、思想建设\n3.宣讲。\n4.调研。\n"
        #expect(findings(text, rule: "common/numbering").isEmpty)
    }

    @Test func seriesMessages() {
        let found = findings("一是学习；三是整改；三是监督。", rule: "common/series")
        #expect(
            found.map(\.message) == [
                "“一是、二是”序列有误：“一是”之后应为“二是”，这里是“三是”",
                "“一是、二是”序列有误：“三是”重复",
            ])
    }

    @Test func pairsReportTheUnmatchedMark() {
        // （ closes over an open “: the inner mark is the one left unmatched.
        let crossed = findings("学习“《党章》和（“四个意识）”。", rule: "common/paired-punctuation")
        #expect(crossed.map(\.start.column) == [10])
        #expect(crossed[0].message == "成对的标点不配对：““”没有对应的“””")
        let stray = findings("全年召开会议12次）。", rule: "common/paired-punctuation")
        #expect(stray.map(\.message) == ["成对的标点不配对：“）”没有对应的“（”"])
    }

    @Test func strayRunsOfSpacesAreOneFindingWithAnEmptySuggestion() {
        let found = findings("召开党组  会议，认真学习\u{3000}，深入领会。", rule: "common/stray-space")
        #expect(found.map { "\($0.start.column)-\($0.end.column)" } == ["5-7", "14-15"])
        #expect(found.allSatisfy { $0.suggestion == "" })
    }

    @Test func punctuationSuggestions() {
        #expect(findings("学习,研讨;整改:", rule: "common/half-width-punctuation").map(\.suggestion) == ["，", "；", "："])
        #expect(texts("开展读书班……等活动", rule: "common/ellipsis") == ["……等"])
        #expect(texts("办好一件大事—建设清廉机关，2023—2025年", rule: "common/dash") == ["—"])
        #expect(texts("学习“四个意识”、“四个自信”", rule: "common/quote-enumeration-comma") == ["、"])
    }

    @Test func formulationSuggestsOnlyForLiteralVariantsAndKeepsEntrySeverity() {
        let found = findings("严格落实八项规定精神，坚定“四个意识”。", rule: "common/formulation")
        #expect(found.map(\.suggestion) == ["中央八项规定精神", nil])
        #expect(found.map(\.severity) == [.warning, .error])
        #expect(findings("深刻领悟“两个确立”的决定性意义", rule: "common/formulation").isEmpty)
    }

    @Test func yearConsistencyAllowsNextYearPlans() {
        let text = "2023年工作总结\n2023年，我局推进工作。2024年，我局将继续推进。2021年，我局曾经试点。\n"
        #expect(texts(text, rule: "common/year-consistency") == ["2021年"])
    }

    @Test func selfReferenceNamesTheDominantForm() throws {
        let found = findings("我局召开会议。我局研究部署。我室落实。我办理了手续。", rule: "common/self-reference")
        #expect(found.map(\.message) == ["单位自称不一致：全文多用“我局”（2 处），这里是“我室”"])
        #expect(found[0].suggestion == "我局")
        // 我局 and 本局 are one unit, counted together; on a tie nothing is changed.
        let counted = findings("我办召开会议。我局研究部署。本局督办。", rule: "common/self-reference")
        #expect(counted.map(\.message) == ["单位自称不一致：全文多用“我局”（2 处），这里是“我办”"])
        let tied = findings("我办召开会议。我单位研究部署。我局落实。", rule: "common/self-reference")
        #expect(tied.map(\.message) == ["单位自称不一致：前文用“我办”，这里是“我局”，两种说法用得一样多，请统一"])
        #expect(tied[0].suggestion == nil)
    }

    @Test func duplicateNamesTheEarlierParagraph() {
        let paragraph = "全年共召开党组理论学习中心组学习会议十二次，开展专题研讨五次。"
        let found = findings("总结\n\(paragraph)\n其他内容比较长的一段话，写的是完全不同的事情。\n\(paragraph)\n", rule: "common/duplicate-paragraph")
        #expect(found.map(\.message) == ["段落重复：与第 2 行的段落完全相同"])
        #expect(found[0].start.line == 4)
    }

    @Test func blockOrderSkipsHeadingsNamingTwoBlocks() {
        let ambiguous = "2023年党建工作总结\n一、理论武装和政治建设\n二、加强政治建设\n"
        #expect(findings(ambiguous, rule: "summary/block-order").isEmpty)
    }

    @Test func approvalIsAllowedInARequest() {
        #expect(findings("关于增设机构的请示\n妥否，请批示。\n", rule: "common/approval-request").isEmpty)
        #expect(texts("2023年工作总结\n妥否，请批示。\n", rule: "common/approval-request") == ["请批示"])
    }

    @Test func documentTypeOnlyWhenGuessed() {
        #expect(findings("2023年工作总结\n内容。\n", rule: "common/document-type").isEmpty)
        #expect(findings("市委：\n内容。\n", rule: "common/document-type").count == 1)
    }

    @Test func numberingRendersEveryForm() {
        #expect(
            NumberingForm.allCases.map { $0.render(12) } == [
                "十二、", "（十二）", "12.", "（12）", "⑫", "十二.", "十二，", "十二 ", "(十二)", "〔十二〕", "（十二）、", "12、", "(12)", "（12）、", "⑫、",
                "⑫.",
            ])
    }
}
