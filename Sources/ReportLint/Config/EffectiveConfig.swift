import Foundation

/// What `lint --print-config FILE` prints: the configuration that governs one file, after every source is
/// applied (the built-in packs, the `.reportlint.yml` found for it or `--config`, its rule files,
/// `--rules`, `--rule`), as JSON. Keys are only ever added to.
public enum EffectiveConfig {
    public static func json(for path: String, rules: CompiledRules, config: Config?) -> String {
        var members: [(String, JSONValue)] = [
            ("file", .string(path)),
            ("config", config.map { .string($0.file) } ?? .null),
            ("extends", .array((config?.files.dropFirst() ?? []).map(JSONValue.string))),
            ("ignored", .bool(config?.isIgnored(path) ?? false)),
            ("type", config?.type(for: path).map { .string($0.rawValue) } ?? .null),
            ("packs", .array(rules.packs.map(\.name).uniqued().map(JSONValue.string))),
            ("ruleFiles", .array(rules.packs.map(\.file).filter { !BuiltinRules.isBuiltin($0) }.uniqued().map(JSONValue.string))),
        ]
        members.append(
            (
                "rules",
                .object(
                    rules.rules.map { rule in
                        (rule.header.id, .string(rules.silenced.contains(rule.header.id) ? "off" : rule.header.severity.rawValue))
                    })
            ))
        let waivers = config?.waivers(forPath: path) ?? []
        members.append(
            (
                "waivers",
                .array(
                    waivers.map { waiver in
                        var fields: [(String, JSONValue)] = [
                            ("rule", .string(waiver.rule)), ("path", .string(waiver.path.pattern)),
                        ]
                        if let text = waiver.text { fields.append(("text", .string(text))) }
                        fields.append(("reason", .string(waiver.reason)))
                        if let expires = waiver.expires { fields.append(("expires", .string(expires))) }
                        return .object(fields)
                    })
            ))
        return JSONValue.object(members).serialized() + "\n"
    }
}

/// Whether text output is coloured: `--color`/`--no-color` first, then NO_COLOR (only when set to a
/// non-empty value, as no-color.org says), then FORCE_COLOR (set and not `0`), then whether stdout is a terminal.
public enum TerminalColor {
    public static func enabled(flag: Bool?, environment: [String: String], isTerminal: Bool) -> Bool {
        if let flag { return flag }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0", force != "false" { return true }
        return isTerminal
    }
}
