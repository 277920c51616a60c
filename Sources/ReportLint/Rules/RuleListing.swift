import Foundation

/// What `reportlint rules list` prints: one row per rule of the rule set that governs the current folder
/// (built-in packs, the configuration's rule files, `--rules`), with the configuration's severities;
/// a rule the configuration turns off shows `off`.
public enum RuleListing {
    static func severity(_ rule: any Rule, in rules: CompiledRules) -> String {
        rules.silenced.contains(rule.header.id) ? "off" : rule.header.severity.rawValue
    }

    static func types(_ header: RuleHeader) -> [String]? {
        header.types.map { $0.map(\.rawValue).sorted() }
    }

    /// A table with aligned columns: ID, KIND, SEVERITY, PACK, TYPES, FIXABLE.
    public static func table(_ rules: CompiledRules) -> String {
        let rows = rules.rules.map { rule -> [String] in
            let header = rule.header
            return [
                header.id, header.kind.rawValue, severity(rule, in: rules), header.pack,
                types(header)?.joined(separator: ",") ?? "all", rule.fixable ? "yes" : "no",
            ]
        }
        let table = [["ID", "KIND", "SEVERITY", "PACK", "TYPES", "FIXABLE"]] + rows
        let widths = (0..<6).map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// `{"rules": [{"id", "kind", "severity", "pack", "types", "fixable", "message", "description", "file"}]}`;
    /// `types` is null for a rule of every type. Keys are only ever added to.
    public static func json(_ rules: CompiledRules) -> String {
        let items: [JSONValue] = rules.rules.map { rule in
            let header = rule.header
            return .object([
                ("id", .string(header.id)),
                ("kind", .string(header.kind.rawValue)),
                ("severity", .string(severity(rule, in: rules))),
                ("pack", .string(header.pack)),
                ("types", types(header).map { .array($0.map(JSONValue.string)) } ?? .null),
                ("fixable", .bool(rule.fixable)),
                ("message", .string(header.message)),
                ("description", header.description.map(JSONValue.string) ?? .null),
                ("file", .string(header.location.file)),
            ])
        }
        return JSONValue.object([("rules", .array(items))]).serialized() + "\n"
    }
}
