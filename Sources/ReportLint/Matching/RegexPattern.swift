import Foundation

/// A user regular expression in ICU syntax (NSRegularExpression's), compiled once and searched through
/// ICU's C API (`ICURegex`). Never Swift `Regex` on report text: it is two orders of magnitude slower here.
///
/// Hostile or careless patterns are kept in check twice: shapes known to backtrack catastrophically
/// (a repeated group that itself repeats, such as `(a+)+` or `(\\w*)*`) are refused when the rule is
/// loaded, and every search runs under a limit (`timeLimit`, counted in ICU's steps): a search that hits
/// it stops and is reported as an error finding of its rule, never a hang.
public struct RegexPattern: Sendable {
    public let source: String
    private let compiled: CompiledRegex
    /// Nil only for a trusted pattern that does not compile after all (the tests make sure none does):
    /// it then matches nothing rather than stopping the run.
    var regex: ICURegex? { compiled.regex }
    /// Whether the pattern can run long. A pattern that can be tried only a few ways at each position
    /// (`.{0,40}(将|继续)`, no repeated group with choices inside) searches in linear time: it is still
    /// searched when the report's time budget is spent, a watched one is not.
    let watched: Bool
    /// How far a match reaches (`PatternReach`): what lets a guarded search look only near its guard.
    let reach: PatternReach
    /// The reach of windows around a guard: `reach`, or for a pattern with look-arounds (whose `reach` is
    /// `.whole`) the reach of what it consumes, its look-arounds reading the text around the window.
    let windowReach: PatternReach

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
        if trusted {
            let (reach, paths, window) = PatternReach.analyze(source, lineAnchors: lineAnchors)
            return .success(
                RegexPattern(
                    source: source, compiled: CompiledRegex(source, multiline: lineAnchors),
                    watched: paths.map { $0 > linearPaths } ?? true, reach: reach, windowReach: window))
        }
        guard let regex = ICURegex(source, multiline: lineAnchors) else {
            // ICU's own error names only an offset: say why and where.
            return .failure(.invalid(RegexDiagnosis.diagnose(source)?.description ?? "ICU 拒绝了这个表达式（未能确定是哪个字符）"))
        }
        if hasNestedRepetition(source) { return .failure(.catastrophic) }
        // A pattern that matches nothing-at-all would match at every position of every report.
        if regex.matchesEmptyText() {
            return .failure(.matchesEmpty)
        }
        let (reach, paths, window) = PatternReach.analyze(source, lineAnchors: lineAnchors)
        return .success(
            RegexPattern(
                source: source, compiled: CompiledRegex(regex, source: source, multiline: lineAnchors),
                watched: paths.map { $0 > linearPaths } ?? true, reach: reach, windowReach: window))
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
                return String(scalars: scalars[(position + 1)..<min(end, scalars.count)]).hasSuffix(",")
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

    /// Every match in a report's shared search text (no copy of its own).
    func matches(in text: SearchText, onTimeout: () -> Void) -> [ByteRange] {
        var result: [ByteRange] = []
        search(text.units, utf8Count: text.bytes.count, onTimeout: onTimeout) { range in
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

    /// Matches inside `windows` of `text` only (disjoint, in order, on scalar boundaries), as byte
    /// ranges of the whole text; all windows together get the time a search of the whole text would.
    /// Each window is searched as a region of the whole text whose surroundings stay visible to
    /// look-arounds (ICU's transparent bounds) and are not taken for the text's start or end, so a
    /// `(?<!…)` at a window's start sees the text before it, as in a search of the whole text.
    func matches(in text: SearchText, windows: [ByteRange], onTimeout: () -> Void = {}) -> [ByteRange] {
        let started = Date()
        guard let deadline = deadline(forLength: text.bytes.count, from: started) else {
            onTimeout()
            return []
        }
        defer { RegexBudget.current?.charge(compiled, Date().timeIntervalSince(started)) }
        guard let regex else { return [] }
        var result: [ByteRange] = []
        let regions = windows.map { text.unitOffset(ofByte: $0.start)..<text.unitOffset(ofByte: $0.end) }
        text.units.withUnsafeBufferPointer { units in
            // Offsets are counted from each window's start, not walked over the text between windows.
            var cursor = UTF16Text.Cursor()
            var cursorWindow = -1
            let outcome = regex.search(units, regions: regions, remaining: { deadline.timeIntervalSinceNow }) {
                window, from, to in
                if window != cursorWindow {
                    cursor = UTF16Text.Cursor(unit: regions[window].lowerBound, byte: windows[window].start)
                    cursorWindow = window
                }
                result.append(ByteRange(cursor.utf8Offset(of: from, in: units), cursor.utf8Offset(of: to, in: units)))
                return true
            }
            if outcome == .timedOut { onTimeout() }
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
        search(Array(text.utf16), utf8Count: text.utf8.count, onTimeout: onTimeout, found)
    }

    private func search(_ units: [UInt16], utf8Count: Int, onTimeout: () -> Void, _ found: (ByteRange) -> Bool) {
        let started = Date()
        guard let deadline = deadline(forLength: utf8Count, from: started) else {
            onTimeout()
            return
        }
        defer { RegexBudget.current?.charge(compiled, Date().timeIntervalSince(started)) }
        if !search(units, deadline: deadline, found) { onTimeout() }
    }

    /// False when the search hit its limit (the matches found until then have been passed to `found`,
    /// as byte ranges of the UTF-8 of `units`).
    private func search(_ units: [UInt16], deadline: Date, _ found: (ByteRange) -> Bool) -> Bool {
        guard let regex else { return true }
        return units.withUnsafeBufferPointer { units in
            var cursor = UTF16Text.Cursor()
            let outcome = regex.search(units, seconds: deadline.timeIntervalSinceNow) { start, end in
                found(ByteRange(cursor.utf8Offset(of: start, in: units), cursor.utf8Offset(of: end, in: units)))
            }
            return outcome != .timedOut
        }
    }
}

/// An ICU regex, compiled at once or when first asked for (a trusted pattern), by whichever thread asks first.
final class CompiledRegex: Sendable {
    private let built = Once<ICURegex?>()
    let source: String
    private let multiline: Bool

    init(_ regex: ICURegex, source: String, multiline: Bool) {
        self.source = source
        self.multiline = multiline
        _ = built.get { regex }
    }

    init(_ source: String, multiline: Bool) {
        self.source = source
        self.multiline = multiline
    }

    var regex: ICURegex? { built.get { ICURegex(source, multiline: multiline) } }
}
