import Foundation

/// A report's text, read once: the decoded string, its UTF-8 bytes for fast scanning, and the one
/// position converter everything uses. Offsets are into `bytes` (the text after any BOM).
public final class Source: Sendable {
    /// The path as the user gave it (or `<stdin>`), used in every message.
    public let path: String
    public let text: String
    public let bytes: [UInt8]
    public let encoding: TextEncoding
    public let hadBOM: Bool
    public let positions: PositionConverter
    /// Every scalar of the text, decoded once, for rules that look at characters and their neighbours.
    public let scalars: [Unicode.Scalar]
    /// The byte offset of each scalar, plus one entry for the end of the text.
    public let scalarStarts: [Int32]

    public init(path: String, text: String, encoding: TextEncoding = .utf8, hadBOM: Bool = false) {
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
        self.encoding = encoding
        self.hadBOM = hadBOM
        self.positions = PositionConverter(bytes: bytes)
        var scalars: [Unicode.Scalar] = []
        var starts: [Int32] = []
        scalars.reserveCapacity(bytes.count / 2)
        starts.reserveCapacity(bytes.count / 2 + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            starts.append(Int32(offset))
            offset += UTF8.width(scalar)
        }
        starts.append(Int32(offset))
        self.scalars = scalars
        self.scalarStarts = starts
    }

    /// The index of the scalar starting at (or holding) a byte offset.
    public func scalarIndex(ofByte offset: Int) -> Int {
        var low = 0
        var high = scalars.count
        while low < high {
            let middle = (low + high) / 2
            if Int(scalarStarts[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// The scalar indices covering a byte range.
    public func scalarIndices(_ range: ByteRange) -> Range<Int> {
        let start = range.start >= bytes.count ? scalars.count : scalarIndex(ofByte: range.start)
        let end = range.end >= bytes.count ? scalars.count : scalarIndex(ofByte: range.end)
        return start..<max(start, end)
    }

    /// The byte range of scalars `indices`.
    public func byteRange(_ indices: Range<Int>) -> ByteRange {
        ByteRange(Int(scalarStarts[indices.lowerBound]), Int(scalarStarts[indices.upperBound]))
    }

    /// The text of a byte range. Ranges always fall on scalar boundaries: they come from UTF-8
    /// aware scanning, whole-scalar literal matches, or regex matches converted from scalar indices.
    public func string(_ range: ByteRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// Number of Unicode scalars in a byte range.
    public func scalarCount(_ range: ByteRange) -> Int {
        var count = 0
        for index in range.start..<range.end where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// True when the file holds nothing but white space.
    public var isBlank: Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
