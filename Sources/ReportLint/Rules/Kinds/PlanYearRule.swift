/// `kind: plan-year` — a year of a five-year plan named against the year of its clause (DOMAIN.md §7):
/// “十四五”开局之年 is 2021 and its 收官之年 2025, so “2022年是‘十四五’开局之年” is wrong. `plans:` lists each
/// plan with the literal `names` (十四五, 第十四个五年规划), its `start` and `end` years and `source`. After a
/// name, with 规划, 时期, 的 and a closing quote allowed between, a year marker is read: 开局之年 or 第一年 (the
/// start), 第二年 … 第五年, 收官之年 or 最后一年 (the end). It is checked against the year word of the same
/// clause (2022年, or 今年/去年/明年 by the report's year); a clause that opens with 也是 or 又是 takes the year
/// of the clause before (2021年是建党100周年，也是“十四五”开局之年; so does one opening with a bare 是). The
/// same kind dates other campaigns with a closing year (脱贫攻坚 2016–2020, `events/campaign-year`). A marker with no year word is left alone,
/// and so are plans merely mentioned (谋划“十五五”): those are discussed years before they start. A plan followed
/// as the current one (围绕“十三五”科技发展战略布局, 落实脱贫攻坚各项政策) at least two years after it ended is
/// reported as well, unless its sentence looks back (“十三五”期间, 完成情况, 2020年以来).
struct PlanYearRuleDefinition: RuleDefinition {
    static let keys = ["plans"]
    static let entryKeys = ["name", "names", "start", "end", "source"]

    struct Plan: Sendable {
        let name: String
        let names: [String]
        let start: Int
        let end: Int
        let source: String?
    }

    let plans: [Plan]

    static func parse(_ fields: MappingFields) -> PlanYearRuleDefinition? {
        guard let sequence = fields.requiredSequence("plans", expected: "规划列表") else { return nil }
        return PlanYearRuleDefinition(
            plans: sequence.compactMap { item in
                guard let entry = fields.reader.fields(item, what: "plans 的每一项", allowed: entryKeys),
                    let name = entry.string("name", required: true),
                    let startText = entry.string("start", required: true),
                    let endText = entry.string("end", required: true)
                else { return nil }
                guard let start = year(startText, fields), let end = year(endText, fields) else { return nil }
                guard start <= end else {
                    fields.reader.report(.wrongType(key: "end", expected: "不早于 start 的四位年份"), at: endText.location)
                    return nil
                }
                let names = (entry.strings("names") ?? []).map(\.value)
                return Plan(
                    name: name.value, names: names.isEmpty ? [name.value] : names, start: start, end: end,
                    source: entry.string("source")?.value)
            })
    }

    private static func year(_ text: Located<String>, _ fields: MappingFields) -> Int? {
        guard let year = Int(text.value), (1000...2100).contains(year) else {
            fields.reader.report(.wrongType(key: "start/end", expected: "四位年份，如 2021"), at: text.location)
            return nil
        }
        return year
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PlanYearRule(header: header, plans: plans.map { ($0, $0.names.map { literals.add($0) }) })
    }
}

public struct PlanYearRule: Rule {
    public let header: RuleHeader
    let plans: [(plan: PlanYearRuleDefinition.Plan, names: [Int])]
    public var reads: ReportParts { [] }

    /// Words allowed between a plan's name and its year marker.
    static let fillers = [
        "”", "’", "\"", "规划纲要", "规划", "时期", "期间", "全面实施的", "深入实施的", "实施的", "全面实施", "实施", "取得决定性胜利的",
        "取得全面胜利的", "攻坚战", "战", "的",
    ].map { Array($0.utf8) }
    /// The fillers that say the plan is being carried out (实施的, 全面实施).
    static let implementing = Set(fillers.filter { ByteSearch.contains(String(decoding: $0, as: UTF8.self), "实施") })
    /// Markers of a year inside the plan, any one (关键之年, 攻坚之年): counted only after 实施 (“十三五”规划全面实施的关键之年),
    /// since 谋划“十五五”的关键之年 is a year before it.
    static let withinMarkers = ["关键之年", "关键一年", "攻坚之年", "攻坚年"].map { Array($0.utf8) }
    /// Year markers: the offset from the plan's start, or nil for its last year. `lateOnly`: a unit may give the
    /// marker to a year before the end too (a county that left poverty in 2018 called it its 脱贫攻坚决胜之年), so
    /// it is wrong only for a year after the end.
    static let markers: [(word: [UInt8], offset: Int?, lateOnly: Bool)] = [
        ("开局起步之年", 0, false), ("开局之年", 0, false), ("开局年", 0, false), ("起步之年", 0, false), ("第一年", 0, false),
        ("第二年", 1, false), ("第三年", 2, false), ("第四年", 3, false), ("第五年", 4, false), ("收官之年", nil, false),
        ("收官年", nil, false), ("最后一年", nil, false), ("决战决胜之年", nil, true), ("决胜之年", nil, true), ("决胜年", nil, true),
    ].map { (Array($0.0.utf8), $0.1, $0.2) }
    /// Openings of a clause that speaks of the same year as the clause before it.
    /// A bare 是 too: 2021年是……开局之年，是……收官之年 leaves the subject out.
    static let sameYear = ["同时也是", "同时是", "也是", "又是", "更是", "还是", "是"].map { Array($0.utf8) }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let bytes = document.source.bytes
        var findings: [Finding] = []
        var seen = Set<Int>()
        for (plan, names) in plans {
            for hit in names.flatMap({ context.hits($0) }).sorted(by: <) where !seen.contains(hit.start) {
                guard let (offset, lateOnly, inside, markerStart, end) = Self.marker(after: hit.end, bytes) else {
                    // 围绕“十三五”科技发展战略布局 in a plan for 2023: an ended plan followed as the current one.
                    if let reportYear = document.year, reportYear.value >= plan.end + 2,
                        Self.followedAsCurrent(hit, bytes, endYear: plan.end)
                    {
                        seen.insert(hit.start)
                        findings.append(
                            context.finding(
                                header, at: hit,
                                message:
                                    "\(header.message)：\(plan.name)为\(plan.start)—\(plan.end)年，这里仍把它当作现行的规划或任务，而本报告写的是\(reportYear.value)年（据\(reportYear.evidence)）"
                                    + (plan.source.map { "（\($0)）" } ?? ""),
                                severity: .warning))
                    }
                    continue
                }
                seen.insert(hit.start)
                // 2021年度，全县脱贫攻坚决胜年，: a clause that only names the year's marker stands beside a year.
                let appositive = ByteSearch.has(Array("，".utf8), at: end, in: bytes)
                guard let time = Self.timeWord(before: hit.start, bytes, appositive: appositive),
                    let meant = time.year(reportYear: document.year?.value)
                else { continue }
                let marker = document.text(ByteRange(markerStart, end))
                let should: String
                if inside {
                    guard !(plan.start...plan.end).contains(meant) else { continue }
                    should = "\(marker)应在\(plan.start)—\(plan.end)年之间"
                } else {
                    let right = offset.map { plan.start + $0 } ?? plan.end
                    guard meant != right else { continue }
                    if lateOnly, meant <= plan.end { continue }
                    should = "\(marker)是\(right)年"
                }
                let basis = plan.source.map { "（\($0)）" } ?? ""
                findings.append(
                    context.finding(
                        header, at: ByteRange(hit.start, end),
                        message:
                            "\(header.message)：\(plan.name)为\(plan.start)—\(plan.end)年，\(should)，而这里说的是\(meant)年（“\(document.text(time.range))”）\(basis)"
                    ))
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// The marker after a name: its offset from the plan's start (nil: the last year), whether it is `lateOnly`,
    /// whether it names any year inside the plan (`withinMarkers`), where it starts and where it ends. A year
    /// marker stands past at most four fillers; one inside the plan past at most five, 实施 among them.
    static func marker(after start: Int, _ bytes: [UInt8]) -> (Int?, Bool, Bool, Int, Int)? {
        var index = start
        var afterFour = start
        var implemented = false
        for step in 0..<5 {
            guard let filler = fillers.first(where: { ByteSearch.has($0, at: index, in: bytes) }) else { break }
            implemented = implemented || implementing.contains(filler)
            index += filler.count
            if step < 4 { afterFour = index }
        }
        if let marker = markers.first(where: { ByteSearch.has($0.word, at: afterFour, in: bytes) }) {
            return (marker.offset, marker.lateOnly, false, afterFour, afterFour + marker.word.count)
        }
        guard implemented, let marker = withinMarkers.first(where: { ByteSearch.has($0, at: index, in: bytes) }) else {
            return nil
        }
        return (nil, false, true, index, index + marker.count)
    }

    /// The year word of the clause, or of the clause before when this one opens with 也是/又是, or when the clause
    /// before is only a year and this one only names the marker (`appositive`: 2021年度，全县脱贫攻坚决胜年，).
    static func timeWord(before position: Int, _ bytes: [UInt8], appositive: Bool = false) -> TimeWord? {
        if let time = TimeWord.nearest(before: position, in: bytes) { return time }
        var clauseStart = position
        while clauseStart > 0, position - clauseStart < 24,
            let scalar = IdentityRule.scalar(endingAt: clauseStart, bytes), scalar != "，"
        {
            clauseStart -= String(scalar).utf8.count
        }
        guard clauseStart > 0, IdentityRule.scalar(endingAt: clauseStart, bytes) == "，" else { return nil }
        var opening = Array(bytes[clauseStart..<position])
        for quote in ["“", "‘", "\""].map({ Array($0.utf8) }) where opening.count >= quote.count {
            if opening.suffix(quote.count).elementsEqual(quote) { opening.removeLast(quote.count) }
        }
        let previousEnd = clauseStart - "，".utf8.count
        // 2021年度，全县脱贫攻坚决胜之年: a clause that is only a year names the year of the next.
        if !sameYear.contains(opening) {
            guard appositive, let time = TimeWord.nearest(before: previousEnd, in: bytes),
                time.range.start == 0
                    || IdentityRule.scalar(endingAt: time.range.start, bytes).map({ "。；\n\r".unicodeScalars.contains($0) })
                        == true,
                previousEnd - time.range.end <= "度".utf8.count
            else { return nil }
            return time
        }
        return TimeWord.nearest(before: previousEnd, in: bytes)
    }

    /// 围绕国家和省“十三五”科技发展战略布局, 落实脱贫攻坚各项政策: a verb of following right before the name (a level
    /// and an opening quote may stand between), not a time or a result after it (十三五期间, 脱贫攻坚成果, 脱贫攻坚
    /// 与乡村振兴有效衔接), in a sentence that neither looks back (2020年以来, 完成情况, 评估) nor reviews several years.
    static func followedAsCurrent(_ name: ByteRange, _ bytes: [UInt8], endYear: Int) -> Bool {
        var start = name.start
        if IdentityRule.ends(at: start, with: "“", bytes) { start -= "“".utf8.count }
        var skipped = 0
        while skipped < 6, let scalar = IdentityRule.scalar(endingAt: start, bytes), "国家省市县区和及、".unicodeScalars.contains(scalar) {
            start -= String(scalar).utf8.count
            skipped += 1
        }
        guard followingVerbs.contains(where: { IdentityRule.ends(at: start, with: $0, bytes) }) else { return false }
        var end = name.end
        if ByteSearch.has(Array("”".utf8), at: end, in: bytes) { end += "”".utf8.count }
        guard !afterwords.contains(where: { ByteSearch.has(Array($0.utf8), at: end, in: bytes) }) else { return false }
        var sentenceEnd = end
        while sentenceEnd < bytes.count, sentenceEnd - end < 120, bytes[sentenceEnd] != 0x0A,
            !sentenceEnds.contains(where: { ByteSearch.has($0, at: sentenceEnd, in: bytes) })
        {
            sentenceEnd += 1
        }
        let rest = String(decoding: bytes[end..<sentenceEnd], as: UTF8.self)
        return !lookingBack.contains(where: { rest.contains($0) })
            && !EventsRule.looksBack(inSentenceBefore: start, bytes, endYear: endYear) && !EventsRule.reviewsSeveralYears(bytes)
    }

    static let followingVerbs = ["围绕", "按照", "落实", "实施", "推进", "对照", "贯彻", "紧扣", "聚焦", "根据", "依据", "执行", "编制"]
    static let afterwords = [
        "以来", "期间", "时期", "收官", "结束", "圆满", "胜利", "成果", "末", "中期", "的成就", "与乡村振兴", "同乡村振兴", "和乡村振兴",
        "有效衔接",
    ]
    static let sentenceEnds = ["。", "；"].map { Array($0.utf8) }
    static let lookingBack = ["完成情况", "评估", "总结", "回顾", "收官", "已完成", "成效", "验收"]
}

extension PlanYearRule: KnowledgeTable {
    var tableTitle: String { "五年规划" }
    var tableLines: [String] {
        plans.map { item in
            "\(item.plan.name)：\(item.plan.start)—\(item.plan.end)年（写作\(item.plan.names.joined(separator: "、"))）"
                + (item.plan.source.map { "，依据：\($0)" } ?? "")
        }
    }
}
