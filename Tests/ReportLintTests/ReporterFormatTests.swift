import Foundation
import Testing

@testable import ReportLint

#if canImport(FoundationXML)
    import FoundationXML
#endif

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
        return LintRun(
            outcomes: [
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
        #expect(
            lines[0]
                == "::error file=报告/甲%2C乙%3A丙.txt,line=1,col=10,endLine=1,endColumn=17,title=t/quote::含\"引号\"与<尖括号>&符号, 逗号: 冒号 100%25：“总书记的党中央”，应改为“核心的党中央”"
        )
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
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFReporter(base: nil).report(try ReporterFormatTests.run()).utf8))
                as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [[String: Any]])?.map { $0["id"] as? String } == ["t/quote", "t/newline"])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect(
            (location["artifactLocation"] as? [String: Any])?["uri"] as? String
                == "%E6%8A%A5%E5%91%8A/%E7%94%B2,%E4%B9%99:%E4%B8%99.txt")
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["reportlintContext/v1"] }
        #expect(Set(fingerprints).count == results.count, "fingerprints are unique per result")
    }

    @Test func pathsAreRelativeToTheBase() {
        #expect(ReportPath.display("/repo/reports/a.txt", base: "/repo") == "reports/a.txt")
        #expect(ReportPath.display("./reports/a.txt", base: nil) == "reports/a.txt")
        #expect(ReportPath.display("/elsewhere/a.txt", base: "/repo") == "/elsewhere/a.txt")
    }

    /// The SARIF output validates against the official SARIF 2.1.0 schema (OASIS, errata 01), shipped in
    /// Tests/ReportLintTests/Schemas/ and checked by the Swift validator (no Python package needed).
    @Test func sarifValidatesAgainstTheSchema() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Tests/ReportLintTests/Schemas/sarif-schema-2.1.0.json")
        let data = try Data(contentsOf: url)
        #expect(data.count == 112_768, "the shipped SARIF schema is the official file, unchanged")
        #expect(SHA256Digest.hex(data) == "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e")
        let schema = try StrictJSONParser.parse(data)
        #expect(
            schema["id"] == .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"))
        let validator = try JSONSchemaValidator(schema: schema)
        for base in [nil, "/"] as [String?] {
            let output = try StrictJSONParser.parse(SARIFReporter(base: base).report(try ReporterFormatTests.run()))
            #expect(try validator.errors(output) == [])
        }
        // An empty run validates too.
        let empty = try StrictJSONParser.parse(
            SARIFReporter().report(LintRun(outcomes: [], rules: try TestSupport.rules([ReporterFormatTests.pack]))))
        #expect(try validator.errors(empty) == [])

        // The validator does reject what the schema forbids.
        let broken = #"""
            {"version": "2.0.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": 3}]}},
              "results": [{"message": {"text": "m"}, "level": "fatal", "extra": 1,
                           "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}
            """#
        let errors = try validator.errors(try StrictJSONParser.parse(broken))
        for expected in [
            "/version", "/runs/0/results/0/level", "/runs/0/results/0/extra", "/runs/0/tool/driver/rules/0/id", "startLine",
        ] {
            #expect(errors.contains { $0.contains(expected) }, "no error at \(expected) in \(errors)")
        }
        #expect(
            try validator.errors(try StrictJSONParser.parse(#"{"version": "2.1.0"}"#)).contains { $0.contains("runs is missing") }
        )
    }
}
