/// `kind: phrase` — at least one of `phrases` (literals) or `patterns` (regexes) must appear, anywhere
/// or `within` the sections a section rule found. When that section is missing, this rule says nothing:
/// the section rule has already reported it.
/// A phrase split by spaces (a web copy of a PDF: 中国特 色社会主义) still counts: the spaces are
/// `common/stray-space`'s finding, not a missing phrase. `unless:` patterns make the phrase moot where
/// one matches (a report guided by 邓小平理论 was written before the phrase it lacks existed); `since:` (a
/// year) checks only reports known to be about that year or later (a 2016 summary predates a thought named in
/// October 2017, and an undated page may too).
struct PhraseRuleDefinition: RuleDefinition {
    static let keys = ["phrases", "patterns", "within", "unless", "since"]

    let phrases: [Located<String>]
    let patterns: [RegexPattern]
    let within: Located<String>?
    let unless: [RegexPattern]
    let since: Int?

    static func parse(_ fields: MappingFields) -> PhraseRuleDefinition? {
        guard let (phrases, patterns) = fields.phrasesAndPatterns() else { return nil }
        return PhraseRuleDefinition(
            phrases: phrases, patterns: patterns, within: fields.string("within"),
            unless: fields.patterns("unless") ?? [], since: fields.sinceYear())
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PhraseRule(
            header: header, phrases: phrases.map(\.value), literals: phrases.map { literals.add($0.value) },
            patterns: patterns.map { GuardedPattern($0, literals: literals) },
            within: within?.value, unless: unless.map { GuardedPattern($0, literals: literals) }, since: since)
    }
}

public struct PhraseRule: Rule {
    public let header: RuleHeader
    let phrases: [String]
    let literals: [Int]
    let patterns: [GuardedPattern]
    let within: String?
    let unless: [GuardedPattern]
    let since: Int?

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        guard !document.paragraphs.isEmpty else { return [] }
        if let since, !document.isKnownFrom(since) { return [] }
        let extents = context.extents(within: within)
        if let extents, extents.isEmpty { return [] }
        func counts(_ range: ByteRange) -> Bool { extents?.contains { $0.contains(range) } ?? true }

        if literals.contains(where: { context.hits($0).contains(where: counts) }) { return [] }
        if patterns.contains(where: { guarded in
            guarded.mayMatch(context)
                && guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }.contains(where: counts)
        }) {
            return []
        }
        if within == nil, appearsSplitByBreaks(document) { return [] }
        if unless.contains(where: { guarded in
            guarded.mayMatch(context) && !guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }.isEmpty
        }) {
            return []
        }

        let anchor: ByteRange
        if let within, let section = context.sections[within]?.first {
            anchor = section.anchor
        } else {
            anchor = (document.title ?? document.paragraphs[0]).range
        }
        return [context.finding(header, at: anchor)]
    }

    /// Whether a phrase appears once spaces and line breaks are taken out: text copied from a PDF keeps
    /// its wrapped lines (习 at the end of one, 近平新时代 at the start of the next). Runs only when the
    /// rule would report, so at most once per report.
    private func appearsSplitByBreaks(_ document: Document) -> Bool {
        guard !phrases.isEmpty else { return false }
        let breaks: Set<Unicode.Scalar> = [" ", "\u{3000}", "\u{A0}", "\t", "\n", "\r"]
        let text = document.text(ByteRange(0, document.source.bytes.count))
        guard text.unicodeScalars.contains(where: breaks.contains) else { return false }
        var joined = String.UnicodeScalarView()
        joined.append(contentsOf: text.unicodeScalars.lazy.filter { !breaks.contains($0) })
        let squeezed = String(joined)
        return phrases.contains(where: squeezed.contains)
    }
}
