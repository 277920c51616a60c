import Testing

@testable import ReportLint

/// The standards pack (GB/T 15835 numbers, GB/T 15834 punctuation, repeated words): where its findings
/// fall and what they suggest, beyond the inline examples; and the vector search for repeats against the
/// plain one.
@Suite("Standards pack")
struct StandardsTests: BuiltinFindingsSuite {
    @Test func numbersAreReportedWhereTheyStandWithTheirForm() {
        #expect(
            found("24年度总结\n24年，我局于23年底完成整改。\n", rule: "standards/abbreviated-year").map(\.suggestion)
                == ["2024", "2024", "2023"])
        #expect(
            found("1-9月办理案件，2023年-2025年持续推进，每组3~5人。\n", rule: "standards/number-range").map(\.suggestion)
                == ["—", "—", "～"])
        #expect(
            found("培训50000余人次，查阅120000多册，办理66余件。\n", rule: "standards/approximate-number").map(\.suggestion) == [nil])
        #expect(found("落实资金1.5亿，经费300余万。\n", rule: "standards/money-unit").map(\.suggestion) == ["亿元", "万元"])
        #expect(found("编制十四五规划，学习《十四五规划纲要》，总结“十三五”。\n", rule: "standards/plan-period-quotes").map(\.text) == ["十四五"])
    }

    @Test func mixedNumeralsNameBothFormsAndLeaveFixedTermsAlone() {
        let findings = found("组织旁听庭审2次、参观基地五次，十四五期间一次性解决问题3个。\n", rule: "standards/mixed-numerals")
        #expect(findings.map(\.text) == ["五次"])
        #expect(found("开展检查三十余场次，参训200余人次。\n", rule: "standards/mixed-numerals").map(\.text) == ["三十余场"])
    }

    @Test func quotesAreTurnedAndNested() {
        #expect(
            found("编制”十五五“规划，学习‘枫桥经验’。\n", rule: "standards/quote-direction").map(\.suggestion)
                == ["“十五五”", "“枫桥经验”"])
        #expect(found("开展“学习\"强国\"积分赛”。\n", rule: "standards/ascii-quote").map(\.suggestion) == ["‘", "’"])
        // Inside 《…》 alone a quotation keeps double quotes.
        #expect(
            found("落实《创建\"全国文明城市\"三年行动方案》。\n", rule: "standards/ascii-quote").map(\.suggestion) == ["“", "”"])
        // ASCII single quotes inside ASCII double ones are the inner pair.
        #expect(
            found("推出\"奉献第'疫'线\"主题活动。\n", rule: "standards/ascii-quote").map(\.suggestion) == ["“", "‘", "’", "”"])
        #expect(found("他说：“要学习。”。坚持“有权必有责。”，严格问责。\n", rule: "standards/quote-stop").map(\.text) == ["。", "。"])
    }

    @Test func seriesSeparatorsFollowTheList() {
        #expect(
            found("一是学习不够深入。二是监督不够有力，三是整改不够彻底。\n", rule: "standards/series-separator").map(\.suggestion)
                == ["。"])
        #expect(
            found("一是学习不够深入；二是监督不够有力。三是整改不够彻底；四是制度不健全。\n", rule: "standards/series-separator")
                .map(\.suggestion) == ["；"])
    }

    @Test func repeatsAreTheSecondCopy() {
        #expect(found("全体全体党员、党委、党委委员，“学习学习”。\n", rule: "standards/repeated-word").map(\.text) == ["全体", "、党委"])
    }

    @Test func vectorSearchForRepeatsFindsWhatThePlainSearchFinds() throws {
        let rule = try #require(
            StandardsTests.rules.rules.first { $0.header.id == "standards/repeated-word" } as? RepeatedWordRule)
        let alphabet = Array("全体党委、一个天研究“”\n学a".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let scalars = (0..<Int.random(in: 0...80, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            // The plain search: every position in turn.
            var plain: [(Range<Int>, Range<Int>)] = []
            scalars.withUnsafeBufferPointer { s in
                var next = 0
                for index in s.indices where index >= next {
                    if let found = rule.repetition(at: index, s),
                        !rule.isQuoted(found.0.lowerBound, joined: found.1.count > found.0.count, s)
                    {
                        plain.append(found)
                        next = found.1.upperBound
                    }
                }
            }
            let fast = rule.repeats(in: scalars)
            #expect(
                fast.map(\.0) == plain.map(\.0) && fast.map(\.1) == plain.map(\.1), "\(String(String.UnicodeScalarView(scalars)))"
            )
        }
    }
}
