import Foundation
import Testing

@testable import ReportLint

/// Issue 7's bad-input corpus, through the real binary: each bad input gives one clear line naming the file
/// and the problem, exit 2, and the good report beside it is still checked (the JSON stays valid).
@Suite("Bad inputs", .serialized)
struct BadInputTests {
    let cli = CLITests()

    /// Lints `bad` next to a good report; returns stderr after checking the shared expectations.
    func lintBeside(_ bad: URL, arguments: [String] = [], in directory: URL, expectCode: Int32 = 2) throws -> String {
        let good = directory.appendingPathComponent("good.txt")
        if !FileManager.default.fileExists(atPath: good.path) {
            try "2023年工作总结\n召开会议*次。\n".write(to: good, atomically: true, encoding: .utf8)
        }
        let output = try cli.run(["lint", "--format", "json"] + arguments + [bad.path, good.path])
        #expect(output.code == expectCode, "\(bad.lastPathComponent): exit \(output.code), stderr \(output.stderr)")
        let files = try #require(try cli.json(output.stdout)["files"] as? [[String: Any]], "JSON stays valid")
        let goodFile = try #require(files.first { $0["path"] as? String == good.path })
        #expect((goodFile["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "common/placeholder" } == true)
        return output.stderr
    }

    @Test func documents() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url
        }
        let cases: [(URL, String)] = [
            (try file("latin1.txt", [0x41, 0x80, 0xFF, 0x42]), "编码无法识别：既不是 UTF-8 也不是 GB18030"),
            (try file("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]), "不是文本文件（第 9 字节是 NUL）"),
            (try file("empty.txt", []), "文件为空（或只有空白）"),
            (try file("blank.txt", Array(" \n\u{3000}\r\n\t".utf8)), "文件为空（或只有空白）"),
            (try file("bom-gb.txt", [0xEF, 0xBB, 0xBF, 0xB5, 0xB3, 0xBD, 0xA8]), "文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8"),
            (directory.appendingPathComponent("missing.txt"), "文件不存在"),
        ]
        for (url, message) in cases {
            let stderr = try lintBeside(url, in: directory)
            #expect(stderr.contains("\(url.path): 错误: \(message)"), "\(url.lastPathComponent): \(stderr)")
            #expect(
                stderr.split(separator: "\n").filter { $0.contains(url.lastPathComponent) }.count == 1, "one line per bad file")
        }
    }

    @Test func hugeFilesAreRefusedUnlessTheLimitIsRaised() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = directory.appendingPathComponent("huge.txt")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 200 * 1_048_576) // sparse: 200 MB of zeros
        try handle.close()
        let refused = try lintBeside(huge, in: directory)
        #expect(refused.contains("\(huge.path): 错误: 文件过大（200 MB，上限 32 MB），未检查；可用 --max-file-size 调高上限"))
        let raised = try lintBeside(huge, arguments: ["--max-file-size", "300"], in: directory)
        #expect(raised.contains("\(huge.path): 错误: 不是文本文件（第 1 字节是 NUL）"))
    }

    @Test func oneFiveMegabyteLineAndMixedLineEnds() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let long = directory.appendingPathComponent("long.txt")
        // One line of 5 MB (400,000 sentences of 13 characters) with an error every 100 sentences: thousands of
        // findings on one line, which would never finish if each position or excerpt walked the line.
        let sentence = "认真学习，召开会议十二次。"
        let wrong = "认真学习 ，召开会议*次。"
        let block = String(repeating: sentence, count: 99) + wrong
        let line = "2023年工作总结\n" + String(repeating: block, count: 4_000) + "\r\n下一步，我局将继续。\r二、存在的问题\n"
        try line.write(to: long, atomically: true, encoding: .utf8)
        #expect(line.utf8.count > 5_000_000)
        let output = try cli.run(["lint", "--format", "json", long.path])
        #expect(output.code == 1)
        #expect(!output.stdout.contains("运行超过"), "no pattern may hit its deadline on an ordinary large report")
        let files = try #require(try cli.json(output.stdout)["files"] as? [[String: Any]])
        let findings = try #require(files.first?["findings"] as? [[String: Any]])
        let placeholders = findings.filter { $0["rule"] as? String == "common/placeholder" }
        #expect(placeholders.count == 4_000)
        // The last * is the 11th character of the last sentence on line 2.
        #expect(placeholders.last?["line"] as? Int == 2)
        #expect(placeholders.last?["column"] as? Int == 13 * 399_999 + 11)
        #expect(findings.contains { $0["line"] as? Int == 4 }, "CR then CRLF then LF: the lines after stay numbered right")
        let text = try cli.run(["lint", long.path])
        #expect(text.stdout.contains(" 2 | …"))
    }

    @Test func unreadablePathsAndStdin() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // As root every permission bit is ignored, so an unreadable file is one whose read fails.
        let unreadable: URL
        let message: String
        if geteuid() == 0 {
            unreadable = URL(fileURLWithPath: "/proc/self/mem")
            message = "无法读取"
        } else {
            unreadable = directory.appendingPathComponent("locked.txt")
            try "总结\n".write(to: unreadable, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: unreadable.path)
            message = "没有读取权限"
        }
        let stderr = try lintBeside(unreadable, in: directory)
        #expect(stderr.contains("\(unreadable.path): 错误: \(message)"), "\(stderr)")

        let closed = try cli.run(["lint", "-"], stdin: Data())
        #expect(closed.code == 2)
        #expect(closed.stderr.contains("<stdin>: 错误: 文件为空"))
    }

    @Test func ruleFiles() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func rules(_ name: String, _ yaml: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try yaml.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let deep = "pack: p\nrules: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let same =
            "pack: p\nrules:\n" + (0..<3000).map { _ in "  - {id: p/a, kind: forbid, message: m, phrases: [x]}\n" }.joined()
        let cases: [(String, String)] = [
            (try rules("bomb.yml", bomb + "pack: b\nrules: []\n"), "规则文件过于复杂：节点超过 200000 个"),
            (try rules("deep.yml", deep), "YAML 语法错误"),
            (try rules("tabs.yml", "pack: p\nrules:\n\t- id: p/a\n"), ":3:1: 错误: YAML 语法错误"),
            (try rules("regex.yml", "pack: p\nrules:\n  - {id: p/a, kind: forbid, message: m, patterns: ['(未闭合']}\n"), "无法编译"),
            (
                try rules("catastrophic.yml", "pack: p\nrules:\n  - {id: p/a, kind: forbid, message: m, patterns: ['(a+)+$']}\n"),
                "可能出现灾难性回溯，已拒绝"
            ),
            (
                try rules("empty-match.yml", "pack: p\nrules:\n  - {id: p/a, kind: forbid, message: m, patterns: ['x*']}\n"),
                "能匹配空字符串"
            ),
            (try rules("same-id.yml", same), "……另有 2899 个错误未列出"),
        ]
        for (path, message) in cases {
            let output = try cli.run(["lint", "--rules", path, "Fixtures/summary-headings.txt"])
            #expect(output.code == 2, "\(path)")
            #expect(output.stderr.contains(message), "\(path): \(output.stderr.prefix(300))")
            #expect(output.stderr.split(separator: "\n").count <= RuleErrors.shown + 1)
        }
        let big = directory.appendingPathComponent("big.yml")
        try Data(repeating: 0x20, count: 50 * 1_048_576).write(to: big)
        let output = try cli.run(["rules", "validate", big.path])
        #expect(output.code == 2)
        #expect(output.stderr.contains("\(big.path):1:1: 错误: 无法读取规则文件：文件过大（50 MB，上限 4 MB）"))
    }
}

@Suite("Regex guards")
struct RegexGuardTests {
    @Test(arguments: ["(a+)+$", "(\\w*)*x", "((ab)+c)+", "(x+y+)*", "(a{2,})+", "(?:.*,)+x"])
    func nestedRepetitionIsRefused(pattern: String) {
        #expect(throws: RegexPattern.CompileError.catastrophic) { try RegexPattern.compile(pattern).get() }
    }

    @Test(arguments: ["(a|b)+", "(但|但是).{0,40}(还存在|差距)", "\\(a+\\)+", "[(a+)]+", "(ab){2,5}", "a+b*c"])
    func ordinaryPatternsAreAccepted(pattern: String) throws {
        _ = try RegexPattern.compile(pattern).get()
    }

    /// A slow pattern the static check cannot see (alternation) stops at the deadline and becomes an
    /// error finding of its rule instead of a hang.
    @Test func aRunawaySearchBecomesAnErrorFinding() throws {
        let rules = try TestSupport.rules([
            "pack: t\nrules:\n  - {id: t/slow, kind: forbid, severity: info, message: m, patterns: ['(a|aa)*c']}\n"
        ])
        let started = Date()
        // The c lets the guard pass (every match needs a c), so the search of its line runs and runs away.
        let result = TestSupport.lint("总结\n" + String(repeating: "a", count: 80) + "bc\n", rules: rules)
        #expect(Date().timeIntervalSince(started) < 10)
        let finding = try #require(result.findings.first { $0.ruleId == "t/slow" })
        #expect(finding.severity == .error)
        #expect(finding.message.contains("“(a|aa)*c”在本文件上运行超过 1 秒，已中止"))
    }
}
