/// A place in a report's text between two characters: the line (a paragraph of the document, 0-based)
/// and the number of scalars before it on that line, numbering shown by Word included.
public struct TextPoint: Hashable, Comparable, Sendable {
    public var line: Int
    public var scalar: Int

    public init(line: Int, scalar: Int) {
        self.line = line
        self.scalar = scalar
    }

    public static func < (a: TextPoint, b: TextPoint) -> Bool {
        (a.line, a.scalar) < (b.line, b.scalar)
    }
}

/// The text between two points of a report, both within its lines.
public struct TextSpan: Hashable, Sendable {
    public var start: TextPoint
    public var end: TextPoint

    public init(_ start: TextPoint, _ end: TextPoint) {
        self.start = start
        self.end = max(start, end)
    }

    public var isEmpty: Bool { start == end }
}
