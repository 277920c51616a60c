/// A half-open range of UTF-8 byte offsets into a report's decoded text. Rules report these;
/// `PositionConverter` is the one place that turns them into lines and columns.
public struct ByteRange: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "ByteRange start after end")
        self.start = start
        self.end = end
    }

    public var isEmpty: Bool { start == end }
    public var count: Int { end - start }

    public func contains(_ other: ByteRange) -> Bool { start <= other.start && other.end <= end }
    public func contains(offset: Int) -> Bool { start <= offset && offset < end }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// A 1-based line and a 1-based column counted in Unicode scalars, as in the original file.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
