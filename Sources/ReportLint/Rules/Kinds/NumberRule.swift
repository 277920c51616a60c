/// `kind: number` — the use of numbers by GB/T 15835-2011 (出版物上数字的用法), one check per rule through
/// `check:`:
/// - `abbreviated-year`: a year cut to two digits where it can only be a year: before 年度 (`24年度`), or
///   opening a clause before 年 and a word that only follows a year (`24年，` `24年以来` `24年3月` `于24年底`);
///   `工作24年` (a duration) is left alone. Fixed to the full year.
/// - `year-unit`: a year of four digits opening a clause with no 年 before the next word (`2018抓…`,
///   `2035远景目标`), or anywhere before a word that only follows a year (`及2023工作安排`, `2023上半年`); not
///   before a measure word (`2018人次`) or 至/到/和 (`2018至2020年`); also before 的 and such a word
///   (`团委2023的工作计划`). Fixed by adding 年.
/// - `range`: a range of numbers joined by a hyphen or an ASCII tilde (`1-9月`, `2023-2025年`, `3~5人`):
///   a range of time takes the 一字线 — (`1—9月`), one of quantities the 浪纹线 ～ (`3～5人`). Dates, codes
///   (`GB/T 15834-2011`), telephone numbers and versions are left alone.
/// - `approximation`: 余 or 多 (approximate) after an exact number (`66余项`: 60余项, or 66项), and a long
///   exact number before them (`50000余人次` → `5万余人次`, fixed); `66余万元` (approximate at the 万) is fine.
/// - `mixed-numerals`: in one sentence, counts in Arabic figures and in Chinese numerals (`旁听庭审2次、
///   参观基地五次`); a Chinese count is a numeral from 两 up before 次 场 期 批 轮 名 件 篇 份 户 家, not 一
///   (一次性, 一批) or a lone 二 (二期工程: an ordinal), not in “…”, not in a name (`二十届中央纪委三次全会`,
///   `十四五期间`), not summing up names just listed (“天鸽”“帕卡”三场台风); 两 alone only beside a figure with the
///   same measure.
/// - `mixed-ordinals`: 第1 and 第一 for the same thing (`第1季度` and `第三季度`) in one report; the less
///   used form is reported. Names of congresses and plenums (`第十九次全国代表大会`) are left alone.
/// - `plan-period`: the short names of the five-year plans in `words:` (十四五) need quotation marks
///   (“十四五”规划); fixed by adding them, except when a quotation mark already stands beside the name the wrong
///   way round (”十五五“, the quotation-mark rules' business) or it is inside 《…》.
/// - `money-unit`: an amount in 万 or 亿 without 元 right after one of `words:` (`资金50万，` → `50万元`),
///   only when the amount ends the clause; fixed by adding 元.
/// - `year-order`: a span of years that ends where it starts or before it (`2024-2024第一学期`), see `YearSpan`.
/// - `broken-decimal`: a decimal point with no digit after it between a word and a unit (`任务5.万亩`).
/// - `document-number`: the year of a document number in [] or （） instead of 〔〕 (`安政办函[2025]130号`).
struct NumberRuleDefinition: RuleDefinition {
    static let keys = ["check", "words"]

    let check: NumberRule.Check
    let words: [Located<String>]

    static func parse(_ fields: MappingFields) -> NumberRuleDefinition? {
        guard let value = fields.string("check", required: true) else { return nil }
        guard let check = NumberRule.Check(rawValue: value.value) else {
            fields.reader.report(
                .wrongType(
                    key: "check",
                    expected: NumberRule.Check.allCases.map(\.rawValue)
                        .joined(separator: "、") + " 之一"), at: value.location)
            return nil
        }
        let words = fields.strings("words") ?? []
        if check == .moneyUnit || check == .planPeriod, words.isEmpty {
            fields.reader.report(.missingKey("words"), at: fields.node)
            return nil
        }
        return NumberRuleDefinition(check: check, words: words)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        let starts: [String] =
            switch check {
            case .approximation: ["近"]
            case .mixedNumerals: NumberRule.chineseCountWords
            default: words.map(\.value)
            }
        return NumberRule(
            header: header, check: check, words: starts.map(literals.add),
            ordinal: check == .mixedOrdinals ? literals.add("第") : nil)
    }
}

public struct NumberRule: Rule {
    public enum Check: String, Sendable, CaseIterable {
        case abbreviatedYear = "abbreviated-year"
        case yearUnit = "year-unit"
        case range
        case approximation
        case mixedNumerals = "mixed-numerals"
        case mixedOrdinals = "mixed-ordinals"
        case moneyUnit = "money-unit"
        case planPeriod = "plan-period"
        case yearOrder = "year-order"
        case brokenDecimal = "broken-decimal"
        case documentNumber = "document-number"
    }

    public let header: RuleHeader
    let check: Check
    let words: [Int]
    let ordinal: Int?
    public var fixable: Bool {
        switch check {
        case .abbreviatedYear, .yearUnit, .range, .approximation, .moneyUnit, .planPeriod: return true
        case .mixedNumerals, .mixedOrdinals, .yearOrder, .brokenDecimal, .documentNumber: return false
        }
    }
    public var reads: ReportParts { .scalars }

    typealias Problem = (range: Range<Int>, message: String, suggestion: String?)

    public func check(_ context: RuleContext) -> [Finding] {
        let source = context.document.source
        let text = NumberText(scalars: source.scalars)
        var problems: [Problem] = []
        switch check {
        case .abbreviatedYear, .yearUnit, .range, .yearOrder, .brokenDecimal, .documentNumber:
            problems = context.numberRunProblems[check] ?? []
        case .approximation:
            problems = context.numberRunProblems[check] ?? []
            problems += words.flatMap { context.hits($0) }.compactMap { nearAndMore(source.scalarIndex(ofByte: $0.start), text) }
            problems.sort { $0.range.lowerBound < $1.range.lowerBound }
        case .mixedNumerals: problems = mixedNumerals(context, text)
        case .mixedOrdinals:
            problems = mixedOrdinals(ordinal.map { context.hits($0) }?.map { source.scalarIndex(ofByte: $0.start) } ?? [], text)
        case .planPeriod:
            problems = words.flatMap { context.hits($0) }.sorted().compactMap { planPeriod(source.scalarIndices($0), text) }
        case .moneyUnit:
            problems = words.flatMap { context.hits($0) }.sorted().compactMap {
                moneyUnit(source.scalarIndices($0).upperBound, text)
            }
        }
        return problems.map { problem in
            context.finding(
                header, at: source.byteRange(problem.range), message: "\(header.message)：\(problem.message)",
                suggestion: fixable ? problem.suggestion : nil)
        }
    }

    // MARK: the checks of each run of digits

    /// The problems of the checks that look at each run of digits, found in one pass over the runs (shared by
    /// the rules through the context): the character after a run decides which check can apply at all.
    static func runProblems(_ runs: [DigitRun], _ scalars: [Unicode.Scalar]) -> [Check: [Problem]] {
        let text = NumberText(scalars: scalars)
        var found: [Check: [Problem]] = [
            .abbreviatedYear: [], .yearUnit: [], .range: [], .approximation: [], .yearOrder: [], .brokenDecimal: [],
            .documentNumber: [],
        ]
        for run in runs {
            guard let next = text.at(run.upper) else { continue }
            if run.count == 4, let problem = YearSpan.problem(run, text) { found[.yearOrder]!.append(problem) }
            switch next {
            case "年":
                if let problem = abbreviatedYear(run, text) { found[.abbreviatedYear]!.append(problem) }
                if let problem = range(run, text) { found[.range]!.append(problem) }
            case "月", "日", "-", "－", "~", "〜", "%", "％":
                if let problem = range(run, text) { found[.range]!.append(problem) }
            case "余", "多":
                if let problem = approximation(run, text) { found[.approximation]!.append(problem) }
            case "万" where run.isDecimal, "亿" where run.isDecimal:
                if let problem = decimalApproximation(run, text) { found[.approximation]!.append(problem) }
            case "，":
                if let problem = yearBeforeComma(run, text) { found[.yearUnit]!.append(problem) }
            case ".", "．":
                if let problem = brokenDecimal(run, text) { found[.brokenDecimal]!.append(problem) }
            case "]", "］", ")", "）", "】", "〕", "号":
                if let problem = documentNumber(run, text) { found[.documentNumber]!.append(problem) }
            default:
                if run.count == 4, CharacterClass.isHan(next), let problem = yearUnit(run, text) {
                    found[.yearUnit]!.append(problem)
                }
            }
        }
        return found
    }

    // MARK: years

    private static func abbreviatedYear(_ run: DigitRun, _ text: NumberText) -> Problem? {
        guard run.count == 2, text.at(run.upper) == "年", !run.isDecimal, text.isNumberStart(run.lower) else { return nil }
        let digits = text.string(run.range)
        let full = (Int(digits)! < 50 ? "20" : "19") + digits
        let next = text.at(run.upper + 1)
        var yearly = next == "度"
        if !yearly, text.opensClause(before: run.lower) {
            // Not 、: 10年、24年、30年 lists durations as often as years.
            if let next, "，上下全初底末我本共累第".unicodeScalars.contains(next) { yearly = true }
            if next == "以", text.at(run.upper + 2) == "来" { yearly = true }
            if let next, CharacterClass.isDigit(next) {
                var index = run.upper + 1
                while let scalar = text.at(index), CharacterClass.isDigit(scalar) { index += 1 }
                if text.at(index) == "月" { yearly = true }
            }
        }
        // 达到19年同期的101.1%, 与23年同期相比: a time compared with, never a duration.
        if !yearly, next == "同", text.at(run.upper + 2) == "期",
            text.opensClause(before: run.lower) || text.at(run.lower - 1).map({ "与比较为占超低高".unicodeScalars.contains($0) }) == true
        {
            yearly = true
        }
        guard yearly else { return nil }
        return (run.range, "“\(digits)年”应为“\(full)年”", full)
    }

    /// Words a four-digit number takes as its measure (so it is a quantity, not a year).
    static let measures = Set(
        "年月日号届期次个项件名人位户家所座条份篇场批轮元万亿千百多余亩平米公吨辆台套本册张页字时天周岁分秒笔类种级版型款栋间处床株头只棵架艘部首枚根把斤克升度倍例宗起单组队支室楼至到和与及或、".unicodeScalars)

    /// Words that follow a year and never a quantity: after one, a four-digit number is a year wherever it
    /// stands (年度工作总结及2023工作安排, 现将2023上半年…); 工作日 and 工作量 are measures and are left out.
    static let yearOnlyWords = [
        "上半年", "下半年", "全年", "前三季度", "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度",
        "第四季度", "工作总结", "工作计划", "工作要点", "工作报告", "工作安排", "工作思路", "工作情况", "工作汇报", "工作任务",
        "工作开展情况", "工作完成情况", "贯彻落实", "以来",
        // 对2022全市优化营商环境工作情况: a whole area's work is a year's, never a count's.
        "全市", "全县", "全区", "全省", "全镇", "全乡",
    ].map { Array($0.unicodeScalars) }

    private static func isYearOnlyWord(at index: Int, _ text: NumberText) -> Bool {
        yearOnlyWords.contains { text.starts(with: $0, at: index) }
    }

    static let namedByBareYear = ["学年", "届", "级", "财年"].map { Array($0.unicodeScalars) }

    private static func yearUnit(_ run: DigitRun, _ text: NumberText) -> Problem? {
        guard run.count == 4, let next = text.at(run.upper), next != "年", CharacterClass.isHan(next), !run.isDecimal,
            !NumberRule.measures.contains(next), text.year(run.range) != nil,
            text.isNumberStart(run.lower),
            // 2022学年, 2022届毕业生, 2022级新生: a school year and a class are named by the bare year.
            !NumberRule.namedByBareYear.contains(where: { text.starts(with: $0, at: run.upper) }),
            !namesACampaignYear(run, text),
            text.opensClause(before: run.lower) || isYearOnlyWord(at: run.upper, text)
                || next == "的" && isYearOnlyWord(at: run.upper + 1, text)
        else { return nil }
        let digits = text.string(run.range)
        return (run.range, "“\(digits)\(next)”应为“\(digits)年\(next)”", digits + "年")
    }

    /// “2024攻坚突破年”, “2023中国省级开发区高质量发展百强”: a quoted name that opens with its year, written bare
    /// as the campaign or the ranking is named.
    private static func namesACampaignYear(_ run: DigitRun, _ text: NumberText) -> Bool {
        guard text.at(run.lower - 1) == "“" else { return false }
        var index = run.upper
        while index < run.upper + 30, let scalar = text.at(index), scalar != "”", scalar != "\n" { index += 1 }
        return text.at(index) == "”"
    }

    /// A year opening a sentence with a comma and no 年 (`2024，社区将……`): only at a line start or after 。；,
    /// where a bare four-digit figure can be nothing but the time of what follows (after ： it may be a count).
    private static func yearBeforeComma(_ run: DigitRun, _ text: NumberText) -> Problem? {
        guard run.count == 4, !run.isDecimal, text.year(run.range) != nil, text.isNumberStart(run.lower),
            let after = text.at(run.upper + 1), CharacterClass.isHan(after)
        else { return nil }
        switch text.at(run.lower - 1) {
        case nil, "\n", "\r", "。", "；": break
        default: return nil
        }
        let digits = text.string(run.range)
        return (run.range, "“\(digits)，”应为“\(digits)年，”", digits + "年")
    }

    /// 任务5.万亩: a decimal point with no digit after it, between a word and a unit (a numbered item, 5.万人助万企
    /// at a line start, stands after no Han character).
    private static func brokenDecimal(_ run: DigitRun, _ text: NumberText) -> Problem? {
        guard !run.isDecimal, run.count <= 8, let before = text.at(run.lower - 1), CharacterClass.isHan(before) else {
            return nil
        }
        var unitStart = run.upper + 1
        if let first = text.at(unitStart), first == "万" || first == "亿" { unitStart += 1 }
        guard NumberRule.brokenDecimalUnits.contains(where: { text.starts(with: $0, at: unitStart) }) else { return nil }
        let written = text.string(run.lower..<(run.upper + 1))
        return (run.lower..<(run.upper + 1), "“\(written)”的小数点后缺数字", nil)
    }

    static let brokenDecimalUnits = [
        "亩", "元", "人", "户", "个", "吨", "平方米", "公里", "千米", "立方米", "家", "项", "件", "次", "台", "辆", "头", "只", "株", "公顷",
    ].map { Array($0.unicodeScalars) }

    /// 安政办函[2025]130号: the year of a document number in brackets other than 〔〕 (also 【2012】), or with one
    /// of its 〔〕 missing (咸纪发2022〕7号, 皖政务办秘〔202137号), right after the issuer's code and before the number
    /// and 号 (GB/T 9704-2012 7.2.4).
    private static func documentNumber(_ run: DigitRun, _ text: NumberText) -> Problem? {
        guard !run.isDecimal, let issuer = text.at(run.lower - 1) else { return nil }
        // The year and the number run together: 〔202137号 (the 〕 between them left out), or 治欠办发20218号 (both
        // brackets left out, after an office's 办发, 政发, 委发 …; 收发20218号 is a count).
        if run.count >= 5, run.count <= 8, let year = text.year(run.lower..<(run.lower + 4)), text.at(run.upper) == "号",
            let code = text.at(run.lower - 2)
        {
            let number = text.string((run.lower + 4)..<run.upper)
            if issuer == "〔", CharacterClass.isHan(code) {
                let written = text.string((run.lower - 1)..<run.upper)
                return ((run.lower - 1)..<run.upper, "“\(written)”缺“〕”，应为“〔\(year)〕\(number)”", nil)
            }
            if "发函字".unicodeScalars.contains(issuer), "办政委厅局府党纪组部司室院会".unicodeScalars.contains(code) {
                let written = text.string(run.lower..<run.upper)
                return (run.lower..<run.upper, "“\(written)号”缺“〔〕”，应为“〔\(year)〕\(number)号”", nil)
            }
        }
        guard run.count == 4, let year = text.year(run.range), let close = text.at(run.upper) else { return nil }
        let opening = "[［(（【〔".unicodeScalars
        let start: Int
        if opening.contains(issuer) {
            guard let code = text.at(run.lower - 2), CharacterClass.isHan(code),
                "]］)）】".unicodeScalars.contains(close)
                    || issuer != "〔" && close == "〕"
            else { return nil }
            start = run.lower - 1
        } else {
            // 咸纪发2022〕7号: the issuer's code runs into the year, the 〔 left out.
            guard CharacterClass.isHan(issuer), close == "〕" else { return nil }
            start = run.lower
        }
        var index = run.upper + 1
        let digits = index
        while let scalar = text.at(index), CharacterClass.isDigit(scalar), index - digits < 4 { index += 1 }
        guard index > digits else { return nil }
        if let space = text.at(index), space == " " || space == "\u{3000}" { index += 1 }
        guard text.at(index) == "号" else { return nil }
        let written = text.string(start..<(run.upper + 1))
        return (start..<(run.upper + 1), "“\(written)”应为“〔\(year)〕”", nil)
    }

    // MARK: ranges

    private static func range(_ run: DigitRun, _ text: NumberText) -> Problem? {
        // Most numbers are followed by neither a joiner nor 年月日: decided at once.
        switch text.at(run.upper) {
        case "-", "－", "~", "〜", "年", "月", "日", "%", "％": break
        default: return nil
        }
        // The joiner after the first number, or after its 年/月/日 (2023年-2025年) or % (60%-70%).
        var joiner = run.upper
        let percent = text.at(joiner) == "%" || text.at(joiner) == "％"
        if let unit = text.at(joiner), "年月日%％".unicodeScalars.contains(unit) { joiner += 1 }
        guard let mark = text.at(joiner), "-－~〜".unicodeScalars.contains(mark),
            let first = text.at(joiner + 1), CharacterClass.isDigit(first), run.count <= 4,
            !run.isDecimal || joiner == run.upper || percent, text.isNumberStart(run.lower)
        else { return nil }
        if text.continuesCode(before: run.lower) { return nil }
        // 〔2021〕1360-1号: the serial of a document number after its year, not a range.
        if let before = text.at(run.lower - 1), "〕]］".unicodeScalars.contains(before) { return nil }
        var end = joiner + 1
        while let scalar = text.at(end),
            CharacterClass.isDigit(scalar) || scalar == "." && text.at(end + 1).map(CharacterClass.isDigit) == true
        {
            end += 1
        }
        guard end - (joiner + 1) <= 4, let after = text.at(end), !percent || after == "%" || after == "％" else { return nil }
        let isYear = run.count == 4 && (1900...2100).contains(Int(text.string(run.range)) ?? 0)
        let isTime = "年月日号时点".unicodeScalars.contains(after) || joiner != run.upper && !percent || isYear
        guard CharacterClass.isHan(after) || after == "%" || after == "‰" || (isYear && after == "）") else { return nil }
        let dash = isTime ? "—" : "～"
        // 50-45岁以上: the larger number first is a slip in the figures, which no change of the mark mends.
        if !isTime, let low = Double(text.string(run.range)), let high = Double(text.string((joiner + 1)..<end)), low > high {
            return (
                joiner..<(joiner + 1),
                "表示数值范围用浪纹线“～”（或“至”），不用“\(mark)”；这里前一个数比后一个大（\(text.string(run.lower..<end))），请核对数字", nil
            )
        }
        let example = text.string(run.lower..<(end + 1)).replacingOccurrences(of: String(mark), with: dash)
        return (
            joiner..<(joiner + 1),
            isTime
                ? "表示时间起止用一字线“—”（或“至”），不用“\(mark)”：应为“\(example)”"
                : "表示数值范围用浪纹线“～”（或“至”），不用“\(mark)”：应为“\(example)”", dash
        )
    }

    // MARK: approximate numbers

    private static func approximation(_ run: DigitRun, _ text: NumberText) -> Problem? {
        guard !run.isDecimal, let mark = text.at(run.upper), mark == "余" || mark == "多", text.isNumberStart(run.lower),
            text.at(run.lower - 1) != ",", let value = text.value(run.range)
        else { return nil }
        let next = text.at(run.upper + 1)
        // 66余万元, 3多万: the approximation is at the 万 (or 千, 百), which the figure stops at.
        if let next, "万亿千百".unicodeScalars.contains(next) { return nil }
        // 多 as an approximation stands before a measure word; 5多措并举 is another word.
        if mark == "多", !(next.map { NumberRule.measures.contains($0) || $0 == "人" } ?? false) { return nil }
        let digits = text.string(run.range)
        let range = run.lower..<(run.upper + 1)
        if value % 10 != 0 {
            let round = value >= 10 ? "\(value / 10 * 10)\(mark)" : "\(value)"
            return (range, "“\(digits)\(mark)”：“\(mark)”表示概数，不能跟在确数后面，应为“\(round)”或“\(digits)”", nil)
        }
        // 50000余人次 could be 5万余人次, but GB/T 15835-2011 4.1.3 only allows 万 and 亿 as units ("可以"), and
        // reviewers leave such figures alone: not reported.
        return nil
    }

    /// 2505.39万余元: a figure given to the hundred 元 is exact, and 余 after it says the opposite. One
    /// decimal (1.5万余人) is a figure rounded to the thousand, which 余 may follow.
    private static func decimalApproximation(_ run: DigitRun, _ text: NumberText) -> Problem? {
        let digits = text.string(run.range)
        guard let point = digits.firstIndex(of: "."), digits[digits.index(after: point)...].count >= 2,
            text.isNumberStart(run.lower), let unit = text.at(run.upper), unit == "万" || unit == "亿",
            let mark = text.at(run.upper + 1), mark == "余" || mark == "多"
        else { return nil }
        return (
            run.lower..<(run.upper + 2), "“\(digits)\(unit)\(mark)”：写到小数的数额是确数，不能再加“\(mark)”，应为“\(digits)\(unit)”",
            nil
        )
    }

    /// 近万余名, 近30多人: 近 (not quite) and 余/多 (more than) contradict each other.
    private func nearAndMore(_ index: Int, _ text: NumberText) -> Problem? {
        // 附近30余家, 最近10余年: 近 of place or time, not 将近.
        if let before = text.at(index - 1), "附最邻靠就远贴亲临新晚".unicodeScalars.contains(before) { return nil }
        var end = index + 1
        while let scalar = text.at(end), end < index + 9,
            CharacterClass.isDigit(scalar) || scalar == "." || NumberRule.chineseNumerals.contains(scalar)
                || "万亿".unicodeScalars.contains(scalar)
        {
            end += 1
        }
        guard end > index + 1, let mark = text.at(end), mark == "余" || mark == "多",
            mark == "余" || text.at(end + 1).map({ NumberRule.measures.contains($0) || $0 == "人" }) == true
        else { return nil }
        let written = text.string(index..<(end + 1))
        return (index..<(end + 1), "“\(written)”：“近”与“\(mark)”意思相反，二者只用其一", nil)
    }

    // MARK: mixed numerals

    /// Measure words of counts, and the words that begin with one but are not a count (期间, 批评, 家庭).
    static let countMeasures = Set("次场期批轮名件篇份户家个".unicodeScalars)
    static let arabicMeasures = Set("次场期批轮名件篇份户家项个人条所天".unicodeScalars)
    static let notCounts = [
        "期间", "期限", "期待", "期望", "期刊", "批评", "批示", "批准", "批复", "批次", "家庭", "家风", "家属",
        "家长", "家园", "家乡", "家政", "名义", "名单", "名称", "名额", "名录", "名誉", "份额", "场所", "场地",
        "场景", "场合", "场馆", "篇章", "篇幅", "户籍", "户外", "户口", "轮岗", "轮训", "轮换", "轮车", "轮一辆", "轮摩托", "次要", "次序",
        "次日", "次年", "次全会", "次全体会议", "次代表大会", "次全国", "件事", "期工程", "期项目",
        // 个 before the words of fixed formulations and figures of speech (四个意识, 三个方面).
        "个方面", "个意识", "个自信", "个维护", "个确立", "个全面", "个代表", "个务必", "个坚持", "个一",
        "个字", "个百年", "个层面", "个环节", "个重点", "个重要", "个关键", "个必须", "个不", "个更加",
        "个到位", "个优先", "个清单", "个体", "个人", "个别", "个性", "个案", "天下",
    ].map { Array($0.unicodeScalars) }
    static let chineseNumerals = Set("一二两三四五六七八九十百千零〇".unicodeScalars)

    /// The literals a Chinese count is found from: a numeral from 二 up (or 一名) and a measure word, and 十余,
    /// 百多 and the like before one (三十余场); the scan finds them with every other literal.
    static let chineseCountWords: [String] = {
        let measures = "次场期批轮名件篇份户家个".map(String.init)
        var words = ["一名"]
        for numeral in "二两三四五六七八九十百".map(String.init) { words += measures.map { numeral + $0 } }
        for numeral in ["十", "百"] { for mark in ["余", "多"] { words += measures.map { numeral + mark + $0 } } }
        return words
    }()

    private func planPeriod(_ name: Range<Int>, _ text: NumberText) -> Problem? {
        let before = text.at(name.lowerBound - 1)
        let after = text.at(name.upperBound)
        let written = text.string(name)
        if before == "“" && after == "”" || before == "‘" && after == "’" { return nil }
        if before == "”" && after == "“" {
            return ((name.lowerBound - 1)..<(name.upperBound + 1), "“\(written)”的引号方向反了", nil)
        }
        // Beside a quotation mark (“十四五规划”), or in a document title, the name stays as written. ASCII
        // quotes ("十一五") count too: their shape is standards/ascii-quote's finding, and quoting again would
        // double them.
        if let before, "“”‘’\"'".unicodeScalars.contains(before) { return nil }
        if let after, "“”‘’\"'".unicodeScalars.contains(after) { return nil }
        var titles = 0
        for index in text.lineStart(name.lowerBound)..<name.lowerBound {
            if text.scalars[index] == "《" { titles += 1 } else if text.scalars[index] == "》" { titles = max(0, titles - 1) }
        }
        if titles > 0 { return nil }
        return (name, "“\(written)”要加引号", "“" + written + "”")
    }

    // MARK: money

    private func moneyUnit(_ wordEnd: Int, _ text: NumberText) -> Problem? {
        var index = wordEnd
        var skipped = 0
        while let scalar = text.at(index), "共计累合总达约近超过到为额分别逾了".unicodeScalars.contains(scalar), skipped < 4 {
            index += 1
            skipped += 1
        }
        guard let first = text.at(index), CharacterClass.isDigit(first) else { return nil }
        while let scalar = text.at(index), CharacterClass.isDigit(scalar) || scalar == "." { index += 1 }
        if let mark = text.at(index), mark == "余" || mark == "多" { index += 1 }
        guard let unit = text.at(index), unit == "万" || unit == "亿" else { return nil }
        var end = index + 1
        if unit == "万", text.at(end) == "亿" { end += 1 }
        if let mark = text.at(end), mark == "余" || mark == "多" { end += 1 }
        // 产值280万左右。: the approximation does not end the amount's unit.
        let approximate = text.at(end) == "左" && text.at(end + 1) == "右"
        // Only an amount that ends its clause or is told of (资金50万，; 总投资1.4亿的项目); 资金惠及3万人 is a count.
        guard
            text.at(approximate ? end + 2 : end).map({
                "，。；、）（(”的".unicodeScalars.contains($0) || CharacterClass.isSpace($0) || $0 == "\n"
            }) ?? true
        else { return nil }
        let amount = text.string(text.numberStart(before: index)..<end)
        return ((end - 1)..<end, "“\(amount)”应为“\(amount)元”", text.string((end - 1)..<end) + "元")
    }
}
