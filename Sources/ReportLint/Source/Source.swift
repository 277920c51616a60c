import Foundation

/// Where a report's text came from.
public enum SourceFormat: String, Sendable {
    case text
    case markdown
    /// Word: each paragraph is one line of the text, so a finding's line is the paragraph number.
    case docx
}

/// Lines or a line range where findings are not reported (Markdown `reportlint-disable` comments).
public struct Suppression: Sendable, Equatable {
    /// nil: every rule.
    public let rule: String?
    public let lines: ClosedRange<Int>
}

/// A report's text, read once: the decoded string, its UTF-8 bytes for fast scanning, and the one
/// position converter everything uses. Offsets are into `bytes` (the text after any BOM).
/// For Markdown the text has its markup taken out; `columnMaps` turn columns back into the original's.
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
    /// For every block of 1 KB (`1 << blockShift` bytes), the index of the first scalar starting in or after it: byte
    /// offset → scalar index searches only one block's scalars instead of the whole report's, which
    /// on a 5 MB report is the difference between cache misses and cache hits.
    private let blockScalars: [Int32]
    private static let blockShift = 10

    public let format: SourceFormat
    /// Heading levels that come from the document rather than typed numbering: Word paragraph styles
    /// (Heading 1–5, 标题 1–5, outline levels) and Markdown `#`. Line → level 1–5.
    public let outlineLevels: [Int: Int]
    /// Per changed line, the original column (1-based) of each scalar of the line as it is in `text`.
    public let columnMaps: [Int: [Int]]
    /// The text as it is in the file, when `text` differs from it (Markdown): what excerpts show.
    public let originalText: String?
    public let suppressions: [Suppression]

    public init(path: String, text: String, encoding: TextEncoding = .utf8, hadBOM: Bool = false,
                format: SourceFormat = .text, outlineLevels: [Int: Int] = [:], columnMaps: [Int: [Int]] = [:],
                originalText: String? = nil, suppressions: [Suppression] = [], utf8: [UInt8]? = nil) {
        self.format = format
        self.outlineLevels = outlineLevels
        self.columnMaps = columnMaps
        self.originalText = originalText
        self.suppressions = suppressions
        self.path = path
        self.text = text
        // `utf8`, when the caller has it (the file as read), spares a copy of the whole text.
        assert(utf8 == nil || utf8! == Array(text.utf8))
        self.bytes = utf8 ?? Array(text.utf8)
        self.encoding = encoding
        self.hadBOM = hadBOM
        self.positions = PositionConverter(bytes: bytes)
        let (scalars, starts) = Source.decodeScalars(bytes)
        var blocks: [Int32] = []
        blocks.reserveCapacity(bytes.count >> Source.blockShift + 2)
        for (index, start) in starts.enumerated() {
            while blocks.count << Source.blockShift <= Int(start) { blocks.append(Int32(index)) }
        }
        blocks.append(Int32(scalars.count))
        self.blockScalars = blocks
        self.scalars = scalars
        self.scalarStarts = starts
        if let originalText {
            let original = Array(originalText.unicodeScalars)
            var lineStarts = [0]
            var lineEnds: [Int] = []
            var index = 0
            while index < original.count {
                if original[index] == "\n" || original[index] == "\r" {
                    lineEnds.append(index)
                    if original[index] == "\r", index + 1 < original.count, original[index + 1] == "\n" { index += 1 }
                    lineStarts.append(index + 1)
                }
                index += 1
            }
            lineEnds.append(original.count)
            originalLines = (original, lineStarts, lineEnds)
        } else {
            originalLines = nil
        }
    }

    /// The position of a byte offset as it is in the original file. `end` marks an exclusive end, which
    /// maps to just after the last character before it (so a range ending before removed markup stays tight).
    public func position(ofByte offset: Int, end: Bool = false) -> SourcePosition {
        // Line by binary search, column as a difference of scalar counts: O(log n) even on a 5 MB line.
        let line = positions.line(ofByte: offset)
        let column = scalarCount(before: offset) - scalarCount(before: positions.lineStarts[line - 1]) + 1
        let position = SourcePosition(line: line, column: column)
        guard !columnMaps.isEmpty, let map = columnMaps[position.line], !map.isEmpty else { return position }
        let index = position.column - 1
        if end, index >= 1 { return SourcePosition(line: position.line, column: map[min(index, map.count) - 1] + 1) }
        if index < map.count { return SourcePosition(line: position.line, column: map[index]) }
        return SourcePosition(line: position.line, column: map[map.count - 1] + 1)
    }

    /// How many scalars start before a byte offset.
    public func scalarCount(before offset: Int) -> Int {
        var (low, high) = searchBounds(offset)
        while low < high {
            let middle = (low + high) / 2
            if Int(scalarStarts[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The scalars of a line as the writer sees it in the file (original Markdown, or the text itself),
    /// without copying the line.
    public func displayScalars(_ line: Int) -> ArraySlice<Unicode.Scalar> {
        guard let original = originalLines else { return scalars[scalarIndices(positions.lineRange(line))] }
        guard line <= original.lineStarts.count else { return [] }
        return original.scalars[original.lineStarts[line - 1]..<original.lineEnds[line - 1]]
    }

    /// The original Markdown as scalars with line bounds (scalar indices), built once.
    private let originalLines: (scalars: [Unicode.Scalar], lineStarts: [Int], lineEnds: [Int])?

    /// The index of the scalar starting at (or holding) a byte offset.
    public func scalarIndex(ofByte offset: Int) -> Int {
        var (low, high) = searchBounds(offset)
        while low < high {
            let middle = (low + high) / 2
            if Int(scalarStarts[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// Every scalar of valid UTF-8 and the byte offset where each starts (plus the end), decoded
    /// straight from the bytes into arrays of the right size: this runs over every byte of every report.
    static func decodeScalars(_ bytes: [UInt8]) -> ([Unicode.Scalar], [Int32]) {
        bytes.withUnsafeBufferPointer { input in
            // Count first (every byte that does not continue a sequence starts a scalar) so both arrays
            // are allocated once at their size, then fill both in one pass.
            var count = 0
            for byte in input { count &+= byte & 0xC0 != 0x80 ? 1 : 0 }
            var starts: [Int32] = []
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalarBuffer, scalarCount in
                starts = [Int32](unsafeUninitializedCapacity: count + 1) { startBuffer, startCount in
                    var offset = 0
                    var index = 0
                    while index < count {
                        let lead = UInt32(input[offset])
                        startBuffer[index] = Int32(offset)
                        var value = lead
                        var width = 1
                        if lead >= 0xF0 {
                            value = (lead & 0x07) << 18 | UInt32(input[offset + 1] & 0x3F) << 12
                                | UInt32(input[offset + 2] & 0x3F) << 6 | UInt32(input[offset + 3] & 0x3F)
                            width = 4
                        } else if lead >= 0xE0 {
                            value = (lead & 0x0F) << 12 | UInt32(input[offset + 1] & 0x3F) << 6 | UInt32(input[offset + 2] & 0x3F)
                            width = 3
                        } else if lead >= 0xC0 {
                            value = (lead & 0x1F) << 6 | UInt32(input[offset + 1] & 0x3F)
                            width = 2
                        }
                        // The bytes came from a Swift String: valid UTF-8, so every value is a scalar.
                        scalarBuffer[index] = Unicode.Scalar(value) ?? "\u{FFFD}"
                        offset += width
                        index += 1
                    }
                    startBuffer[count] = Int32(input.count)
                    startCount = count + 1
                }
                scalarCount = count
            }
            return (scalars, starts)
        }
    }

    /// Scalar indices between which both searches above end for `offset`: from the last scalar starting
    /// before its block to the first starting after it.
    private func searchBounds(_ offset: Int) -> (Int, Int) {
        let block = offset >> Source.blockShift
        guard offset >= 0, block + 1 < blockScalars.count else { return (0, scalars.count) }
        return (max(0, Int(blockScalars[block]) - 1), min(scalars.count, Int(blockScalars[block + 1]) + 1))
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

    /// True when the file holds nothing but white space.
    public var isBlank: Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
