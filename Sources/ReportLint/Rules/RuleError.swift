/// Where something is in a rule file: 1-based line and column (columns in Unicode scalars, as libyaml counts).
public struct RuleLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A broken rule file, as a typed value with its position. The CLI prints `file:line:col: 错误: …`
/// and exits 2; tests match on `problem`.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case unreadable(String)
        case syntax(String)
        case tooComplex(String)
        case notAMapping(what: String)
        case unknownKey(String, suggestion: String?, allowed: [String])
        case duplicateKey(String)
        case wrongType(key: String, expected: String)
        case missingKey(String)
        case emptyValue(key: String)
        case invalidId(String)
        case duplicateId(String, first: RuleLocation)
        case unknownKind(String, suggestion: String?)
        case invalidSeverity(String)
        case invalidDocumentType(String)
        case badRegex(pattern: String, reason: String)
        case regexMatchesEmpty(String)
        case catastrophicRegex(String)
        case unknownWithin(String, suggestion: String?)
        case withinNotSection(String)
        case unknownPack(String, suggestion: String?)
        case unknownRule(String, suggestion: String?)
    }

    public let location: RuleLocation
    public let problem: Problem

    public init(_ problem: Problem, at location: RuleLocation) {
        self.problem = problem
        self.location = location
    }

    public var message: String {
        switch problem {
        case .unreadable(let reason):
            return "无法读取规则文件：\(reason)"
        case .syntax(let problem):
            return "YAML 语法错误：\(problem)"
        case .tooComplex(let reason):
            return "规则文件过于复杂：\(reason)"
        case .notAMapping(let what):
            return "\(what)应是键值映射（key: value）"
        case .unknownKey(let key, let suggestion, let allowed):
            return "未知的键“\(key)”\(didYouMean(suggestion, otherwise: "。"))可用的键：\(allowed.joined(separator: ", "))"
        case .duplicateKey(let key):
            return "键“\(key)”重复出现"
        case .wrongType(let key, let expected):
            return "“\(key)”应为\(expected)"
        case .missingKey(let key):
            return "缺少必需的键“\(key)”"
        case .emptyValue(let key):
            return "“\(key)”不能为空"
        case .invalidId(let id):
            return "规则 id“\(id)”无效：只能用小写 ASCII 字母、数字和 - _ . /，如 my-unit/problems"
        case .duplicateId(let id, let first):
            return "规则 id“\(id)”重复，首次定义于 \(first)"
        case .unknownKind(let kind, let suggestion):
            return "未知的规则类型“\(kind)”\(didYouMean(suggestion, otherwise: "。"))可用类型：\(RuleKind.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidSeverity(let value):
            return "严重级别“\(value)”无效，应为 error、warning 或 info"
        case .invalidDocumentType(let value):
            return "文种“\(value)”无效，应为 \(DocumentType.allCases.map(\.rawValue).joined(separator: "、"))"
        case .badRegex(let pattern, let reason):
            return "正则表达式“\(pattern)”无法编译，\(reason)"
        case .catastrophicRegex(let pattern):
            return "正则表达式“\(pattern)”含有嵌套的无界重复（如 (a+)+），可能出现灾难性回溯，已拒绝；请改写"
        case .regexMatchesEmpty(let pattern):
            return "正则表达式“\(pattern)”能匹配空字符串，会在每个位置命中"
        case .unknownWithin(let id, let suggestion):
            return "within 引用的规则“\(id)”不存在\(didYouMean(suggestion, otherwise: ""))"
        case .withinNotSection(let id):
            return "within 引用的规则“\(id)”不是 section 类规则"
        case .unknownPack(let name, let suggestion):
            return "没有名为“\(name)”的规则包\(didYouMean(suggestion, otherwise: ""))"
        case .unknownRule(let id, let suggestion):
            return "没有 id 为“\(id)”的规则\(didYouMean(suggestion, otherwise: ""))"
        }
    }

    public var description: String { "\(location): 错误: \(message)" }

    private func didYouMean(_ suggestion: String?, otherwise: String) -> String {
        suggestion.map { "，是否想写“\($0)”？" } ?? otherwise
    }
}

/// Several rule errors at once: a rule author sees every mistake of a file in one run.
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [RuleError]
    /// More than this many errors are summarised: a file with thousands of mistakes should not flood the terminal.
    public static let shown = 100

    public var description: String {
        var lines = errors.prefix(RuleErrors.shown).map(\.description)
        if errors.count > RuleErrors.shown { lines.append("……另有 \(errors.count - RuleErrors.shown) 个错误未列出") }
        return lines.joined(separator: "\n")
    }
}

public enum Suggestions {
    /// The closest candidate within a small edit distance, for "did you mean".
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(2, word.count / 3)
        return best.1 <= limit ? best.0 : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
