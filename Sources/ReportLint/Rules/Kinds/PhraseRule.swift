/// `kind: phrase` — at least one of `phrases` (literals) or `patterns` (regexes) must appear, anywhere
/// or `within` the sections a section rule found. When that section is missing, this rule says nothing:
/// the section rule has already reported it.
/// A phrase split by spaces (a web copy of a PDF: 中国特 色社会主义) still counts: the spaces are
/// `common/stray-space`'s finding, not a missing phrase. `unless:` patterns make the phrase moot where
/// one matches (a report guided by 邓小平理论 was written before the phrase it lacks existed); `since:` (a
/// year) checks only reports known to be about that year or later (a 2016 summary predates a thought named in
/// October 2017, and an undated page may too). `notTitleWords`: reports whose title holds one of them are
/// not asked (a 项目支出绩效自评报告 reports on a project, not on the unit's year). `titleWords`: only reports
/// whose title holds one of them are asked, or whose text matches one of `alsoWhen` (a 林业工作总结 that
/// writes 以科学发展观为指导 is asked for the current thought); with `titleWordsTypes`, this applies to those
/// types only (a 党建工作总结 states its guiding thought, a 林业工作总结 need not).
struct PhraseRuleDefinition: RuleDefinition {
    static let keys = [
        "phrases", "patterns", "within", "unless", "since", "notTitleWords", "titleWords", "titleWordsTypes", "alsoWhen",
    ]

    let phrases: [Located<String>]
    let patterns: [RegexPattern]
    let within: Located<String>?
    let unless: [RegexPattern]
    let since: Int?
    let notTitleWords: [String]
    let titleWords: [String]
    let titleWordsTypes: Set<DocumentType>?
    let alsoWhen: [RegexPattern]

    static func parse(_ fields: MappingFields) -> PhraseRuleDefinition? {
        guard let (phrases, patterns) = fields.phrasesAndPatterns() else { return nil }
        return PhraseRuleDefinition(
            phrases: phrases, patterns: patterns, within: fields.string("within"),
            unless: fields.patterns("unless") ?? [], since: fields.sinceYear(),
            notTitleWords: (fields.strings("notTitleWords") ?? []).map(\.value),
            titleWords: (fields.strings("titleWords") ?? []).map(\.value),
            titleWordsTypes: RuleLoader.documentTypes(fields, key: "titleWordsTypes"),
            alsoWhen: fields.patterns("alsoWhen") ?? [])
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PhraseRule(
            header: header, phrases: phrases.map(\.value), literals: phrases.map { literals.add($0.value) },
            patterns: patterns.map { GuardedPattern($0, literals: literals) },
            within: within?.value, unless: unless.map { GuardedPattern($0, literals: literals) }, since: since,
            notTitleWords: notTitleWords, titleWords: titleWords, titleWordsTypes: titleWordsTypes,
            alsoWhen: alsoWhen.map { GuardedPattern($0, literals: literals) })
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
    let notTitleWords: [String]
    let titleWords: [String]
    let titleWordsTypes: Set<DocumentType>?
    let alsoWhen: [GuardedPattern]

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
        // Read only for a report that lacks the phrase: `alsoWhen` is a search of the whole text.
        if !isAbout(context) { return [] }
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

    /// Whether the title passes `notTitleWords` and, where they apply, `titleWords` or `alsoWhen`. An untitled
    /// report's first paragraph is read for `notTitleWords` only: an opening names many things.
    private func isAbout(_ context: RuleContext) -> Bool {
        let document = context.document
        let title = document.title.map { document.text($0.range) }
        let naming =
            title ?? document.paragraphs.first { $0.role == .body || $0.role == .heading }.map { document.text($0.range) }
        if let naming, notTitleWords.contains(where: { ByteSearch.contains(naming, $0) }) { return false }
        guard !titleWords.isEmpty, titleWordsTypes.map({ types in document.type.map(types.contains) ?? false }) ?? true
        else { return true }
        if let title, titleWords.contains(where: { ByteSearch.contains(title, $0) }) { return true }
        return alsoWhen.contains { guarded in
            guarded.mayMatch(context) && !guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }.isEmpty
        }
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
        return phrases.contains { ByteSearch.contains(squeezed, $0) }
    }
}
