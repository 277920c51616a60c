/// `kind: phrase` — at least one of `phrases` (literals) or `patterns` (regexes) must appear, anywhere
/// or `within` the sections a section rule found. When that section is missing, this rule says nothing:
/// the section rule has already reported it.
struct PhraseRuleDefinition: RuleDefinition {
    static let keys = ["phrases", "patterns", "within"]

    let phrases: [Located<String>]
    let patterns: [RegexPattern]
    let within: Located<String>?

    static func parse(_ fields: MappingFields) -> PhraseRuleDefinition? {
        guard let (phrases, patterns) = fields.phrasesAndPatterns() else { return nil }
        return PhraseRuleDefinition(phrases: phrases, patterns: patterns, within: fields.string("within"))
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PhraseRule(header: header, literals: phrases.map { literals.add($0.value) },
                   patterns: patterns.map { GuardedPattern($0, literals: literals) },
                   within: within?.value)
    }
}

public struct PhraseRule: Rule {
    public let header: RuleHeader
    let literals: [Int]
    let patterns: [GuardedPattern]
    let within: String?

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        guard !document.paragraphs.isEmpty else { return [] }
        let extents = context.extents(within: within)
        if let extents, extents.isEmpty { return [] }
        func counts(_ range: ByteRange) -> Bool { extents?.contains { $0.contains(range) } ?? true }

        if literals.contains(where: { context.hits($0).contains(where: counts) }) { return [] }
        if patterns.contains(where: { guarded in
            guarded.mayMatch(context)
                && guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }.contains(where: counts)
        }) { return [] }

        let anchor: ByteRange
        if let within, let section = context.sections[within]?.first {
            anchor = section.anchor
        } else {
            anchor = (document.title ?? document.paragraphs[0]).range
        }
        return [context.finding(header, at: anchor)]
    }
}
