import Foundation
import Testing

@testable import ReportLint

/// Each `Fixtures/<name>.txt` is linted with the built-in rules and compared with
/// `<name>.expected.json`. Re-record on purpose only: `REPORTLINT_RECORD=1 swift test`.
@Suite("Fixtures")
struct FixtureTests {
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.fixturesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") || $0.hasSuffix(".docx") }.sorted()
    }()

    /// The .docx fixtures are built from .txt fixtures by `DocxBuilder` (styles, and automatic numbering for
    /// the `-autonumber` one); `REPORTLINT_RECORD=1` writes them again.
    static let docxFixtures = [
        ("summary-headings.docx", "summary-headings.txt", false),
        ("draft-unfinished-autonumber.docx", "draft-unfinished.txt", true),
    ]

    @Test func docxFixturesAreBuiltFromTheirTextFixtures() throws {
        for (docx, text, automatic) in FixtureTests.docxFixtures {
            let lines = try String(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(text), encoding: .utf8)
                .components(separatedBy: "\n").dropLast().map { $0 }
            let built = try DocxBuilder.report(lines: lines, automaticNumbering: automatic).data()
            let url = TestSupport.fixturesDirectory.appendingPathComponent(docx)
            if ProcessInfo.processInfo.environment["REPORTLINT_RECORD"] == "1" {
                try built.write(to: url)
                continue
            }
            // Zip bytes carry timestamps: compare what the reader gets out of them.
            let committed = try Reader().decode(Array(try Data(contentsOf: url)), path: docx).get()
            let fresh = try Reader().decode(Array(built), path: docx).get()
            #expect(committed.text == fresh.text && committed.outlineLevels == fresh.outlineLevels, "\(docx) is stale")
        }
    }

    @Test func thereAreFixturesForEveryShape() {
        #expect(FixtureTests.names.count >= 18)
        #expect(FixtureTests.names.contains { $0.hasSuffix(".md") } && FixtureTests.names.contains { $0.hasSuffix(".docx") })
    }

    @Test(arguments: FixtureTests.names)
    func fixtureMatchesExpectedFindings(name: String) throws {
        let url = TestSupport.fixturesDirectory.appendingPathComponent(name)
        let source = try Reader().decode(Array(try Data(contentsOf: url)), path: "Fixtures/\(name)").get()
        let result = Linter(rules: try TestSupport.rules(builtin: true)).lint(source)
        let actual = JSONReporter.file(.linted(result)).serialized() + "\n"
        // report.txt → report.expected.json; report.docx → report.docx.expected.json (no clash with its .txt twin).
        let expectedURL =
            name.hasSuffix(".txt")
            ? url.deletingPathExtension().appendingPathExtension("expected.json")
            : url.appendingPathExtension("expected.json")

        if ProcessInfo.processInfo.environment["REPORTLINT_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        if actual != expected {
            Issue.record(
                "\(name) differs from its expected findings (REPORTLINT_RECORD=1 re-records):\n\(lineDiff(expected, actual))")
        }
    }
}

/// A small line diff (longest common subsequence), `-` expected and `+` actual.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let a = expected.components(separatedBy: "\n")
    let b = actual.components(separatedBy: "\n")
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    var lines: [String] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
        if i < a.count, j < b.count, a[i] == b[j] {
            i += 1
            j += 1
        } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
            lines.append("+ \(b[j])")
            j += 1
        } else {
            lines.append("- \(a[i])")
            i += 1
        }
    }
    return lines.joined(separator: "\n")
}

/// The core issue's acceptance check, on the project's own reports: remove the problems section
/// (a cue paragraph in one, a heading block in the other) and exactly one report/problems appears.
@Suite("Removing the problems section")
struct RemovingProblemsTests {
    func problemsFindings(_ name: String, removingLines lines: Set<Int>) throws -> [Finding] {
        let text = try String(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(name), encoding: .utf8)
        let kept = text.components(separatedBy: "\n").enumerated().filter { !lines.contains($0.offset + 1) }.map(\.element)
        let result = TestSupport.lint(kept.joined(separator: "\n"), rules: try TestSupport.rules(builtin: true))
        return result.findings.filter { $0.ruleId.hasPrefix("report/") }
    }

    @Test func cueParagraph() throws {
        #expect(try problemsFindings("summary-cues.txt", removingLines: []).isEmpty)
        #expect(brief(try problemsFindings("summary-cues.txt", removingLines: [11])) == ["report/problems@11:84"])
    }

    @Test func headingSection() throws {
        #expect(try problemsFindings("summary-headings.txt", removingLines: []).isEmpty)
        #expect(try problemsFindings("summary-headings.txt", removingLines: [12, 13]).map(\.ruleId) == ["report/problems"])
    }
}
