import Foundation

/// Loads the rules of a run: the built-in packs (unless turned off) and the user's files or folders.
public enum RuleRepository {
    /// Built-in packs (unless `includeBuiltin` is false or the configuration turns them off), the
    /// configuration's rule files, then `rulePaths`; severities and `off` from the configuration.
    /// `overrides` (`--rule ID:off`) win over the configuration; ids that name no rule are left to the caller.
    /// `examples: false`: the built-in rules come without their examples (for linting; not for `rules test`).
    public static func load(
        rulePaths: [String], includeBuiltin: Bool, config: Config? = nil,
        overrides: [String: Config.RuleSetting] = [:], examples: Bool = true
    ) -> Result<CompiledRules, RuleErrors> {
        var packs: [RulePack] = []
        var errors: [RuleError] = []
        // Every built-in pack and rule, also those the configuration turns off: naming them there is no mistake.
        var builtinNames: (packs: [String], rules: Set<String>) = ([], [])
        if includeBuiltin {
            switch BuiltinRules.packs(examples: examples) {
            case .success(let builtin):
                builtinNames = (builtin.map(\.name), Set(builtin.flatMap { $0.rules.map(\.header.id) }))
                packs += builtin.filter { config?.packs[$0.name]?.value != false }
            case .failure(let failure): errors += failure.errors
            }
        }
        // A file named twice (by the configuration and by --rules, say) is loaded once.
        var loaded = Set<String>()
        // Every file is read even when an earlier one is broken, and what could be read of a broken file
        // still takes part in the checks across files and against the configuration: one run shows every
        // mistake (a duplicate id no longer hides a wrong `within`).
        var warnings: [RuleError] = []
        var brokenIds = Set<String>()
        for path in (config?.ruleFiles ?? []) + rulePaths {
            let files = RuleLoader.ruleFiles(at: path)
            if files.isEmpty {
                errors.append(RuleError(.unreadable("目录中没有 .yml 或 .yaml 规则文件"), at: RuleLocation(file: path, line: 1, column: 1)))
            }
            for file in files where loaded.insert(RuleRepository.identity(of: file)).inserted {
                let partial = RuleLoader.loadFilePartially(file)
                if let pack = partial.pack { packs.append(pack) }
                errors += partial.errors
                if partial.errors.isEmpty { continue }
                warnings += partial.warnings
                brokenIds.formUnion(partial.brokenIds)
                // A file that could not be read at all may define anything: nothing is checked against it.
                if partial.pack == nil { brokenIds.insert("*") }
            }
        }
        var silenced = Set<String>()
        if let config, !brokenIds.contains("*") {
            errors += apply(
                config, to: &packs, silenced: &silenced, builtin: (builtinNames.packs, builtinNames.rules.union(brokenIds)))
        }
        if !brokenIds.contains("*") {
            errors += CompiledRules.check(packs, brokenIds: brokenIds)
        }
        guard errors.isEmpty else { return .failure(RuleErrors(errors: RuleErrors.sorted(errors + warnings))) }
        for packIndex in packs.indices {
            for ruleIndex in packs[packIndex].rules.indices {
                let header = packs[packIndex].rules[ruleIndex].header
                switch overrides[header.id] {
                case .off?: silenced.insert(header.id)
                case .severity(let severity)?:
                    silenced.remove(header.id)
                    packs[packIndex].rules[ruleIndex].header = header.with(severity: severity)
                case nil: break
                }
            }
        }
        return CompiledRules.compile(packs).map { compiled in
            var compiled = compiled
            compiled.silenced = silenced
            return compiled
        }
    }

    /// One spelling per file, to tell whether two paths name the same rule file.
    public static func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Checks that the configuration names packs and rules that exist, and applies its severities.
    /// `builtin` names every built-in pack and rule, including those the configuration turned off.
    static func apply(
        _ config: Config, to packs: inout [RulePack], silenced: inout Set<String>,
        builtin: (packs: [String], rules: Set<String>)
    ) -> [RuleError] {
        var errors: [RuleError] = []
        let packNames = Set(packs.map(\.name) + builtin.packs)
        for (name, setting) in config.packs.sorted(by: { $0.key < $1.key }) where !packNames.contains(name) {
            errors.append(
                RuleError(
                    .unknownPack(name, suggestion: Suggestions.nearest(to: name, in: Array(packNames).sorted())),
                    at: setting.location))
        }
        let ids = Set(packs.flatMap { $0.rules.map(\.header.id) }).union(builtin.rules)
        for (id, setting) in config.rules.sorted(by: { $0.key < $1.key }) where !ids.contains(id) {
            errors.append(
                RuleError(.unknownRule(id, suggestion: Suggestions.nearest(to: id, in: ids.sorted())), at: setting.location))
        }
        for waiver in config.allWaivers where !ids.contains(waiver.rule) {
            errors.append(
                RuleError(
                    .unknownRule(waiver.rule, suggestion: Suggestions.nearest(to: waiver.rule, in: ids.sorted())),
                    at: waiver.location))
        }
        for packIndex in packs.indices {
            for ruleIndex in packs[packIndex].rules.indices {
                let header = packs[packIndex].rules[ruleIndex].header
                switch config.rules[header.id]?.value {
                case .off?: silenced.insert(header.id)
                case .severity(let severity)?: packs[packIndex].rules[ruleIndex].header = header.with(severity: severity)
                case nil: break
                }
            }
        }
        return errors
    }
}
