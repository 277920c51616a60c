/// `kind: spacing` — a stray space in body text: between two Han characters, or next to Chinese
/// punctuation (`一、 加强`). Never inside “…” or 《…》 (slogans and titles keep their spaces:
/// “贯彻党代会 奋进新征程”), never between Chinese and digits or Latin letters, never in indentation,
/// and not in the title, signature or date lines.
struct SpacingRuleDefinition: RuleDefinition {
    static let keys: [String] = []

    static func parse(_ fields: MappingFields) -> SpacingRuleDefinition? { SpacingRuleDefinition() }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        SpacingRule(header: header)
    }
}

public struct SpacingRule: Rule {
    public let header: RuleHeader
    public var fixable: Bool { true }

    public func check(_ context: RuleContext) -> [Finding] {
        let source = context.document.source
        let scalars = source.scalars
        var findings: [Finding] = []
        for paragraph in context.document.proseParagraphs {
            var quotes = QuoteDepth()
            let indices = paragraph.scalars
            var index = indices.lowerBound
            while index < indices.upperBound {
                let scalar = scalars[index]
                guard CharacterClass.isSpace(scalar) else {
                    quotes.update(with: scalar)
                    index += 1
                    continue
                }
                var end = index + 1
                while end < indices.upperBound, CharacterClass.isSpace(scalars[end]) { end += 1 }
                if !quotes.isInside, index > indices.lowerBound, end < indices.upperBound,
                   isStray(before: scalars[index - 1], after: scalars[end]) {
                    findings.append(context.finding(header, at: source.byteRange(index..<end), suggestion: ""))
                }
                index = end
            }
        }
        return findings
    }

    private func isStray(before: Unicode.Scalar, after: Unicode.Scalar) -> Bool {
        (CharacterClass.isHan(before) && CharacterClass.isHan(after))
            || CharacterClass.isChinesePunctuation(before) || CharacterClass.isChinesePunctuation(after)
    }
}

/// How deep inside “…” and 《…》 a scan is, so rules leave quoted slogans and titles alone.
struct QuoteDepth {
    private var quotes = 0
    private var titles = 0

    var isInside: Bool { quotes > 0 || titles > 0 }

    mutating func update(with scalar: Unicode.Scalar) {
        switch scalar {
        case "“": quotes += 1
        case "”": quotes = max(0, quotes - 1)
        case "《": titles += 1
        case "》": titles = max(0, titles - 1)
        default: break
        }
    }
}
