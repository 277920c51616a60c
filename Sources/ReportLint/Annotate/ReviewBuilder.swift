import Foundation

extension ReviewedCopy {
    /// The steps of `make`: the package, the text map, comments from findings, tracked changes from fixes,
    /// then a check that the written document reads as the fixed text before its bytes are returned.
    struct Builder {
        let fileName: String
        let lint: LintResult
        let fix: Fixer.Result?
        let rules: CompiledRules?
        let options: Options

        var source: Source { lint.document.source }

        func build(_ document: [UInt8]) throws -> Outcome {
            var package: DocxPackage
            var lines = sourceLines()
            if source.format == .docx {
                switch DocxPackage.read(document) {
                case .success(let read): package = read
                case .failure(let failure): throw Failure.unreadable(ReadError(path: fileName, reason: .docx(failure)))
                }
                try checkProtection(package)
            } else {
                package = ReportDocx.package(ReportDocx.lines(of: lint.document))
                // Characters XML cannot hold were written as U+FFFD.
                lines = lines.map { $0.map(ReviewedCopy.Builder.xmlSafe) }
            }
            guard let documentXML = package["word/document.xml"] else {
                throw Failure.unreadable(ReadError(path: fileName, reason: .docx(.missingDocument)))
            }
            guard UTF8Validation.isValid(documentXML) else { throw Failure.unsupported("word/document.xml 不是 UTF-8 编码") }
            let tokens: XMLTokens
            do { tokens = try XMLTokens(documentXML) } catch let malformed as XMLScanner.Malformed {
                throw Failure.unreadable(
                    ReadError(path: fileName, reason: .docx(.malformedXML("第 \(malformed.offset + 1) 字节附近\(malformed.reason)"))))
            }
            guard let root = tokens.tokens.first(where: { $0.kind == .start }), root.name == "w:document",
                root.attributes["xmlns:w"] == CommentsPart.mainNamespace
            else {
                throw Failure.unsupported("word/document.xml 没有按 Word 的方式声明 w 命名空间")
            }
            var map = DocxTextMap(tokens)
            do { try map.verify(lines: lines) } catch let mismatch as DocxTextMap.Mismatch {
                throw Failure.unsupported("第 \(mismatch.paragraph + 1) 段的文字与读取结果对不上，为免批注错位，未生成审阅稿")
            }
            let comments = try CommentsPart(package: package)
            let highestDocumentId = tokens.tokens.compactMap { $0.attributes["w:id"].flatMap(Int.init) }.max() ?? -1
            let firstComment = max(highestDocumentId, comments.highestId) + 1

            let edits = fixEdits()
            let rewriter = DocumentRewriter(map: map, author: options.author, date: options.timestamp)
            // A .docx's findings are linted as advice; the rules say which are safe fixes here.
            let fixableRules = Set(rules?.rules.filter(\.fixable).map(\.header.id) ?? [])
            let findings = lint.findings.map { finding -> Finding in
                var finding = finding
                if source.format == .docx, finding.suggestion != nil, fixableRules.contains(finding.ruleId) {
                    finding.fixable = true
                }
                return finding
            }
            let spans = findings.map(span(of:))
            let (xml, made) = rewriter.rewrite(
                comments: spans.enumerated().map { DocumentRewriter.Comment(id: firstComment + $0.offset, span: $0.element) },
                edits: edits.map { DocumentRewriter.Edit(span: $0.span, replacement: $0.replacement) },
                firstRevisionId: firstComment + findings.count)
            let madeSpans = zip(edits, made).filter(\.1).map(\.0.span)
            let written = findings.enumerated().map { index, finding in
                CommentsPart.Comment(
                    id: firstComment + index, paragraphs: commentText(finding, span: spans[index], tracked: madeSpans))
            }
            package.set("word/document.xml", xml)
            try comments.add(written, to: &package, author: options.author, date: options.timestamp)
            let bytes: [UInt8]
            do { bytes = try package.data() } catch { throw Failure.notWritten("无法生成 .docx 压缩包（\(error)）") }

            // The copy must read, changes accepted, as the report with the tracked edits made.
            let expected = ReviewedCopy.Builder.applying(zip(edits, made).filter(\.1).map(\.0), to: lines)
            let expectedText = expected.map { String(scalars: $0) }.joined(separator: "\n") + "\n"
            guard case .success(let reread) = DocxReader.read(bytes, path: fileName), reread.text == expectedText else {
                throw Failure.unsupported("写入后复核不一致（接受全部修订后的文字与修正结果不同），未生成审阅稿")
            }
            return Outcome(
                bytes: bytes, comments: written.count, trackedChanges: made.filter { $0 }.count,
                untracked: made.filter { !$0 }.count)
        }

        /// The report's lines as scalars (the lines findings count in).
        func sourceLines() -> [[Unicode.Scalar]] {
            let positions = source.positions
            return (1...ReportDocx.lineCount(positions)).map { Array(source.string(positions.lineRange($0)).unicodeScalars) }
        }

        static func xmlSafe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            let value = scalar.value
            return value < 0x20 && value != 0x09 || value == 0xFFFE || value == 0xFFFF ? "\u{FFFD}" : scalar
        }

        static func applying(_ edits: [(span: TextSpan, replacement: String)], to lines: [[Unicode.Scalar]]) -> [[Unicode.Scalar]]
        {
            var lines = lines
            for edit in edits.sorted(by: { $0.span.start > $1.span.start }) {
                lines[edit.span.start.line].replaceSubrange(
                    edit.span.start.scalar..<edit.span.end.scalar,
                    with: Array(edit.replacement.unicodeScalars))
            }
            return lines
        }

        /// Word's 限制编辑 switched on (w:documentProtection enforced) in word/settings.xml.
        func checkProtection(_ package: DocxPackage) throws {
            guard let settings = package["word/settings.xml"], let tokens = try? XMLTokens(settings) else { return }
            for token in tokens.tokens where token.name == "w:documentProtection" {
                if let enforcement = token.attributes["w:enforcement"], ["1", "true", "on"].contains(enforcement.lowercased()) {
                    throw Failure.protected
                }
            }
        }

        /// Where a byte offset of the report's text is, as a point.
        func point(ofByte offset: Int) -> TextPoint {
            let positions = source.positions
            let line = positions.line(ofByte: offset)
            let start = positions.lineRange(line).start
            return TextPoint(line: line - 1, scalar: source.scalarCount(before: offset) - source.scalarCount(before: start))
        }

        /// A finding's range as a span; one that ends where a line starts ends at the line before's end.
        func span(of finding: Finding) -> TextSpan {
            let start = point(ofByte: finding.range.start)
            var end = point(ofByte: finding.range.end)
            if finding.range.end > finding.range.start, end.scalar == 0, end.line > start.line {
                let previous = source.positions.lineRange(end.line)
                end = point(ofByte: previous.end)
            }
            return TextSpan(start, end)
        }

        /// The fixes as spans of the report's text (for Markdown, mapped from the file's columns to the
        /// text without markup; an edit that touches markup is left out).
        func fixEdits() -> [(span: TextSpan, replacement: String)] {
            guard let fix, fix.changed else { return [] }
            let edits = FixEdits.edits(original: fix.originalText, applied: fix.applied)
            guard source.format == .markdown else {
                return edits.map { (TextSpan(point(ofByte: $0.range.start), point(ofByte: $0.range.end)), $0.replacement) }
            }
            let file = Array(fix.originalText.utf8)
            let positions = PositionConverter(bytes: file)
            return edits.compactMap { edit in
                let line = positions.line(ofByte: edit.range.start)
                let lineStart = positions.lineRange(line).start
                let from = UTF8Scalars.count(file, from: lineStart, to: edit.range.start)
                let to = UTF8Scalars.count(file, from: lineStart, to: edit.range.end)
                guard let map = source.columnMaps[line] else {
                    return (
                        TextSpan(TextPoint(line: line - 1, scalar: from), TextPoint(line: line - 1, scalar: to)), edit.replacement
                    )
                }
                // map[i] is the file column (1-based) of the text's scalar i.
                let start: Int?
                let end: Int?
                if from == to {
                    start = map.firstIndex(of: from + 1) ?? map.firstIndex(of: from).map { $0 + 1 }
                    end = start
                } else {
                    start = map.firstIndex(of: from + 1)
                    end = map.firstIndex(of: to).map { $0 + 1 }
                }
                guard let start, let end, start <= end, end - start == to - from else { return nil }
                return (
                    TextSpan(TextPoint(line: line - 1, scalar: start), TextPoint(line: line - 1, scalar: end)), edit.replacement
                )
            }
        }

        /// The comment's paragraphs: what is wrong, how to put it right, which rule.
        func commentText(_ finding: Finding, span: TextSpan, tracked: [TextSpan]) -> [String] {
            var paragraphs = ["【\(finding.severity.chineseName)】\(finding.message)"]
            let isTracked =
                finding.fixable
                && tracked.contains { edit in
                    edit.start >= span.start && edit.end <= span.end
                }
            if let suggestion = finding.suggestion {
                let change = suggestion.isEmpty ? "删除此处文字" : "改为“\(suggestion)”"
                if isTracked {
                    paragraphs.append("修改：\(change)（已标为修订，接受修订即可）")
                } else if finding.fixable {
                    paragraphs.append("修改：\(change)（此处无法标为修订，请手工修改）")
                } else {
                    paragraphs.append("建议：可\(change)，请斟酌后修改")
                }
            } else if let description = rules?.rules.first(where: { $0.header.id == finding.ruleId })?.header.description {
                paragraphs.append("说明：" + description.replacingOccurrences(of: "\n", with: ""))
            }
            paragraphs.append("规则：\(finding.ruleId)（reportlint rules explain \(finding.ruleId) 查看详情）")
            return paragraphs
        }
    }
}
