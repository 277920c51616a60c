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
    private let compiled: CompiledRegex
    /// Nil only for a trusted pattern that does not compile after all (the tests make sure none does):
    /// it then matches nothing rather than stopping the run.
    var regex: NSRegularExpression? { compiled.regex }
    /// Whether searches run under the deadline. A pattern that can be tried only a few ways at each
    /// position (`.{0,40}(将|继续)`, no repeated group with choices inside) searches in linear time and
    /// is left unwatched: the watch is a call back from ICU at every position, most of a search's cost.
    let watched: Bool
    /// How far a match reaches (`PatternReach`): what lets a guarded search look only near its guard.
    let reach: PatternReach
    /// For a pattern with look-arounds (`reach` is then `.whole`): the reach of what it consumes and how
    /// far its look-arounds read, to search windows widened by that instead of the whole text.
    let lookaround: LookaroundReach?

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
    /// `trusted`: the pattern is a built-in pack's, checked by the tests (it compiles, is not catastrophic,
    /// never matches empty); ICU compiles it when it is first searched, so a start pays only for the
    /// patterns its report needs.
    public static func compile(
        _ source: String, lineAnchors: Bool = false, trusted: Bool = false
    ) -> Result<RegexPattern, CompileError> {
        let options: NSRegularExpression.Options = lineAnchors ? [.anchorsMatchLines] : []
        if trusted {
            let (reach, paths, lookaround) = PatternReach.analyze(source, lineAnchors: lineAnchors)
            return .success(
                RegexPattern(
                    source: source, compiled: CompiledRegex(source, options: options),
                    watched: paths.map { $0 > linearPaths } ?? true, reach: reach, lookaround: lookaround))
        }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: source, options: options)
        } catch {
            // ICU's own message names only the pattern: say why and where.
            return .failure(.invalid(RegexDiagnosis.diagnose(source)?.description ?? "ICU 拒绝了这个表达式（未能确定是哪个字符）"))
        }
        if hasNestedRepetition(source) { return .failure(.catastrophic) }
        // A pattern that matches nothing-at-all would match at every position of every report.
        if regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            return .failure(.matchesEmpty)
        }
        let (reach, paths, lookaround) = PatternReach.analyze(source, lineAnchors: lineAnchors)
        return .success(
            RegexPattern(
                source: source, compiled: CompiledRegex(regex), watched: paths.map { $0 > linearPaths } ?? true, reach: reach,
                lookaround: lookaround))
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
    /// `margin`: bytes on either side of each window that look-arounds may read (matches still lie inside
    /// the window; ICU's transparent bounds let the look-arounds see past it, so a `(?<!…)` at a window's
    /// start sees the text before it, as in a search of the whole text).
    func matches(in bytes: [UInt8], windows: [ByteRange], margin: Int = 0, onTimeout: () -> Void = {}) -> [ByteRange] {
        let started = Date()
        guard let deadline = deadline(forLength: bytes.count, from: started) else {
            onTimeout()
            return []
        }
        defer { RegexBudget.current?.charge(source, Date().timeIntervalSince(started)) }
        var result: [ByteRange] = []
        for window in windows {
            var outer = ByteRange(max(0, window.start - margin), min(bytes.count, window.end + margin))
            // Never cut a scalar: UTF-8 continuation bytes are 10xxxxxx.
            while outer.start > 0, bytes[outer.start] & 0xC0 == 0x80 { outer.start -= 1 }
            while outer.end < bytes.count, bytes[outer.end] & 0xC0 == 0x80 { outer.end += 1 }
            let text = String(decoding: bytes[outer.start..<outer.end], as: UTF8.self)
            var range: NSRange?
            if outer != window {
                let before = String(decoding: bytes[outer.start..<window.start], as: UTF8.self).utf16.count
                let inside = String(decoding: bytes[window.start..<window.end], as: UTF8.self).utf16.count
                range = NSRange(location: before, length: inside)
            }
            let report = { (found: ByteRange) -> Bool in
                result.append(ByteRange(found.start + outer.start, found.end + outer.start))
                return true
            }
            let completed = withoutActuallyEscaping(
                report, do: { found in searchEscaping(text, within: range, deadline: deadline, found) })
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
    /// `within`: the part of `text` (UTF-16) matches must lie in, its surroundings visible to look-arounds
    /// and not taken as the text's start or end; nil: all of it.
    private func searchEscaping(
        _ text: String, within range: NSRange? = nil, deadline: Date, _ found: @escaping (ByteRange) -> Bool
    ) -> Bool {
        var timedOut = false
        var calls = 0
        guard let regex else { return true }
        var options: NSRegularExpression.MatchingOptions = watched ? [.reportProgress] : []
        if range != nil { options.formUnion([.withTransparentBounds, .withoutAnchoringBounds]) }
        regex.enumerateMatches(in: text, options: options, range: range ?? NSRange(text.startIndex..., in: text)) {
            match, _, stop in
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

/// An ICU regex, compiled at once or when first asked for (a trusted pattern), by whichever thread asks first.
private final class CompiledRegex: @unchecked Sendable { // `regex` is guarded by `lock`; NSRegularExpression is immutable
    private let lock = NSLock()
    private var stored: NSRegularExpression?
    private let source: String
    private let options: NSRegularExpression.Options

    init(_ regex: NSRegularExpression) {
        stored = regex
        source = regex.pattern
        options = regex.options
    }

    init(_ source: String, options: NSRegularExpression.Options) {
        self.source = source
        self.options = options
    }

    var regex: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        stored = try? NSRegularExpression(pattern: source, options: options)
        return stored
    }
}
