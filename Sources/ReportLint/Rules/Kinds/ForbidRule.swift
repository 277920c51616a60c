/// `kind: forbid` — none of `phrases` or `patterns` may appear (anywhere, or `within` a section).
/// Each occurrence is reported at the match itself, with `suggest` as the replacement when given
/// (`suggest: ""`: delete it).
/// A match that lies inside an occurrence of one of `except` is allowed (e.g. forbid 新时代中国特色
/// 社会主义思想 except 习近平新时代中国特色社会主义思想). `since:` (a year) checks only reports known to be of
/// that year or later (`Document.isKnownFrom`): for words that became stale on a date (外防输入、内防反弹 after
/// 2023), which an old page without a year may use rightly. `notTitleWords:` skips reports whose title holds one
/// of them (a five-year 规划 reviews the last period before it plans the next).
struct ForbidRuleDefinition: RuleDefinition {
    static let keys = ["phrases", "patterns", "within", "suggest", "except", "since", "notTitleWords"]

    let phrases: [Located<String>]
    let patterns: [RegexPattern]
    let within: Located<String>?
    let suggest: String?
    let exceptions: [Located<String>]
    let since: Int?
    let notTitleWords: [String]

    static func parse(_ fields: MappingFields) -> ForbidRuleDefinition? {
        guard let (phrases, patterns) = fields.phrasesAndPatterns() else { return nil }
        return ForbidRuleDefinition(
            phrases: phrases, patterns: patterns, within: fields.string("within"),
            suggest: fields.string("suggest", allowEmpty: true)?.value, exceptions: fields.strings("except") ?? [],
            since: fields.sinceYear(), notTitleWords: (fields.strings("notTitleWords") ?? []).map(\.value))
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        ForbidRule(
            header: header, literals: phrases.map { literals.add($0.value) },
            patterns: patterns.map { GuardedPattern($0, literals: literals) },
            within: within?.value, suggest: suggest, exceptions: exceptions.map { literals.add($0.value) }, since: since,
            notTitleWords: notTitleWords)
    }
}

public struct ForbidRule: Rule {
    public let header: RuleHeader
    public var fixable: Bool { suggest != nil }
    /// Phrases and patterns are found in the bytes; `within` reads sections, which section rules find.
    public var reads: ReportParts { [] }
    let literals: [Int]
    let patterns: [GuardedPattern]
    let within: String?
    let suggest: String?
    let exceptions: [Int]
    let since: Int?
    let notTitleWords: [String]

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        if let since, !document.isKnownFrom(since) { return [] }
        if !notTitleWords.isEmpty, let title = document.title.map({ document.text($0.range) }),
            notTitleWords.contains(where: { ByteSearch.contains(title, $0) })
        {
            return []
        }
        let extents = context.extents(within: within)
        if let extents, extents.isEmpty { return [] }
        let excused = exceptions.flatMap { context.hits($0) }

        var ranges = Set<ByteRange>()
        for literal in literals { ranges.formUnion(context.hits(literal)) }
        for guarded in patterns where guarded.mayMatch(context) {
            ranges.formUnion(guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) })
        }

        return ranges.sorted()
            .filter { range in
                (extents?.contains { $0.contains(range) } ?? true) && !excused.contains { $0.contains(range) }
            }
            .map { range in
                var message = "\(header.message)：“\(document.text(range))”"
                if let suggest { message += suggest.isEmpty ? "，应删除" : "，应改为“\(suggest)”" }
                return context.finding(header, at: range, message: message, suggestion: suggest)
            }
    }
}
