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
        /// A rule or configuration file (`what`) that could not be read as UTF-8 text.
        case unreadableFile(what: String, reason: String)
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
        /// A warning: a list item indented deeper than the one before, which YAML folds into it.
        case foldedListItem(item: String, into: String)
        /// `extends:` of a configuration names a missing file or makes a loop.
        case badExtends(String)
    }

    public let location: RuleLocation
    public let problem: Problem
    /// A warning is printed but does not stop the run.
    public let isWarning: Bool

    public init(_ problem: Problem, at location: RuleLocation, warning: Bool = false) {
        self.problem = problem
        self.location = location
        self.isWarning = warning
    }

    public var message: String {
        switch problem {
        case .unreadable(let reason):
            return "无法读取规则文件：\(reason)"
        case .unreadableFile(let what, let reason):
            return "无法读取\(what)：\(reason)"
        case .syntax(let problem):
            return "YAML 语法错误：\(problem)" + (YAMLSyntaxHelp.explain(problem).map { "（\($0)）" } ?? "")
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
            return
                "未知的规则类型“\(kind)”\(didYouMean(suggestion, otherwise: "。"))可用类型：\(RuleKind.allCases.map(\.rawValue).joined(separator: ", "))"
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
        case .badExtends(let reason):
            return reason
        case .foldedListItem(let item, let folded):
            return "“\(item)”比上一项缩进得深，YAML 把它并进了上一项，成了“\(folded)”；列表各项的“-”应上下对齐"
        }
    }

    public var description: String { "\(location): \(isWarning ? "警告" : "错误"): \(message)" }

    private func didYouMean(_ suggestion: String?, otherwise: String) -> String {
        suggestion.map { "，是否想写“\($0)”？" } ?? otherwise
    }
}

/// Several rule errors at once: a rule author sees every mistake of a file in one run.
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [RuleError]

    public init(errors: [RuleError]) {
        self.errors = errors
    }

    /// Errors file by file (in the order the files first appear), each file's by line and column.
    public static func sorted(_ errors: [RuleError]) -> [RuleError] {
        var fileOrder: [String: Int] = [:]
        for error in errors where fileOrder[error.location.file] == nil { fileOrder[error.location.file] = fileOrder.count }
        return errors.enumerated().sorted { a, b in
            (fileOrder[a.element.location.file]!, a.element.location.line, a.element.location.column, a.offset)
                < (fileOrder[b.element.location.file]!, b.element.location.line, b.element.location.column, b.offset)
        }.map(\.element)
    }
    /// More than this many errors are summarised: a file with thousands of mistakes should not flood the terminal.
    public static let shown = 100

    public var description: String {
        var lines = errors.prefix(RuleErrors.shown).map(\.description)
        if errors.count > RuleErrors.shown { lines.append("……另有 \(errors.count - RuleErrors.shown) 个错误未列出") }
        return lines.joined(separator: "\n")
    }
}

/// Chinese explanations of libyaml's English syntax messages, for rule authors who do not read them.
enum YAMLSyntaxHelp {
    static let explanations: [(String, String)] = [
        ("mapping values are not allowed", "这里不能出现“键: 值”：值里有“: ”时请给整个值加引号，或检查缩进"),
        ("block sequence entries are not allowed", "这里不能开始列表项“- ”：列表应写在键的下一行并缩进，或写成 [a, b]"),
        ("did not find expected key", "没有找到应有的键：多半是缩进不一致，或列表项“- ”与键混在同一层"),
        ("did not find expected '-' indicator", "没有找到应有的列表项“- ”：同一列表各项的缩进应一致"),
        ("could not find expected ':'", "没有找到应有的冒号：键后面要有“: ”，多行的值请加引号或用 |"),
        ("found character that cannot start any token", "这个字符不能开始任何内容：缩进只能用空格，不能用制表符（Tab）；以 @ ` 开头的值请加引号"),
        ("found a tab character", "缩进里有制表符（Tab）：YAML 只能用空格缩进"),
        ("found unexpected end of stream", "文件提前结束：有引号或括号没有闭合"),
        ("found unknown escape character", "双引号里的反斜杠转义无法识别：正则表达式请用单引号，如 '\\d+'，或把反斜杠写两遍"),
        ("did not find expected ',' or ']'", "方括号列表 [ … ] 里缺少“,”或“]”"),
        ("did not find expected ',' or '}'", "花括号映射 { … } 里缺少“,”或“}”"),
        ("did not find expected node content", "这里缺少值"),
        ("found undefined tag handle", "“!”开头的标记无法识别：以 ! 开头的值请加引号"),
        ("found duplicate anchor", "锚点“&名字”重复定义"),
        ("found undefined alias", "别名“*名字”没有对应的锚点“&名字”：以 * 开头的值请加引号"),
        ("found unexpected ':'", "出现了多余的冒号：含冒号的值请加引号"),
        ("did not find expected comment or line break", "值后面还有多余的内容：整个值请加引号"),
        ("did not find expected <document start>", "文档开头有多余的内容：检查第一行的缩进"),
        ("found incompatible YAML document", "YAML 版本声明不受支持，请删除 %YAML 一行"),
        ("invalid leading UTF-8 octet", "文件不是 UTF-8 编码：请另存为 UTF-8"),
        ("control characters are not allowed", "文件里有控制字符：请删除，或另存为 UTF-8 文本"),
    ]

    static func explain(_ problem: String) -> String? {
        explanations.first { problem.contains($0.0) }?.1
    }
}
