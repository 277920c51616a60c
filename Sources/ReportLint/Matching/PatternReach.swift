/// How far from one of its guard literals a match of a pattern can reach: what lets a guarded pattern
/// search only the text around the guard's hits instead of the whole report. A 5 MB report with one
/// 取得了 then costs one short search, not a pass of ICU over five megabytes.
///
/// The analysis is conservative: any construct whose reach depends on context outside the window
/// (anchors, word boundaries, lookarounds, flags, back-references) or that it does not know gives
/// `.whole`, which searches the whole text as before.
enum PatternReach: Equatable {
    /// Every match is at most this many UTF-8 bytes long.
    case bytes(Int)
    /// Matches can be long but never hold a line feed: they lie within one line.
    case line
    /// Nothing is known: search the whole text.
    case whole

    /// An upper bound on the ways one search position can be tried (nil: none known). A pattern with a
    /// small bound cannot backtrack catastrophically, so its searches need no deadline watch, which
    /// costs a callback from ICU at every position.
    static func searchPaths(_ pattern: String, lineAnchors: Bool = false) -> Int? {
        analyze(pattern, lineAnchors: lineAnchors).paths
    }

    /// `lineAnchors`: the pattern was compiled with `^` and `$` matching at every line; it can then
    /// only be searched line by line (`.line`), never in windows that may start inside a line.
    init(_ pattern: String, lineAnchors: Bool = false) {
        self = PatternReach.analyze(pattern, lineAnchors: lineAnchors).reach
    }

    /// Both facts from one reading of the pattern (done once, when the rule is compiled), and the reach
    /// windows around a guard may use (`window`): for a pattern with look-arounds, the reach of what it
    /// consumes (its look-arounds read the text around a window, which a search of the window sees).
    static func analyze(
        _ pattern: String, lineAnchors: Bool
    ) -> (reach: PatternReach, paths: Int?, window: PatternReach) {
        var parser = ReachParser(scalars: Array(pattern.unicodeScalars), lineAnchors: lineAnchors)
        guard let shape = parser.alternation(), parser.index == parser.scalars.count else { return (.whole, nil, .whole) }
        let reach: PatternReach
        if lineAnchors {
            reach = shape.mayMatchNewline ? .whole : .line
        } else if let length = shape.maxBytes {
            reach = .bytes(length)
        } else {
            reach = shape.mayMatchNewline ? .whole : .line
        }
        // A look-around reads text outside the match: its reach is the whole text, but the ways a match can
        // be tried stay counted, so a pattern like (?<!所)开展的(?=不够) is searched without the watch; and
        // windows of what it consumes can still be searched, with the text around them in view.
        if parser.readsContext {
            return (.whole, shape.paths, lineAnchors ? .whole : reach)
        }
        return (reach, shape.paths, reach)
    }
}

/// What a piece of a pattern can match: its longest match in UTF-8 bytes (nil: unbounded), whether it
/// can match a line feed, and how many ways it can be tried at one position (`paths`: the backtracking
/// a search may do there; nil when unbounded, as for `.*` or a repeated group with choices in it).
private struct Shape {
    var maxBytes: Int?
    var mayMatchNewline: Bool
    var paths: Int? = 1

    static let empty = Shape(maxBytes: 0, mayMatchNewline: false)
    /// One code point that is never a line feed (`.`, `\d`, 中).
    static let scalar = Shape(maxBytes: 4, mayMatchNewline: false)
    static let anyScalar = Shape(maxBytes: 4, mayMatchNewline: true)

    /// Path counts above this are treated as unbounded.
    private static let pathLimit = 1 << 20

    private static func bounded(_ value: Int?) -> Int? {
        value.flatMap { $0 > pathLimit ? nil : $0 }
    }

    func then(_ next: Shape) -> Shape {
        Shape(
            maxBytes: maxBytes.flatMap { a in next.maxBytes.map { a + $0 } },
            mayMatchNewline: mayMatchNewline || next.mayMatchNewline,
            paths: Shape.bounded(paths.flatMap { a in next.paths.map { a * $0 } }))
    }

    func or(_ other: Shape) -> Shape {
        Shape(
            maxBytes: maxBytes.flatMap { a in other.maxBytes.map { max(a, $0) } },
            mayMatchNewline: mayMatchNewline || other.mayMatchNewline,
            paths: Shape.bounded(paths.flatMap { a in other.paths.map { a + $0 } }))
    }

    /// Repeated between `low` and `high` times (nil: no upper bound). Each count is one more path when
    /// the piece itself has one way to match; a piece with choices, repeated, multiplies them.
    func repeated(from low: Int, atMost high: Int?) -> Shape {
        Shape(
            maxBytes: high.flatMap { c in maxBytes.map { $0 * c } }, mayMatchNewline: mayMatchNewline,
            paths: paths == 1 ? Shape.bounded(high.map { $0 - low + 1 }) : nil)
    }
}

/// A small recursive-descent reader of the ICU syntax rules use; returns nil for anything it does not know.
private struct ReachParser {
    let scalars: [Unicode.Scalar]
    let lineAnchors: Bool
    var index = 0
    /// Set when the pattern has a look-around: its reach is then the whole text, but not its windows'.
    var readsContext = false
    /// Inside how many look-arounds the reader is.
    private var lookaroundDepth = 0
    /// Capture groups by number, once closed: a back-reference matches at most what its group did.
    private var groups: [Int: Shape] = [:]
    private var groupCount = 0

    init(scalars: [Unicode.Scalar], lineAnchors: Bool) {
        self.scalars = scalars
        self.lineAnchors = lineAnchors
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func alternation() -> Shape? {
        guard var shape = sequence() else { return nil }
        while current == "|" {
            index += 1
            guard let next = sequence() else { return nil }
            shape = shape.or(next)
        }
        return shape
    }

    private mutating func sequence() -> Shape? {
        var shape = Shape.empty
        while let scalar = current, scalar != "|", scalar != ")" {
            guard let atom = atom(), let quantified = quantifier(atom) else { return nil }
            shape = shape.then(quantified)
        }
        return shape
    }

    private mutating func atom() -> Shape? {
        guard let scalar = current else { return nil }
        index += 1
        switch scalar {
        case "(":
            // Plain and non-capturing groups, and look-arounds; (?i), (?s) and named groups change meaning.
            if current == "?" {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let afterNext = index + 2 < scalars.count ? scalars[index + 2] : nil
                if next == "=" || next == "!" || (next == "<" && (afterNext == "=" || afterNext == "!")) {
                    // Consumes nothing and is tried once where it stands (ICU look-arounds are atomic).
                    index += next == "<" ? 3 : 2
                    lookaroundDepth += 1
                    guard let inner = alternation(), current == ")" else { return nil }
                    lookaroundDepth -= 1
                    index += 1
                    readsContext = true
                    return Shape(maxBytes: 0, mayMatchNewline: false, paths: inner.paths)
                }
                guard next == ":" else { return nil }
                index += 2
                guard let inner = alternation(), current == ")" else { return nil }
                index += 1
                return inner
            }
            groupCount += 1
            let number = groupCount
            guard let inner = alternation(), current == ")" else { return nil }
            index += 1
            groups[number] = inner
            return inner
        case "[": return characterClass()
        case "\\": return escape(inClass: false)
        case ".": return .scalar // no (?s) is accepted above, so `.` never matches a line feed
        case "^", "$":
            if lineAnchors { return .empty } // a line start or end is the same in a whole line
            // Inside a look-around: the text's start or end, which a window sees rightly (its bounds are not
            // taken for the text's).
            return lookaroundDepth > 0 ? .empty : nil
        case "*", "+", "?", "{", ")", "|": return nil
        case "\n": return Shape(maxBytes: 1, mayMatchNewline: true)
        default: return Shape(maxBytes: UTF8.width(scalar), mayMatchNewline: false)
        }
    }

    /// After `\`: escapes that match one code point; anchors, back-references and the rest give nil.
    private mutating func escape(inClass: Bool) -> Shape? {
        guard let scalar = current else { return nil }
        index += 1
        switch scalar {
        case "d", "w", "S", "h": return .scalar
        case "D", "W", "s", "H", "v", "V", "t", "r", "f", "e", "a": return .anyScalar
        case "n": return Shape(maxBytes: 1, mayMatchNewline: true)
        case "p", "P", "N", "x", "u", "0":
            // A property or code point in braces, in a class as well ([\p{Han}]): one code point, any.
            if scalar == "p" || scalar == "P" || scalar == "N" || scalar == "x", current == "{" {
                guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                index = close + 1
                return .anyScalar
            }
            return nil
        case "1"..."9" where !inClass:
            // A back-reference to a closed group matches what it matched: no longer, no more lines.
            guard current.map({ !("0"..."9").contains($0) }) ?? true,
                let group = groups[Int(scalar.value - 0x30)]
            else { return nil }
            return Shape(maxBytes: group.maxBytes, mayMatchNewline: group.mayMatchNewline)
        default:
            // Escaped punctuation stands for itself; other escaped letters and digits are anchors, classes
            // or references this reader does not model.
            guard scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            return Shape(maxBytes: 1, mayMatchNewline: false)
        }
    }

    /// `[...]`: one code point. Negated classes and ranges starting at or below the line feed may match one.
    private mutating func characterClass() -> Shape? {
        var mayMatchNewline = false
        if current == "^" {
            mayMatchNewline = true
            index += 1
        }
        var first = true
        var previous: Unicode.Scalar?
        while let scalar = current, scalar != "]" || first {
            first = false
            index += 1
            switch scalar {
            case "[": return nil // nested sets and set operations
            case "\\":
                guard let escaped = escape(inClass: true) else { return nil }
                mayMatchNewline = mayMatchNewline || escaped.mayMatchNewline
                previous = nil
            case "-":
                if let low = previous, current != "]", let high = current {
                    if low.value <= 0x0A && high.value >= 0x0A { mayMatchNewline = true }
                    if high == "\\" { return nil }
                    index += 1
                }
                previous = nil
            default:
                if scalar == "\n" { mayMatchNewline = true }
                previous = scalar
            }
        }
        guard current == "]" else { return nil }
        index += 1
        return mayMatchNewline ? .anyScalar : .scalar
    }

    /// A quantifier after an atom, with its lazy (`?`) or possessive (`+`) mark.
    private mutating func quantifier(_ atom: Shape) -> Shape? {
        let result: Shape
        switch current {
        case "?":
            index += 1
            result = atom.repeated(from: 0, atMost: 1)
        case "*", "+":
            index += 1
            result = atom.repeated(from: 0, atMost: nil)
        case "{":
            guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
            let bounds = String(scalars: scalars[(index + 1)..<close]).split(
                separator: ",", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let low = bounds.first.flatMap({ Int($0) }) else { return nil }
            let high = bounds.count == 1 ? low : (bounds[1].isEmpty ? nil : Int(bounds[1]))
            if bounds.count == 2, !bounds[1].isEmpty, high == nil { return nil }
            index = close + 1
            result = atom.repeated(from: low, atMost: high)
        default: return atom
        }
        if current == "?" || current == "+" { index += 1 }
        return result
    }
}

/// The parts of a text a guarded pattern must search: around each guard hit, as far as the pattern
/// reaches, widened to whole scalars and merged where they touch. Every match contains a guard hit
/// and stays within its reach, so every match lies inside one window, and a search window by window
/// finds exactly what a search of the whole text finds.
enum SearchWindows {
    static func around(_ hits: [ByteRange], reach: PatternReach, in bytes: [UInt8]) -> [ByteRange] {
        var windows: [ByteRange] = []
        for hit in hits {
            if let last = windows.last, reach == .line, hit.end <= last.end { continue } // same line, already covered
            var window: ByteRange
            switch reach {
            case .bytes(let length):
                window = ByteRange(max(0, hit.end - length), min(bytes.count, max(hit.end, hit.start + length)))
            case .line:
                var start = hit.start
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                var end = hit.end
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                window = ByteRange(start, end)
            case .whole:
                return [ByteRange(0, bytes.count)]
            }
            // Never cut a scalar: UTF-8 continuation bytes are 10xxxxxx.
            while window.start > 0, bytes[window.start] & 0xC0 == 0x80 { window.start -= 1 }
            while window.end < bytes.count, bytes[window.end] & 0xC0 == 0x80 { window.end += 1 }
            if let last = windows.last, window.start <= last.end {
                windows[windows.count - 1].end = max(last.end, window.end)
            } else {
                windows.append(window)
            }
        }
        return windows
    }
}
