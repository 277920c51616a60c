import Foundation

/// A user regular expression, compiled once with NSRegularExpression (ICU syntax). Never Swift `Regex`
/// on report text: it is two orders of magnitude slower here.
///
/// Hostile or careless patterns are kept in check twice: shapes known to backtrack catastrophically
/// (a repeated group that itself repeats, such as `(a+)+` or `(\\w*)*`) are refused when the rule is
/// loaded, and every search runs under a deadline (`timeLimit`): a search that hits it stops and is
/// reported as an error finding of its rule, never a hang.
public struct RegexPattern: @unchecked Sendable { // NSRegularExpression is immutable and thread-safe
    public let source: String
    let regex: NSRegularExpression
    /// Whether searches run under the deadline. A pattern that can be tried only a few ways at each
    /// position (`.{0,40}(将|继续)`, no repeated group with choices inside) searches in linear time and
    /// is left unwatched: the watch is a call back from ICU at every position, most of a search's cost.
    let watched: Bool
    /// How far a match reaches (`PatternReach`): what lets a guarded search look only near its guard.
    let reach: PatternReach

    /// At most this many ways per position leaves a pattern unwatched: linear time, with a constant
    /// that stays in seconds even on a 32 MB report built to be slow.
    static let linearPaths = 1_024

    /// Seconds one search may take: a second, plus a second for every 256 KB (UTF-8) searched. A large
    /// report legitimately takes longer; a catastrophic pattern grows exponentially and still hits it.
    public static func timeLimit(forLength length: Int) -> TimeInterval {
        1.0 + Double(length) / 262_144
    }

    public enum CompileError: Error, Equatable {
        case invalid(String)
        case matchesEmpty
        case catastrophic
    }

    /// `lineAnchors`: `^` and `$` match at every line start and end (used for cues over `SentenceText`).
    public static func compile(_ source: String, lineAnchors: Bool = false) -> Result<RegexPattern, CompileError> {
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: source, options: lineAnchors ? [.anchorsMatchLines] : [])
        } catch {
            // ICU's own message names only the pattern: say why and where.
            return .failure(.invalid(RegexDiagnosis.diagnose(source)?.description ?? "ICU 拒绝了这个表达式（未能确定是哪个字符）"))
        }
        if hasNestedRepetition(source) { return .failure(.catastrophic) }
        // A pattern that matches nothing-at-all would match at every position of every report.
        if regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            return .failure(.matchesEmpty)
        }
        let (reach, paths) = PatternReach.analyze(source, lineAnchors: lineAnchors)
        return .success(RegexPattern(source: source, regex: regex, watched: paths.map { $0 > linearPaths } ?? true, reach: reach))
    }

    /// True when a group that contains an unbounded repetition (`+`, `*`, `{n,}`) is itself repeated
    /// without bound: the shape behind catastrophic backtracking.
    static func hasNestedRepetition(_ pattern: String) -> Bool {
        let scalars = Array(pattern.unicodeScalars)
        var groups: [Bool] = [] // per open group: does it contain an unbounded repetition?
        var index = 0
        var inClass = false
        func unboundedQuantifier(at position: Int) -> Bool {
            guard position < scalars.count else { return false }
            if scalars[position] == "+" || scalars[position] == "*" { return true }
            if scalars[position] == "{" {
                var end = position + 1
                while end < scalars.count, scalars[end] != "}" { end += 1 }
                return String(String.UnicodeScalarView(scalars[(position + 1)..<min(end, scalars.count)])).hasSuffix(",")
            }
            return false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                // An escaped atom (\\w, \\d, \\.) repeated without bound counts like any other atom.
                if unboundedQuantifier(at: index + 2), !groups.isEmpty { groups[groups.count - 1] = true }
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
                index += 1
                continue
            }
            switch scalar {
            case "[": inClass = true
            case "(": groups.append(false)
            case ")":
                let inner = groups.popLast() ?? false
                let repeated = unboundedQuantifier(at: index + 1)
                if inner && repeated { return true }
                // A group that repeats, or holds a repetition, makes its enclosing group hold one too.
                if inner || repeated, !groups.isEmpty { groups[groups.count - 1] = true }
            default:
                if unboundedQuantifier(at: index + 1), !groups.isEmpty, scalar != "(" {
                    groups[groups.count - 1] = true
                }
            }
            index += 1
        }
        return false
    }

    /// Byte ranges (relative to `text`'s UTF-8) of every non-empty match; `onTimeout` is called when the
    /// search hit the deadline (the matches found until then are returned).
    public func matches(in text: String, onTimeout: () -> Void = {}) -> [ByteRange] {
        var result: [ByteRange] = []
        search(text, onTimeout: onTimeout) { range in
            result.append(range)
            return true
        }
        return result
    }

    public func firstMatch(in text: String, onTimeout: () -> Void = {}) -> ByteRange? {
        var found: ByteRange?
        search(text, onTimeout: onTimeout) { range in
            found = range
            return false
        }
        return found
    }

    /// Matches inside `windows` of `bytes` only (disjoint, in order, on scalar boundaries), as byte
    /// ranges of the whole text; all windows together get the time a search of the whole text would.
    func matches(in bytes: [UInt8], windows: [ByteRange], onTimeout: () -> Void = {}) -> [ByteRange] {
        let started = Date()
        guard let deadline = deadline(forLength: bytes.count, from: started) else {
            onTimeout()
            return []
        }
        defer { RegexBudget.current?.charge(source, Date().timeIntervalSince(started)) }
        var result: [ByteRange] = []
        for window in windows {
            let text = String(decoding: bytes[window.start..<window.end], as: UTF8.self)
            let report = { (range: ByteRange) -> Bool in
                result.append(ByteRange(range.start + window.start, range.end + window.start))
                return true
            }
            let completed = withoutActuallyEscaping(report, do: { found in searchEscaping(text, deadline: deadline, found) })
            if !completed {
                onTimeout()
                break
            }
        }
        return result
    }

    /// This search's deadline: its own limit, or what is left of the report's budget if that is less;
    /// nil when a watched pattern finds the budget already spent (the search is not started).
    private func deadline(forLength length: Int, from start: Date) -> Date? {
        var seconds = RegexPattern.timeLimit(forLength: length)
        if let budget = RegexBudget.current {
            if watched && budget.isSpent { return nil }
            seconds = min(seconds, budget.remaining)
        }
        return start.addingTimeInterval(seconds)
    }

    private func search(_ text: String, onTimeout: () -> Void, _ found: (ByteRange) -> Bool) {
        let started = Date()
        guard let deadline = deadline(forLength: text.utf8.count, from: started) else {
            onTimeout()
            return
        }
        defer { RegexBudget.current?.charge(source, Date().timeIntervalSince(started)) }
        // enumerateMatches takes an escaping block on Linux; it runs synchronously, so this is safe.
        let completed = withoutActuallyEscaping(found) { found in
            searchEscaping(text, deadline: deadline, found)
        }
        if !completed { onTimeout() }
    }

    /// False when the search hit `deadline` (the matches found until then have been passed to `found`).
    private func searchEscaping(_ text: String, deadline: Date, _ found: @escaping (ByteRange) -> Bool) -> Bool {
        let whole = NSRange(text.startIndex..., in: text)
        var timedOut = false
        var calls = 0
        regex.enumerateMatches(in: text, options: watched ? [.reportProgress] : [], range: whole) { match, _, stop in
            if let match, match.range.length > 0, let range = Range(match.range, in: text) {
                let bytes = ByteRange(
                    text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                    text.utf8.distance(from: text.startIndex, to: range.upperBound))
                if !found(bytes) {
                    stop.pointee = true
                    return
                }
            }
            // ICU calls back very often; reading the clock each time cost more than the matching.
            calls += 1
            if calls & 255 == 0, Date() > deadline {
                timedOut = true
                stop.pointee = true
            }
        }
        return !timedOut
    }
}
