import Testing

@testable import ReportLint

@Suite("Reporters")
struct ReporterTests {
    let pack = """
        pack: t
        rules:
          - {id: t/outdated, kind: forbid, severity: error, message: 过时提法, phrases: [总书记的党中央], suggest: 核心的党中央}
          - {id: t/quote, kind: forbid, severity: info, message: "含\\"引号\\"、逗号,和&符号", phrases: [引号]}
        """

    func run(_ text: String, path: String = "报告.txt") throws -> LintRun {
        let rules = try TestSupport.rules([pack])
        let result = Linter(rules: rules).lint(Source(path: path, text: text))
        return LintRun(outcomes: [.linted(result), .failed(ReadError(path: "坏.txt", reason: .notFound))], rules: rules)
    }

    @Test func textCaretIsAlignedByDisplayWidth() throws {
        let output = TextReporter().report(try run("坚决维护ab总书记的党中央权威"))
        #expect(
            output == """
                报告.txt:1:7: 错误: 过时提法：“总书记的党中央”，应改为“核心的党中央” [t/outdated]
                 1 | 坚决维护ab总书记的党中央权威
                   |           ^~~~~~~~~~~~~~
                  = 可自动修正：改为“核心的党中央”（reportlint fix）

                检查了 2 个文件：1 个错误，0 个警告，0 个提示；1 个文件无法读取。

                """)
    }

    @Test func longLinesAreCutToAWindowAroundTheFinding() throws {
        let line = String(repeating: "前", count: 80) + "总书记的党中央" + String(repeating: "后", count: 80)
        let output = TextReporter().report(try run(line))
        let lines = output.components(separatedBy: "\n")
        #expect(lines[1] == " 1 | …" + String(repeating: "前", count: 20) + "总书记的党中央" + String(repeating: "后", count: 23) + "…")
        #expect(lines[2] == "   |  " + String(repeating: " ", count: 40) + "^" + String(repeating: "~", count: 13))
    }

    @Test func colorOnlyWhenAsked() throws {
        let plain = TextReporter(color: false).report(try run("总书记的党中央"))
        let colored = TextReporter(color: true).report(try run("总书记的党中央"))
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31m错误\u{1B}[0m"))
    }

    @Test func jsonShapeIsTheContract() throws {
        let output = JSONReporter().report(try run("引号\n总书记的党中央"))
        #expect(
            output == """
                {
                  "files": [
                    {
                      "path": "报告.txt",
                      "type": "summary",
                      "typeSource": "guessed",
                      "format": "text",
                      "encoding": "UTF-8",
                      "findings": [
                        {
                          "rule": "t/quote",
                          "severity": "info",
                          "message": "含\\"引号\\"、逗号,和&符号：“引号”",
                          "line": 1,
                          "column": 1,
                          "endLine": 1,
                          "endColumn": 3
                        },
                        {
                          "rule": "t/outdated",
                          "severity": "error",
                          "message": "过时提法：“总书记的党中央”，应改为“核心的党中央”",
                          "line": 2,
                          "column": 1,
                          "endLine": 2,
                          "endColumn": 8,
                          "suggestion": "核心的党中央",
                          "fixable": true
                        }
                      ]
                    },
                    {
                      "path": "坏.txt",
                      "error": {
                        "message": "文件不存在"
                      }
                    }
                  ],
                  "summary": {
                    "files": 2,
                    "filesWithFindings": 1,
                    "unreadable": 1,
                    "findings": 2,
                    "errors": 1,
                    "warnings": 0,
                    "infos": 1,
                    "waived": 0,
                    "baselined": 0
                  }
                }

                """)
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}e\u{2028}").serialized() == #""a\"b\\c\nd\u0001e\u2028""#)
    }

    @Test func exitCodes() throws {
        let rules = try TestSupport.rules([pack])
        let linter = Linter(rules: rules)
        let clean = LintRun(outcomes: [.linted(linter.lint(Source(path: "a", text: "无")))], rules: rules)
        let info = LintRun(outcomes: [.linted(linter.lint(Source(path: "a", text: "引号")))], rules: rules)
        #expect(clean.exitCode(failOn: .error) == 0)
        #expect(info.exitCode(failOn: .error) == 0)
        #expect(info.exitCode(failOn: .info) == 1)
        #expect(info.exitCode(failOn: .never) == 0)
        #expect(try run("无").exitCode(failOn: .never) == 2) // an unreadable file always fails the run
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("报告ab，。".unicodeScalars) == 10)
        #expect(DisplayWidth.of("“①”".unicodeScalars) == 3)
        // Combining marks take no column, control characters none, tabs and fullwidth forms as their kind.
        #expect(DisplayWidth.of("e\u{301}\u{20DD}a\u{7}".unicodeScalars) == 2)
        #expect(DisplayWidth.of("ｗ𠀀\u{3099}".unicodeScalars) == 4)
    }
}
