import Foundation
import Testing

@testable import ReportLint

/// Reviewed copies of plain text and Markdown, the edits behind the tracked changes, the writer, the
/// older formats, and an independent reader (python-docx) of what `reportlint annotate` writes.
@Suite("Reviewed copy: formats, writer, python-docx", .serialized)
struct AnnotateFormatTests {
    static let rules = AnnotateTests.rules
    let cli = CLITests()

    static let hasPythonDocx: Bool = {
        guard let result = try? TestSupport.python("import docx; docx.Document().comments", []) else { return false }
        return result.status == 0
    }()
    static let hasLibreOffice = LegacyConverter.soffice() != nil

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(name)))
    }

    @Test func editsOfSeveralPassesComposeAndTrim() {
        let original = "甲乙丙丁"
        // Pass 1 replaces 乙 with 乙乙; pass 2 replaces the second 乙 (inserted by pass 1) and 丁.
        let applied = [
            Fixer.AppliedFix(ruleId: "a", pass: 1, range: ByteRange(3, 6), line: 1, column: 2, original: "乙", replacement: "乙乙"),
            Fixer.AppliedFix(ruleId: "b", pass: 2, range: ByteRange(6, 9), line: 1, column: 3, original: "乙", replacement: "戊"),
            Fixer.AppliedFix(ruleId: "c", pass: 2, range: ByteRange(12, 15), line: 1, column: 5, original: "丁", replacement: ""),
        ]
        let edits = FixEdits.edits(original: original, applied: applied)
        #expect(
            edits == [
                FixEdits.Edit(range: ByteRange(6, 6), replacement: "戊"), FixEdits.Edit(range: ByteRange(9, 12), replacement: ""),
            ])
        #expect(FixEdits.apply(edits, to: original) == "甲乙戊丙")
        // 党的二十大会议精神 → 党的二十大精神: only 会议 is deleted.
        let trimmed = FixEdits.trimmed(Array("党的二十大会议精神".utf8), ByteRange(0, 27), Array("党的二十大精神".utf8))
        #expect(trimmed == FixEdits.Edit(range: ByteRange(15, 21), replacement: ""))
    }

    @Test func plainTextBecomesAStyledDocument() throws {
        let bytes = try AnnotateFormatTests.fixture("draft-punctuation.txt")
        let review = try ReviewedCopy.review(bytes: bytes, fileName: "draft.txt", rules: AnnotateFormatTests.rules).get()
        let package = try DocxPackage.read(review.outcome.bytes).get()
        let styles = String(decoding: package["word/styles.xml"]!, as: UTF8.self)
        for font in ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"] { #expect(styles.contains(font)) }
        let fonts = String(decoding: package["word/fontTable.xml"]!, as: UTF8.self)
        #expect(fonts.contains(#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#))
        let document = String(decoding: package["word/document.xml"]!, as: UTF8.self)
        #expect(document.contains(#"<w:pStyle w:val="ReportTitle"/>"#) && document.contains(#"<w:pStyle w:val="Heading1"/>"#))
        // One paragraph per line; accepting every change gives fix's text, rejecting gives the original.
        #expect(review.outcome.comments == review.lint.findings.count && review.outcome.trackedChanges > 0)
        let accepted = try DocxReader.read(review.outcome.bytes, path: "a.docx").get().text
        #expect(accepted == review.fix.fixedText)
        var rejected = package
        rejected.set("word/document.xml", Array(try AnnotateTests.rejected(document).utf8))
        #expect(try DocxReader.read(rejected.data(), path: "r.docx").get().text == String(decoding: bytes, as: UTF8.self))
        let anchors = try AnnotateTests.anchors(document)
        #expect(anchors.count == review.lint.findings.count)
        let first = anchors.keys.min()!
        for (index, finding) in review.lint.findings.enumerated() {
            #expect(
                anchors[first + index]
                    == review.lint.document.source.string(finding.range).replacingOccurrences(of: "\n", with: ""))
        }
    }

    @Test func markdownShowsItsTextWithoutMarkup() throws {
        let bytes = try AnnotateFormatTests.fixture("markdown-report.md")
        let review = try ReviewedCopy.review(bytes: bytes, fileName: "report.md", rules: AnnotateFormatTests.rules).get()
        let accepted = try DocxReader.read(review.outcome.bytes, path: "a.docx").get().text
        let fixed = MarkdownReader.source(path: "f.md", text: review.fix.fixedText, encoding: .utf8, hadBOM: false)
        let expected = (1...ReportDocx.lineCount(fixed.positions)).map { fixed.string(fixed.positions.lineRange($0)) }
        #expect(accepted.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == expected)
        #expect(review.fix.changed && review.outcome.trackedChanges > 0)
        #expect(!accepted.contains("# ") && review.outcome.comments == review.lint.findings.count)
    }

    @Test func writerReplacesAPlantedLinkAndNeverTheReport() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("报告.txt").path
        let victim = directory.appendingPathComponent("victim.txt").path
        try "不要改我".write(toFile: victim, atomically: true, encoding: .utf8)
        try "报告".write(toFile: report, atomically: true, encoding: .utf8)
        let output = ReviewedCopy.outputPath(for: report)
        #expect(output.hasSuffix("/报告.审阅.docx"))
        try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: victim)
        try ReviewedCopy.write([1, 2, 3], to: output, original: report).get()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "不要改我")
        #expect(try FileManager.default.attributesOfItem(atPath: output)[.type] as? FileAttributeType == .typeRegular)
        #expect(FileManager.default.contents(atPath: output) == Data([1, 2, 3]))
        // The report itself is never overwritten, not even through a link.
        #expect(throws: ReviewedCopy.Failure.self) { try ReviewedCopy.write([1], to: report, original: report).get() }
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "报告")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("reportlint-") }
        #expect(leftovers.isEmpty)
    }

    @Test func legacyFormatsWithoutLibreOfficeSaySo() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\\rtf1 x}".utf8).write(to: directory.appendingPathComponent("旧稿.rtf"))
        let output = try cli.run(
            ["annotate", "旧稿.rtf"], in: directory, environment: [LegacyConverter.environmentKey: "/nonexistent"])
        #expect(output.code == 2)
        #expect(
            output.stderr.contains(
                "旧稿.rtf: 错误: 无法读取 .rtf 文件：没有找到 LibreOffice。请在 Word 或 WPS 中另存为 .docx，或安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer）后重试"
            ), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("旧稿.审阅.docx").path))
    }

    @Test func annotateCommandWritesBesideTheReportAndLeavesItUntouched() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = try AnnotateFormatTests.fixture("draft-punctuation.txt")
        try Data(fixture).write(to: directory.appendingPathComponent("报告.txt"))
        let output = try cli.run(["annotate", "."], in: directory)
        #expect(output.code == 0, "\(output.stderr)")
        #expect(output.stdout.contains("报告.txt → ./报告.审阅.docx："), "\(output.stdout)")
        #expect(Array(try Data(contentsOf: directory.appendingPathComponent("报告.txt"))) == fixture)
        // A second run does not review the reviewed copy.
        let again = try cli.run(["annotate", "."], in: directory)
        #expect(again.code == 0 && !again.stdout.contains("审阅.审阅"))
        // A corrupt .docx: a clear error and no output file.
        try Data("PK\u{3}\u{4}broken".utf8).write(to: directory.appendingPathComponent("坏.docx"))
        let bad = try cli.run(["annotate", "坏.docx"], in: directory)
        #expect(bad.code == 2 && bad.stderr.contains("坏.docx: 错误: 不是有效的 .docx 文件"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("坏.审阅.docx").path))
    }

    // MARK: python-docx

    struct Inspection: Decodable {
        struct Comment: Decodable {
            let id: Int
            let author: String
            let text: String
            let anchor: String?
            let paragraph: Int?
        }
        struct Revision: Decodable {
            let kind: String
            let author: String?
            let text: String
        }
        let comments: [Comment]
        let revisions: [Revision]
        let accepted: [String]
        let rejected: [String]
    }

    static func inspect(_ path: String) throws -> Inspection {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestSupport.packageRoot.appendingPathComponent("scripts/docx-check.py").path, "inspect", path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Inspection.self, from: data)
    }

    /// Annotates `path` with the binary and checks it with python-docx: one ReportLint comment per
    /// finding, each anchored on the finding's text (numbering Word draws is not text), revisions only
    /// by ReportLint, accepted text = fix's text and rejected text = the original, paragraph by paragraph.
    func checkWithPythonDocx(_ path: String, in directory: URL, allowUntracked: Bool = false) throws {
        let output = try cli.run(["annotate", path], in: directory)
        #expect(output.code == 0, "\(output.stderr)")
        let reviewedPath = directory.appendingPathComponent(ReviewedCopy.outputPath(for: path)).path
        let inspection = try AnnotateFormatTests.inspect(reviewedPath)
        let originalBytes = Array(try Data(contentsOf: directory.appendingPathComponent(path)))
        let fileName = directory.appendingPathComponent(path).path
        let review = try ReviewedCopy.review(bytes: originalBytes, fileName: fileName, rules: AnnotateFormatTests.rules).get()
        let source = review.lint.document.source
        let ours = inspection.comments.filter { $0.author == "ReportLint" }
        #expect(
            ours.count == review.lint.findings.count && !ours.isEmpty,
            "\(ours.count) comments, \(review.lint.findings.count) findings")
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(inspection.rejected.count == lines.count - 1, "\(inspection.rejected.count) vs \(lines.count - 1)")
        // Numbering drawn by Word leads the reader's line but is no text of the paragraph.
        let prefixes = zip(lines, inspection.rejected).map { line, paragraph in
            line.unicodeScalars.count - paragraph.unicodeScalars.count
        }
        for (paragraph, (line, rejected)) in zip(lines, inspection.rejected).enumerated() {
            #expect(line.hasSuffix(rejected), "paragraph \(paragraph): \(line) / \(rejected)")
        }
        for (comment, finding) in zip(ours, review.lint.findings) {
            var expected = Array(source.string(finding.range).replacingOccurrences(of: "\n", with: "").unicodeScalars)
            let prefix = prefixes[finding.start.line - 1]
            let startColumn = finding.start.column - 1
            if startColumn < prefix { expected.removeFirst(min(expected.count, prefix - startColumn)) }
            #expect(
                comment.anchor == String(String.UnicodeScalarView(expected)),
                "\(finding.ruleId): \(comment.anchor ?? "nil") vs \(String(String.UnicodeScalarView(expected)))")
            #expect(comment.text.contains(finding.message) && comment.text.contains(finding.ruleId))
            #expect(comment.paragraph == finding.start.line - 1)
        }
        #expect(
            inspection.revisions.allSatisfy {
                $0.author == "ReportLint" || $0.author == nil || $0.kind == "insert" && $0.author != "ReportLint"
            })
        #expect(inspection.revisions.contains { $0.author == "ReportLint" })
        let fixedLines = review.fix.fixedText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, accepted) in inspection.accepted.enumerated() where !allowUntracked {
            #expect(
                fixedLines[index].hasSuffix(accepted)
                    && fixedLines[index].unicodeScalars.count - accepted.unicodeScalars.count == prefixes[index],
                "paragraph \(index): \(fixedLines[index]) / \(accepted)")
        }
        #expect(Array(try Data(contentsOf: directory.appendingPathComponent(path))) == originalBytes)
    }

    @Test(.enabled(if: AnnotateFormatTests.hasPythonDocx)) func pythonDocxReadsAnnotatedFixtures() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["draft-unfinished-autonumber.docx", "summary-headings.docx", "draft-punctuation.txt", "markdown-report.md"] {
            try Data(try AnnotateFormatTests.fixture(name)).write(to: directory.appendingPathComponent(name))
        }
        try checkWithPythonDocx("draft-unfinished-autonumber.docx", in: directory)
        try checkWithPythonDocx("draft-punctuation.txt", in: directory)
        // No findings: a copy without comments, still a valid document.
        let clean = try cli.run(["annotate", "summary-headings.docx"], in: directory)
        #expect(clean.code == 0 && clean.stdout.contains("0 条批注"))
        #expect(
            try AnnotateFormatTests.inspect(directory.appendingPathComponent("summary-headings.审阅.docx").path).comments.isEmpty)
    }

    @Test(.enabled(if: AnnotateFormatTests.hasPythonDocx)) func pythonDocxMadeDocument() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = [
            "python3", TestSupport.packageRoot.appendingPathComponent("scripts/docx-check.py").path, "make",
            TestSupport.fixturesDirectory.appendingPathComponent("draft-punctuation.txt").path,
            directory.appendingPathComponent("python.docx").path,
        ]
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        try checkWithPythonDocx("python.docx", in: directory)
        // The other reviewer's comment is still there, with its anchor.
        let inspection = try AnnotateFormatTests.inspect(directory.appendingPathComponent("python.审阅.docx").path)
        #expect(inspection.comments.contains { $0.author == "办公室" && $0.text == "请核实数据。" && !($0.anchor ?? "").isEmpty })
    }

    @Test(.enabled(if: AnnotateFormatTests.hasPythonDocx && AnnotateFormatTests.hasLibreOffice), .timeLimit(.minutes(5)))
    func libreOfficeDocAndRoundTrip() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try Data(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent("draft-punctuation.txt"))
        try text.write(to: directory.appendingPathComponent("source.txt"))
        // A .doc made by LibreOffice from the fixture's text.
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: LegacyConverter.soffice()!)
        convert.arguments = [
            "-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--norestore", "--convert-to", "doc",
            "--outdir", directory.path, directory.appendingPathComponent("source.txt").path,
        ]
        convert.standardOutput = FileHandle.nullDevice
        convert.standardError = FileHandle.nullDevice
        try convert.run()
        convert.waitUntilExit()
        try FileManager.default.moveItem(
            at: directory.appendingPathComponent("source.doc"), to: directory.appendingPathComponent("旧稿.doc"))
        // lint reads it, annotate reviews it.
        let lint = try cli.run(["lint", "--format", "json", "旧稿.doc"], in: directory)
        #expect(
            lint.code == 1 && lint.stdout.contains("\"format\" : \"docx\"") || lint.stdout.contains(#""format": "docx""#),
            "\(lint.stderr)")
        try checkWithPythonDocx("旧稿.doc", in: directory)

        // Round trip: LibreOffice opens the reviewed copy and saves it as .docx again; comments and changes stay.
        let reviewed = directory.appendingPathComponent("旧稿.审阅.docx")
        let before = try AnnotateFormatTests.inspect(reviewed.path)
        let roundTrip = Process()
        roundTrip.executableURL = URL(fileURLWithPath: LegacyConverter.soffice()!)
        let out = directory.appendingPathComponent("roundtrip")
        roundTrip.arguments = [
            "-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--norestore", "--convert-to", "docx",
            "--outdir", out.path, reviewed.path,
        ]
        roundTrip.standardOutput = FileHandle.nullDevice
        roundTrip.standardError = FileHandle.nullDevice
        try roundTrip.run()
        roundTrip.waitUntilExit()
        let after = try AnnotateFormatTests.inspect(out.appendingPathComponent("旧稿.审阅.docx").path)
        #expect(
            after.comments.filter { $0.author == "ReportLint" }.map(\.text)
                == before.comments.filter { $0.author == "ReportLint" }.map(\.text))
        #expect(
            after.comments.filter { $0.author == "ReportLint" }.map(\.anchor)
                == before.comments.filter { $0.author == "ReportLint" }.map(\.anchor))
        #expect(after.accepted == before.accepted && after.rejected == before.rejected)
        #expect(after.revisions.filter { $0.author == "ReportLint" }.count >= 1)
    }
}
