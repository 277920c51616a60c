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

/// A report's text, read once: its UTF-8 bytes for fast scanning and the one position converter
/// everything uses; the `String` and the scalar table are made when something first asks for them.
/// Offsets are into `bytes` (the text after any BOM).
/// For Markdown the text has its markup taken out; `columnMaps` turn columns back into the original's.
public final class Source: Sendable {
    /// The path as the user gave it (or `<stdin>`), used in every message.
    public let path: String
    public let bytes: [UInt8]
    /// The text as a `String` (for regexes over the whole report and for rewriting it), made from
    /// `bytes` the first time it is asked for.
    public var text: String { lazyText.get { String(decoding: bytes, as: UTF8.self) } }
    private let lazyText = Once<String>()
    /// The text as ICU searches it (UTF-16 with a way back to byte offsets), made once and shared by every
    /// pattern of every rule.
    var searchText: SearchText { lazySearchText.get { SearchText(bytes: bytes) } }
    private let lazySearchText = Once<SearchText>()
    public let encoding: TextEncoding
    public let hadBOM: Bool
    public let positions: PositionConverter
    /// The scalar tables, decoded the first time something asks for characters rather than bytes (most
    /// rule sets do; a pack of forbidden phrases does not).
    private let scalarTables = Once<ScalarTables>()
    private var tables: ScalarTables { scalarTables.get { ScalarTables(bytes) } }

    /// Every scalar of the text, decoded once, for rules that look at characters and their neighbours.
    /// Take it once outside a loop: each access goes through the lock of the lazily built table.
    public var scalars: [Unicode.Scalar] { tables.scalars }
    /// The byte offset of each scalar, plus one entry for the end of the text.
    public var scalarStarts: [Int32] { tables.starts }
    /// True once the scalar tables have been built.
    var isScalarTableBuilt: Bool { scalarTables.isBuilt }

    public let format: SourceFormat
    /// Heading levels that come from the document rather than typed numbering: Word paragraph styles
    /// (Heading 1–5, 标题 1–5, outline levels) and Markdown `#`. Line → level 1–5.
    public let outlineLevels: [Int: Int]
    /// Per changed line, the original column (1-based) of each scalar of the line as it is in `text`.
    public let columnMaps: [Int: [Int]]
    /// The text as it is in the file, when `text` differs from it (Markdown): what excerpts show.
    public let originalText: String?
    public let suppressions: [Suppression]

    public convenience init(
        path: String, text: String, encoding: TextEncoding = .utf8, hadBOM: Bool = false,
        format: SourceFormat = .text, outlineLevels: [Int: Int] = [:], columnMaps: [Int: [Int]] = [:],
        originalText: String? = nil, suppressions: [Suppression] = []
    ) {
        self.init(
            path: path, utf8: Array(text.utf8), text: text, encoding: encoding, hadBOM: hadBOM, format: format,
            outlineLevels: outlineLevels, columnMaps: columnMaps, originalText: originalText, suppressions: suppressions)
    }

    /// A report from its text as valid UTF-8 bytes (as `TextDecoder` gives them: for a UTF-8 file, the
    /// file as read, not copied); the `String` is made when something first asks for `text`.
    public init(
        path: String, utf8: [UInt8], text: String? = nil, encoding: TextEncoding = .utf8, hadBOM: Bool = false,
        format: SourceFormat = .text, outlineLevels: [Int: Int] = [:], columnMaps: [Int: [Int]] = [:],
        originalText: String? = nil, suppressions: [Suppression] = []
    ) {
        assert(UTF8Validation.isValid(utf8) && (text == nil || Array(text!.utf8) == utf8))
        self.format = format
        self.outlineLevels = outlineLevels
        self.columnMaps = columnMaps
        self.originalText = originalText
        self.suppressions = suppressions
        self.path = path
        self.bytes = utf8
        self.encoding = encoding
        self.hadBOM = hadBOM
        self.positions = PositionConverter(bytes: bytes)
        if let originalText {
            let original = Array(originalText.unicodeScalars)
            originalLines = (original, PositionConverter.lineBounds(original))
        } else {
            originalLines = nil
        }
        if let text { _ = lazyText.get { text } }
    }

    /// The position of a byte offset as it is in the original file. `end` marks an exclusive end, which
    /// maps to just after the last character before it (so a range ending before removed markup stays tight).
    public func position(ofByte offset: Int, end: Bool = false) -> SourcePosition {
        // Line by binary search, column as a difference of scalar counts: O(log n) even on a 5 MB line.
        let line = positions.line(ofByte: offset)
        let lineStart = positions.lineStarts[line - 1]
        // Near its line start a column is counted straight from the bytes (no scalar table needed);
        // far from it (a 5 MB line) the table answers in O(log n).
        let column =
            offset - lineStart <= Source.countedColumnBytes
            ? UTF8Scalars.count(bytes, from: lineStart, to: offset) + 1
            : scalarCount(before: offset) - scalarCount(before: lineStart) + 1
        let position = SourcePosition(line: line, column: column)
        guard !columnMaps.isEmpty, let map = columnMaps[position.line], !map.isEmpty else { return position }
        let index = position.column - 1
        if end, index >= 1 { return SourcePosition(line: position.line, column: map[min(index, map.count) - 1] + 1) }
        if index < map.count { return SourcePosition(line: position.line, column: map[index]) }
        return SourcePosition(line: position.line, column: map[map.count - 1] + 1)
    }

    /// Up to how many bytes after its line start a column is counted from the bytes themselves.
    static let countedColumnBytes = 4096

    /// How many scalars start before a byte offset.
    public func scalarCount(before offset: Int) -> Int {
        tables.firstScalar(atOrAfter: offset)
    }

    /// The scalars of a line as the writer sees it in the file (original Markdown, or the text itself),
    /// without copying the line.
    public func displayScalars(_ line: Int) -> ArraySlice<Unicode.Scalar> {
        guard let original = originalLines else { return scalars[scalarIndices(positions.lineRange(line))] }
        guard line <= original.lines.count else { return [] }
        return original.scalars[original.lines[line - 1]]
    }

    /// The original Markdown as scalars with line bounds (scalar indices), built once.
    private let originalLines: (scalars: [Unicode.Scalar], lines: [Range<Int>])?

    /// The index of the scalar starting at (or holding) a byte offset.
    public func scalarIndex(ofByte offset: Int) -> Int {
        tables.scalarIndex(ofByte: offset)
    }

    /// The scalar indices covering a byte range.
    public func scalarIndices(_ range: ByteRange) -> Range<Int> {
        let tables = self.tables
        let count = tables.scalars.count
        let start = range.start >= bytes.count ? count : tables.scalarIndex(ofByte: range.start)
        let end = range.end >= bytes.count ? count : tables.scalarIndex(ofByte: range.end)
        return start..<max(start, end)
    }

    /// The byte range of scalars `indices`.
    public func byteRange(_ indices: Range<Int>) -> ByteRange {
        let starts = scalarStarts
        return ByteRange(Int(starts[indices.lowerBound]), Int(starts[indices.upperBound]))
    }

    /// The text of a byte range. Ranges always fall on scalar boundaries: they come from UTF-8
    /// aware scanning, whole-scalar literal matches, or regex matches converted from scalar indices.
    public func string(_ range: ByteRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// True when the file holds nothing but white space.
    public var isBlank: Bool {
        var index = 0
        while index < bytes.count {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
            if !scalar.properties.isWhitespace { return false }
            index += length
        }
        return true
    }
}
