/// `kind: coordination` — two bodies written together without the 顿号 between them (GB/T 15834 4.5:
/// coordinate words take 、): `市委市政府` → `市委、市政府`, `县委县政府`, `党委政府`. `pairs:` lists the
/// bodies that are two, written as they should be (`市委、市政府`); `except:` the words after them that make the whole one
/// body (市委市政府办公室 is not flagged: a joint office is one body). Not inside “…” or 《…》 (a document
/// title is quoted as issued). Fixed by inserting 、.
struct CoordinationRuleDefinition: RuleDefinition {
    static let keys = ["pairs", "except"]

    let pairs: [(String, String)]
    let exceptions: [Located<String>]

    static func parse(_ fields: MappingFields) -> CoordinationRuleDefinition? {
        guard let items = fields.strings("pairs") else {
            fields.reader.report(.missingKey("pairs"), at: fields.node)
            return nil
        }
        var pairs: [(String, String)] = []
        for item in items {
            let parts = item.value.components(separatedBy: "、")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                fields.reader.report(.wrongType(key: "pairs", expected: "“甲、乙”形式的字符串"), at: item.location)
                return nil
            }
            pairs.append((parts[0], parts[1]))
        }
        return CoordinationRuleDefinition(pairs: pairs, exceptions: fields.strings("except") ?? [])
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        CoordinationRule(
            header: header, pairs: pairs.map { (literals.add($0.0 + $0.1), $0.0, $0.1) },
            exceptions: exceptions.map { Array($0.value.utf8) })
    }
}

public struct CoordinationRule: Rule {
    public let header: RuleHeader
    let pairs: [(literal: Int, first: String, second: String)]
    let exceptions: [[UInt8]]
    public var fixable: Bool { true }
    public var reads: ReportParts { [] }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let bytes = document.source.bytes
        var findings: [Finding] = []
        for pair in pairs {
            for hit in context.hits(pair.literal) {
                if exceptions.contains(where: { starts(bytes, at: hit.end, with: $0) }) { continue }
                // 坪山区委区政府412B: an address (a building), not the two bodies.
                if hit.end < bytes.count, bytes[hit.end] < 0x80, CharacterClass.isWordish(Unicode.Scalar(bytes[hit.end])) {
                    continue
                }
                if QuoteDepth.isInside(at: hit.start, lineOf: bytes) { continue }
                let joined = pair.first + "、" + pair.second
                findings.append(
                    context.finding(
                        header, at: hit, message: "\(header.message)：“\(pair.first)\(pair.second)”应为“\(joined)”",
                        suggestion: joined))
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    private func starts(_ bytes: [UInt8], at index: Int, with word: [UInt8]) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in word.indices where bytes[index + offset] != word[offset] { return false }
        return true
    }
}
