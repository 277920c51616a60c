import Foundation
import Testing
import ZIPFoundation

@testable import ReportLint

@Suite("Word (.docx) reports")
struct DocxTests {
    func read(_ builder: DocxBuilder) throws -> Source {
        try DocxReader.read(Array(try builder.data()), path: "报告.docx").get()
    }

    @Test func paragraphsAreLinesAndStylesGiveHeadingLevels() throws {
        var builder = DocxBuilder()
        builder.paragraphs = [
            .init(text: "2023年工作总结"),
            .init(text: "加强政治建设", style: "Heading1"),
            .init(text: "深化理论武装", style: "BlockTitle"),
            .init(text: "全年学习12次\u{2028}研讨5次&整改"),
        ]
        let source = try read(builder)
        #expect(source.text == "2023年工作总结\n加强政治建设\n深化理论武装\n全年学习12次\u{2028}研讨5次&整改\n")
        #expect(source.format == .docx)
        #expect(source.outlineLevels == [2: 1, 3: 2])
        let document = StructureParser.parse(source)
        #expect(document.headings.map { "\($0.line):\($0.level)" } == ["2:1", "3:2"])
        #expect(document.headings.allSatisfy { $0.marker.isImplicit })
    }

    @Test func automaticNumberingIsRenderedAsWordShowsIt() throws {
        let builder = DocxBuilder.report(
            lines: [
                "2023年工作总结", "一、主要工作", "（一）加强学习", "1.集中学习", "2.专题研讨",
                "（二）强化监督", "二、存在的问题", "（一）学习不深",
            ], automaticNumbering: true)
        let source = try read(builder)
        #expect(
            source.text.components(separatedBy: "\n").dropLast() == [
                "2023年工作总结", "一、主要工作", "（一）加强学习", "1.集中学习", "2.专题研讨", "（二）强化监督", "二、存在的问题", "（一）学习不深",
            ])
        #expect(DocxNumbering.format(12, as: "chineseCounting") == "十二")
        #expect(DocxNumbering.format(3, as: "decimalEnclosedCircle") == "③")
        #expect(DocxNumbering.format(4, as: "upperRoman") == "IV")
    }

    @Test func findingsNameTheParagraphAndItsOpening() throws {
        let builder = DocxBuilder.report(lines: ["2023年工作总结", "一、主要工作", "全年召开会议*次。"], automaticNumbering: false)
        let source = try read(builder)
        let rules = try TestSupport.rules(builtin: true)
        let result = Linter(rules: rules).lint(source)
        let placeholder = try #require(result.findings.first { $0.ruleId == "common/placeholder" })
        #expect(placeholder.start == SourcePosition(line: 3, column: 7))
        let text = TextReporter().report(LintRun(outcomes: [.linted(result)], rules: rules))
        #expect(text.contains("  = Word 中第 3 段，开头是“全年召开会议*次。”"))
    }

    @Test func hostileFilesAreRefusedWithAReason() throws {
        #expect(throws: DocxReader.Failure.notZip) { try DocxReader.read(Array("不是压缩包".utf8), path: "a.docx").get() }

        let noDocument = try Archive(data: Data(), accessMode: .create)
        try noDocument.addEntry(with: "other.xml", type: .file, uncompressedSize: 3, compressionMethod: .none) {
            (_: Int64, _: Int) in Data("<a>".utf8)
        }
        #expect(throws: DocxReader.Failure.missingDocument) { try DocxReader.read(Array(noDocument.data!), path: "a.docx").get() }

        var withDoctype = DocxBuilder()
        withDoctype.paragraphs = [.init(text: "x")]
        var data = try withDoctype.data()
        let bomb =
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document>&lol2;</w:document>"#
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(bomb.utf8.count), compressionMethod: .deflate
        ) { position, size in
            Data(bomb.utf8).subdata(in: Int(position)..<Int(position) + size)
        }
        data = archive.data!
        #expect(throws: DocxReader.Failure.doctype) { try DocxReader.read(Array(data), path: "a.docx").get() }

        let many = try Archive(data: Data(), accessMode: .create)
        for index in 0..<12 {
            try many.addEntry(with: "f\(index).xml", type: .file, uncompressedSize: 1, compressionMethod: .none) {
                (_: Int64, _: Int) in Data("x".utf8)
            }
        }
        #expect(throws: DocxReader.Failure.tooManyEntries(11)) {
            try DocxReader.read(Array(many.data!), path: "a.docx", entryLimit: 10).get()
        }
    }

    @Test func encryptedEntriesAreNotRead() throws {
        var bytes = Array(try DocxBuilder.report(lines: ["总结"], automaticNumbering: false).data())
        // Set bit 0 (encrypted) of the general purpose flags: local headers at offset 6, central directory at 8.
        for (signature, offset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 6), ([0x50, 0x4B, 0x01, 0x02], 8)] {
            var index = 0
            while index + 4 <= bytes.count {
                if Array(bytes[index..<index + 4]) == signature { bytes[index + offset] |= 1 }
                index += 1
            }
        }
        #expect(throws: DocxReader.Failure.missingDocument) { try DocxReader.read(bytes, path: "a.docx").get() }
        #expect(ReadError(path: "a.docx", reason: .docx(.missingDocument)).message.contains("可能已加密"))
    }

    /// A zip whose headers claim a tiny size but whose content inflates past the limit: only counting
    /// the bytes while inflating catches it.
    @Test func lyingSizesAreCaughtWhileInflating() throws {
        let big = "<w:document>" + String(repeating: "<w:p><w:r><w:t>党建</w:t></w:r></w:p>", count: 60_000) + "</w:document>"
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(big.utf8.count), compressionMethod: .deflate
        ) { position, size in
            Data(big.utf8).subdata(in: Int(position)..<Int(position) + size)
        }
        var bytes = Array(archive.data!)
        #expect(throws: DocxReader.Failure.tooLarge) { try DocxReader.read(bytes, path: "a.docx", limit: 1_000_000).get() }
        // Rewrite the declared uncompressed size (local header offset 22, central directory offset 24) to 100 bytes.
        func patch(signature: [UInt8], offset: Int) {
            var index = 0
            while index + 4 <= bytes.count {
                if Array(bytes[index..<index + 4]) == signature {
                    bytes.replaceSubrange((index + offset)..<(index + offset + 4), with: [100, 0, 0, 0])
                }
                index += 1
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)
        let declared = try Archive(data: Data(bytes), accessMode: .read).reduce(0) { $0 + $1.uncompressedSize }
        #expect(declared == 100)
        #expect(throws: DocxReader.Failure.tooLarge) { try DocxReader.read(bytes, path: "a.docx", limit: 1_000_000).get() }
    }
}

@Suite("Markdown reports")
struct MarkdownTests {
    func source(_ text: String) -> Source {
        MarkdownReader.source(path: "a.md", text: text, encoding: .utf8, hadBOM: false)
    }

    @Test func markupIsRemovedAndPositionsStayInTheFile() throws {
        let markdown = "# 2023年工作总结\n\n## 一、**主要**工作\n\n- 召开会议*次，学习[专题](http://x.cn)...\n> 引用 `代码`\n"
        let source = source(markdown)
        #expect(source.text == "2023年工作总结\n\n一、主要工作\n\n召开会议*次，学习专题...\n引用 代码\n")
        // The first # without a number is the title; ## 一、 keeps its level, but its typed number wins.
        #expect(source.outlineLevels == [3: 2])
        #expect(StructureParser.parse(source).headings.map { "\($0.level):\($0.marker.isImplicit)" } == ["1:false"])
        let rules = try TestSupport.rules(builtin: true)
        let found = Linter(rules: rules).lint(source).findings
        let placeholder = try #require(found.first { $0.ruleId == "common/placeholder" })
        #expect(placeholder.start == SourcePosition(line: 5, column: 7))
        let ellipsis = try #require(found.first { $0.ruleId == "common/ellipsis" })
        #expect(ellipsis.start == SourcePosition(line: 5, column: 29))
        #expect(ellipsis.end == SourcePosition(line: 5, column: 32))
        #expect(String(String.UnicodeScalarView(source.displayScalars(5))) == "- 召开会议*次，学习[专题](http://x.cn)...")
    }

    @Test func codeCommentsAndSwitches() throws {
        let markdown = """
            总结
            ```
            召开会议*次
            ```
            <!-- 召开会议*次 -->
            <!-- reportlint-disable-next-line common/placeholder -->
            召开会议*次。
            <!-- reportlint-disable -->
            召开会议*次。
            <!-- reportlint-enable -->
            召开会议*次。
            """
        let source = source(markdown)
        #expect(source.suppressions.contains(Suppression(rule: "common/placeholder", lines: 7...7)))
        let rules = try TestSupport.rules(builtin: true)
        let placeholders = Linter(rules: rules).lint(source).findings.filter { $0.ruleId == "common/placeholder" }
        #expect(placeholders.map(\.start.line) == [11])
    }

    @Test func loneAsterisksStayPlaceholdersAndHeadingsGetLevels() {
        let source = source("标题\n### 加强学习\n**市召开会议，**强调**要求。\n")
        #expect(source.text == "标题\n加强学习\n**市召开会议，强调要求。\n")
        #expect(source.outlineLevels == [2: 3])
    }
}

/// The issue's acceptance check: the same report as .txt (UTF-8 and GB18030), .md and .docx (typed and
/// automatic numbering) gives the same rule ids at the same paragraphs.
@Suite("Same report, every format")
struct CrossFormatTests {
    @Test(arguments: ["draft-unfinished.txt", "summary-missing-problems.txt", "responsibility-order-approval.txt"])
    func sameRulesAtTheSameParagraphs(fixture: String) throws {
        let text = try String(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(fixture), encoding: .utf8)
        let lines = text.components(separatedBy: "\n").dropLast().map { $0 }
        let linter = Linter(rules: try TestSupport.rules(builtin: true))
        func key(_ source: Source) -> [String] {
            linter.lint(source).findings.map { "\($0.ruleId)@\($0.start.line)" }.sorted()
        }
        let reader = Reader()
        let utf8 = key(try reader.decode(Array(text.utf8), path: "a.txt").get())
        #expect(!utf8.isEmpty)
        let gb18030 = try reader.decode(try #require(TextDecoder.encodeGB18030(text)), path: "a.txt").get()
        #expect(gb18030.encoding == .gb18030)
        #expect(key(gb18030) == utf8)
        let markdown =
            lines.enumerated().map { index, line -> String in
                let bytes = Array(line.utf8)
                if index == 0 { return "# " + line }
                if let marker = Numbering.marker(in: bytes, at: 0, end: bytes.count) {
                    return String(repeating: "#", count: marker.form.level + 1) + " " + line
                }
                return line.replacingOccurrences(of: "坚持以", with: "坚持以**").replacingOccurrences(of: "为指导", with: "**为指导")
            }.joined(separator: "\n") + "\n"
        #expect(key(try reader.decode(Array(markdown.utf8), path: "a.md").get()) == utf8)
        for automatic in [false, true] {
            let docx = try DocxBuilder.report(lines: lines, automaticNumbering: automatic).data()
            #expect(key(try reader.decode(Array(docx), path: "a.docx").get()) == utf8, "docx, automatic numbering: \(automatic)")
        }
    }
}

@Suite("Formats through the binary", .serialized)
struct FormatCLITests {
    let cli = CLITests()

    @Test func badFilesEachGetTheirOwnErrorAndGoodOnesAreStillReported() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ data: Data) throws { try data.write(to: directory.appendingPathComponent(name)) }
        try write("损坏.docx", Data("不是压缩包".utf8))
        let empty = try Archive(data: Data(), accessMode: .create)
        try empty.addEntry(with: "word/other.xml", type: .file, uncompressedSize: 3, compressionMethod: .none) {
            (_: Int64, _: Int) in Data("<a>".utf8)
        }
        try write("缺正文.docx", empty.data!)
        let doctype = try Archive(data: Data(), accessMode: .create)
        let xml = #"<!DOCTYPE x [<!ENTITY a "b">]><w:document/>"#
        try doctype.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(xml.utf8.count), compressionMethod: .none
        ) { (_: Int64, _: Int) in Data(xml.utf8) }
        try write("实体.docx", doctype.data!)
        try write("好.docx", try DocxBuilder.report(lines: ["2023年工作总结", "一、主要工作", "召开会议*次。"], automaticNumbering: true).data())
        try write("好.md", Data("# 总结\n\n召开会议*次。\n".utf8))

        let output = try cli.run(["lint", "--format", "json", "."], in: directory)
        #expect(output.code == 2)
        #expect(output.stderr.contains("./损坏.docx: 错误: 不是有效的 .docx 文件（不是 zip 压缩包），可能已损坏或加密"))
        #expect(output.stderr.contains("./缺正文.docx: 错误: 不是有效的 .docx 文件：缺少 word/document.xml"))
        #expect(output.stderr.contains("./实体.docx: 错误: 不是正常的 .docx 文件：XML 中有 DOCTYPE 或实体声明"))
        let files = try #require(try cli.json(output.stdout)["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == ["./好.docx", "./好.md", "./实体.docx", "./损坏.docx", "./缺正文.docx"])
        let good = files.filter { $0["findings"] != nil }
        #expect(good.count == 2)
        #expect(
            good.allSatisfy {
                (($0["findings"] as? [[String: Any]]) ?? []).contains { $0["rule"] as? String == "common/placeholder" }
            })
        #expect(files.filter { $0["error"] != nil }.count == 3)
    }

    @Test func encodingOptionForcesTheDecoder() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.txt")
        // Valid UTF-8 and valid GB18030 at once: 涓 in UTF-8 is E6 B6 93; read as GB18030 it is other text.
        try Data(try #require(TextDecoder.encodeGB18030("总结\n召开会议*次。\n"))).write(to: url)
        let forced = try cli.run(["lint", "--format", "json", "--encoding", "gb18030", url.path])
        let file = try #require((try cli.json(forced.stdout)["files"] as? [[String: Any]])?.first)
        #expect(file["encoding"] as? String == "GB18030")
        let wrong = try cli.run(["lint", "--encoding", "utf-8", url.path])
        #expect(wrong.code == 2)
        #expect(wrong.stderr.contains("按 --encoding UTF-8 无法解码"))
        #expect(try cli.run(["lint", "--encoding", "latin1", url.path]).code == 2)
    }

    @Test func fixLeavesWordFilesAlone() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("稿.docx")
        let data = try DocxBuilder.report(lines: ["总结", "学习 ，领会,研讨。"], automaticNumbering: false).data()
        try data.write(to: url)
        let output = try cli.run(["fix", url.path])
        #expect(output.stderr.contains("不修改 Word 文件"))
        #expect(try Data(contentsOf: url) == data)
        let lint = try cli.run(["lint", "--format", "json", url.path])
        #expect(lint.stdout.contains("\"fixable\": false"))
        #expect(!lint.stdout.contains("\"fixable\": true"))
    }
}

/// Inputs that once crashed or hung a fuzz target (Tests/FuzzRegressions/TARGET/), replayed through the
/// same code by the `reportlint-fuzz` binary: it must finish and exit 0.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    @Test(arguments: ["document", "rules"])
    func replay(target: String) throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("Tests/FuzzRegressions/\(target)")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
            .map { directory.appendingPathComponent($0).path }
        try #require(!inputs.isEmpty)
        let process = Process()
        process.executableURL = CLITests.binary.deletingLastPathComponent().appendingPathComponent("reportlint-fuzz")
        process.arguments = [target] + inputs
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "a regression input crashed \(target)")
        #expect(text.contains("replayed \(inputs.count) inputs"))
        // And the real CLI reports each as a clear error or findings, never a crash.
        if target == "document" {
            for input in inputs {
                let run = try CLITests().run(["lint", input])
                #expect(run.code == 1 || run.code == 2 || run.code == 0, "\(input)")
                #expect(run.code != 2 || run.stderr.contains("错误"), "\(input)")
            }
        }
    }
}
