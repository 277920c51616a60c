/// `check: level` of `kind: identity`: a report titled for one administrative level speaks as another. The
/// title names the unit's level (区公立医院, XX县妇联, XX镇); the lowest level it names is the report's. Reported:
/// - a word of another level of the same tier (全县 in a 区's report, 全乡 in a 镇's, 本村 in a 社区's);
/// - a 我 or 本 word of a lower tier (我社区, 结合本社区的实际 in a 县妇联's report): 全 words of a lower tier name
///   a place the unit governs, and a 本 word after the level's name in its sentence is that part's own (各社区结合本社区
///   实际, 社区党员完成本社区任务).
/// A title naming two levels of one tier (各县区), or one of `skipTitles` (开发区, 自治区), decides nothing.
/// Words inside “…” or 《…》 are someone else's. 本区域 and 全区间 are not self-references.
extension IdentityRule {
    struct Level: Sendable {
        let name: String
        /// The tier's rank: 0 for the first tier listed (县级), higher for lower tiers.
        let tier: Int
        let words: [String]
        /// Words in which the name does not name the level (乡村 for 乡, 社区 for 区).
        let notTitle: [String]
    }

    /// A level as the check reads it: the literals of its words, its name and `notTitle` as bytes.
    struct CompiledLevel: Sendable {
        let level: Level
        let words: [Int]
        let name: [UInt8]
        let notTitle: [[UInt8]]

        /// Whether the title names this level: the name somewhere outside every `notTitle` word.
        func isNamed(in title: [UInt8]) -> Bool {
            let covers = notTitle.flatMap { ByteSearch.ranges(of: $0, in: title) }
            return ByteSearch.ranges(of: name, in: title).contains { name in
                !covers.contains { $0.start <= name.start && $0.end >= name.end }
            }
        }
    }

    func levelMixes(_ context: RuleContext) -> [Finding] {
        let document = context.document
        // Most reports call themselves by no level's word at all: the title is not read for them.
        guard levels.contains(where: { $0.words.contains { !context.hits($0).isEmpty } }) else { return [] }
        let bytes = document.source.bytes
        guard let title = document.title, let own = titleLevel(Array(bytes[title.range.start..<title.range.end]))
        else { return [] }
        var findings: [Finding] = []
        for compiled in levels where compiled.level.name != own.name {
            let (level, words) = (compiled.level, compiled.words)
            let sameTier = level.tier == own.tier
            guard sameTier || level.tier > own.tier else { continue }
            for (word, literal) in zip(level.words, words) where sameTier || !word.hasPrefix("全") {
                for hit in context.hits(literal) where hit.start >= title.range.end {
                    if let next = IdentityRule.scalar(at: hit.end, bytes), "域间别级".unicodeScalars.contains(next) { continue }
                    if QuoteDepth.isInside(at: hit.start, lineOf: bytes) { continue }
                    if !sameTier, word.hasPrefix("本"), partsOwn(level, before: hit.start, bytes) { continue }
                    findings.append(
                        context.finding(
                            header, at: hit,
                            message: "\(header.message)：标题是\(own.name)的报告，这里自称“\(word)”"))
                }
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// 各社区结合本社区实际, 社区党员完成本社区任务: the 本 word is the own of a part named earlier in its sentence.
    func partsOwn(_ level: Level, before position: Int, _ bytes: [UInt8]) -> Bool {
        let name = Array(level.name.utf8)
        return EventsRule.anyInSentence(before: position, bytes) { _, index in ByteSearch.has(name, at: index, in: bytes) }
    }

    /// The lowest level the title names, nil when it names none, two of the lowest tier, or a skipped title.
    func titleLevel(_ title: [UInt8]) -> Level? {
        let whole = ByteRange(0, title.count)
        guard !skipTitles.contains(where: { ByteSearch.firstRange(of: $0, in: title, within: whole) != nil }) else { return nil }
        let named = levels.filter { $0.isNamed(in: title) }.map(\.level)
        guard let lowest = named.map(\.tier).max() else { return nil }
        let atLowest = named.filter { $0.tier == lowest }
        return atLowest.count == 1 ? atLowest[0] : nil
    }
}
