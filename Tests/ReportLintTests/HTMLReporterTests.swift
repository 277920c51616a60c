import Foundation
import Testing

@testable import ReportLint

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--format html`, checked on its DOM: the page is parsed (it is well-formed XML by design) and every
/// finding must be highlighted at exactly its text, listed, and counted in the summary table.
@Suite("HTML report")
struct HTMLReporterTests {
    /// Every fixture, linted with the built-in packs like the CLI does.
    static func fixtureRun() throws -> LintRun {
        let rules = try TestSupport.rules(builtin: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixturesDirectory.path)
            .filter { !$0.hasSuffix(".json") }.sorted()
        let outcomes: [FileOutcome] = names.map { name in
            switch Reader().read(path: TestSupport.fixturesDirectory.appendingPathComponent(name).path) {
            case .success(let source): return .linted(Linter(rules: rules).lint(source))
            case .failure(let error): return .failed(error)
            }
        }
        return LintRun(outcomes: outcomes, rules: rules)
    }

    @Test func everyFindingIsHighlightedAtItsText() throws {
        let run = try Self.fixtureRun()
        let page = try DOMNode.parse(HTMLReporter().report(run))
        let marks = page.all("mark")
        var checked = 0
        for (fileIndex, outcome) in run.outcomes.enumerated() {
            guard case .linted(let result) = outcome else { continue }
            for (index, finding) in result.findings.enumerated() {
                let id = "\(fileIndex + 1)-\(index + 1)"
                let covering = marks.filter {
                    ($0.attributes["data-findings"] ?? "").split(separator: " ").contains(Substring(id))
                }
                let expected = result.document.source.string(finding.range).filter { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
                #expect(!covering.isEmpty, "\(result.path): finding \(id) \(finding.ruleId) has no highlight")
                #expect(covering.map(\.textContent).joined() == expected, "\(result.path): finding \(id) \(finding.ruleId)")
                // Coloured by the most severe finding it covers, never by a milder one.
                #expect(
                    covering.allSatisfy {
                        Severity(rawValue: $0.classes.first { Severity(rawValue: $0) != nil } ?? "")! >= finding.severity
                    })
                #expect(covering.allSatisfy { $0.attributes["title"]?.contains(finding.message) == true })
                #expect(page.element(id: "m\(id)") != nil, "anchor for \(id)")
                let listed = try #require(page.element(id: "f\(id)"))
                #expect(listed.attributes["data-rule"] == finding.ruleId)
                #expect(listed.textContent.contains(finding.message))
                #expect(listed.textContent.contains("\(finding.start.line):\(finding.start.column)"))
                checked += 1
            }
        }
        #expect(checked == run.summary.findings)
        #expect(checked > 30, "the fixtures hold plenty of findings")
    }

    @Test func theTextIsTheReportLineByLine() throws {
        let rules = try TestSupport.rules(builtin: true)
        let text = "区档案馆2023年工作总结\r\n\r\n一、主要工作\r\n全年完成XX项。\r\n"
        let result = Linter(rules: rules).lint(Source(path: "a.txt", text: text))
        let page = try DOMNode.parse(HTMLReporter().report(LintRun(outcomes: [.linted(result)], rules: rules)))
        let lines = page.all("div").filter { $0.classes.contains("line") }
        // The empty line after the last line break is not shown.
        #expect(lines.map { $0.first("span", class: "tx")?.textContent ?? "?" } == ["区档案馆2023年工作总结", "", "一、主要工作", "全年完成XX项。"])
        #expect(lines.map { $0.attributes["id"] } == ["L1-1", "L1-2", "L1-3", "L1-4"])
    }

    @Test func summaryTableCountsByRuleAndSeverity() throws {
        let run = try Self.fixtureRun()
        let page = try DOMNode.parse(HTMLReporter().report(run))
        var expected: [String: [Severity: Int]] = [:]
        for outcome in run.outcomes {
            for finding in outcome.findings { expected[finding.ruleId, default: [:]][finding.severity, default: 0] += 1 }
        }
        let rows = try #require(page.first("table", class: "rule-summary")).all("tr").filter { $0.attributes["data-rule"] != nil }
        #expect(Set(rows.compactMap { $0.attributes["data-rule"] }) == Set(expected.keys))
        for row in rows {
            let rule = row.attributes["data-rule"]!
            for severity in Severity.allCases {
                let cell = row.all("td").first { $0.attributes["data-severity"] == severity.rawValue }
                #expect(cell?.textContent == String(expected[rule]?[severity] ?? 0), "\(rule) \(severity)")
            }
        }
        let totals = run.summary
        #expect(
            page.all("div").first { $0.attributes["data-total"] == "error" }?.first("dd")?.textContent == String(totals.errors))
        #expect(
            page.all("div").first { $0.attributes["data-total"] == "files" }?.first("dd")?.textContent == String(totals.files))
        // The index lists every file, linking to its section.
        let links = try #require(page.first("table", class: "file-index")).all("a").compactMap { $0.attributes["href"] }
        #expect(links == run.outcomes.indices.map { "#file-\($0 + 1)" })
        #expect(run.outcomes.indices.allSatisfy { page.element(id: "file-\($0 + 1)") != nil })
    }

    @Test func theOutlineMarksMissingSections() throws {
        let run = try Self.fixtureRun()
        let page = try DOMNode.parse(HTMLReporter().report(run))
        let index = try #require(run.outcomes.firstIndex { $0.path.hasSuffix("summary-missing-problems.txt") })
        let section = try #require(page.element(id: "file-\(index + 1)"))
        let entries = section.all("li").filter { $0.classes.contains("section") }
        #expect(entries.first { $0.attributes["data-rule"] == "report/problems" }?.classes.contains("missing") == true)
        #expect(entries.first { $0.attributes["data-rule"] == "report/political-building" }?.classes.contains("found") == true)
        let headings = section.all("li").filter { $0.classes.contains("heading") }.map(\.textContent)
        #expect(headings.first?.hasPrefix("一、") == true)
    }

    @Test func everythingIsEscaped() throws {
        let rules = try TestSupport.rules([
            #"""
            pack: t
            rules:
              - id: t/script
                kind: forbid
                message: "不要写<script>与&amp;"
                phrases: ["<script>"]
            """#
        ])
        let text = "正文<script>alert(\"x\")</script> & ' \u{1} 结束\n"
        let result = Linter(rules: rules).lint(Source(path: "<b>&报告\".txt", text: text))
        let html = HTMLReporter().report(LintRun(outcomes: [.linted(result)], rules: rules))
        let page = try DOMNode.parse(html)
        #expect(page.all("script").isEmpty)
        #expect(page.all("b").isEmpty)
        #expect(page.first("h1")?.textContent == "ReportLint 检查报告")
        #expect(page.element(id: "file-1")?.first("h2")?.textContent == "<b>&报告\".txt")
        #expect(page.first("span", class: "tx")?.textContent == "正文<script>alert(\"x\")</script> & ' \u{FFFD} 结束")
        #expect(page.all("mark").map(\.textContent) == ["<script>"])
        #expect(page.element(id: "f1-1")?.textContent.contains("不要写<script>与&amp;") == true)
    }

    @Test func unreadableFilesAndCleanRuns() throws {
        let rules = try TestSupport.rules(["pack: t\nrules:\n  - {id: t/x, kind: forbid, message: 不要, phrases: [某某]}\n"])
        let clean = Linter(rules: rules).lint(Source(path: "ok.txt", text: "无"))
        let failure = ReadError(path: "坏.txt", reason: .empty)
        let run = LintRun(outcomes: [.linted(clean), .failed(failure)], rules: rules)
        let page = try DOMNode.parse(HTMLReporter().report(run))
        #expect(page.element(id: "file-2")?.first("p", class: "unreadable")?.textContent == "无法读取：\(failure.message)")
        #expect(page.element(id: "file-2")?.first("h2")?.textContent == "坏.txt")
        #expect(page.first("section", class: "rules")?.first("p", class: "clean") != nil)
        #expect(page.all("div").first { $0.attributes["data-total"] == "unreadable" }?.first("dd")?.textContent == "1")
    }
}

/// Just enough DOM for the assertions: elements with attributes and text, built with XMLParser.
final class DOMNode {
    let name: String
    let attributes: [String: String]
    var children: [DOMNode] = []
    private var ordered: [Either] = []

    private enum Either {
        case node(DOMNode)
        case text(String)
    }

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    var textContent: String {
        ordered.map { part in
            switch part {
            case .node(let node): return node.textContent
            case .text(let text): return text
            }
        }.joined()
    }

    func all(_ name: String) -> [DOMNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }

    func first(_ name: String, class className: String? = nil) -> DOMNode? {
        all(name).first { className == nil || $0.classes.contains(className!) }
    }

    func element(id: String) -> DOMNode? {
        if attributes["id"] == id { return self }
        for child in children { if let found = child.element(id: id) { return found } }
        return nil
    }

    fileprivate func append(_ child: DOMNode) {
        children.append(child)
        ordered.append(.node(child))
    }

    fileprivate func append(text: String) {
        ordered.append(.text(text))
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ markup: String) throws -> DOMNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(
                description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber)")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: DOMNode?
        var stack: [DOMNode] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = DOMNode(name: name, attributes: attributes)
            if let parent = stack.last { parent.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.append(text: string)
        }
    }
}
