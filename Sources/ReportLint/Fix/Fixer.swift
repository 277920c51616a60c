/// Applies the fixable findings' suggestions to a report, then lints again and repeats until nothing
/// changes (at most `maxPasses`). A fix is applied only when it is safe:
/// - its rule is fixable and the finding carries a suggestion;
/// - it stays on one line (never across paragraphs) and replaces exactly the flagged range;
/// - it is not inside “…” or 《…》, where slogans and document titles are quoted as they are;
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
        public let fixedText: String
        public let applied: [AppliedFix]
        public let passes: Int

        public var changed: Bool { fixedText != original.text }
    }

    public static let maxPasses = 8

    /// `only` limits fixing to some rule ids (`--only`).
    public static func fix(_ source: Source, linter: Linter, type: DocumentType? = nil, only: Set<String>? = nil) -> Result {
        var current = source
        var applied: [AppliedFix] = []
        var passes = 0
        while passes < maxPasses {
            let result = linter.lint(current, type: type)
            let chosen = choose(result.findings.filter { only?.contains($0.ruleId) ?? true }, in: result.document)
            guard !chosen.isEmpty else { break }
            passes += 1
            var bytes = current.bytes
            for finding in chosen.reversed() {
                bytes.replaceSubrange(finding.range.start..<finding.range.end, with: Array(finding.suggestion!.utf8))
            }
            applied += chosen.map { finding in
                AppliedFix(ruleId: finding.ruleId, pass: passes, range: finding.range, line: finding.start.line, column: finding.start.column,
                           original: current.string(finding.range), replacement: finding.suggestion!)
            }
            current = Source(path: source.path, text: String(decoding: bytes, as: UTF8.self),
                             encoding: source.encoding, hadBOM: source.hadBOM)
        }
        return Result(original: source, fixedText: current.text, applied: applied, passes: passes)
    }

    /// The safe, non-overlapping fixes of one pass, in document order.
    static func choose(_ findings: [Finding], in document: Document) -> [Finding] {
        var chosen: [Finding] = []
        for finding in findings.sorted(by: { $0.range < $1.range }) {
            guard finding.fixable, let suggestion = finding.suggestion, finding.start.line == finding.end.line,
                  document.text(finding.range) != suggestion, !isQuoted(finding.range, in: document) else { continue }
            if let last = chosen.last, finding.range.start < last.range.end { continue }
            chosen.append(finding)
        }
        return chosen
    }

    /// True when a range lies inside “…” or 《…》 of its paragraph.
    static func isQuoted(_ range: ByteRange, in document: Document) -> Bool {
        guard let paragraph = document.paragraph(containing: range.start) else { return false }
        let source = document.source
        var depth = QuoteDepth()
        for index in source.scalarIndices(ByteRange(paragraph.range.start, range.start)) {
            depth.update(with: source.scalars[index])
        }
        return depth.isInside
    }
}
