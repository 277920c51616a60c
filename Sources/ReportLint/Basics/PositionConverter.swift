import Foundation

/// The one position converter: where each line starts and ends (LF, CRLF and lone CR all end a line),
/// built once per text. Byte offset → line by binary search (`Source.position(ofByte:)` adds the scalar
/// column, from its scalar table on long lines); line and column → byte offset back (`byteOffset`), for
/// the fixer; the same line rule over scalars (`lineBounds`) for the Markdown original and the language server.
public struct PositionConverter: Sendable {
    /// Byte offset where each line starts (index 0 is line 1).
    public let lineStarts: [Int]
    /// Byte offset where each line's content ends, before its line terminator.
    public let lineEnds: [Int]
    private let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var ends: [Int] = []
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            // Most reports end lines with LF only: then memchr finds them, far faster than a byte loop.
            if memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil {
                var from = 0
                while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "\n")), bytes.count - from) {
                    let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    ends.append(index)
                    starts.append(index + 1)
                    from = index + 1
                }
                return
            }
            var index = 0
            while index < bytes.count {
                // Every byte of the report passes here: most are far above CR and LF.
                if bytes[index] > UInt8(ascii: "\r") {
                    index += 1
                    continue
                }
                switch bytes[index] {
                case UInt8(ascii: "\n"):
                    ends.append(index)
                    starts.append(index + 1)
                case UInt8(ascii: "\r"):
                    ends.append(index)
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    starts.append(index + 1)
                default:
                    break
                }
                index += 1
            }
        }
        ends.append(bytes.count)
        lineStarts = starts
        lineEnds = ends
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line holding `offset` (an offset at a line end belongs to that line).
    public func line(ofByte offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The byte range of a line's content, without its terminator.
    public func lineRange(_ line: Int) -> ByteRange {
        ByteRange(lineStarts[line - 1], lineEnds[line - 1])
    }

    /// The byte offset where a 1-based line's `column`-th scalar starts: the inverse of a position's line and
    /// column. A column past the line's end gives the line's end; nil for a line the text does not have.
    public func byteOffset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineCount else { return nil }
        let range = lineRange(line)
        var offset = range.start
        var scalars = 1
        while offset < range.end, scalars < column {
            offset += 1
            if offset == range.end || bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
        }
        return offset
    }

    /// Each line's scalar indices in `scalars`, split as the byte table splits (LF, CRLF, lone CR): for
    /// texts held as scalars (a Markdown file as written, an editor's buffer).
    public static func lineBounds(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\n" || scalars[index] == "\r" {
                bounds.append(start..<index)
                if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                start = index + 1
            }
            index += 1
        }
        bounds.append(start..<scalars.count)
        return bounds
    }
}
