/// Loads the rules of a run: the built-in packs (unless turned off) and the user's files or folders.
public enum RuleRepository {
    public static func load(rulePaths: [String], includeBuiltin: Bool) -> Result<CompiledRules, RuleErrors> {
        var packs: [RulePack] = []
        var errors: [RuleError] = []
        if includeBuiltin {
            switch BuiltinRules.packs() {
            case .success(let builtin): packs += builtin
            case .failure(let failure): errors += failure.errors
            }
        }
        for path in rulePaths {
            let files = RuleLoader.ruleFiles(at: path)
            if files.isEmpty {
                errors.append(RuleError(.unreadable("目录中没有 .yml 或 .yaml 规则文件"), at: RuleLocation(file: path, line: 1, column: 1)))
            }
            for file in files {
                switch RuleLoader.loadFile(file) {
                case .success(let pack): packs.append(pack)
                case .failure(let failure): errors += failure.errors
                }
            }
        }
        guard errors.isEmpty else { return .failure(RuleErrors(errors: errors)) }
        return CompiledRules.compile(packs)
    }
}
