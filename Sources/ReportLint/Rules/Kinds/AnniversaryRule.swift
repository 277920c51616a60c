/// `kind: anniversary` — an anniversary named with the wrong year (DOMAIN.md §7): 建党100周年 is 2021,
/// 改革开放40周年 2018. `anniversaries:` lists each founding event with the literal `names` written before
/// the number (建党, 中国共产党成立, 新中国成立), its `year` and `source`. A name followed by a number
/// (100 or 一百) and 周年 is checked against the year written in the same clause before it: 2022年是建党
/// 101周年 is right, 2022年是建党100周年 is not; 今年, 去年 and 明年 are read against the report's year
/// (title, date line or opening, as for `events`), and without one they are not checked. An anniversary with
/// no year word in its clause is checked against the report's year only when its number is not round and more
/// than a year off (建党89周年 in a plan for 2017 was copied from an old one), or when it is round, held as the
/// year's activity (开展纪念建党九十周年系列庆祝活动) and more than five years off; 在庆祝建党100周年之际 is left
/// alone: a report may look back on a round anniversary.
struct AnniversaryRuleDefinition: RuleDefinition {
    static let keys = ["anniversaries"]
    static let entryKeys = ["name", "names", "year", "source"]

    struct Anniversary: Sendable {
        let name: String
        let names: [String]
        let year: Int
        let source: String?
    }

    let anniversaries: [Anniversary]

    static func parse(_ fields: MappingFields) -> AnniversaryRuleDefinition? {
        guard let sequence = fields.requiredSequence("anniversaries", expected: "纪念日列表") else { return nil }
        return AnniversaryRuleDefinition(
            anniversaries: sequence.compactMap { item in
                guard let entry = fields.reader.fields(item, what: "anniversaries 的每一项", allowed: entryKeys),
                    let name = entry.string("name", required: true),
                    let yearText = entry.string("year", required: true)
                else { return nil }
                guard let year = Int(yearText.value), (1000...2100).contains(year) else {
                    fields.reader.report(.wrongType(key: "year", expected: "四位年份，如 1921"), at: yearText.location)
                    return nil
                }
                let names = (entry.strings("names") ?? []).map(\.value)
                return Anniversary(
                    name: name.value, names: names.isEmpty ? [name.value] : names, year: year,
                    source: entry.string("source")?.value)
            })
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        AnniversaryRule(header: header, anniversaries: anniversaries.map { ($0, $0.names.map { literals.add($0) }) })
    }
}

public struct AnniversaryRule: Rule {
    public let header: RuleHeader
    let anniversaries: [(anniversary: AnniversaryRuleDefinition.Anniversary, names: [Int])]
    public var reads: ReportParts { [] }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let bytes = document.source.bytes
        var findings: [Finding] = []
        var seen = Set<Int>()
        for (anniversary, names) in anniversaries {
            // Keyed by where 周年 ends: 中华人民共和国成立75周年 also holds 共和国成立75周年, one anniversary.
            for hit in names.flatMap({ context.hits($0) }).sorted(by: <) {
                guard let (count, end) = Self.count(after: hit.end, bytes), seen.insert(end).inserted else { continue }
                let right = anniversary.year + count
                let written = document.text(ByteRange(hit.start, end))
                let basis = anniversary.source.map { "（\($0)）" } ?? ""
                let said: String
                if let time = TimeWord.nearest(before: hit.start, in: bytes) {
                    guard let meant = time.year(reportYear: document.year?.value), meant != right else { continue }
                    said = "而这里说的是\(meant)年（“\(document.text(time.range))”）"
                } else {
                    // No year word: only a non-round anniversary far from the report's year is certain. Round ones
                    // (建党100周年) are looked back on for years; 建党96周年 is only ever cited in 2017 (a year's
                    // slack for a plan written late in the year before or a summary early in the year after).
                    // A round one held as the year's own activity (开展纪念建党九十周年系列庆祝活动) more than five years
                    // from the report's year is an old plan's line, not a look back.
                    guard let reportYear = document.year,
                        count % 5 != 0
                            ? abs(reportYear.value - right) > 1
                            : abs(reportYear.value - right) > 5
                                && Self.heldAsActivity.contains(where: { IdentityRule.ends(at: hit.start, with: $0, bytes) })
                    else { continue }
                    said = "而本报告写的是\(reportYear.value)年（据\(reportYear.evidence)），请核对是否沿用了旧稿"
                }
                findings.append(
                    context.finding(
                        header, at: ByteRange(hit.start, end),
                        message:
                            "\(header.message)：\(anniversary.name)于\(anniversary.year)年，“\(written)”是\(right)年，\(said)\(basis)"
                    ))
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// Words before a name that make the anniversary the report's own activity.
    static let heldAsActivity = ["开展纪念", "开展庆祝", "举办纪念", "举办庆祝", "组织纪念", "组织庆祝", "举行纪念", "举行庆祝"]

    /// The number and 周年 right after a name: 100周年, 一百周年, 七十五周年. Returns the count and where 周年 ends.
    static func count(after start: Int, _ bytes: [UInt8]) -> (Int, Int)? {
        var index = start
        var digits = ""
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            digits.append(Character(Unicode.Scalar(bytes[index])))
            index += 1
        }
        var value = Int(digits)
        if value == nil {
            var chinese: [Unicode.Scalar] = []
            while let scalar = IdentityRule.scalar(at: index, bytes), "〇零一二两三四五六七八九十百".unicodeScalars.contains(scalar) {
                chinese.append(scalar)
                index += 3
            }
            value = chineseNumber(chinese)
        }
        let suffix = Array("周年".utf8)
        guard let count = value, count > 0, index + suffix.count <= bytes.count,
            bytes[index..<(index + suffix.count)].elementsEqual(suffix)
        else { return nil }
        return (count, index + suffix.count)
    }

    /// 一百零一, 七十五, 十, 四十: numbers below a thousand written in Chinese.
    static func chineseNumber(_ scalars: [Unicode.Scalar]) -> Int? {
        guard !scalars.isEmpty else { return nil }
        let digits: [Unicode.Scalar: Int] = [
            "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9,
        ]
        var total = 0
        var pending: Int?
        for scalar in scalars {
            if let digit = digits[scalar] {
                pending = digit
                continue
            }
            let unit = scalar == "百" ? 100 : 10
            total += (pending ?? 1) * unit
            pending = nil
        }
        return total + (pending ?? 0)
    }
}

extension AnniversaryRule: KnowledgeTable {
    var tableTitle: String { "纪念日" }
    var tableLines: [String] {
        anniversaries.map { item in
            "\(item.anniversary.name)：\(item.anniversary.year)年（写作\(item.anniversary.names.joined(separator: "、"))）"
                + (item.anniversary.source.map { "，依据：\($0)" } ?? "")
        }
    }
}

extension EventsRule: KnowledgeTable {
    var tableTitle: String { "事件与日期" }
    var tableLines: [String] {
        events.map { item in
            let event = item.event
            var line = "\(event.name)：\(event.start.chinese)"
            if let end = event.end { line += "至\(end.chinese)" }
            if let next = event.supersededBy { line += "（\(next.chinese)起为新一次大会取代）" }
            if let source = event.source { line += "，依据：\(source)" }
            return line
        }
    }
}

/// The year a clause speaks of, from the nearest year word before a position in the same clause: 2022年
/// (not 2022年以来) or 今年/本年 (0), 去年/上年 (−1), 明年 (+1).
struct TimeWord {
    enum Kind: Equatable {
        case year(Int)
        case relative(Int)
    }
    let kind: Kind
    let range: ByteRange

    /// The year meant: written out, or counted from the report's year (nil when the report has none).
    func year(reportYear: Int?) -> Int? {
        switch kind {
        case .year(let year): year
        case .relative(let offset): reportYear.map { $0 + offset }
        }
    }

    /// Looks back at most `limit` characters and stops at the clause's start (，。；：！？ or a line end).
    static func nearest(before position: Int, in bytes: [UInt8], limit: Int = 24) -> TimeWord? {
        var index = position
        var characters = 0
        let relative: [(String, Int)] = [("今年", 0), ("本年", 0), ("去年", -1), ("上年", -1), ("明年", 1)]
        while index > 0, characters < limit {
            guard let scalar = IdentityRule.scalar(endingAt: index, bytes) else { return nil }
            if "，。；：！？\n\r,;".unicodeScalars.contains(scalar) { return nil }
            let width = String(scalar).utf8.count
            if scalar == "年" {
                let yearEnd = index
                if let (word, offset) = relative.first(where: { IdentityRule.ends(at: yearEnd, with: $0.0, bytes) }) {
                    return TimeWord(kind: .relative(offset), range: ByteRange(yearEnd - word.utf8.count, yearEnd))
                }
                let digitsStart = yearEnd - width - 4
                if digitsStart >= 0, bytes[digitsStart..<(yearEnd - width)].allSatisfy({ (48...57).contains($0) }),
                    digitsStart == 0 || !(48...57).contains(bytes[digitsStart - 1]),
                    let year = Int(String(decoding: bytes[digitsStart..<(yearEnd - width)], as: UTF8.self)),
                    !IdentityRule.ends(at: min(bytes.count, yearEnd + 6), with: "以来", bytes),
                    !IdentityRule.ends(at: min(bytes.count, yearEnd + 3), with: "来", bytes)
                {
                    return TimeWord(kind: .year(year), range: ByteRange(digitsStart, yearEnd))
                }
            }
            index -= width
            characters += 1
        }
        return nil
    }
}
