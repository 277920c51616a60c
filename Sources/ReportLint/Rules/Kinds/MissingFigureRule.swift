/// `kind: missing-figure` — a counting word followed directly by a measure word, with the number left
/// out: `共开展次`, `审议个`, `对余件`, `累计发放万元`. The word lists live in the YAML: `verbs`, `measures`,
/// and `exceptions` (words that begin with a measure word but are not one: 个人, 项目, 条例 …, or with a
/// verb and its measure word: 处理场).
struct MissingFigureRuleDefinition: RuleDefinition {
    static let keys = ["verbs", "measures", "exceptions"]

    let verbs: [Located<String>]
    let measures: [Located<String>]
    let exceptions: [String]

    static func parse(_ fields: MappingFields) -> MissingFigureRuleDefinition? {
        let verbs = fields.strings("verbs") ?? []
        let measures = fields.strings("measures") ?? []
        if verbs.isEmpty { fields.reader.report(.missingKey("verbs"), at: fields.node) }
        if measures.isEmpty { fields.reader.report(.missingKey("measures"), at: fields.node) }
        guard !verbs.isEmpty, !measures.isEmpty else { return nil }
        return MissingFigureRuleDefinition(
            verbs: verbs, measures: measures,
            exceptions: (fields.strings("exceptions") ?? []).map(\.value))
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        // Longest measure first, so 人次 wins over 人 and 余件 is seen whole.
        let measures = measures.map { Array($0.value.utf8) }.sorted { $0.count > $1.count }
        return MissingFigureRule(
            header: header, verbs: verbs.map { literals.add($0.value) },
            measures: measures, exceptions: exceptions.map { Array($0.utf8) },
            measureStarts: StartFilter(measures)?.first)
    }
}

public struct MissingFigureRule: Rule {
    public let header: RuleHeader
    let verbs: [Int]
    let measures: [[UInt8]]
    let exceptions: [[UInt8]]
    /// The first characters of the measures (nil when one does not start with a 1–3-byte character): the
    /// verbs include 对 and 共, whose many hits are mostly followed by no measure at all.
    let measureStarts: [UInt64]?
    public var reads: ReportParts { [] }

    public func check(_ context: RuleContext) -> [Finding] {
        let bytes = context.document.source.bytes
        var ranges: [ByteRange] = []
        for verb in verbs {
            for hit in context.hits(verb) {
                if let measureStarts, hit.end < bytes.count, let (next, _) = AhoCorasick.character(bytes, at: hit.end),
                    !StartFilter.has(measureStarts, next)
                {
                    continue
                }
                guard let measure = measures.first(where: { starts(bytes, at: hit.end, with: $0) }) else { continue }
                // An exception begins with the measure (个人) or with the verb and its measure (处理场).
                if exceptions.contains(where: { starts(bytes, at: hit.end, with: $0) || starts(bytes, at: hit.start, with: $0) })
                {
                    continue
                }
                ranges.append(ByteRange(hit.start, hit.end + measure.count))
            }
        }
        let document = context.document
        return ByteRange.merged(ranges).map { range in
            context.finding(header, at: range, message: "\(header.message)：“\(document.text(range))”")
        }
    }

    private func starts(_ bytes: [UInt8], at index: Int, with word: [UInt8]) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in word.indices where bytes[index + offset] != word[offset] { return false }
        return true
    }
}
