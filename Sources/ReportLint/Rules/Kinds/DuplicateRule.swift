/// `kind: duplicate` — the same or a near-same paragraph twice in one report (a copy-paste slip).
/// Paragraphs of at least `minLength` characters are compared by their character `ngram`s (default 5);
/// two whose shared n-grams cover at least `threshold` percent of the shorter one are reported at the
/// later one. Headings are not compared.
struct DuplicateRuleDefinition: RuleDefinition {
    static let keys = ["minLength", "threshold", "ngram"]

    let minLength: Int
    let threshold: Int
    let ngram: Int

    static func parse(_ fields: MappingFields) -> DuplicateRuleDefinition? {
        func integer(_ key: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let text = fields.string(key) else { return value }
            guard let number = Int(text.value), range.contains(number) else {
                fields.reader.report(.wrongType(key: key, expected: "\(range.lowerBound) 到 \(range.upperBound) 的整数"), at: text.location)
                return value
            }
            return number
        }
        return DuplicateRuleDefinition(minLength: integer("minLength", default: 20, range: 5...10_000),
                                       threshold: integer("threshold", default: 80, range: 1...100),
                                       ngram: integer("ngram", default: 5, range: 2...20))
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        DuplicateRule(header: header, minLength: minLength, threshold: threshold, ngram: ngram)
    }
}

public struct DuplicateRule: Rule {
    public let header: RuleHeader
    let minLength: Int
    let threshold: Int
    let ngram: Int

    /// An n-gram shared by more paragraphs than this is a stock phrase, not evidence of copying.
    static let maxPostings = 64

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let scalars = document.source.scalars
        let paragraphs = document.paragraphs.filter { $0.role == .body }
        var shingles: [Set<Int>] = []
        var postings: [Int: [Int]] = [:]
        var findings: [Finding] = []
        for (position, paragraph) in paragraphs.enumerated() {
            let indices = paragraph.scalars
            guard indices.count >= minLength else { shingles.append([]); continue }
            var set = Set<Int>()
            for start in indices.lowerBound...(indices.upperBound - ngram) {
                var hasher = Hasher()
                for index in start..<(start + ngram) { hasher.combine(scalars[index]) }
                set.insert(hasher.finalize())
            }
            shingles.append(set)
            var shared: [Int: Int] = [:]
            for shingle in set {
                guard let earlier = postings[shingle], earlier.count < DuplicateRule.maxPostings else { continue }
                for other in earlier { shared[other, default: 0] += 1 }
            }
            let best = shared.compactMap { other, count -> (other: Int, percent: Int)? in
                let percent = count * 100 / max(1, min(set.count, shingles[other].count))
                return percent >= threshold ? (other, percent) : nil
            }.max { ($0.percent, -$0.other) < ($1.percent, -$1.other) }
            if let best {
                let earlierParagraph = paragraphs[best.other]
                let same = document.text(earlierParagraph.range) == document.text(paragraph.range)
                let line = earlierParagraph.line
                let detail = same ? "与第 \(line) 行的段落完全相同"
                    : best.percent == 100 ? "与第 \(line) 行的段落内容重复"
                    : "与第 \(line) 行的段落高度相似（\(best.percent)%）"
                findings.append(context.finding(header, at: paragraph.range, message: "\(header.message)：\(detail)"))
            }
            for shingle in set { postings[shingle, default: []].append(position) }
        }
        return findings
    }
}
