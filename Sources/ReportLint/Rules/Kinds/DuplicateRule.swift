/// `kind: duplicate` — the same or a near-same paragraph twice in one report (a copy-paste slip).
/// Paragraphs of at least `minLength` characters are compared by their character `ngram`s (default 5);
/// two whose shared n-grams cover at least `threshold` percent of the shorter one are reported at the
/// later one, when the shorter is at least two thirds as long as the other. Headings are not compared.
struct DuplicateRuleDefinition: RuleDefinition {
    static let keys = ["minLength", "threshold", "ngram"]

    let minLength: Int
    let threshold: Int
    let ngram: Int

    static func parse(_ fields: MappingFields) -> DuplicateRuleDefinition? {
        func integer(_ key: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let text = fields.string(key) else { return value }
            guard let number = Int(text.value), range.contains(number) else {
                fields.reader.report(
                    .wrongType(key: key, expected: "\(range.lowerBound) 到 \(range.upperBound) 的整数"), at: text.location)
                return value
            }
            return number
        }
        return DuplicateRuleDefinition(
            minLength: integer("minLength", default: 20, range: 5...10_000),
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
        var index = ShingleIndex(ngram: ngram, maxPostings: DuplicateRule.maxPostings)
        var findings: [Finding] = []
        for paragraph in paragraphs {
            let indices = paragraph.scalars
            // A short paragraph is added with no shingles, so the index numbers paragraphs as `paragraphs` does.
            let shared = index.add(indices.count >= minLength ? scalars[indices] : [])
            guard indices.count >= minLength else { continue }
            let counts = index.distinctCounts
            let own = counts[counts.count - 1]
            let best = shared.compactMap { other, count -> (other: Int, percent: Int)? in
                // 附件：……自评报告, then the attachment under its own title: the label names what follows.
                guard !DuplicateRule.isAttachmentLabel(paragraphs[other].scalars, scalars) else { return nil }
                // A short paragraph inside a long one is a citation (the attached 方案's title under the
                // sentence that issues it), not a copy: the two must be of comparable length.
                guard min(own, counts[other]) * 3 >= max(own, counts[other]) * 2 else { return nil }
                let percent = count * 100 / max(1, min(own, counts[other]))
                return percent >= threshold ? (other, percent) : nil
            }.max { ($0.percent, -$0.other) < ($1.percent, -$1.other) }
            if let best {
                let earlierParagraph = paragraphs[best.other]
                let same = document.text(earlierParagraph.range) == document.text(paragraph.range)
                let line = earlierParagraph.line
                let detail =
                    same
                    ? "与第 \(line) 行的段落完全相同"
                    : best.percent == 100
                        ? "与第 \(line) 行的段落内容重复"
                        : "与第 \(line) 行的段落高度相似（\(best.percent)%）"
                findings.append(context.finding(header, at: paragraph.range, message: "\(header.message)：\(detail)"))
            }
        }
        return findings
    }

    /// A paragraph that opens with 附件 (附件：, 附件1：, 附件 2.).
    static func isAttachmentLabel(_ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        indices.count > 2 && scalars[indices.lowerBound] == "附" && scalars[indices.lowerBound + 1] == "件"
    }
}
