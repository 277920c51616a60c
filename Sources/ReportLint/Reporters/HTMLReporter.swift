/// `--format html`: one self-contained page for a reviewer — no script, no network, no external asset.
/// It opens with the totals, a table of findings by rule and severity, and an index of the files; then,
/// per file, the report's text with every finding highlighted in place (message on hover), the list of
/// findings beside it, and the outline with the sections a rule found missing marked.
///
/// The markup is also well-formed XML (every element closed, only numeric character references), so
/// tests parse it with an XML parser and check every highlight against the finding's text.
public struct HTMLReporter: Reporter {
    public let base: String?

    public init(base: String? = nil) {
        self.base = base
    }

    public func report(_ run: LintRun) -> String {
        let summary = run.summary
        var page = HTMLWriter()
        page.raw("<!DOCTYPE html>\n")
        page.open("html", ["lang": "zh-CN"])
        page.open("head")
        page.void("meta", ["charset": "utf-8"])
        page.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        page.void("meta", ["name": "generator", "content": "reportlint \(ReportLintVersion.current)"])
        page.element("title", text: title(run))
        page.open("style")
        page.raw(HTMLStyle.css)
        page.close("style")
        page.close("head")
        page.open("body")
        page.open("header", ["class": "run"])
        page.element("h1", text: "ReportLint 检查报告")
        // When and with what the reports were checked, for whoever reads a printed copy later.
        var about = ["reportlint \(ReportLintVersion.current)"]
        if let checkedOn = run.checkedOn { about.insert("检查日期 \(checkedOn)", at: 0) }
        if !run.configFiles.isEmpty {
            about.append("配置 " + run.configFiles.joined(separator: "、"))
        } else if run.checkedOn != nil {
            about.append("未使用配置文件（内置规则）")
        }
        page.element("p", ["class": "meta run-meta"], text: about.joined(separator: " · "))
        totals(summary, into: &page)
        page.close("header")
        for diagnostic in run.diagnostics {
            page.element("p", ["class": "diagnostic"], text: diagnostic)
        }
        ruleTable(run, into: &page)
        fileIndex(run, into: &page)
        for (index, outcome) in run.outcomes.enumerated() {
            HTMLFileView(
                outcome: outcome, number: index + 1, displayPath: ReportPath.display(outcome.path, base: base),
                rules: run.rules
            ).render(into: &page)
        }
        page.close("body")
        page.close("html")
        return page.output
    }

    private func title(_ run: LintRun) -> String {
        if run.outcomes.count == 1, let only = run.outcomes.first {
            return "\(ReportPath.display(only.path, base: base)) — ReportLint 检查报告"
        }
        return "ReportLint 检查报告（\(run.outcomes.count) 个文件）"
    }

    private func totals(_ summary: LintRun.Summary, into page: inout HTMLWriter) {
        page.open("dl", ["class": "totals"])
        var items: [(String, String, Int)] = [
            ("files", "文件", summary.files),
            ("with-findings", "有问题的文件", summary.filesWithFindings),
            ("error", Severity.error.chineseName, summary.errors),
            ("warning", Severity.warning.chineseName, summary.warnings),
            ("info", Severity.info.chineseName, summary.infos),
        ]
        if summary.unreadable > 0 { items.append(("unreadable", "无法读取", summary.unreadable)) }
        if summary.waived > 0 { items.append(("waived", "已豁免", summary.waived)) }
        if summary.baselined > 0 { items.append(("baselined", "基线已有", summary.baselined)) }
        for (key, label, count) in items {
            page.open("div", ["class": "total \(key)", "data-total": key])
            page.element("dt", text: label)
            page.element("dd", text: String(count))
            page.close("div")
        }
        page.close("dl")
    }

    /// Findings by rule and severity across every file, most frequent rule first.
    private func ruleTable(_ run: LintRun, into page: inout HTMLWriter) {
        var rows: [String: RuleRow] = [:]
        for outcome in run.outcomes {
            for finding in outcome.findings {
                rows[finding.ruleId, default: RuleRow(rule: finding.ruleId)].add(finding, path: outcome.path)
            }
        }
        let descriptions = Dictionary(
            run.rules.map { ($0.header.id, $0.header.description ?? $0.header.message) },
            uniquingKeysWith: { first, _ in first })
        page.open("section", ["class": "rules", "id": "rules"])
        page.element("h2", text: "按规则统计")
        guard !rows.isEmpty else {
            page.element("p", ["class": "clean"], text: "没有发现问题。")
            page.close("section")
            return
        }
        page.open("table", ["class": "rule-summary"])
        page.open("thead")
        page.open("tr")
        for heading in [
            "规则", "说明", Severity.error.chineseName, Severity.warning.chineseName, Severity.info.chineseName, "合计", "文件数",
        ] {
            // Headings over numbers are right-aligned like the numbers.
            page.element("th", ["scope": "col", "class": ["规则", "说明"].contains(heading) ? "text" : "count"], text: heading)
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        let sorted = rows.values.sorted { ($1.total, $0.rule) < ($0.total, $1.rule) }
        for row in sorted {
            page.open("tr", ["data-rule": row.rule])
            page.open("th", ["scope": "row"])
            page.element("code", text: row.rule)
            page.close("th")
            page.element("td", ["class": "description"], text: descriptions[row.rule] ?? "")
            for severity in [Severity.error, .warning, .info] {
                let count = row.counts[severity, default: 0]
                page.element(
                    "td", ["class": count > 0 ? "count \(severity.rawValue)" : "count zero", "data-severity": severity.rawValue],
                    text: String(count))
            }
            page.element("td", ["class": "count", "data-severity": "total"], text: String(row.total))
            page.element("td", ["class": "count", "data-files": ""], text: String(row.files.count))
            page.close("tr")
        }
        page.close("tbody")
        page.open("tfoot")
        page.open("tr")
        page.element("th", ["scope": "row", "colspan": "2"], text: "合计")
        for severity in [Severity.error, .warning, .info] {
            page.element(
                "td", ["class": "count", "data-severity": severity.rawValue],
                text: String(sorted.reduce(0) { $0 + $1.counts[severity, default: 0] }))
        }
        page.element("td", ["class": "count", "data-severity": "total"], text: String(sorted.reduce(0) { $0 + $1.total }))
        page.element("td", ["class": "count"], text: String(run.summary.filesWithFindings))
        page.close("tr")
        page.close("tfoot")
        page.close("table")
        page.close("section")
    }

    /// One row per file with its counts, linking to the file's section.
    private func fileIndex(_ run: LintRun, into page: inout HTMLWriter) {
        page.open("section", ["class": "index", "id": "files"])
        page.element("h2", text: "文件")
        page.open("table", ["class": "file-index"])
        page.open("thead")
        page.open("tr")
        for heading in ["文件", "文种", Severity.error.chineseName, Severity.warning.chineseName, Severity.info.chineseName] {
            page.element("th", ["scope": "col", "class": ["文件", "文种"].contains(heading) ? "text" : "count"], text: heading)
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for (index, outcome) in run.outcomes.enumerated() {
            page.open("tr", ["class": outcome.findings.isEmpty ? "passed" : "has-findings"])
            page.open("td")
            page.element("a", ["href": "#file-\(index + 1)"], text: ReportPath.display(outcome.path, base: base))
            page.close("td")
            switch outcome {
            case .failed(let error):
                page.element("td", ["class": "unreadable", "colspan": "4"], text: "无法读取：\(error.message)")
            case .linted(let result):
                page.element("td", text: result.document.type?.chineseName ?? "未识别")
                for severity in [Severity.error, .warning, .info] {
                    let count = result.findings.filter { $0.severity == severity }.count
                    page.element("td", ["class": count > 0 ? "count \(severity.rawValue)" : "count zero"], text: String(count))
                }
            }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("section")
    }
}

/// One row of the summary table.
private struct RuleRow {
    let rule: String
    var counts: [Severity: Int] = [:]
    var files = Set<String>()
    var total: Int { counts.values.reduce(0, +) }

    init(rule: String) {
        self.rule = rule
    }

    mutating func add(_ finding: Finding, path: String) {
        counts[finding.severity, default: 0] += 1
        files.insert(path)
    }
}

/// Builds markup with every element closed and every text and attribute escaped; attributes are written
/// in sorted order so the output is deterministic.
struct HTMLWriter {
    private(set) var output = ""

    mutating func raw(_ markup: String) {
        output += markup
    }

    mutating func text(_ text: String) {
        output += XMLText.escape(text)
    }

    mutating func open(_ name: String, _ attributes: [String: String] = [:]) {
        output += "<\(name)\(HTMLWriter.attributes(attributes))>"
    }

    mutating func close(_ name: String) {
        output += "</\(name)>"
        if HTMLWriter.blocks.contains(name) { output += "\n" }
    }

    /// An element without content, written `<name … />` so that it is also well-formed XML.
    mutating func void(_ name: String, _ attributes: [String: String] = [:]) {
        output += "<\(name)\(HTMLWriter.attributes(attributes)) />"
    }

    mutating func element(_ name: String, _ attributes: [String: String] = [:], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    private static func attributes(_ attributes: [String: String]) -> String {
        attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(XMLText.escape($0.value))\"" }.joined()
    }

    /// Elements after which a line break keeps the page source readable.
    private static let blocks: Set = [
        "head", "header", "section", "table", "tr", "thead", "tbody", "tfoot", "div", "li", "ul", "ol",
        "p", "h1", "h2", "h3", "style", "title", "aside", "nav", "dl",
    ]
}
