/// `kind: numbering` — headings follow GB/T 9704 §7.3.3:
/// - the standard form of each level (一、 （一） 1. （1） ①), not `一.` `（一）、` `(一)` `1、` `①、` …;
/// - siblings start at one and run on with no gap or repeat; under a new parent they restart — or,
///   in the plan style, run on across parents (1–19 across all 一、 blocks): either style is fine,
///   a mix of the two at one level is not;
/// - a heading alone on its line at the levels in `closingPunctuationLevels` (default 1) takes no
///   closing punctuation; at the levels in `closingPunctuationNoteLevels` (default 2) the same is only a
///   note (info): unit style guides agree on level 1 (一级标题后若回行不使用标点), but many real reports
///   write each （一） as a full sentence with 。, and reviewers differ (a document whose every such heading,
///   two or more, ends with its mark has chosen its style: no note). One-sentence items at levels
///   3–5 may end with 。, and so may a line of clauses with nothing under it (二、开展……工作，指导……。
///   then 三、): an item of a list, not a heading over a block.
/// Skipping a level (一、 straight to 1.) is normal and not reported.
struct NumberingRuleDefinition: RuleDefinition {
    static let keys = ["closingPunctuationLevels", "closingPunctuationNoteLevels"]

    let closingLevels: Set<Int>
    let noteLevels: Set<Int>

    static func parse(_ fields: MappingFields) -> NumberingRuleDefinition? {
        NumberingRuleDefinition(
            closingLevels: levels("closingPunctuationLevels", fields) ?? [1],
            noteLevels: levels("closingPunctuationNoteLevels", fields) ?? [2])
    }

    private static func levels(_ key: String, _ fields: MappingFields) -> Set<Int>? {
        guard let values = fields.strings(key) else { return nil }
        var levels = Set<Int>()
        for value in values {
            guard let level = Int(value.value), (1...5).contains(level) else {
                fields.reader.report(.wrongType(key: key, expected: "1 到 5 的整数列表"), at: value.location)
                continue
            }
            levels.insert(level)
        }
        return levels
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        NumberingRule(header: header, closingLevels: closingLevels, noteLevels: noteLevels.subtracting(closingLevels))
    }
}

public struct NumberingRule: Rule {
    public let header: RuleHeader
    let closingLevels: Set<Int>
    let noteLevels: Set<Int>

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        func standsAlone(_ heading: Heading) -> Bool {
            !heading.isRunIn && !isListItem(heading, document) && !holdsBody(heading, document)
                && !lastOfRunInItems(heading, document)
        }
        // Levels whose every standalone heading ends with a mark: the document's own style, which a hint level
        // leaves alone (各单位做法不一); one such heading is all an excerpt may show of it.
        var styled: Set<Int> = []
        for level in noteLevels {
            let alone = document.headings.filter { !$0.marker.isImplicit && $0.level == level && standsAlone($0) }
            if !alone.isEmpty && alone.allSatisfy({ $0.terminator != nil }) { styled.insert(level) }
        }
        for heading in document.headings where !heading.marker.isImplicit {
            let form = heading.marker.form
            let written = document.text(heading.marker.range)
            if !form.isStandard {
                let standard = form.standard.render(heading.marker.value)
                if heading.parent == nil && heading.level > 1 {
                    // The outermost heading of its document (1、 总体情况 under the title): the form's own level
                    // is a guess, so no fix is proposed.
                    let first = NumberingForm.chineseComma.render(heading.marker.value)
                    findings.append(
                        context.finding(
                            header, at: heading.marker.range,
                            message: "\(header.message)：“\(written)”应写作“\(standard)”；若是一级标题，应写作“\(first)”"))
                } else {
                    findings.append(
                        context.finding(
                            header, at: heading.marker.range,
                            message: "\(header.message)：第\(heading.level)级标题编号“\(written)”应写作“\(standard)”", suggestion: standard)
                    )
                }
            }
            // 一、2020年工作目标完成情况： over its paragraph: the colon ending a level-1 heading's line is a mark
            // the heading does not take, as its 。 is (a clause that introduces what follows, ……如下：, is left alone).
            let colon = closingLevels.contains(heading.level) ? endingColon(heading, document) : nil
            if let terminator = heading.terminator ?? colon, standsAlone(heading) {
                if closingLevels.contains(heading.level) {
                    findings.append(
                        context.finding(
                            header, at: terminator,
                            message: "\(header.message)：单独成行的标题末尾不加标点", suggestion: ""))
                } else if noteLevels.contains(heading.level) && !styled.contains(heading.level) {
                    findings.append(
                        context.finding(
                            header, at: terminator,
                            message: "\(header.message)：单独成行的第\(heading.level)级标题末尾一般不加标点（各单位做法不一，仅作提示）",
                            suggestion: "", severity: .info))
                }
            }
        }
        findings += sequenceFindings(context)
        return findings.sorted { $0.range < $1.range }
    }

    /// The colon ending a heading's line, unless the heading is a clause (a ，) or says what follows (如下：).
    private func endingColon(_ heading: Heading, _ document: Document) -> ByteRange? {
        let text = document.text(heading.text)
        guard text.hasSuffix("：") && !text.hasSuffix("如下：") && !text.unicodeScalars.contains("，") else { return nil }
        return ByteRange(heading.text.end - 3, heading.text.end)
    }

    /// A heading sentence far longer than headings are: a web copy that lost the line break after the heading
    /// (一、加强思想政治教育一年来，我支部……教育。), whose 。 ends the body, not the heading.
    private func holdsBody(_ heading: Heading, _ document: Document) -> Bool {
        UTF8Scalars.count(document.source.bytes, from: heading.text.start, to: heading.text.end) > NumberingRule.longestHeading
    }

    /// Level-1 and level-2 headings of real reports stay well under this many characters.
    static let longestHeading = 60

    /// A numbered line of clauses (its words hold a ，) with nothing under it: the next paragraph is a heading
    /// of its level or above. Such a line is an item of a list and ends with its 。. (The last heading of a
    /// text is not judged so: an excerpt cut after a heading has lost what stood under it.) The last item of
    /// such a list, prose after it, is one too (六、2017年10月，完成了……。七、2017年11月，……。 then a paragraph).
    private func isListItem(_ heading: Heading, _ document: Document) -> Bool {
        guard document.text(heading.text).unicodeScalars.contains("，") else { return false }
        if itemWithNothingUnder(heading, document) { return true }
        guard heading.index > 0 else { return false }
        let previous = document.headings[heading.index - 1]
        return previous.level == heading.level && previous.parent == heading.parent
            && document.text(previous.text).unicodeScalars.contains("，") && itemWithNothingUnder(previous, document)
    }

    /// 一、……。二、……。三、……。 each run into its text, then 四、市物价局正在开展专项检查，重点打击乱收费问题。 ending
    /// the text: a clause (its words hold a ，) after at least two siblings that are all paragraphs is an item
    /// like them, not a heading standing alone.
    private func lastOfRunInItems(_ heading: Heading, _ document: Document) -> Bool {
        let headings = document.headings
        guard heading.terminator != nil, document.text(heading.text).unicodeScalars.contains("，"),
            !headings[(heading.index + 1)...].contains(where: { $0.level <= heading.level })
        else { return false }
        // Its earlier siblings stand between it and its parent (or the start).
        var siblings = 0
        for earlier in headings[..<heading.index].reversed() {
            if earlier.level < heading.level { break }
            guard earlier.level == heading.level else { continue }
            guard earlier.isRunIn || holdsBody(earlier, document) || isListItem(earlier, document) else { return false }
            siblings += 1
        }
        return siblings >= 2
    }

    private func itemWithNothingUnder(_ heading: Heading, _ document: Document) -> Bool {
        let paragraphs = document.paragraphs
        let next = heading.paragraphIndex + 1
        guard next < paragraphs.count, paragraphs[next].range.start < document.bodyEnd,
            let index = paragraphs[next].headingIndex
        else { return false }
        return document.headings[index].level <= heading.level
    }

    /// Siblings are headings of one level under one parent. Each level keeps the last value of its
    /// previous sibling group, to tell a restart (1) from a run-on (last + 1).
    /// Whether the first heading of this level stands inside its parent's line (一、……优势（一）严密……: the page
    /// lost a line break), so the level did start at one.
    private func gluedToParent(_ heading: Heading, _ document: Document) -> Bool {
        guard heading.marker.value == 2, let parent = heading.parent,
            let paragraph = document.paragraph(containing: document.headings[parent].marker.range.end)
        else { return false }
        let rest = document.text(ByteRange(document.headings[parent].marker.range.end, paragraph.range.end))
        return ByteSearch.contains(rest, heading.marker.form.render(1))
    }

    private func sequenceFindings(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var groups: [[Heading]] = []
        var groupOf: [String: Int] = [:]
        for heading in document.headings where !heading.marker.isImplicit {
            let key = "\(heading.parent ?? -1)/\(heading.level)"
            if let index = groupOf[key], !repeatsOutline(heading, groups[index], document),
                !restartsUnderPlainHeading(heading, groups[index], document)
            {
                groups[index].append(heading)
            } else {
                groupOf[key] = groups.count
                groups.append([heading])
            }
        }
        var findings: [Finding] = []
        for index in groups.indices {
            while let nested = nestedRun(in: groups[index]) {
                let parent = groups[index][nested.lowerBound - 1]
                findings.append(
                    finding(
                        context, groups[index][nested.lowerBound],
                        "“\(text(parent, document))\(document.text(parent.text))”下的各项又从“\(text(groups[index][nested.lowerBound], document))”编起，与它同一级，应改用下一级编号"
                    ))
                groups.append(Array(groups[index][nested]))
                groups[index].removeSubrange(nested)
            }
        }
        var lastValue: [Int: Int] = [:] // level → last value of the previous group
        var styles: [Int: (restart: Heading?, runOn: Heading?)] = [:]
        for group in groups.sorted(by: { $0[0].extent.start < $1[0].extent.start }) {
            let level = group[0].level
            let first = group[0].marker.value
            var style = styles[level] ?? (nil, nil)
            if let previous = lastValue[level], first == previous + 1, first != 1 {
                style.runOn = style.runOn ?? group[0]
            } else {
                if first != 1 && !gluedToParent(group[0], document) {
                    findings.append(
                        finding(context, group[0], "应从“\(group[0].marker.form.render(1))”开始，这里是“\(text(group[0], document))”"))
                }
                if lastValue[level] != nil { style.restart = style.restart ?? group[0] }
            }
            styles[level] = style
            // Neighbours written in two forms (1、 then 1.) are two series or a slip of form, which the
            // form finding reports; their numbers are not compared.
            for (previous, heading) in zip(group, group.dropFirst()) where previous.marker.form == heading.marker.form {
                let expected = previous.marker.value + 1
                let value = heading.marker.value
                if value == previous.marker.value {
                    findings.append(finding(context, heading, "编号“\(text(heading, document))”重复"))
                } else if value != expected {
                    findings.append(
                        finding(
                            context, heading,
                            "“\(text(previous, document))”之后应为“\(heading.marker.form.render(expected))”，这里是“\(text(heading, document))”"
                        ))
                }
            }
            lastValue[level] = group.last!.marker.value
        }
        for (_, style) in styles {
            if let restart = style.restart, let runOn = style.runOn {
                let later = restart.extent.start > runOn.extent.start ? restart : runOn
                findings.append(finding(context, later, "同一级编号既有按上级重新起编、又有跨上级连续编号，应统一"))
            }
        }
        return findings
    }

    /// Items under a heading numbered in the heading's own form (一、主要工作 then 一、加强学习 二、…… and back to
    /// 二、存在的问题): the run from the second 一、 up to the heading that goes on from the first is a list one
    /// level down, written a level too high. Its range in `group`, or nil.
    private func nestedRun(in group: [Heading]) -> Range<Int>? {
        for start in group.indices.dropFirst() {
            let parent = group[start - 1]
            let first = group[start]
            guard first.marker.value == 1, first.index == parent.index + 1, !parent.isRunIn,
                first.marker.form == parent.marker.form
            else { continue }
            var end = start + 1
            while end < group.count, group[end].marker.value == group[end - 1].marker.value + 1 { end += 1 }
            if end < group.count, group[end].marker.value == parent.marker.value + 1, end - start >= 2 { return start..<end }
        }
        return nil
    }

    /// 存在的问题与挑战 on a line of its own, unnumbered and unpunctuated, then 1. again: a heading the writer left
    /// without a number, under which the items start over; not a number gone wrong.
    private func restartsUnderPlainHeading(_ heading: Heading, _ group: [Heading], _ document: Document) -> Bool {
        guard heading.marker.value == 1, let last = group.last, last.paragraphIndex + 1 < heading.paragraphIndex else {
            return false
        }
        return document.paragraphs[(last.paragraphIndex + 1)..<heading.paragraphIndex].contains { paragraph in
            guard paragraph.headingIndex == nil else { return false }
            let text = document.text(paragraph.range).trimmingCharacters(in: .whitespaces)
            guard let end = text.unicodeScalars.last, text.unicodeScalars.count <= 25 else { return false }
            return !"。；：，！？.;:,!?…".unicodeScalars.contains(end)
        }
    }

    /// A report copied with its outline (目录) first: headings alone, one per line, then the body starting
    /// again at 一、 with the first heading's words. The body's 一、 begins a new series, not a wrong number.
    private func repeatsOutline(_ heading: Heading, _ group: [Heading], _ document: Document) -> Bool {
        guard heading.marker.value == 1, group.count > 1, group[0].marker.value == 1,
            document.text(group[0].text) == document.text(heading.text)
        else { return false }
        let paragraphs = document.paragraphs[group[0].paragraphIndex...group.last!.paragraphIndex]
        return paragraphs.allSatisfy { $0.headingIndex != nil }
    }

    private func text(_ heading: Heading, _ document: Document) -> String {
        document.text(heading.marker.range)
    }

    private func finding(_ context: RuleContext, _ heading: Heading, _ detail: String) -> Finding {
        context.finding(header, at: heading.marker.range, message: "\(header.message)：\(detail)")
    }
}
