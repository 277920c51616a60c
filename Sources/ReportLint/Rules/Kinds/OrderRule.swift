/// `kind: order` — the party-building blocks in their usual order (since 2017: 政治建设 → 思想建设 →
/// 组织建设 → 作风建设 → 纪律建设). Each of `blocks` has a name and the words that identify it in a
/// heading; headings at `levels` (default 1 and 2) that name exactly one block are placed, and a block
/// that comes after one it should precede (among headings of the same level) is reported at its heading.
struct OrderRuleDefinition: RuleDefinition {
    static let keys = ["blocks", "levels"]

    let blocks: [(name: String, words: [Located<String>])]
    let levels: Set<Int>

    static func parse(_ fields: MappingFields) -> OrderRuleDefinition? {
        guard let node = fields.value("blocks"), case .sequence(let sequence) = node else {
            if let node = fields.value("blocks") {
                fields.reader.report(.wrongType(key: "blocks", expected: "板块列表"), at: node)
            } else {
                fields.reader.report(.missingKey("blocks"), at: fields.node)
            }
            return nil
        }
        let blocks = sequence.compactMap { item -> (String, [Located<String>])? in
            guard let block = fields.reader.fields(item, what: "blocks 的每一项", allowed: ["name", "words"]),
                  let name = block.string("name", required: true) else { return nil }
            guard let words = block.strings("words"), !words.isEmpty else {
                fields.reader.report(.missingKey("words"), at: item)
                return nil
            }
            return (name.value, words)
        }
        let levels = (fields.strings("levels") ?? []).compactMap { Int($0.value) }
        return OrderRuleDefinition(blocks: blocks, levels: levels.isEmpty ? [1, 2] : Set(levels))
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        OrderRule(header: header, blocks: blocks.map { ($0.name, $0.words.map { literals.add($0.value) }) }, levels: levels)
    }
}

public struct OrderRule: Rule {
    public let header: RuleHeader
    let blocks: [(name: String, words: [Int])]
    let levels: Set<Int>

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        // Which blocks each heading names.
        var named: [Int: Set<Int>] = [:]
        for (block, entry) in blocks.enumerated() {
            for word in entry.words {
                for hit in context.hits(word) {
                    if let heading = document.heading(withTextContaining: hit), levels.contains(heading.level) {
                        named[heading.index, default: []].insert(block)
                    }
                }
            }
        }
        // Blocks are compared among headings of one level: （二）严守政治纪律 under 政治建设 is no 纪律建设 block.
        var findings: [Finding] = []
        var latest: [Int: (block: Int, heading: Heading)] = [:]
        var placed = Set<String>()
        for heading in document.headings {
            guard let names = named[heading.index], names.count == 1, let block = names.first,
                  placed.insert("\(heading.level)/\(block)").inserted else { continue }
            if let previous = latest[heading.level], block < previous.block {
                findings.append(context.finding(header, at: heading.text,
                    message: "\(header.message)：“\(blocks[block].name)”通常排在“\(blocks[previous.block].name)”（第 \(previous.heading.line) 行）之前"))
            } else {
                latest[heading.level] = (block, heading)
            }
        }
        return findings
    }
}
