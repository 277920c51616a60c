/// `reportlint outline`: the tree the engine sees — title, numbered headings by level, 一是 items,
/// where each section rule found its section, and the closing lines. For writers and rule authors.
public struct OutlineRenderer {
    public let result: LintResult
    /// Section rules in load order, so the list reads in the packs' order.
    public let sectionRuleIds: [String]

    public init(result: LintResult, rules: CompiledRules) {
        self.result = result
        self.sectionRuleIds = rules.rules.filter { $0.header.kind == .section && $0.header.applies(to: result.document.type) }
            .map(\.header.id)
    }

    private var document: Document { result.document }

    // MARK: Text

    public func text() -> String {
        var lines = [result.path]
        let origin = ["title": "据标题", "guessed": "推断", "forced": "指定"][document.typeOrigin.rawValue] ?? ""
        lines.append("文种：" + (document.type.map { "\($0.chineseName)（\($0.rawValue)，\(origin)）" } ?? "未识别"))
        if let title = document.title { lines.append("标题：第 \(title.line) 行  \(document.text(title.range))") }
        lines.append("结构：")
        if document.headings.isEmpty && document.seriesItems.isEmpty { lines.append("  （没有编号标题）") }
        var itemsByHeading: [Int?: [SeriesItem]] = [:]
        for item in document.seriesItems { itemsByHeading[item.headingIndex, default: []].append(item) }
        for item in itemsByHeading[nil] ?? [] { lines.append(itemLine(item, depth: 0)) }
        for heading in document.headings {
            let depth = depth(of: heading)
            var notes = ["\(heading.level)级"]
            if heading.isRunIn { notes.append("段首标题") }
            if !heading.marker.form.isStandard { notes.append("非标准编号，应为“\(heading.marker.form.standard.rawValue)”式") }
            let label = lineLabel(heading.line)
            lines.append(
                "  \(label)\(indent(depth))\(document.text(heading.marker.range))\(document.text(heading.text))  [\(notes.joined(separator: "，"))]"
            )
            for item in itemsByHeading[heading.index] ?? [] { lines.append(itemLine(item, depth: depth + 1)) }
        }
        lines.append("部分：")
        let idWidth = sectionRuleIds.map(\.count).max() ?? 0
        for id in sectionRuleIds {
            let paddedId = id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let spans = result.sections[id] ?? []
            if spans.isEmpty {
                lines.append("  \(paddedId)  未找到")
            }
            for span in spans {
                lines.append(
                    "  \(paddedId)  \(lineLabel(span.line))\(sourceName(span.source))  \(clip(document.text(span.anchor), 30))")
            }
        }
        let closing = document.paragraphs.filter { [.closing, .signature, .date].contains($0.role) }
        if !closing.isEmpty {
            lines.append("结尾：" + closing.map { "第 \($0.line) 行 \(document.text($0.range))" }.joined(separator: "；"))
        }
        for note in result.notes { lines.append("注意：\(note)") }
        // Headings and titles come from the report: control characters are shown, not sent to the terminal.
        return lines.map { TerminalText.escape($0) }.joined(separator: "\n") + "\n"
    }

    private func itemLine(_ item: SeriesItem, depth: Int) -> String {
        let label = lineLabel(item.line)
        return "  \(label)\(indent(depth))\(document.text(item.marker))\(clip(document.text(item.text), 24))  [事项]"
    }

    /// `第 3 行` padded so that what follows lines up whatever the line number's width.
    private func lineLabel(_ line: Int) -> String {
        let label = "第 \(line) 行"
        return label + String(repeating: " ", count: max(2, 12 - DisplayWidth.of(label.unicodeScalars)))
    }

    private func depth(of heading: Heading) -> Int {
        var depth = 0
        var parent = heading.parent
        while let index = parent {
            depth += 1
            parent = document.headings[index].parent
        }
        return depth
    }

    private func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

    private func sourceName(_ source: SectionSpan.Source) -> String {
        switch source {
        case .heading: return "标题"
        case .seriesItem: return "事项"
        case .cue: return "提示语"
        case .opening: return "开头段"
        }
    }

    private func clip(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "……" : text
    }

    // MARK: JSON

    public func json() -> JSONValue {
        let source = document.source
        /// Position of `at` (where the element starts) and the text of `range`.
        func located(_ range: ByteRange, at start: Int? = nil) -> [(String, JSONValue)] {
            let position = source.position(ofByte: start ?? range.start)
            return [("line", .int(position.line)), ("column", .int(position.column)), ("text", .string(document.text(range)))]
        }
        func item(_ item: SeriesItem) -> JSONValue {
            .object(
                [("ordinal", .int(item.ordinal)), ("marker", .string(document.text(item.marker)))]
                    + located(item.text, at: item.marker.start))
        }
        func node(_ heading: Heading) -> JSONValue {
            let children = document.headings.filter { $0.parent == heading.index }
            let items = document.seriesItems.filter { $0.headingIndex == heading.index }
            return .object(
                [
                    ("level", .int(heading.level)),
                    ("numbering", .string(document.text(heading.marker.range))),
                    ("form", .string(heading.marker.form.rawValue)),
                    ("standard", .bool(heading.marker.form.isStandard)),
                    ("value", .int(heading.marker.value)),
                ] + located(heading.text, at: heading.marker.range.start) + [
                    ("runIn", .bool(heading.isRunIn)),
                    ("items", .array(items.map(item))),
                    ("children", .array(children.map(node))),
                ])
        }
        let sections: [JSONValue] = sectionRuleIds.map { id in
            .object([
                ("rule", .string(id)),
                (
                    "found",
                    .array(
                        (result.sections[id] ?? []).map { span in
                            .object([("source", .string(span.source.rawValue))] + located(span.anchor))
                        })
                ),
            ])
        }
        return .object([
            ("path", .string(result.path)),
            ("type", document.type.map { .string($0.rawValue) } ?? .null),
            ("typeSource", .string(document.typeOrigin.rawValue)),
            ("title", document.title.map { .object(located($0.range)) } ?? .null),
            ("headings", .array(document.headings.filter { $0.parent == nil }.map(node))),
            ("items", .array(document.seriesItems.filter { $0.headingIndex == nil }.map(item))),
            ("sections", .array(sections)),
            (
                "closing",
                .array(
                    document.paragraphs.filter { [.closing, .signature, .date].contains($0.role) }.map {
                        .object([("role", .string($0.role.rawValue))] + located($0.range))
                    })
            ),
            ("notes", .array(result.notes.map(JSONValue.string))),
        ])
    }
}
