/// One problem in one report: which rule, how bad, what to say, and exactly where.
/// `start` and `end` are computed by the engine from `range` through the report's one
/// `PositionConverter`; `end` is exclusive (the position just after the last character).
public struct Finding: Sendable, Hashable {
    public let ruleId: String
    public let severity: Severity
    public let message: String
    public let range: ByteRange
    public let start: SourcePosition
    public let end: SourcePosition
    /// A replacement the writer may use, when the rule knows one.
    public let suggestion: String?
    /// True when `reportlint fix` would apply `suggestion` (the rule is fixable); set by the engine.
    public internal(set) var fixable = false

    public init(
        ruleId: String, severity: Severity, message: String, range: ByteRange,
        start: SourcePosition, end: SourcePosition, suggestion: String? = nil
    ) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.range = range
        self.start = start
        self.end = end
        self.suggestion = suggestion
    }
}
