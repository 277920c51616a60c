/// `--format text`, for a writer at a terminal:
///
///     报告.txt:14:1: 错误: 缺少“存在的问题”部分。… [report/problems]
///        14 | 下一步，我室将……
///           | ^
///
/// The caret is aligned by display width (Chinese characters are two columns); long lines are cut
/// to a window around the finding. A summary line ends the output. Severities are in Chinese (错误, 警告,
/// 提示), like the messages and the diagnostics on stderr; machine formats keep error/warning/info.
public struct TextReporter: StreamingReporter {
    public var color: Bool
    /// The widest source excerpt shown, in display columns.
    public var maxExcerptWidth = 100

    public init(color: Bool = false) {
        self.color = color
    }

    public func file(_ outcome: FileOutcome, index: Int) -> String {
        guard case .linted(let result) = outcome else { return "" } // read errors go to stderr
        var output = ""
        for finding in result.findings {
            output += header(finding, path: result.path) + "\n"
            output += excerpt(finding, source: result.document.source)
            if let suggestion = finding.suggestion.map({ TerminalText.escape($0) }) {
                let quoted = suggestion.hasPrefix("“") && suggestion.hasSuffix("”") ? suggestion : "“\(suggestion)”"
                let change = suggestion.isEmpty ? "删除" : "改为\(quoted)"
                output += finding.fixable ? "  = 可自动修正：\(change)（reportlint fix）\n" : "  = 建议：\(change)\n"
            }
            output += "\n"
        }
        return output
    }

    public func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String {
        TextReporter.summaryLine(summary) + "\n"
    }

    func header(_ finding: Finding, path: String) -> String {
        let severity = paint(finding.severity.chineseName, TextReporter.style(for: finding.severity))
        return
            "\(TerminalText.escape(path)):\(finding.start.line):\(finding.start.column): \(severity): \(TerminalText.escape(finding.message)) "
            + paint("[\(TerminalText.escape(finding.ruleId))]", "2")
    }

    /// The source line and a caret line under the finding's range (first line only, for multi-line ranges).
    func excerpt(_ finding: Finding, source: Source) -> String {
        let line = finding.start.line
        // The line as it is in the file (for Markdown, with its markup): finding columns refer to it.
        // Work on a window of the line only: a report may be one 5 MB line with thousands of findings.
        let lineScalars = source.displayScalars(line)
        let windowStart = max(lineScalars.startIndex, lineScalars.startIndex + finding.start.column - 1 - 60)
        let windowEnd = min(lineScalars.endIndex, lineScalars.startIndex + finding.start.column - 1 + 200)
        let lineStartsWindow = windowStart == lineScalars.startIndex
        let scalars = Array(lineScalars[windowStart..<max(windowStart, windowEnd)]).map {
            $0 == "\t" || $0 == "\u{2028}" ? " " : TerminalText.visible($0)
        }
        let offsetInWindow = windowStart - lineScalars.startIndex
        let start = min(finding.start.column - 1 - offsetInWindow, scalars.count)
        let end =
            finding.end.line == line ? max(start, min(finding.end.column - 1 - offsetInWindow, scalars.count)) : scalars.count

        // Choose a window: up to 40 columns of context before the finding, then as much as fits.
        var from = start
        var before = 0
        while from > 0, before + DisplayWidth.of(scalars[from - 1]) <= 40 {
            from -= 1
            before += DisplayWidth.of(scalars[from])
        }
        if lineStartsWindow && windowEnd == lineScalars.endIndex && DisplayWidth.of(scalars) <= maxExcerptWidth { from = 0 }
        var to = from
        var width = 0
        while to < scalars.count, width + DisplayWidth.of(scalars[to]) <= maxExcerptWidth {
            width += DisplayWidth.of(scalars[to])
            to += 1
        }
        let prefix = from > 0 || !lineStartsWindow ? "…" : ""
        let suffix = to < scalars.count || windowEnd < lineScalars.endIndex ? "…" : ""
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: scalars[from..<to])

        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let indent = prefix.count + DisplayWidth.of(scalars[from..<max(from, start)])
        let markWidth = max(1, DisplayWidth.of(scalars[min(start, to)..<min(max(end, start), to)]))
        let marks = "^" + String(repeating: "~", count: markWidth - 1)
        var excerpt =
            " \(gutter) | \(prefix)\(String(shown))\(suffix)\n"
            + " \(pad) | \(String(repeating: " ", count: indent))\(paint(marks, TextReporter.style(for: finding.severity)))\n"
        if source.format == .docx {
            // Word shows no line numbers: name the paragraph and how it begins, to find it with Ctrl+F.
            let opening =
                String(scalars: lineScalars.prefix(16).map(TerminalText.visible))
                + (lineScalars.count > 16 ? "……" : "")
            excerpt += "  = Word 中第 \(line) 段，开头是“\(opening)”\n"
        }
        return excerpt
    }

    public static func summaryLine(_ summary: LintRun.Summary) -> String {
        var line = "检查了 \(summary.files) 个文件"
        if summary.findings == 0 {
            line += "，未发现问题"
        } else {
            line += "：\(summary.errors) 个错误，\(summary.warnings) 个警告，\(summary.infos) 个提示"
        }
        if summary.unreadable > 0 { line += "；\(summary.unreadable) 个文件无法读取" }
        if summary.notReports > 0 { line += "；\(summary.notReports) 个文件不是报告，未检查" }
        if summary.waived > 0 { line += "；\(summary.waived) 个已豁免" }
        if summary.baselined > 0 { line += "；\(summary.baselined) 个已在基线中" }
        return line + "。"
    }

    static func style(for severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
