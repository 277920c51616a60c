/// `kind: approval` — a 报告 must not ask for approval (请批准, 妥否，请批示): that is what a 请示 is for.
/// The rule stays silent when the title names the document as one of `exemptTitles` (default: 请示).
struct ApprovalRuleDefinition: RuleDefinition {
    static let keys = ["phrases", "exemptTitles"]

    let phrases: [Located<String>]
    let exemptTitles: [String]

    static func parse(_ fields: MappingFields) -> ApprovalRuleDefinition? {
        guard let phrases = fields.strings("phrases"), !phrases.isEmpty else {
            fields.reader.report(.missingKey("phrases"), at: fields.node)
            return nil
        }
        return ApprovalRuleDefinition(
            phrases: phrases, exemptTitles: (fields.strings("exemptTitles") ?? []).map(\.value).nilIfEmpty ?? ["请示"])
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        ApprovalRule(header: header, literals: phrases.map { literals.add($0.value) }, exemptTitles: exemptTitles)
    }
}

public struct ApprovalRule: Rule {
    public let header: RuleHeader
    let literals: [Int]
    let exemptTitles: [String]

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        if let title = document.title.map({ document.text($0.range) }), exemptTitles.contains(where: title.contains) { return [] }
        return ByteRange.merged(literals.flatMap { context.hits($0) }).map { range in
            context.finding(header, at: range, message: "\(header.message)：“\(document.text(range))”")
        }
    }
}

extension Array {
    fileprivate var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
