/// A half-open range of UTF-8 byte offsets into a report's decoded text. Rules report these;
/// `PositionConverter` (through `Source.position(ofByte:)`) turns them into lines and columns.
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

extension ByteRange {
    /// Sorted ranges with overlapping ones joined: one finding per place.
    static func merged(_ ranges: [ByteRange]) -> [ByteRange] {
        var result: [ByteRange] = []
        for range in ranges.sorted() {
            if let last = result.last, range.start < last.end {
                result[result.count - 1] = ByteRange(last.start, max(last.end, range.end))
            } else {
                result.append(range)
            }
        }
        return result
    }
}
