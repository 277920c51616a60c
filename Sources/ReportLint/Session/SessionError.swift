/// Why a run could not start or finish: every case is an exit code 2 in the command line.
public enum SessionError: Error, Sendable, CustomStringConvertible {
    /// A configuration or rule file is wrong; one value per configuration that failed, each listing every mistake.
    case rules([RuleErrors])
    /// `--rule ID:LEVEL` names no rule of the run.
    case unknownRuleOverride(id: String, suggestion: String?)
    case changedSince(GitChanges.Failure)
    case baseline(Baseline.LoadError)
    case writeBaseline(path: String, reason: String)

    public var description: String {
        switch self {
        case .rules(let failures): return failures.map(\.description).joined(separator: "\n")
        case .unknownRuleOverride(let id, let suggestion):
            return "错误: --rule 指定的规则“\(id)”不存在" + (suggestion.map { "，是否想写“\($0)”？" } ?? "") + "（reportlint rules list 列出全部）"
        case .changedSince(let failure): return failure.description
        case .baseline(let failure): return failure.description
        case .writeBaseline(let path, let reason): return "\(path): 错误: 无法写入基线文件：\(reason)"
        }
    }
}
