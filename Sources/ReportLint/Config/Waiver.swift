/// A waiver in `.reportlint.yml`: a rule accepted for some paths, with a required reason and an
/// optional expiry date (YYYY-MM-DD). Past its date it stops working and the run warns about it.
/// `text:` narrows it to one finding: the one whose flagged text, or the line (paragraph) it is on,
/// contains that text, so one false finding in a .txt or .docx can be accepted without disabling the rule.
public struct Waiver: Sendable {
    public let rule: String
    public let path: Glob
    public let text: String?
    public let reason: String
    public let expires: String?
    public let location: RuleLocation

    static let keys = ["rule", "path", "text", "reason", "expires"]

    /// Whether this waiver's `text:` (if any) matches the finding.
    public func covers(_ finding: Finding, in source: Source) -> Bool {
        guard let text else { return true }
        if source.string(finding.range).contains(text) { return true }
        return source.string(source.positions.lineRange(finding.start.line)).contains(text)
    }

    /// `today` as YYYY-MM-DD: ISO dates compare as strings.
    public func isExpired(today: String) -> Bool {
        expires.map { $0 < today } ?? false
    }

    static func parse(_ fields: MappingFields) -> [Waiver] {
        guard let node = fields.value("waivers") else { return [] }
        guard case .sequence(let items) = node else {
            fields.reader.report(.wrongType(key: "waivers", expected: "豁免列表"), at: node)
            return []
        }
        return items.compactMap { item in
            guard let waiver = fields.reader.fields(item, what: "waivers 的每一项", allowed: keys) else { return nil }
            let rule = waiver.string("rule", required: true)
            let reason = waiver.string("reason", required: true)
            let expires = waiver.string("expires")
            if let expires, !isDate(expires.value) {
                fields.reader.report(.wrongType(key: "expires", expected: "YYYY-MM-DD 格式的日期"), at: expires.location)
                return nil
            }
            guard let rule, let reason else { return nil }
            return Waiver(
                rule: rule.value, path: Glob(waiver.string("path")?.value ?? "**"), text: waiver.string("text")?.value,
                reason: reason.value, expires: expires?.value, location: fields.reader.location(of: item))
        }
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
