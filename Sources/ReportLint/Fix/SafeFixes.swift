/// The safe fixes of a lint result one at a time, for front ends that let a writer apply them one by one
/// (the web page; the language server's quick fixes do the same through `choose`).
extension Fixer {
    /// The findings whose suggestion the first pass of `fix` would apply, in document order.
    public static func safeFixes(in result: LintResult) -> [Finding] {
        let source = result.document.source
        let file = FileText(source.originalText ?? source.text)
        return choose(result.findings, in: result.document).filter { fileRange(of: $0, in: source, file: file) != nil }
    }

    /// Applies one safe fix: the one of `ruleId` that starts at `line`:`column` (as the finding reports
    /// it); nil when there is no such safe fix in the text as it is now (already fixed, or text changed).
    public static func fixOne(
        _ source: Source, linter: Linter, type: DocumentType? = nil,
        ruleId: String, line: Int, column: Int
    ) -> Result? {
        let result = linter.lint(source, type: type)
        let file = FileText(source.originalText ?? source.text)
        guard
            let finding = choose(result.findings, in: result.document).first(where: {
                $0.ruleId == ruleId && $0.start.line == line && $0.start.column == column
            }), let range = fileRange(of: finding, in: source, file: file), let suggestion = finding.suggestion
        else { return nil }
        var bytes = file.bytes
        bytes.replaceSubrange(range.start..<range.end, with: Array(suggestion.utf8))
        let applied = AppliedFix(
            ruleId: finding.ruleId, pass: 1, range: range, line: finding.start.line, column: finding.start.column,
            original: source.string(finding.range), replacement: suggestion)
        return Result(original: source, fixedText: String(decoding: bytes, as: UTF8.self), applied: [applied], passes: 1)
    }
}
