/// The outline beside a report in the HTML page: title, numbered headings by depth (non-standard
/// numbering noted), and each section rule with where its section was found — or marked missing when
/// the rule reported it. Every entry links to its line in the text.
struct HTMLOutline {
    let result: LintResult
    let number: Int
    let rules: [any Rule]

    private var document: Document { result.document }

    func render(into page: inout HTMLWriter) {
        page.open("nav", ["class": "outline", "aria-label": "结构"])
        page.element("h3", text: "结构")
        if let title = document.title {
            page.open("p", ["class": "doc-title"])
            link(line: title.line, text: document.text(title.range), into: &page)
            page.close("p")
        }
        headings(into: &page)
        sections(into: &page)
        page.close("nav")
    }

    private func headings(into page: inout HTMLWriter) {
        guard !document.headings.isEmpty else {
            page.element("p", ["class": "empty"], text: "（没有编号标题）")
            return
        }
        page.open("ul", ["class": "headings"])
        for heading in document.headings {
            var depth = 0
            var parent = heading.parent
            while let index = parent {
                depth += 1
                parent = document.headings[index].parent
            }
            let standard = heading.marker.form.isStandard
            page.open(
                "li",
                [
                    "class": "heading depth-\(min(depth, 4))" + (standard ? "" : " nonstandard"),
                    "data-level": String(heading.level),
                ])
            link(
                line: heading.line, text: document.text(heading.marker.range) + clip(document.text(heading.text), 28), into: &page
            )
            if !standard {
                page.element("span", ["class": "tag"], text: "应为“\(heading.marker.form.standard.rawValue)”式")
            }
            page.close("li")
        }
        page.close("ul")
    }

    private func sections(into page: inout HTMLWriter) {
        let ids = rules.map(\.header.id).filter { result.sections[$0] != nil }
        guard !ids.isEmpty else { return }
        page.element("h3", text: "必备部分")
        page.open("ul", ["class": "sections"])
        for id in ids {
            let spans = result.sections[id] ?? []
            let reported = result.findings.first { $0.ruleId == id }
            let state = reported != nil ? "missing" : spans.isEmpty ? "absent" : "found"
            page.open("li", ["class": "section \(state)", "data-rule": id])
            page.element("code", text: id)
            page.text(" ")
            if let reported {
                let index = result.findings.firstIndex { $0.ruleId == id }! + 1
                page.element("a", ["class": "status", "href": "#f\(number)-\(index)"], text: "缺失")
                page.text(" ")
                page.element("span", ["class": "detail"], text: reported.message)
            } else if spans.isEmpty {
                page.element("span", ["class": "status"], text: "未找到")
            } else {
                page.element("span", ["class": "status"], text: "已找到")
                for span in spans {
                    page.text(" ")
                    link(line: span.line, text: clip(document.text(span.anchor), 16), into: &page)
                }
            }
            page.close("li")
        }
        page.close("ul")
    }

    private func link(line: Int, text: String, into page: inout HTMLWriter) {
        page.element("a", ["href": "#L\(number)-\(line)"], text: text)
    }

    private func clip(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "……" : text
    }
}
