/// `kind: order` — the party-building blocks in their usual order (since 2017: 政治建设 → 思想建设 →
/// 组织建设 → 作风建设 → 纪律建设). Each of `blocks` has a name and the words that identify it in a
/// heading; headings at `levels` (default 1 and 2) that name exactly one block are placed, and a block
/// that comes after one it should precede (among headings of the same level) is reported at its heading.
/// Only a level whose headings name at least `minBlocks` (default 3) different blocks is a run of 党建
/// blocks: a 党史学习教育 summary that opens with 强化理论武装 and then 加强政治建设 is about theory study,
/// not a 思想建设 block placed before 政治建设.
struct OrderRuleDefinition: RuleDefinition {
    static let keys = ["blocks", "levels", "minBlocks"]

    let blocks: [(name: String, words: [Located<String>])]
    let levels: Set<Int>
    let minBlocks: Int

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
                let name = block.string("name", required: true)
            else { return nil }
            guard let words = block.strings("words"), !words.isEmpty else {
                fields.reader.report(.missingKey("words"), at: item)
                return nil
            }
            return (name.value, words)
        }
        let levels = (fields.strings("levels") ?? []).compactMap { Int($0.value) }
        var minBlocks = 3
        if let value = fields.string("minBlocks") {
            if let number = Int(value.value), number >= 2 {
                minBlocks = number
            } else {
                fields.reader.report(.wrongType(key: "minBlocks", expected: "不小于 2 的整数"), at: value.location)
            }
        }
        return OrderRuleDefinition(blocks: blocks, levels: levels.isEmpty ? [1, 2] : Set(levels), minBlocks: minBlocks)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        OrderRule(
            header: header, blocks: blocks.map { ($0.name, $0.words.map { literals.add($0.value) }) }, levels: levels,
            minBlocks: minBlocks)
    }
}

public struct OrderRule: Rule {
    public let header: RuleHeader
    let blocks: [(name: String, words: [Int])]
    let levels: Set<Int>
    let minBlocks: Int

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
        var blocksAtLevel: [Int: Set<Int>] = [:]
        for heading in document.headings {
            if let names = named[heading.index], names.count == 1 { blocksAtLevel[heading.level, default: []].formUnion(names) }
        }
        for heading in document.headings where blocksAtLevel[heading.level, default: []].count >= minBlocks {
            guard let names = named[heading.index], names.count == 1, let block = names.first,
                placed.insert("\(heading.level)/\(block)").inserted
            else { continue }
            if let previous = latest[heading.level], block < previous.block {
                findings.append(
                    context.finding(
                        header, at: heading.text,
                        message:
                            "\(header.message)：“\(blocks[block].name)”通常排在“\(blocks[previous.block].name)”（第 \(previous.heading.line) 行）之前"
                    ))
            } else {
                latest[heading.level] = (block, heading)
            }
        }
        return findings
    }
}
