/// Applies the fixable findings' suggestions to a report, then lints again and repeats until nothing
/// changes (at most `maxPasses`). A fix is applied only when it is safe:
/// - its rule is fixable and the finding carries a suggestion;
/// - it stays on one line (never across paragraphs) and replaces exactly the flagged range;
/// - it is not inside “…” or 《…》, where slogans and document titles are quoted as they are;
/// - it does not touch a redaction (XXX, **, 某某, 总书记 standing for a name);
/// - it does not overlap a fix already taken in the same pass (the next pass sees the result).
public enum Fixer {
    public struct AppliedFix: Sendable, Equatable {
        public let ruleId: String
        /// The pass (1, 2, …) and the byte range in that pass's text that was replaced.
        public let pass: Int
        public let range: ByteRange
        /// Where it was applied, in the text of its pass (line numbers never change: fixes keep line breaks).
        public let line: Int
        public let column: Int
        public let original: String
        public let replacement: String
    }

    public struct Result: Sendable {
        public let original: Source
        /// The whole file as it should be written (for Markdown, with its markup).
        public let fixedText: String
        public let applied: [AppliedFix]
        public let passes: Int

        /// The file's text before fixing.
        public var originalText: String { original.originalText ?? original.text }
        public var changed: Bool { fixedText != originalText }
    }

    public static let maxPasses = 8

    /// `only` limits fixing to some rule ids (`--only`). Fixes are applied to the file's own text: for
    /// Markdown, each range is mapped back through the column map, and a fix whose span in the file is not
    /// exactly the text the rule saw (markup inside it) is left alone.
    public static func fix(_ source: Source, linter: Linter, type: DocumentType? = nil, only: Set<String>? = nil) -> Result {
        var current = source
        var fileText = source.originalText ?? source.text
        var applied: [AppliedFix] = []
        var passes = 0
        while passes < maxPasses {
            let result = linter.lint(current, type: type)
            let file = FileText(fileText)
            let chosen = choose(result.findings.filter { only?.contains($0.ruleId) ?? true }, in: result.document)
                .compactMap { finding in fileRange(of: finding, in: current, file: file).map { (finding, $0) } }
            guard !chosen.isEmpty else { break }
            passes += 1
            var bytes = file.bytes
            for (finding, range) in chosen.reversed() {
                bytes.replaceSubrange(range.start..<range.end, with: Array(finding.suggestion!.utf8))
            }
            applied += chosen.map { finding, range in
                AppliedFix(
                    ruleId: finding.ruleId, pass: passes, range: range, line: finding.start.line, column: finding.start.column,
                    original: current.string(finding.range), replacement: finding.suggestion!)
            }
            fileText = String(decoding: bytes, as: UTF8.self)
            current =
                source.format == .markdown
                ? MarkdownReader.source(path: source.path, text: fileText, encoding: source.encoding, hadBOM: source.hadBOM)
                : Source(
                    path: source.path, text: fileText, encoding: source.encoding, hadBOM: source.hadBOM, format: source.format,
                    outlineLevels: source.outlineLevels) // a .docx keeps its heading styles (fixes keep lines)
        }
        return Result(original: source, fixedText: fileText, applied: applied, passes: passes)
    }

    /// A finding's range in the file's own text: the same bytes for plain text; for Markdown, mapped back
    /// through the finding's original line and columns, and nil unless the file holds there exactly the
    /// text the rule flagged.
    static func fileRange(of finding: Finding, in source: Source, file: FileText) -> ByteRange? {
        guard source.originalText != nil else { return finding.range }
        let bytes = file.bytes
        let line = finding.start.line
        guard let start = file.lines.byteOffset(line: line, column: finding.start.column),
            let end = file.lines.byteOffset(line: line, column: finding.end.column)
        else { return nil }
        let range = ByteRange(start, end)
        guard range.start <= range.end,
            Array(bytes[range.start..<range.end]) == Array(source.bytes[finding.range.start..<finding.range.end])
        else { return nil }
        return range
    }

    /// The file's bytes and line table, built once per pass (not once per fix).
    struct FileText {
        let bytes: [UInt8]
        let lines: PositionConverter

        init(_ text: String) {
            bytes = Array(text.utf8)
            lines = PositionConverter(bytes: bytes)
        }
    }

    /// The safe, non-overlapping fixes of one pass, in document order.
    static func choose(_ findings: [Finding], in document: Document) -> [Finding] {
        var chosen: [Finding] = []
        for finding in findings.sorted(by: { $0.range < $1.range }) {
            guard finding.fixable, let suggestion = finding.suggestion, finding.start.line == finding.end.line,
                document.text(finding.range) != suggestion, !isQuoted(finding.range, in: document),
                !isNextToRedaction(finding.range, in: document)
            else { continue }
            if let last = chosen.last, finding.range.start < last.range.end { continue }
            chosen.append(finding)
        }
        return chosen
    }

    /// True when a placeholder or a stand-in for a name (XXX, **, 某某, 总书记) touches the range: the
    /// text there is redacted, and a fix would write next to what is missing (以XXX习近平新时代…).
    static func isNextToRedaction(_ range: ByteRange, in document: Document) -> Bool {
        let bytes = document.source.bytes
        return Redaction.precedes(range.start, in: bytes) || Redaction.follows(range.end, in: bytes)
    }

    /// True when a range lies inside “…” or 《…》 of its paragraph.
    static func isQuoted(_ range: ByteRange, in document: Document) -> Bool {
        guard let paragraph = document.paragraph(containing: range.start) else { return false }
        let source = document.source
        let scalars = source.scalars
        var depth = QuoteDepth()
        for index in source.scalarIndices(ByteRange(paragraph.range.start, range.start)) {
            depth.update(with: scalars[index])
        }
        return depth.isInside
    }
}
