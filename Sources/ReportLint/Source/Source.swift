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

    public init(path: String, text: String, encoding: TextEncoding = .utf8, hadBOM: Bool = false) {
        self.path = path
        self.text = text
        self.bytes = Array(text.utf8)
        self.encoding = encoding
        self.hadBOM = hadBOM
        self.positions = PositionConverter(bytes: bytes)
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
