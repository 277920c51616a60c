import Foundation
import Testing

@testable import ReportLint

/// End-to-end: runs the built `reportlint` binary and checks stdout, stderr and the exit code.
@Suite("reportlint binary", .serialized)
struct CLITests {
    struct Output {
        let code: Int32
        let stdout: String
        let stderr: String
    }

    static let binary: URL = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["REPORTLINT_BIN"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        candidates.append(
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("reportlint"))
        candidates.append(TestSupport.packageRoot.appendingPathComponent(".build/debug/reportlint"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    func run(
        _ arguments: [String], stdin: Data? = nil, in directory: URL = TestSupport.packageRoot,
        environment extra: [String: String] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["FORCE_COLOR"] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            code: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func lintAFixtureWithFindings() throws {
        let output = try run(["lint", "Fixtures/summary-missing-problems.txt"])
        #expect(output.code == 1)
        #expect(output.stdout.hasPrefix("Fixtures/summary-missing-problems.txt:11:54: 错误: 缺少“存在的问题”部分。"))
        #expect(output.stdout.contains("[report/problems]\n 11 | "))
        #expect(output.stdout.hasSuffix("检查了 1 个文件：1 个错误，0 个警告，0 个提示。\n"))
        #expect(output.stderr.isEmpty)
    }

    @Test func htmlReportForADirectory() throws {
        let output = try run([
            "lint", "--format", "html", "Fixtures/summary-missing-problems.txt", "Fixtures/summary-headings.txt", "no-such.txt",
        ])
        #expect(output.code == 2)
        #expect(output.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        let page = try DOMNode.parse(output.stdout)
        #expect(
            page.all("section").filter { $0.classes.contains("file") }.map { $0.attributes["data-path"] }
                == ["Fixtures/summary-missing-problems.txt", "Fixtures/summary-headings.txt", "no-such.txt"])
        #expect(page.all("mark").count == 1)
        #expect(output.stderr.contains("no-such.txt: 错误"))
    }

    /// The CLI writes these formats file by file as the run goes; what it prints is exactly what the
    /// reporter makes of the whole run at once, on many files with findings and one it cannot read.
    @Test(arguments: [OutputFormat.text, .json, .sarif, .junit, .github, .checkstyle, .gitlab])
    func streamedOutputEqualsTheWholeRunReport(format: OutputFormat) throws {
        let fixtures = try FileManager.default.contentsOfDirectory(
            atPath: TestSupport.packageRoot.appendingPathComponent("Fixtures").path
        )
        .filter { $0.hasSuffix(".txt") }.sorted().map { "Fixtures/" + $0 }
        let paths = fixtures + ["no-such.txt"]
        let root = TestSupport.packageRoot.path
        let output = try run(["lint", "--format", format.rawValue, "--jobs", "2", "--base", root] + paths)
        let rules = try RuleRepository.load(rulePaths: [], includeBuiltin: true).get()
        let outcomes = BatchLinter.run(
            paths.map { LintJob(path: TestSupport.packageRoot.appendingPathComponent($0).path, rules: rules, type: nil) },
            reader: Reader(), threads: 1)
        let report = format.reporter(ReporterOptions(base: root)).report(LintRun(outcomes: outcomes, rules: rules))
            .replacingOccurrences(of: root + "/", with: "")
        #expect(fixtures.count > 10)
        #expect(output.code == 2)
        #expect(output.stdout == report)
    }

    /// --timings adds a table on stderr (rules and phases, milliseconds, share, a total) and changes
    /// nothing on stdout.
    @Test func timingsGoToStandardError() throws {
        let plain = try run(["lint", "--format", "json", "Fixtures/summary-missing-problems.txt"])
        let timed = try run(["lint", "--format", "json", "--timings", "Fixtures/summary-missing-problems.txt"])
        #expect(timed.stdout == plain.stdout)
        #expect(timed.code == plain.code)
        let lines = timed.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("规则或阶段") == true)
        #expect(lines.contains { $0.hasPrefix("(词语扫描)") })
        #expect(lines.contains { $0.hasPrefix("(结构分析)") })
        #expect(lines.contains { $0.hasPrefix("report/problems") || $0.hasPrefix("common/") })
        #expect(lines.last?.hasPrefix("合计") == true)
    }

    /// Foundation on Linux traps on one-character paths in NSString path arithmetic: a report named `x`
    /// in the current folder, and a run with nothing to lint (which looks for the configuration from `.`),
    /// both crashed the binary.
    @Test func oneCharacterNamesAndEmptyFolders() throws {
        let directory = try TestSupport.temporaryDirectory()
        try "2023年工作总结\n一、主要工作\n召开会议*次。\n".write(to: directory.appendingPathComponent("x"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("e"), withIntermediateDirectories: true)
        let single = try run(["lint", "--format", "json", "x"], in: directory)
        #expect(single.code == 1)
        #expect(try json(single.stdout)["files"].map { ($0 as? [[String: Any]])?.first?["path"] as? String } == "x")
        for format in OutputFormat.allCases {
            let empty = try run(["lint", "--format", format.rawValue, "e"], in: directory)
            #expect(empty.code == 0, "\(format)")
            #expect(empty.stderr.contains("没有要检查的报告文件"))
            #expect(!empty.stderr.contains("crashed"))
        }
        let emptyJSON = try json(try run(["lint", "--format", "json", "e"], in: directory).stdout)
        #expect((emptyJSON["files"] as? [Any])?.isEmpty == true)
    }

    @Test func cleanFixtureExitsZero() throws {
        let output = try run(["lint", "Fixtures/summary-headings.txt"])
        #expect(output.code == 0)
        #expect(output.stdout == "检查了 1 个文件，未发现问题。\n")
    }

    @Test func failOnThreshold() throws {
        #expect(try run(["lint", "--fail-on", "never", "Fixtures/summary-missing-problems.txt"]).code == 0)
        // Only a warning and errors in this fixture: --fail-on warning still fails, and so does error.
        #expect(try run(["lint", "--fail-on", "warning", "Fixtures/summary-gb18030-crlf.txt"]).code == 1)
        #expect(try run(["lint", "--fail-on", "bogus", "Fixtures/summary-headings.txt"]).code == 2)
    }

    /// A plain command line is read without the argument parser (`QuickLint`); one option more sends the same
    /// run through the parser. Both must print the same bytes and exit alike, and what the quick reader does
    /// not know (a bad value, `--x=y`, help) must still reach the parser's errors.
    @Test func quickCommandLinesRunAsTheParsedOnes() throws {
        let report = Data("2023年工作总结\n坚决维护以习近平同志为总书记的党中央权威。\n".utf8)
        let lines: [[String]] = [
            ["lint", "Fixtures/summary-cues.txt", "Fixtures/summary-headings.txt"],
            ["lint", "--format", "json", "--fail-on", "never", "Fixtures/summary-cues.txt"],
            ["lint", "-q", "--jobs", "1", "--format", "sarif", "Fixtures/summary-missing-problems.txt"],
            ["lint", "--fail-on", "warning", "Fixtures/summary-gb18030-crlf.txt", "Fixtures/no-such-file.txt"],
            ["lint", "-"],
        ]
        for line in lines {
            let quick = try run(line, stdin: report)
            let parsed = try run(line + ["--max-file-size", "32"], stdin: report)
            #expect(quick.stdout == parsed.stdout && quick.stderr == parsed.stderr, "\(line)")
            #expect(quick.code == parsed.code && !quick.stdout.isEmpty, "\(line)")
        }
        #expect(try run(["lint", "--format=json", "Fixtures/summary-cues.txt"]).stdout.hasPrefix("{"))
        for wrong in [
            ["lint", "--jobs", "0", "a.txt"], ["lint", "--format", "xml", "a.txt"], ["lint", "--fail-on"], ["lint", ""],
        ] {
            let output = try run(wrong)
            #expect(output.code == 2 && output.stderr.contains("错误"), "\(wrong)")
        }
        #expect(try run(["lint", "--help"]).stdout.contains("检查报告"))
    }
    @Test func jsonOutputKeepsGoodFilesBesideBadOnes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("图片.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A]).write(to: binary)
        let output = try run(["lint", "--format", "json", binary.path, "Fixtures/summary-cues.txt", "no-such.txt"])
        #expect(output.code == 2)
        #expect(output.stderr.contains("\(binary.path): 错误: 不是文本文件"))
        #expect(output.stderr.contains("no-such.txt: 错误: 文件不存在"))
        let root = try json(output.stdout)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == [binary.path, "Fixtures/summary-cues.txt", "no-such.txt"])
        #expect((files[0]["error"] as? [String: Any])?["message"] as? String == "不是文本文件（第 5 字节是 NUL），可能是图片、Word 或压缩包")
        let findings = try #require(files[1]["findings"] as? [[String: Any]])
        #expect(findings.first?["rule"] as? String == "common/formulation")
        let keys = Set(try #require(findings.first).keys)
        #expect(keys.isSuperset(of: ["rule", "severity", "message", "line", "column", "endLine", "endColumn"]))
        #expect(files[1]["type"] as? String == "summary")
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["unreadable"] as? Int == 2)
        #expect(summary["errors"] as? Int == 1)
    }

    @Test func emptyFileIsAnErrorNamingIt() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("空.txt")
        try Data().write(to: empty)
        let output = try run(["lint", empty.path])
        #expect(output.code == 2)
        #expect(output.stderr == "\(empty.path): 错误: 文件为空（或只有空白），没有可检查的内容\n")
        #expect(output.stdout == "检查了 1 个文件，未发现问题；1 个文件无法读取。\n")
    }

    @Test func standardInput() throws {
        let output = try run(["lint", "-"], stdin: Data("2023年工作总结\n坚决维护以习近平同志为总书记的党中央权威。\n".utf8))
        #expect(output.stdout.contains("<stdin>:2:5: 错误: 提法不规范：“以习近平同志为总书记的党中央”应为“以习近平同志为核心的党中央”"))
        #expect(output.code == 1)
    }

    @Test func directoriesAreWalkedInSortedOrderSkippingHiddenOnes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixtures = TestSupport.fixturesDirectory
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("b/.hidden"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("summary-cues.txt"), to: directory.appendingPathComponent("b/2.txt"))
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("summary-cues.txt"), to: directory.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("summary-cues.txt"), to: directory.appendingPathComponent("b/.hidden/3.txt"))
        try Data("not a report".utf8).write(to: directory.appendingPathComponent("notes.pdf"))
        let output = try run(["lint", "--format", "json", "."], in: directory)
        let files = try #require(try json(output.stdout)["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["./a.txt", "./b/2.txt"])

        // A named pipe among the reports would block the run: it is named on stderr and passed over.
        #expect(mkfifo(directory.appendingPathComponent("b/管道.txt").path, 0o600) == 0)
        let withPipe = try run(["lint", "--format", "json", "."], in: directory)
        #expect(try #require(try json(withPipe.stdout)["files"] as? [[String: Any]]).count == 2)
        #expect(withPipe.stderr.contains("b/管道.txt: 不是普通文件（管道、设备等），未检查"))
    }

    @Test func brokenRuleFileExitsTwoWithPosition() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("bad.yml")
        try "pack: p\nrules:\n  - id: p/a\n    kind: forbid\n    mesage: m\n    phrases: [x]\n".write(
            to: rules, atomically: true, encoding: .utf8)
        let output = try run(["lint", "--rules", rules.path, "Fixtures/summary-headings.txt"])
        #expect(output.code == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("\(rules.path):5:5: 错误: 未知的键“mesage”，是否想写“message”？"))
        #expect(output.stderr.contains("\(rules.path):3:5: 错误: 缺少必需的键“message”"))

        let validate = try run(["rules", "validate", rules.path])
        #expect(validate.code == 2)
        #expect(validate.stderr.contains("\(rules.path):5:5:"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try run(["lint"]).code == 2)
        #expect(try run(["lint", "--no-such-option", "x.txt"]).code == 2)
        #expect(try run(["frobnicate"]).code == 2)
        let emptyPath = try run(["lint", ""])
        #expect(emptyPath.code == 2)
        #expect(emptyPath.stderr.contains("路径不能为空字符串"))
        let help = try run(["lint", "--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("--fail-on"))
    }

    @Test func noBuiltinUsesOnlyTheGivenRules() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("mine.yml")
        try "pack: mine\nrules:\n  - {id: mine/word, kind: forbid, severity: warning, message: 避免使用, phrases: [田间党课]}\n"
            .write(to: rules, atomically: true, encoding: .utf8)
        let output = try run([
            "lint", "--no-builtin", "--rules", directory.path, "Fixtures/summary-headings.txt",
            "Fixtures/summary-missing-problems.txt",
        ])
        #expect(output.code == 0) // a warning does not fail the default --fail-on error
        #expect(output.stdout.contains("Fixtures/summary-headings.txt:15:40: 警告: 避免使用：“田间党课” [mine/word]"))
        #expect(!output.stdout.contains("report/problems"))
    }

    @Test func outlineShowsTheTree() throws {
        let output = try run(["outline", "Fixtures/responsibility-report.txt"])
        #expect(output.code == 0)
        #expect(output.stdout.contains("文种：责任制情况报告（responsibility，据标题）"))
        #expect(output.stdout.contains("一、主要工作开展情况  [1级]"))
        #expect(output.stdout.contains("（五）强化监督执纪，一体推进“三不腐”  [2级，段首标题]"))
        #expect(output.stdout.contains("report/problems"))
        let json = try run(["outline", "--format", "json", "Fixtures/responsibility-report.txt"])
        let file = try #require((try self.json(json.stdout)["files"] as? [[String: Any]])?.first)
        let headings = try #require(file["headings"] as? [[String: Any]])
        #expect(headings.map { $0["text"] as? String } == ["主要工作开展情况", "存在的问题和下一步打算"])
        #expect((headings[0]["children"] as? [Any])?.count == 5)
    }

    @Test func rulesTestAndList() throws {
        let test = try run(["rules", "test"])
        #expect(test.code == 0)
        #expect(test.stdout.contains("0 个失败"))
        // The built-in rules' examples are left out of lint runs only: here every one of them runs.
        let counts = test.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(counts.count >= 2 && counts[0] > 80 && counts[1] > 3_000, "\(test.stdout)")
        #expect(try run(["rules", "explain", "identity/level"]).stdout.contains("错误示例"))
        // The rewriter's gate: its words, and which entries wait for it.
        let rewritten = try run(["rules", "explain", "words/rewritten"]).stdout
        #expect(rewritten.contains("至少 2 个的报告里检查") && rewritten.contains("  ＊服务"))
        let list = try run(["rules", "list"])
        #expect(list.stdout.contains("report/problems"))
    }

    /// The README's custom rule example must work exactly as printed.
    @Test func readmeCustomRuleExampleWorks() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = try #require(readme.range(of: "<!-- custom-rule-example -->"))
        let afterMarker = readme[marker.upperBound...]
        let fenceStart = try #require(afterMarker.range(of: "```yaml\n"))
        let fenceEnd = try #require(afterMarker[fenceStart.upperBound...].range(of: "```"))
        let yaml = String(afterMarker[fenceStart.upperBound..<fenceEnd.lowerBound])
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("my-unit.yml")
        try yaml.write(to: rules, atomically: true, encoding: .utf8)
        #expect(try run(["rules", "validate", rules.path]).code == 0)
        #expect(try run(["rules", "test", rules.path]).code == 0)
        let output = try run(["lint", "--rules", rules.path, "Fixtures/summary-cues.txt"])
        #expect(output.stdout.contains("[my-unit/"), "the README example should find something in the fixture it names")
    }

    @Test func typeOptionForcesTheDocumentType() throws {
        // A summary forced to be a plan: no problems or next-steps section is asked for.
        let output = try run(["lint", "--format", "json", "--type", "plan", "Fixtures/summary-missing-problems.txt"])
        let file = try #require((try json(output.stdout)["files"] as? [[String: Any]])?.first)
        #expect(file["type"] as? String == "plan")
        #expect(file["typeSource"] as? String == "forced")
        #expect(!output.stdout.contains("report/problems"))
        #expect(try run(["lint", "--type", "memo", "Fixtures/summary-headings.txt"]).code == 2)
    }

    @Test func configurationIsFoundAboveTheFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("reports/drafts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestSupport.fixturesDirectory.appendingPathComponent("draft-unfinished.txt"),
            to: directory.appendingPathComponent("reports/a.txt"))
        try FileManager.default.copyItem(
            at: TestSupport.fixturesDirectory.appendingPathComponent("draft-unfinished.txt"),
            to: directory.appendingPathComponent("reports/drafts/b.txt"))
        try "rules:\n  common/placeholder: off\n  common/missing-figure: info\nignore: [\"reports/drafts/**\"]\n"
            .write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let output = try run(["lint", "reports"], in: directory)
        #expect(!output.stdout.contains("common/placeholder"))
        #expect(output.stdout.contains("提示: 缺少数字：“审议个” [common/missing-figure]"))
        #expect(!output.stdout.contains("b.txt"))
        #expect(output.stderr.contains("按配置文件的 ignore 跳过了 1 个文件"))

        // A broken configuration stops the run with its position.
        try "rules:\n  common/placeholdr: off\n".write(
            to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let broken = try run(["lint", "reports"], in: directory)
        #expect(broken.code == 2)
        #expect(broken.stderr.contains(".reportlint.yml:2:22: 错误: 没有 id 为“common/placeholdr”的规则，是否想写“common/placeholder”？"))
    }

    @Test func initWritesFilesThatValidateAndTest() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try run(["init"], in: directory).code == 0)
        #expect(try run(["rules", "validate", ".reportlint.yml", "rules/my-unit.yml"], in: directory).code == 0)
        let test = try run(["rules", "test", "rules/my-unit.yml"], in: directory)
        #expect(test.code == 0)
        #expect(test.stdout.contains("2 条规则，4 个示例，0 个失败。"))
        try FileManager.default.copyItem(
            at: TestSupport.fixturesDirectory.appendingPathComponent("summary-cues.txt"),
            to: directory.appendingPathComponent("a.txt"))
        #expect(try run(["lint", "a.txt"], in: directory).stdout.contains("[my-unit/rectification]"))
        let again = try run(["init"], in: directory)
        #expect(again.code == 2)
        #expect(again.stderr.contains("文件已存在"))
    }

    @Test func explainARule() throws {
        let output = try run(["rules", "explain", "common/formulation"])
        #expect(output.code == 0)
        #expect(output.stdout.contains("以习近平同志为核心的党中央（党的十八届六中全会公报（2016年10月27日），2016年10月起）"))
        #expect(output.stdout.contains("错误示例（会提示）："))
        let unknown = try run(["rules", "explain", "common/formulatoin"])
        #expect(unknown.code == 2)
    }
}

/// Issue 24: what a new user tripped over, through the binary.
@Suite("reportlint binary: a new user's path", .serialized)
struct NewUserCLITests {
    let cli = CLITests()

    /// A folder with a `.reportlint.yml` naming two rule files of the unit, one section rule and one phrase
    /// rule `within` it, and a built-in rule turned off.
    static func unitFolder() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try """
        rules:
          common/stray-space: off
        ruleFiles: [rules/sections.yml, rules/names.yml]
        """.write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        try """
        pack: mybureau-sections
        rules:
          - id: mybureau/archives
            kind: section
            message: 缺少档案工作部分
            headings: [档案]
        """.write(to: directory.appendingPathComponent("rules/sections.yml"), atomically: true, encoding: .utf8)
        try """
        pack: mybureau
        rules:
          - id: mybureau/names
            kind: forbid
            message: 单位名称写全称
            phrases: [档案局局]
            within: mybureau/archives
            examples:
              fail:
                - |
                  2023年工作总结
                  一、档案工作
                  档案局局开展工作。
              pass: [档案局开展工作。]
        """.write(to: directory.appendingPathComponent("rules/names.yml"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func rulesCommandsSeeTheUnitsOwnRules() throws {
        let directory = try NewUserCLITests.unitFolder()
        defer { try? FileManager.default.removeItem(at: directory) }

        let list = try cli.run(["rules", "list"], in: directory)
        #expect(list.code == 0)
        #expect(list.stdout.contains("mybureau/names"))
        #expect(list.stdout.range(of: #"common/stray-space +spacing +off"#, options: .regularExpression) != nil)

        let json = try cli.json(try cli.run(["rules", "list", "--format", "json"], in: directory).stdout)
        let rules = try #require(json["rules"] as? [[String: Any]])
        let names = try #require(rules.first { $0["id"] as? String == "mybureau/names" })
        #expect(names["pack"] as? String == "mybureau")
        #expect(names["severity"] as? String == "warning")
        #expect(names["types"] is NSNull)
        #expect(rules.first { $0["id"] as? String == "common/stray-space" }?["severity"] as? String == "off")

        let explain = try cli.run(["rules", "explain", "mybureau/names"], in: directory)
        #expect(explain.code == 0)
        #expect(explain.stdout.contains("提示：单位名称写全称"))
        let typo = try cli.run(["rules", "explain", "mybureau/name"], in: directory)
        #expect(typo.code == 2)
        #expect(typo.stderr.contains("是否想找“mybureau/names”"))
        // Far from every id: no unrelated suggestion.
        #expect(!(try cli.run(["rules", "explain", "elsewhere/zzz"], in: directory)).stderr.contains("是否想找"))

        // Without files: the built-in packs and the unit's rules; with the unit's file named again: no duplicate.
        let test = try cli.run(["rules", "test"], in: directory)
        #expect(test.code == 0, "\(test.stderr)")
        let builtinOnly = try cli.run(["rules", "test"])
        #expect(test.stdout != builtinOnly.stdout, "the unit's examples are run too")
        let one = try cli.run(["rules", "test", "rules/names.yml"], in: directory)
        #expect(one.code == 0, "\(one.stderr)")
        #expect(one.stdout.contains("1 条规则，2 个示例，0 个失败。"))

        // validate: no file means the configuration; a rule file sees the configuration's other files.
        let validate = try cli.run(["rules", "validate"], in: directory)
        #expect(validate.code == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains(".reportlint.yml: 有效的配置文件，规则文件 2 个、规则 2 条"))
        let file = try cli.run(["rules", "validate", "rules/names.yml"], in: directory)
        #expect(file.code == 0, "\(file.stderr)")
        #expect(file.stdout.contains("rules/names.yml: 有效，规则包“mybureau”，1 条规则"))

        // --config from elsewhere.
        let config = directory.appendingPathComponent(".reportlint.yml").path
        #expect(try cli.run(["rules", "list", "--config", config]).stdout.contains("mybureau/names"))
        #expect(try cli.run(["rules", "explain", "--config", config, "mybureau/names"]).code == 0)
        #expect(try cli.run(["rules", "test", "--config", config]).code == 0)
        #expect(try cli.run(["rules", "validate", "--config", config]).stdout.contains("有效的配置文件"))

        // A failing example of the unit's rule is reported.
        let namesFile = directory.appendingPathComponent("rules/names.yml")
        try String(contentsOf: namesFile, encoding: .utf8).replacingOccurrences(
            of: "pass: [档案局开展工作。]", with: #"pass: ["2023年工作总结\n一、档案工作\n档案局局开展工作。"]"#
        )
        .write(to: namesFile, atomically: true, encoding: .utf8)
        let failing = try cli.run(["rules", "test"], in: directory)
        #expect(failing.code == 1)
        #expect(failing.stderr.contains("规则 mybureau/names 的 pass 示例触发了该规则"))
    }
}

extension NewUserCLITests {
    /// The hooks in .pre-commit-hooks.yaml, run as pre-commit runs them: the entry, then the staged files
    /// that match `files` (Python's re.search).
    @Test func preCommitHooksTakeTextMarkdownAndWord() throws {
        let hooksText = try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        guard case .array(let hooks) = try SchemaValue.yaml(hooksText) else {
            Issue.record("not a list of hooks")
            return
        }
        func hook(_ id: String) throws -> (entry: [String], files: NSRegularExpression) {
            let found = try #require(hooks.first { $0["id"] == .string(id) }, "no hook \(id)")
            guard case .string(let entry)? = found["entry"], case .string(let files)? = found["files"] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            #expect(found["language"] == .string("swift"))
            return (entry.split(separator: " ").map(String.init), try NSRegularExpression(pattern: files))
        }
        let staged = ["a.txt", "b.md", "c.docx", "d.doc", "e.txt.bak", "notes.yml"]
        func selected(_ files: NSRegularExpression) -> [String] {
            staged.filter { files.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
        }
        let lint = try hook("reportlint")
        #expect(selected(lint.files) == ["a.txt", "b.md", "c.docx"])
        let fix = try hook("reportlint-fix")
        #expect(selected(fix.files) == ["a.txt", "b.md"])

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (fixture, name) in [
            ("draft-punctuation.txt", "a.txt"), ("markdown-report.md", "b.md"), ("summary-headings.docx", "c.docx"),
        ] {
            try FileManager.default.copyItem(
                at: TestSupport.fixturesDirectory.appendingPathComponent(fixture), to: directory.appendingPathComponent(name))
        }
        let linted = try cli.run(Array(lint.entry.dropFirst()) + selected(lint.files), in: directory)
        #expect(linted.code == 1)
        for name in ["a.txt", "b.md"] { #expect(linted.stdout.contains("\(name):"), "\(name) is checked") }
        #expect(linted.stdout.contains("检查了 3 个文件"))

        let before = try Data(contentsOf: directory.appendingPathComponent("a.txt"))
        let fixed = try cli.run(Array(fix.entry.dropFirst()) + selected(fix.files), in: directory)
        #expect(fixed.code == 0, "\(fixed.stderr)")
        #expect(
            try Data(contentsOf: directory.appendingPathComponent("a.txt")) != before,
            "the fix hook changes the file, so pre-commit stops the commit")
    }
}

extension NewUserCLITests {
    /// `--stdin-filename NAME`: standard input read as NAME (format by extension), named NAME in the output,
    /// governed by NAME's folder's configuration.
    @Test func stdinFilenameReadsAsThatFile() throws {
        func findings(_ output: CLITests.Output) throws -> [String] {
            let files = try #require(try cli.json(output.stdout)["files"] as? [[String: Any]])
            return (files.first?["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"]!)@\($0["line"]!):\($0["column"]!)" }
        }
        for fixture in ["markdown-report.md", "summary-headings.docx", "summary-gb18030-crlf.txt"] {
            let url = TestSupport.fixturesDirectory.appendingPathComponent(fixture)
            let direct = try cli.run(["lint", "--format", "json", url.path])
            let piped = try cli.run(
                ["lint", "--format", "json", "--stdin-filename", "报告/" + fixture, "-"], stdin: try Data(contentsOf: url))
            #expect(try findings(piped) == findings(direct), "\(fixture)")
            #expect(piped.code == direct.code)
            let file = try #require((try cli.json(piped.stdout)["files"] as? [[String: Any]])?.first)
            #expect(file["path"] as? String == "报告/" + fixture)
        }
        let text = try cli.run(
            ["lint", "--stdin-filename", "a.md", "-"],
            stdin: try Data(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent("markdown-report.md")))
        #expect(text.stdout.hasPrefix("a.md:"))

        // The configuration of NAME's folder applies.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "rules:\n  common/formulation: off\n".write(
            to: directory.appendingPathComponent("sub/.reportlint.yml"), atomically: true, encoding: .utf8)
        let input = Data("2023年工作总结\n坚决维护以习近平同志为总书记的党中央权威。\n".utf8)
        #expect(
            try cli.run(["lint", "--stdin-filename", "sub/a.txt", "-"], stdin: input, in: directory).stdout.contains(
                "common/formulation") == false)
        #expect(
            try cli.run(["lint", "--stdin-filename", "a.txt", "-"], stdin: input, in: directory).stdout.contains(
                "a.txt:2:5: 错误: 提法不规范"))
        // Only with standard input.
        let misuse = try cli.run(["lint", "--stdin-filename", "a.txt", "Fixtures/summary-cues.txt"])
        #expect(misuse.code == 2)
        #expect(misuse.stderr.contains("--stdin-filename 只用于标准输入"))
    }
}

extension NewUserCLITests {
    func write(_ text: String, _ name: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Item 8 of issue 24: a rule author sees every mistake in one round, in file order, in Chinese.
    @Test func ruleAuthoringErrors() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        // A duplicate id, a wrong within and a bad regex: all three at once, sorted by line.
        try write(
            """
            pack: u
            rules:
              - {id: u/a, kind: forbid, message: m, phrases: [x], within: u/sectoin}
              - {id: u/a, kind: forbid, message: m, phrases: [y]}
              - {id: u/s, kind: section, message: m, headings: [问题]}
              - {id: u/b, kind: forbid, message: m, patterns: ['取得(了']}
            """, "u.yml", in: directory)
        let all = try cli.run(["rules", "validate", "u.yml"], in: directory)
        #expect(all.code == 2)
        let lines = all.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(all.stderr)")
        #expect(lines.contains { $0.hasPrefix("u.yml:3:") && $0.contains("within 引用的规则“u/sectoin”不存在") })
        #expect(lines.contains { $0.hasPrefix("u.yml:4:") && $0.contains("规则 id“u/a”重复") })
        #expect(lines.contains { $0.hasPrefix("u.yml:6:") && $0.contains("无法编译，第 3 个字符处：“(”没有对应的“)”") })
        #expect(lines.map { $0.split(separator: ":")[1] } == ["3", "4", "6"], "sorted by position")

        // libyaml's English message gets a Chinese explanation.
        try write(
            "pack: u\nrules:\n  - id: u/a\n    kind: forbid\n    message: 注意: 口语\n    phrases: [x]\n", "colon.yml", in: directory)
        let syntax = try cli.run(["rules", "validate", "colon.yml"], in: directory)
        #expect(syntax.code == 2)
        #expect(
            syntax.stderr.contains(
                "colon.yml:5:16: 错误: YAML 语法错误：mapping values are not allowed in this context（这里不能出现“键: 值”：值里有“: ”时请给整个值加引号，或检查缩进）"
            ), "\(syntax.stderr)")
        try write("pack: u\nrules:\n\t- id: u/a\n", "tab.yml", in: directory)
        #expect(try cli.run(["rules", "validate", "tab.yml"], in: directory).stderr.contains("制表符（Tab）"))

        // A mis-indented list item folded into the one before: a warning at the item, the run goes on.
        try write(
            """
            pack: u
            rules:
              - id: u/colloquial
                kind: forbid
                message: 口语
                phrases:
                  - 搞好
                   - 抓手
            """, "folded.yml", in: directory)
        let folded = try cli.run(["rules", "validate", "folded.yml"], in: directory)
        #expect(folded.code == 0)
        #expect(folded.stderr.contains("folded.yml:8:8: 警告: “- 抓手”比上一项缩进得深，YAML 把它并进了上一项，成了“搞好 - 抓手”"), "\(folded.stderr)")
        try write("2023年工作总结\n要搞好学习。\n", "a.txt", in: directory)
        #expect(try cli.run(["lint", "--rules", "folded.yml", "a.txt"], in: directory).stderr.contains("警告: “- 抓手”"))

        // suggest: "" — a forbid rule that suggests deleting; fix deletes.
        try write(
            """
            pack: u
            rules:
              - {id: u/filler, kind: forbid, message: 赘语, phrases: [切切实实地], suggest: ""}
            """, "delete.yml", in: directory)
        #expect(try cli.run(["rules", "validate", "delete.yml"], in: directory).code == 0)
        try write("2023年工作总结\n我们切切实实地抓好学习。\n", "b.txt", in: directory)
        let lint = try cli.run(["lint", "--rules", "delete.yml", "b.txt"], in: directory)
        #expect(lint.stdout.contains("赘语：“切切实实地”，应删除"), "\(lint.stdout)")
        #expect(try cli.run(["fix", "--rules", "delete.yml", "b.txt"], in: directory).code == 0)
        #expect(try String(contentsOf: directory.appendingPathComponent("b.txt"), encoding: .utf8) == "2023年工作总结\n我们抓好学习。\n")

        // Configuration errors in the order they stand in the file.
        try write("rules:\n  zzz/a: off\n  common/placeholdr: off\n  aaa/b: off\n", "cfg/.reportlint.yml", in: directory)
        let config = try cli.run(["rules", "validate", "cfg/.reportlint.yml"], in: directory)
        #expect(config.code == 2)
        #expect(config.stderr.split(separator: "\n").map { $0.split(separator: ":")[1] } == ["2", "3", "4"], "\(config.stderr)")
    }
}

extension NewUserCLITests {
    /// Item 10 of issue 24: the conventions of ESLint, SwiftLint, textlint and Vale.
    @Test func commandLineConventions() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (fixture, name) in [
            ("draft-unfinished.txt", "reports/a.txt"), ("draft-punctuation.txt", "reports/b.txt"),
            ("precision-legit.txt", "reports/sub/c.txt"),
        ] {
            try write(
                try String(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(fixture), encoding: .utf8), name,
                in: directory)
        }

        // --quiet: errors only.
        let full = try cli.run(["lint", "reports/a.txt"], in: directory)
        #expect(full.stdout.contains(": 警告: "))
        let quiet = try cli.run(["lint", "--quiet", "reports/a.txt"], in: directory)
        #expect(!quiet.stdout.contains(": 警告: ") && quiet.stdout.contains(": 错误: "))
        #expect(
            try cli.run(["lint", "-q", "--fail-on", "warning", "reports/sub/c.txt"], in: directory).stdout.contains(": 警告: ")
                == false)

        // -o/--output: the same bytes in the file, nothing on stdout.
        let json = try cli.run(["lint", "--format", "json", "reports"], in: directory)
        let written = try cli.run(["lint", "--format", "json", "-o", "out.json", "reports"], in: directory)
        #expect(written.stdout.isEmpty && written.code == json.code)
        #expect(try String(contentsOf: directory.appendingPathComponent("out.json"), encoding: .utf8) == json.stdout)
        #expect(try cli.run(["lint", "--output", "no/such/folder/x.json", "reports"], in: directory).code == 2)

        // Colour: --color, --no-color, NO_COLOR only when non-empty, FORCE_COLOR.
        let escape = "\u{1B}["
        #expect(try cli.run(["lint", "--color", "reports/a.txt"], in: directory).stdout.contains(escape))
        #expect(try !cli.run(["lint", "reports/a.txt"], in: directory).stdout.contains(escape), "NO_COLOR=1")
        #expect(
            try cli.run(["lint", "reports/a.txt"], in: directory, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]).stdout
                .contains(escape))
        #expect(
            try !cli.run(
                ["lint", "--no-color", "reports/a.txt"], in: directory, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]
            ).stdout.contains(escape))
        #expect(
            try !cli.run(["lint", "reports/a.txt"], in: directory, environment: ["NO_COLOR": "", "FORCE_COLOR": "0"]).stdout
                .contains(escape))
        #expect(TerminalColor.enabled(flag: nil, environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(!TerminalColor.enabled(flag: nil, environment: ["NO_COLOR": "x", "FORCE_COLOR": "1"], isTerminal: true))

        // No path: the current folder; a quoted glob is expanded.
        let dot = try cli.run(["lint", "--format", "json"], in: directory)
        #expect((try cli.json(dot.stdout)["summary"] as? [String: Any])?["files"] as? Int == 3)
        let glob = try cli.run(["lint", "--format", "json", "reports/*.txt"], in: directory)
        let globbed = (try cli.json(glob.stdout)["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(globbed == ["reports/a.txt", "reports/b.txt"], "\(glob.stderr)")
        let deep = try cli.run(["lint", "--format", "json", "reports/**/*.txt"], in: directory)
        #expect((try cli.json(deep.stdout)["files"] as? [[String: Any]])?.count == 3)
        let none = try cli.run(["lint", "reports/*.docx"], in: directory)
        #expect(none.code == 2 && none.stderr.contains("通配符没有匹配到要检查的报告文件"))

        // --rule ID:LEVEL over the configuration.
        let ruled = try cli.run(
            ["lint", "--rule", "common/placeholder:off", "--rule", "common/year-consistency:error", "reports/a.txt"],
            in: directory)
        #expect(!ruled.stdout.contains("[common/placeholder]"))
        #expect(ruled.stdout.contains("错误: 年份与标题不一致"))
        let badRule = try cli.run(["lint", "--rule", "common/placeholdr:off", "reports/a.txt"], in: directory)
        #expect(badRule.code == 2 && badRule.stderr.contains("是否想写“common/placeholder”"))
        #expect(try cli.run(["lint", "--rule", "common/placeholder", "reports/a.txt"], in: directory).code == 2)

        // --print-config FILE.
        try write(
            "rules:\n  common/stray-space: off\ntypes:\n  \"sub/*.txt\": plan\nwaivers:\n  - {rule: common/dash, path: \"sub/**\", reason: 旧稿}\n",
            "reports/.reportlint.yml", in: directory)
        let printed = try cli.json(
            try cli.run(["lint", "--print-config", "reports/sub/c.txt", "--rule", "common/dash:info"], in: directory).stdout)
        #expect((printed["config"] as? String)?.hasSuffix("reports/.reportlint.yml") == true)
        #expect(printed["type"] as? String == "plan")
        #expect((printed["rules"] as? [String: Any])?["common/stray-space"] as? String == "off")
        #expect((printed["rules"] as? [String: Any])?["common/dash"] as? String == "info")
        #expect((printed["waivers"] as? [[String: Any]])?.first?["rule"] as? String == "common/dash")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("reports/.reportlint.yml"))

        // --max-warnings says why; --write-baseline does not fail the run.
        let tooMany = try cli.run(["lint", "--max-warnings", "0", "reports/sub/c.txt"], in: directory)
        if tooMany.code == 1 { #expect(tooMany.stderr.contains("超过 --max-warnings 0"), "\(tooMany.stderr)") }
        let maxed = try cli.run(["lint", "--fail-on", "never", "--max-warnings", "0", "reports/a.txt"], in: directory)
        #expect(maxed.code == 1)
        #expect(maxed.stderr.contains("检查未通过：警告 "), "\(maxed.stderr)")
        let recorded = try cli.run(["lint", "--write-baseline", "baseline.json", "reports"], in: directory)
        #expect(recorded.code == 0 && recorded.stderr.contains("已写入基线"))

        // fix --check: exit 1, nothing written; 0 on a clean file.
        let before = try String(contentsOf: directory.appendingPathComponent("reports/b.txt"), encoding: .utf8)
        let check = try cli.run(["fix", "--check", "reports/b.txt"], in: directory)
        #expect(check.code == 1 && check.stdout.contains("可修正"))
        #expect(try String(contentsOf: directory.appendingPathComponent("reports/b.txt"), encoding: .utf8) == before)
        #expect(try cli.run(["fix", "reports/b.txt"], in: directory).code == 0)
        #expect(try cli.run(["fix", "--check", "reports/b.txt"], in: directory).code == 0)
        // fix on a Word file says so plainly.
        try FileManager.default.copyItem(
            at: TestSupport.fixturesDirectory.appendingPathComponent("draft-unfinished-autonumber.docx"),
            to: directory.appendingPathComponent("w.docx"))
        #expect(try cli.run(["fix", "w.docx"], in: directory).stdout.contains("Word 文件（.docx）不会被改写"))

        // init --schemas refreshes the schemas and leaves the user's files alone.
        #expect(try cli.run(["init"], in: directory).code == 0)
        try "rules: {}\n".write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        try "{}".write(to: directory.appendingPathComponent(".reportlint/rules.schema.json"), atomically: true, encoding: .utf8)
        let schemas = try cli.run(["init", "--schemas"], in: directory)
        #expect(schemas.code == 0 && schemas.stdout.contains("已更新") && schemas.stdout.contains("未改变"))
        #expect(try String(contentsOf: directory.appendingPathComponent(".reportlint.yml"), encoding: .utf8) == "rules: {}\n")
        #expect(
            try String(contentsOf: directory.appendingPathComponent(".reportlint/rules.schema.json"), encoding: .utf8)
                == BuiltinRules.rulesSchema)

        // A mistyped subcommand gets a suggestion; shell completions are generated.
        let typo = try cli.run(["lnit"], in: directory)
        #expect(typo.code == 2 && typo.stderr.contains("未知的命令“lnit”，是否想写“reportlint init”？"))
        #expect(try cli.run(["rules", "lsit"]).stderr.contains("是否想写“reportlint rules list”？"))
        #expect(try cli.run(["reports/a.txt"], in: directory).stderr.contains("reportlint lint reports/a.txt"))
        let completion = try cli.run(["--generate-completion-script", "bash"])
        #expect(completion.code == 0 && completion.stdout.contains("reportlint"))
    }
}

extension NewUserCLITests {
    /// Item 9 of issue 24: a nested configuration extends its parent instead of replacing it.
    @Test func nestedConfigurationExtendsItsParent() throws {
        let directory = try NewUserCLITests.unitFolder() // common/stray-space off, the unit's two rule files
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(
            """
            2023年档案工作总结
            一、档案工作
            档案局局开展工作 ，完成XX项。
            """, "sub/a.txt", in: directory)
        let parentOnly = try cli.run(["lint", "sub/a.txt"], in: directory)
        #expect(parentOnly.stdout.contains("[mybureau/names]") && !parentOnly.stdout.contains("[common/stray-space]"))

        // Without extends the nested file replaces its parent (the unit's rule is gone, stray-space is back).
        try write("rules:\n  common/placeholder: off\n", "sub/.reportlint.yml", in: directory)
        let replaced = try cli.run(["lint", "sub/a.txt"], in: directory)
        #expect(!replaced.stdout.contains("[mybureau/names]") && replaced.stdout.contains("[common/stray-space]"))

        // With extends: both apply, the nested one wins where both speak.
        try write(
            "extends: ..\nrules:\n  common/placeholder: off\n  common/stray-space: info\n", "sub/.reportlint.yml", in: directory)
        let extended = try cli.run(["lint", "sub/a.txt"], in: directory)
        #expect(extended.code == 0 || extended.code == 1, "\(extended.stderr)")
        #expect(extended.stdout.contains("[mybureau/names]"), "the parent's rule files")
        #expect(!extended.stdout.contains("[common/placeholder]"), "the nested file's own setting")
        #expect(extended.stdout.contains("提示: ") && extended.stdout.contains("[common/stray-space]"), "the nested file wins")
        let printed = try cli.json(try cli.run(["lint", "--print-config", "sub/a.txt"], in: directory).stdout)
        #expect((printed["extends"] as? [String])?.first?.hasSuffix("/.reportlint.yml") == true)
        #expect((printed["rules"] as? [String: Any])?["common/stray-space"] as? String == "info")

        // A file path works too; a loop and a missing file are errors at the extends line.
        try write("extends: ../.reportlint.yml\n", "sub/.reportlint.yml", in: directory)
        #expect(try cli.run(["lint", "sub/a.txt"], in: directory).stdout.contains("[mybureau/names]"))
        try write("extends: sub/.reportlint.yml\nrules:\n  common/stray-space: off\n", ".reportlint.yml", in: directory)
        let loop = try cli.run(["lint", "sub/a.txt"], in: directory)
        #expect(loop.code == 2 && loop.stderr.contains("extends 形成循环"), "\(loop.stderr)")
        try write("extends: [missing.yml]\n", "sub/.reportlint.yml", in: directory)
        let missing = try cli.run(["lint", "sub/a.txt"], in: directory)
        #expect(missing.code == 2 && missing.stderr.contains(".reportlint.yml:1:11: 错误: extends 指向的配置文件"), "\(missing.stderr)")
    }
}

extension NewUserCLITests {
    /// Item 3 of issue 24, statically (scripts/check-ci-examples runs the steps): the CI examples are valid
    /// YAML, use the Swift the README names, pin ReportLint and cache its binary, trust the checkout for git,
    /// guard the SARIF upload, and do not need a baseline file to exist.
    @Test func ciExamplesAreSound() throws {
        let github = try SchemaValue.yaml(
            String(contentsOf: TestSupport.packageRoot.appendingPathComponent("examples/github-actions.yml"), encoding: .utf8))
        let job = try #require(github["jobs"]?["reportlint"])
        #expect(job["container"] == .string("swift:6.3"))
        guard case .array(let steps)? = job["steps"] else {
            Issue.record("no steps")
            return
        }
        let runs = steps.compactMap { step -> String? in if case .string(let run)? = step["run"] { run } else { nil } }
        #expect(runs.contains { $0.contains("safe.directory \"$GITHUB_WORKSPACE\"") })
        #expect(runs.contains { $0.contains("fetch -q --depth 1 \"$REPORTLINT_REPO\" \"$REPORTLINT_REF\"") })
        #expect(steps.contains { $0["uses"] == .string("actions/cache@v4") })
        let upload = try #require(
            steps.first {
                if case .string(let uses)? = $0["uses"] { uses.hasPrefix("github/codeql-action/upload-sarif") } else { false }
            })
        #expect(upload["continue-on-error"] == .bool(true))
        if case .string(let condition)? = upload["if"] {
            #expect(condition.contains("head.repo.full_name == github.repository"))
        } else {
            Issue.record("no guard")
        }

        let gitlab = try SchemaValue.yaml(
            String(contentsOf: TestSupport.packageRoot.appendingPathComponent("examples/gitlab-ci.yml"), encoding: .utf8))
        #expect(gitlab["reportlint"]?["image"] == .string("swift:6.3"))
        guard case .array(let script)? = gitlab["reportlint"]?["script"] else {
            Issue.record("no script")
            return
        }
        let text = script.compactMap { if case .string(let line) = $0 { line } else { nil } }.joined(separator: "\n")
        #expect(text.contains("if [ -f .reportlint-baseline.json ]"))
        #expect(gitlab["reportlint"]?["cache"]?["key"] == .string("reportlint-swift6.3-$REPORTLINT_REF"))
        for document in [github, gitlab] {
            let ref = document["env"]?["REPORTLINT_REF"] ?? document["variables"]?["REPORTLINT_REF"]
            #expect(ref != nil && ref != .string("main") && ref != .string("HEAD"), "ReportLint is pinned")
        }
    }
}

extension NewUserCLITests {
    /// Item 11 of issue 24: one language. Severities in text output, help and usage errors in Chinese.
    @Test func chineseThroughout() throws {
        let lint = try cli.run(["lint", "Fixtures/draft-unfinished.txt"])
        #expect(lint.stdout.contains(": 错误: ") && lint.stdout.contains(": 警告: "))
        #expect(!lint.stdout.contains(": error: ") && !lint.stdout.contains(": warning: "))
        let help = try cli.run(["lint", "--help"])
        #expect(help.code == 0)
        for heading in ["概述:", "用法:", "参数:", "选项:", "显示帮助。"] { #expect(help.stdout.contains(heading), "\(heading)") }
        for english in ["OVERVIEW:", "USAGE:", "OPTIONS:", "Show help information.", "default:"] {
            #expect(!help.stdout.contains(english), "\(english)")
        }
        let unknown = try cli.run(["lint", "--formt", "json", "x.txt"])
        #expect(unknown.code == 2 && unknown.stderr.hasPrefix("错误: 未知的选项“--formt”。是否想写“--format”？"), "\(unknown.stderr)")
        let value = try cli.run(["lint", "--format", "xml", "x.txt"])
        #expect(value.code == 2 && value.stderr.contains("“xml”不是“--format <format>”的有效值"))
        let missing = try cli.run(["rules", "explain"])
        #expect(missing.code == 2 && missing.stderr.contains("错误: 缺少参数 <ID>"))
        // Machine formats keep their words.
        #expect(try cli.run(["lint", "--format", "junit", "Fixtures/draft-unfinished.txt"]).stdout.contains(": error: "))
    }
}

extension NewUserCLITests {
    /// Item 12 of issue 24: the smaller things.
    @Test func smallerThings() throws {
        // outline --help lists only the formats it takes; fix --help names .md too.
        let outline = try cli.run(["outline", "--help"])
        #expect(outline.stdout.contains("text, json") && !outline.stdout.contains("sarif"), "\(outline.stdout)")
        #expect(try cli.run(["outline", "--format", "sarif", "Fixtures/duty-report.txt"]).code == 2)
        let fixHelp = try cli.run(["fix", "--help"]).stdout
        #expect(fixHelp.contains(".md") && !fixHelp.contains("（*.txt）"))

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A folder with an old .doc picks it up; without LibreOffice it says how to read it (issue 20).
        try write("x", "old/旧稿.doc", in: directory)
        try write(
            try String(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent("draft-unfinished.txt"), encoding: .utf8),
            "old/a.txt", in: directory)
        let folder = try cli.run(
            ["lint", "old"], in: directory, environment: [LegacyConverter.environmentKey: "/nonexistent/soffice"])
        #expect(
            folder.stderr.contains("old/旧稿.doc: 错误: 无法读取 .doc 文件：没有找到 LibreOffice。请在 Word 或 WPS 中另存为 .docx，或安装 LibreOffice"),
            "\(folder.stderr)")
        #expect(folder.code == 2)

        // The HTML page: the check's date and configuration, number headings aligned with their numbers,
        // the 合计 row once when printed, and no doubled quotes in a suggestion.
        try write("rules:\n  common/dash: off\n", "old/.reportlint.yml", in: directory)
        let html = try cli.run(["lint", "--format", "html", "old/a.txt"], in: directory).stdout
        #expect(html.contains("检查日期 \(Gate.today())"))
        #expect(html.contains("old/.reportlint.yml"))
        #expect(
            html.contains(#"<th scope="col" class="count">错误</th>"#) || html.contains(#"<th class="count" scope="col">错误</th>"#),
            "count headings")
        #expect(html.contains("tfoot { display: table-row-group; }"))
        #expect(html.contains("改为“两个确立”") && !html.contains("改为““"))
    }
}

extension NewUserCLITests {
    /// Item 12 of issue 24: a hint shows the report's own year, not a fixed 2023 or 2024.
    @Test func hintsUseTheReportsYear() throws {
        let body = "一、主要工作\n全年接收档案1200卷。\n二、存在的问题\n但还存在一些不足，主要表现在：一是数字化进度慢。\n"
        let dated = try cli.run(["lint", "-"], stdin: Data(("2025年档案工作总结\n" + body).utf8))
        #expect(dated.stdout.contains("或“2026年，我局将继续……”。 [report/next-steps]"), "\(dated.stdout)")
        let undated = try cli.run(["lint", "-"], stdin: Data(("档案工作总结\n" + body).utf8))
        #expect(undated.stdout.contains("或“明年，我局将继续……”。 [report/next-steps]"))
        let plan = try cli.run(["lint", "-"], stdin: Data("2026年档案工作要点\n一、加强党的政治建设\n深入学习。\n".utf8))
        #expect(plan.stdout.contains("“2026年工作的总体要求是：……”"), "\(plan.stdout)")
    }
}
