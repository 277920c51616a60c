/// `kind: pairs` — paired marks balance within a paragraph and nest properly: “” ‘’ （） 《》 【】 〈〉 「」.
/// An unmatched closing mark is reported where it stands; an opening mark left open, where it opens.
struct PairsRuleDefinition: RuleDefinition {
    static let keys = ["pairs"]

    /// Each entry is two characters: the opening and the closing mark.
    let pairs: [(open: Unicode.Scalar, close: Unicode.Scalar)]

    static func parse(_ fields: MappingFields) -> PairsRuleDefinition? {
        guard let entries = fields.strings("pairs") else {
            return PairsRuleDefinition(pairs: ["“”", "‘’", "（）", "《》", "【】", "〈〉", "「」"].map(pair))
        }
        var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        for entry in entries {
            guard entry.value.unicodeScalars.count == 2 else {
                fields.reader.report(.wrongType(key: "pairs", expected: "两个字符组成的配对（如 “”）"), at: entry.location)
                continue
            }
            pairs.append(pair(entry.value))
        }
        return PairsRuleDefinition(pairs: pairs)
    }

    private static func pair(_ text: String) -> (Unicode.Scalar, Unicode.Scalar) {
        let scalars = Array(text.unicodeScalars)
        return (scalars[0], scalars[1])
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PairsRule(header: header, pairs: pairs)
    }
}

public struct PairsRule: Rule {
    public let header: RuleHeader
    let pairs: [(open: Unicode.Scalar, close: Unicode.Scalar)]
    private let filter: ScalarFilter

    init(header: RuleHeader, pairs: [(open: Unicode.Scalar, close: Unicode.Scalar)]) {
        self.header = header
        self.pairs = pairs
        filter = ScalarFilter(
            String(scalars: pairs.flatMap { [$0.open, $0.close] } + PairsRule.primeQuotes.keys))
    }

    /// The double prime quotation marks of vertical text, and the marks they stand for.
    static let primeQuotes: [Unicode.Scalar: Unicode.Scalar] = ["〝": "“", "〞": "”"]

    public func check(_ context: RuleContext) -> [Finding] {
        let source = context.document.source
        let scalars = source.scalars
        var findings: [Finding] = []
        // Marks left open at the end of a line that runs on into the next (a PDF copy wrapped at a fixed width:
        // “魅力中国——外籍人才眼中最具吸引力的中⏎国城市”), and how many line ends in a row have carried marks over.
        var carried: [(pair: Int, index: Int)] = []
        var crossed = 0
        let paragraphs = context.document.paragraphs
        for (position, paragraph) in paragraphs.enumerated() {
            var open = carried
            carried = []
            // A closing mark with nothing open, reported: a reversed opening (下降”目标管理”考核) whose own closing
            // mark follows within the clause is one error, reported once, not twice.
            var strayClose: (pair: Int, index: Int)?
            let indices = paragraph.scalars
            var index = indices.lowerBound - 1
            while true {
                index = filter.next(from: index + 1, to: indices.upperBound, in: scalars)
                guard index < indices.upperBound else { break }
                // 〝…〞 (or “…〞) pair as “…”: the prime marks are reported as such (standards/prime-quote).
                let scalar = PairsRule.primeQuotes[scalars[index]] ?? scalars[index]
                if let pair = pairs.firstIndex(where: { $0.open == scalar }) {
                    open.append((pair, index))
                } else if let pair = pairs.firstIndex(where: { $0.close == scalar }) {
                    if open.last?.pair == pair {
                        open.removeLast()
                    } else if let depth = open.lastIndex(where: { $0.pair == pair }) {
                        // Closes an outer mark while inner ones are still open: report the inner ones.
                        for inner in open[(depth + 1)...] {
                            findings.append(unclosed(inner, context: context))
                        }
                        open.removeSubrange(depth...)
                    } else if let stray = strayClose, stray.pair == pair, index - stray.index <= 40,
                        !scalars[(stray.index + 1)..<index].contains(where: { "，。；！？、".unicodeScalars.contains($0) })
                    {
                        strayClose = nil
                    } else {
                        let message = "\(header.message)：“\(scalar)”没有对应的“\(pairs[pair].open)”"
                        findings.append(context.finding(header, at: source.byteRange(index..<(index + 1)), message: message))
                        strayClose = (pair, index)
                    }
                }
            }
            if !open.isEmpty, crossed < PairsRule.maxLinesCrossed, position + 1 < paragraphs.count,
                PairsRule.runsOn(indices, scalars)
            {
                carried = open
                crossed += 1
            } else {
                findings += open.map { unclosed($0, context: context) }
                crossed = 0
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// How many line ends a mark may stay open across (a long name wrapped over a few lines).
    static let maxLinesCrossed = 3

    /// A line that stops mid-sentence: it ends in a Han character, a digit, a letter or a comma, not in a
    /// sentence's or a clause's closing mark.
    static func runsOn(_ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard let last = indices.last else { return false }
        let scalar = scalars[last]
        return CharacterClass.isHan(scalar) || CharacterClass.isWordish(scalar) || scalar == "，" || scalar == "、"
    }

    private func unclosed(_ mark: (pair: Int, index: Int), context: RuleContext) -> Finding {
        let source = context.document.source
        let message = "\(header.message)：“\(pairs[mark.pair].open)”没有对应的“\(pairs[mark.pair].close)”"
        return context.finding(header, at: source.byteRange(mark.index..<(mark.index + 1)), message: message)
    }
}
