/// `kind: identity` — a report speaks as one unit (DOMAIN.md §5, issue 16 item 5). A report copied from
/// another unit's keeps that unit's words. One check per rule through `check:`:
/// - `units`: the unit names itself as the subject of a clause (局党组高度重视……, 常委会党组认真落实……,
///   我局, 市人大机关全体干部……) in words of two different kinds of unit. `units:` lists each kind with its
///   `words`; a word counts when it opens a clause (after the start of a line or ，。；：！？、, optionally
///   after one of 我 本 全 市 区 县 州 省 or a redaction like XX), or anywhere when it starts with 我 or 本.
///   The kind named most wins (on a tie the one named first) and the others are reported. A body the unit
///   reports to or quotes (向市人大常委会报告, 报经市人大常委会党组研究) does not open a clause and is not
///   counted.
/// - `party-body`: the unit's own party body is a 党委 in one place and a 党组 in another (XX党委……，党组书记
///   履行第一责任人职责). Counted like `units`; 机关党委 and the like (a body with its own name) and the
///   generic 党委（党组） are not the unit's own.
/// - `referent`: `referents:` such as 该公司 or 该局 with no unit of that kind (`unit:`) named before them
///   in the body: a report about itself copied from a report about someone else. A name counts as an
///   antecedent when a Chinese character other than 该 本 我 各 此 这 那 每 其 precedes the unit word and it
///   is not inside one of `notNames` (大局, 布局 for 局).
/// - `level`: the title names the unit's administrative level (区公立医院, XX镇) and the text calls itself by
///   another level of the same tier (全县 in a 区's report, 全乡 in a 镇's) or by a lower one with 我 (我社区 in
///   a 县妇联's report). See `IdentityLevel.swift`.
struct IdentityRuleDefinition: RuleDefinition {
    static let keys = ["check", "units", "referents", "levels", "skipTitles"]
    static let unitKeys = ["name", "words"]
    static let referentKeys = ["word", "unit", "notNames"]
    static let levelKeys = ["name", "tier", "words", "notTitle"]

    enum Check: String, CaseIterable {
        case units
        case partyBody = "party-body"
        case referent
        case level
    }

    struct Unit: Sendable {
        let name: String
        let words: [String]
    }
    struct Referent: Sendable {
        let word: String
        let unit: String
        let notNames: [String]
    }

    let check: Check
    let units: [Unit]
    let referents: [Referent]
    var levels: [IdentityRule.Level] = []
    var skipTitles: [String] = []

    static func parse(_ fields: MappingFields) -> IdentityRuleDefinition? {
        guard let value = fields.string("check", required: true) else { return nil }
        guard let check = Check(rawValue: value.value) else {
            fields.reader.report(.wrongType(key: "check", expected: "units、party-body、referent 或 level"), at: value.location)
            return nil
        }
        var units: [Unit] = []
        var referents: [Referent] = []
        switch check {
        case .units:
            guard let sequence = fields.requiredSequence("units", expected: "单位类别列表") else { return nil }
            units = sequence.compactMap { item in
                guard let unit = fields.reader.fields(item, what: "units 的每一项", allowed: unitKeys),
                    let name = unit.string("name", required: true)
                else { return nil }
                guard let words = unit.strings("words"), !words.isEmpty else {
                    fields.reader.report(.missingKey("words"), at: item)
                    return nil
                }
                return Unit(name: name.value, words: words.map(\.value))
            }
        case .referent:
            guard let sequence = fields.requiredSequence("referents", expected: "指代词列表") else { return nil }
            referents = sequence.compactMap { item in
                guard let referent = fields.reader.fields(item, what: "referents 的每一项", allowed: referentKeys),
                    let word = referent.string("word", required: true),
                    let unit = referent.string("unit", required: true)
                else { return nil }
                return Referent(
                    word: word.value, unit: unit.value,
                    notNames: (referent.strings("notNames") ?? []).map(\.value))
            }
        case .partyBody:
            break
        case .level:
            guard let sequence = fields.requiredSequence("levels", expected: "行政层级列表") else { return nil }
            var tiers: [String] = []
            let levels = sequence.compactMap { item -> IdentityRule.Level? in
                guard let level = fields.reader.fields(item, what: "levels 的每一项", allowed: levelKeys),
                    let name = level.string("name", required: true), let tier = level.string("tier", required: true)
                else { return nil }
                guard let words = level.strings("words"), !words.isEmpty else {
                    fields.reader.report(.missingKey("words"), at: item)
                    return nil
                }
                if !tiers.contains(tier.value) { tiers.append(tier.value) }
                return IdentityRule.Level(
                    name: name.value, tier: tiers.firstIndex(of: tier.value)!, words: words.map(\.value),
                    notTitle: (level.strings("notTitle") ?? []).map(\.value))
            }
            return IdentityRuleDefinition(
                check: check, units: [], referents: [], levels: levels,
                skipTitles: (fields.strings("skipTitles") ?? []).map(\.value))
        }
        return IdentityRuleDefinition(check: check, units: units, referents: referents)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        switch check {
        case .units:
            return IdentityRule(
                header: header, check: check,
                claims: units.map { unit in unit.words.map { (unit.name, $0, literals.add($0)) } }.flatMap { $0 },
                referents: [])
        case .partyBody:
            let words = ["党委", "党组"]
            return IdentityRule(
                header: header, check: check,
                claims: words.map { ($0, $0, literals.add($0)) }, referents: [])
        case .referent:
            return IdentityRule(
                header: header, check: check, claims: [],
                referents: referents.map { referent in
                    IdentityRule.CompiledReferent(
                        referent: referent, word: literals.add(referent.word),
                        unit: literals.add(referent.unit),
                        notNames: referent.notNames.map { literals.add($0) })
                })
        case .level:
            return IdentityRule(
                header: header, check: check, claims: [], referents: [],
                levels: levels.map { level in
                    IdentityRule.CompiledLevel(
                        level: level, words: level.words.map { literals.add($0) }, name: Array(level.name.utf8),
                        notTitle: level.notTitle.map { Array($0.utf8) })
                },
                skipTitles: skipTitles.map { Array($0.utf8) })
        }
    }
}

public struct IdentityRule: Rule {
    struct CompiledReferent: Sendable {
        let referent: IdentityRuleDefinition.Referent
        let word: Int
        let unit: Int
        let notNames: [Int]
    }

    public let header: RuleHeader
    let check: IdentityRuleDefinition.Check
    /// (kind of unit or party body, the word, its literal)
    let claims: [(kind: String, word: String, literal: Int)]
    let referents: [CompiledReferent]
    /// For `level`: each level with the literals of its words and the bytes its title test reads.
    var levels: [CompiledLevel] = []
    var skipTitles: [[UInt8]] = []
    public var reads: ReportParts { [] }

    public func check(_ context: RuleContext) -> [Finding] {
        switch check {
        case .units, .partyBody: return mixedClaims(context)
        case .referent: return danglingReferents(context)
        case .level: return levelMixes(context)
        }
    }

    // MARK: units and party bodies

    private func mixedClaims(_ context: RuleContext) -> [Finding] {
        let bytes = context.document.source.bytes
        var found: [(kind: String, word: String, range: ByteRange)] = []
        for claim in claims {
            for hit in context.hits(claim.literal) where isOwn(claim.word, hit, bytes) {
                found.append((claim.kind, claim.word, hit))
            }
        }
        // A longer word wins over one inside it (常委会机关党组 over 常委会机关): sorted by start, longest first,
        // a word ending inside the last kept one is dropped.
        found.sort { ($0.range.start, -$0.range.end) < ($1.range.start, -$1.range.end) }
        var reach = -1
        found = found.filter { one in
            defer { reach = max(reach, one.range.end) }
            return one.range.end > reach
        }
        var counts: [String: Int] = [:]
        for one in found { counts[one.kind, default: 0] += 1 }
        guard counts.count > 1 else { return [] }
        let firstIndex = Dictionary(found.enumerated().map { ($0.element.kind, $0.offset) }, uniquingKeysWith: min)
        let main = counts.keys.max { (counts[$0]!, -firstIndex[$0]!) < (counts[$1]!, -firstIndex[$1]!) }!
        let mainWord = found.first { $0.kind == main }!.word
        return found.filter { $0.kind != main }.map { other in
            context.finding(
                header, at: other.range,
                message: check == .partyBody
                    ? "\(header.message)：全文以“\(main)”为本单位的党组织（\(counts[main]!) 处，如“\(mainWord)”），这里是“\(other.word)”"
                    : "\(header.message)：全文以\(main)自称（\(counts[main]!) 处，如“\(mainWord)”），这里以\(other.kind)的“\(other.word)”自称")
        }
    }

    /// A word the unit says of itself: 我局 anywhere; the others opening a clause, perhaps after a one-character
    /// place (市局党组), 我/本/全, or a redaction (XX党委). For party bodies: not 党委（党组）, not 机关党委.
    private func isOwn(_ word: String, _ range: ByteRange, _ bytes: [UInt8]) -> Bool {
        if word.hasPrefix("我") || word.hasPrefix("本") { return true }
        if check == .partyBody {
            if let next = IdentityRule.scalar(at: range.end, bytes), "（(、和与织".unicodeScalars.contains(next) { return false }
            if let before = IdentityRule.scalar(endingAt: range.start, bytes), before == "（" || before == "(" { return false }
        }
        var start = range.start
        // Redactions: XX, ××, **.
        while let scalar = IdentityRule.scalar(endingAt: start, bytes), "Xx×Ｘｘ*＊".unicodeScalars.contains(scalar) {
            start -= String(scalar).utf8.count
        }
        if start == range.start, let scalar = IdentityRule.scalar(endingAt: start, bytes) {
            if check == .partyBody,
                let unit = IdentityRule.unitAbbreviations.first(where: { IdentityRule.ends(at: start, with: $0, bytes) })
            {
                start -= unit.utf8.count
                if let place = IdentityRule.scalar(endingAt: start, bytes), "我本全市区县州省".unicodeScalars.contains(place) {
                    start -= String(place).utf8.count
                }
            } else if "我本全市区县州省".unicodeScalars.contains(scalar) {
                start -= String(scalar).utf8.count
            }
        }
        guard let before = IdentityRule.scalar(endingAt: start, bytes) else { return true }
        return "\n\r，。；：！？、".unicodeScalars.contains(before) || before == " " || before == "　"
    }

    /// The unit a party body belongs to, written before it (局党组, 公司党委, 常委会党组).
    static let unitAbbreviations = ["常委会", "公司", "集团", "街道", "政协", "局", "处", "厅", "委", "院", "会", "镇", "乡", "校", "所", "办", "中心"]

    // MARK: referents

    private func danglingReferents(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let bytes = document.source.bytes
        let bodyStart = document.title.map { $0.range.end } ?? 0
        var findings: [Finding] = []
        for compiled in referents {
            let uses = context.hits(compiled.word)
            guard !uses.isEmpty else { continue }
            let blocked = compiled.notNames.flatMap { context.hits($0) }
            let ownWord = compiled.word
            let names = context.hits(compiled.unit).filter { hit in
                hit.start >= bodyStart
                    && !context.hits(ownWord).contains { $0.end == hit.end }
                    && !blocked.contains { $0.start <= hit.start && $0.end >= hit.end }
                    && IdentityRule.scalar(endingAt: hit.start, bytes).map {
                        CharacterClass.isHan($0) && !"该本我各此这那每其贵".unicodeScalars.contains($0)
                    } == true
            }
            for use in uses where !names.contains(where: { $0.end <= use.start }) {
                findings.append(
                    context.finding(
                        header, at: use,
                        message:
                            "\(header.message)：前文没有写明哪个“\(compiled.referent.unit)”，“\(compiled.referent.word)”无所指；本单位应自称，或先写出单位名称"
                    ))
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    // MARK: bytes

    static func scalar(endingAt end: Int, _ bytes: [UInt8]) -> Unicode.Scalar? {
        guard end > 0, end <= bytes.count else { return nil }
        var start = end - 1
        while start > 0, end - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first
    }

    static func scalar(at start: Int, _ bytes: [UInt8]) -> Unicode.Scalar? {
        guard start >= 0, start < bytes.count else { return nil }
        return UTF8Scalars.decode(bytes, at: start).scalar
    }

    /// Whether `word` ends at byte `end`; false for any `end` outside the text (callers look past a word).
    static func ends(at end: Int, with word: String, _ bytes: [UInt8]) -> Bool {
        ByteSearch.has(Array(word.utf8), endingAt: end, in: bytes)
    }
}
