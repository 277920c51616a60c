import Foundation

/// One time budget for all the pattern searches of one report. A deadline per search bounds one
/// pattern, but fifty slow patterns would each take it in turn (51 s on a 2 KB report); with a budget
/// per file, every search also stops when the file's total is spent, and the engine says which
/// patterns spent it. The linter binds a budget to each report (`RegexBudget.$current`); searches
/// outside a lint have none and keep their own deadline only.
public final class RegexBudget: @unchecked Sendable { // guarded by `lock`
    @TaskLocal public static var current: RegexBudget?

    /// Seconds of pattern searching one report may take in all: twice what one search may take.
    public static func limit(forLength length: Int) -> TimeInterval {
        2 * RegexPattern.timeLimit(forLength: length)
    }

    public let limit: TimeInterval
    private let lock = NSLock()
    /// Seconds by pattern, keyed by the compiled pattern's identity: hashing the sources of long Chinese
    /// patterns at every search cost more than some searches.
    private var spent: [ObjectIdentifier: (pattern: String, seconds: TimeInterval)] = [:]
    private var total: TimeInterval = 0

    public init(limit: TimeInterval) {
        self.limit = limit
    }

    /// Seconds left (never negative).
    var remaining: TimeInterval {
        lock.withLock { max(0, limit - total) }
    }

    var isSpent: Bool { remaining <= 0 }

    func charge(_ pattern: CompiledRegex, _ seconds: TimeInterval) {
        lock.withLock {
            spent[ObjectIdentifier(pattern), default: (pattern.source, 0)].seconds += seconds
            total += seconds
        }
    }

    /// The patterns that took the most time, slowest first (for the message when the budget ran out).
    public func heaviest(_ count: Int = 3) -> [(pattern: String, seconds: TimeInterval)] {
        lock.withLock {
            // The same source compiled twice (two rules) is one pattern to the writer.
            var bySource: [String: TimeInterval] = [:]
            for entry in spent.values { bySource[entry.pattern, default: 0] += entry.seconds }
            return bySource.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map { ($0.key, $0.value) }
        }
    }
}
