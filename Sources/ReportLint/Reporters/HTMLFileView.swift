/// One file of the HTML report: its text line by line with the findings highlighted, the list of findings,
/// and the outline. Element ids carry the file's number so that many files share one page:
/// `L3-14` is line 14 of file 3, `m3-2` where its finding 2 starts in the text, `f3-2` that finding in the list.
struct HTMLFileView {
    let outcome: FileOutcome
    let number: Int
    let displayPath: String
    /// The run's rules, for the order and names of the section rules in the outline.
    let rules: [any Rule]

    func render(into page: inout HTMLWriter) {
        page.open("section", ["class": "file", "id": "file-\(number)", "data-path": displayPath])
        page.element("h2", text: displayPath)
        switch outcome {
        case .failed(let error):
            page.element("p", ["class": "unreadable"], text: "无法读取：\(error.message)")
        case .linted(let result):
            meta(result, into: &page)
            page.open("div", ["class": "layout"])
            page.open("article", ["class": "report", "aria-label": "报告正文"])
            ReportText(result: result, number: number).render(into: &page)
            page.close("article")
            page.open("aside")
            findingList(result, into: &page)
            HTMLOutline(result: result, number: number, rules: rules).render(into: &page)
            page.close("aside")
            page.close("div")
        }
        page.close("section")
    }

    private func meta(_ result: LintResult, into page: inout HTMLWriter) {
        let document = result.document
        var parts = ["文种：" + (document.type?.chineseName ?? "未识别")]
        switch document.source.format {
        case .markdown: parts.append("Markdown（显示去掉标记后的文字）")
        case .docx: parts.append("Word（每段一行）")
        case .text: parts.append("编码：\(document.source.encoding.rawValue)")
        }
        let counts = [Severity.error, .warning, .info].map { severity in
            "\(severity.chineseName) \(result.findings.filter { $0.severity == severity }.count)"
        }
        parts.append(result.findings.isEmpty ? "没有发现问题" : counts.joined(separator: "，"))
        page.element("p", ["class": "meta"], text: parts.joined(separator: " · "))
        for note in result.notes {
            page.element("p", ["class": "note"], text: "注意：\(note)")
        }
    }

    private func findingList(_ result: LintResult, into page: inout HTMLWriter) {
        page.element("h3", text: "问题（\(result.findings.count)）")
        guard !result.findings.isEmpty else {
            page.element("p", ["class": "clean"], text: "没有发现问题。")
            return
        }
        page.open("ol", ["class": "findings"])
        for (index, finding) in result.findings.enumerated() {
            let id = "\(number)-\(index + 1)"
            page.open("li", ["class": "finding \(finding.severity.rawValue)", "id": "f\(id)", "data-rule": finding.ruleId])
            page.element("a", ["class": "position", "href": "#m\(id)"], text: "\(finding.start.line):\(finding.start.column)")
            page.text(" ")
            page.element("span", ["class": "severity"], text: finding.severity.chineseName)
            page.text(" ")
            page.element("span", ["class": "message"], text: finding.message)
            page.text(" ")
            page.element("code", ["class": "rule"], text: finding.ruleId)
            if let suggestion = finding.suggestion {
                // A suggestion that is itself a quotation (“两个确立”) is not quoted again.
                let quoted = suggestion.hasPrefix("“") && suggestion.hasSuffix("”") ? suggestion : "“\(suggestion)”"
                let change = suggestion.isEmpty ? "删除" : "改为\(quoted)"
                page.element("div", ["class": "suggestion"], text: finding.fixable ? "可自动修正：\(change)" : "建议：\(change)")
            }
            page.close("li")
        }
        page.close("ol")
    }
}

/// The report's text with findings highlighted. Each line is cut at every finding boundary; a piece
/// covered by findings becomes one `<mark>` naming all of them (`data-findings`), coloured by the most
/// severe. A finding with an empty range (a missing section) is an empty point mark. So the text of the
/// marks naming a finding, joined, is exactly the finding's text without its line breaks.
private struct ReportText {
    let result: LintResult
    let number: Int

    func render(into page: inout HTMLWriter) {
        let source = result.document.source
        let lines = source.positions
        let length = source.bytes.count
        // Which findings touch each line, found once per finding rather than once per line.
        var findingsByLine: [Int: [Int]] = [:]
        var startLines: [Int] = []
        for (index, finding) in result.findings.enumerated() {
            let start = min(finding.range.start, length)
            let end = min(max(finding.range.end, start), length)
            let first = lines.line(ofByte: start)
            let last = end > start ? lines.line(ofByte: end - 1) : first
            for line in first...last { findingsByLine[line, default: []].append(index) }
            startLines.append(first)
        }
        // A final line break ends the last line; it does not start an empty one.
        let shownLines =
            lines.lineCount > 1 && lines.lineStarts[lines.lineCount - 1] == length ? lines.lineCount - 1 : lines.lineCount
        for line in 1...shownLines {
            page.open("div", ["class": "line", "id": "L\(number)-\(line)"])
            page.element("span", ["class": "ln", "aria-hidden": "true"], text: String(line))
            page.open("span", ["class": "tx"])
            let findings = findingsByLine[line] ?? []
            renderLine(line, findings: findings, starting: Set(findings.filter { startLines[$0] == line }), into: &page)
            page.close("span")
            page.close("div")
        }
    }

    /// `starting`: the findings whose first line this is (they get their anchor here).
    private func renderLine(_ line: Int, findings: [Int], starting: Set<Int>, into page: inout HTMLWriter) {
        let source = result.document.source
        let range = source.positions.lineRange(line)
        guard !findings.isEmpty else {
            page.text(source.string(range))
            return
        }
        func clamped(_ offset: Int) -> Int { min(max(offset, range.start), range.end) }
        var cuts = Set([range.start, range.end])
        for index in findings {
            cuts.insert(clamped(result.findings[index].range.start))
            cuts.insert(clamped(result.findings[index].range.end))
        }
        let boundaries = cuts.sorted()
        for (position, cut) in boundaries.enumerated() {
            // Anchors and point marks of the findings that start here.
            for index in findings where starting.contains(index) && clamped(result.findings[index].range.start) == cut {
                page.element("span", ["class": "anchor", "id": "m\(number)-\(index + 1)"], text: "")
                if result.findings[index].range.isEmpty { mark([index], text: "", point: true, into: &page) }
            }
            guard position + 1 < boundaries.count else { break }
            let piece = ByteRange(cut, boundaries[position + 1])
            let covering = findings.filter {
                let finding = result.findings[$0].range
                return finding.start <= piece.start && finding.end >= piece.end && !finding.isEmpty
            }
            let text = source.string(piece)
            if covering.isEmpty { page.text(text) } else { mark(covering, text: text, point: false, into: &page) }
        }
    }

    private func mark(_ indices: [Int], text: String, point: Bool, into page: inout HTMLWriter) {
        let findings = indices.map { result.findings[$0] }
        let severity = findings.map(\.severity).max() ?? .info
        let title = findings.map { "\($0.severity.chineseName) [\($0.ruleId)] \($0.message)" }.joined(separator: "\n")
        page.element(
            "mark",
            [
                "class": "hl \(severity.rawValue)" + (point ? " point" : ""),
                "data-findings": indices.map { "\(number)-\($0 + 1)" }.joined(separator: " "),
                "title": title,
            ], text: text)
    }
}
