/// `kind: document-type` — says so when the report's type could not be read from its title and was
/// guessed (from its opening words or its headings, or 工作总结 by default), and on what evidence, so the
/// writer knows which rules applied and can set it with `--type` or in `.reportlint.yml`.
struct DocumentTypeRuleDefinition: RuleDefinition {
    static let keys: [String] = []

    static func parse(_ fields: MappingFields) -> DocumentTypeRuleDefinition? { DocumentTypeRuleDefinition() }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        DocumentTypeRule(header: header)
    }
}

public struct DocumentTypeRule: Rule {
    public let header: RuleHeader

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        guard document.typeOrigin == .guessed, let type = document.type, let first = document.paragraphs.first else { return [] }
        // 关于……预算执行情况的报告: a report's ordinary title, checked as a summary; its findings say so themselves
        // (未能确定文种，按工作总结检查), and a note on every such report would only be noise.
        if document.typeEvidence == DocumentType.plainReportEvidence { return [] }
        let anchor = ByteRange(first.range.start, first.range.start)
        let evidence = document.typeEvidence.map { "（\($0)）" } ?? ""
        return [
            context.finding(
                header, at: anchor,
                message: "\(header.message)：按“\(type.chineseName)”（\(type.rawValue)）检查\(evidence)；可用 --type 或配置文件指定")
        ]
    }
}
