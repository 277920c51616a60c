/// `kind: punctuation` — GB/T 15834 checks, one per rule through `check:`:
/// - `half-width`: , ; : ( ) ? ! in Chinese context (next to a Chinese character or mark);
/// - `repeated`: two marks of ，。、；： in a row (`，，` `。。` `，。`);
/// - `ellipsis`: `...`, `。。。`, a lone or tripled `…`, and `……等`;
/// - `dash`: `--` or a single `—` in text (a single — next to a number joins a range, and is allowed);
/// - `quote-enumeration`: a 顿号 between adjacent quoted items or titles (“四个意识”、“四个自信”).
struct PunctuationRuleDefinition: RuleDefinition {
    static let keys = ["check"]

    let check: PunctuationRule.Check

    static func parse(_ fields: MappingFields) -> PunctuationRuleDefinition? {
        guard let value = fields.string("check", required: true) else { return nil }
        guard let check = PunctuationRule.Check(rawValue: value.value) else {
            fields.reader.report(.wrongType(key: "check", expected: PunctuationRule.Check.allCases.map(\.rawValue)
                .joined(separator: "、") + " 之一"), at: value.location)
            return nil
        }
        return PunctuationRuleDefinition(check: check)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PunctuationRule(header: header, check: check)
    }
}

public struct PunctuationRule: Rule {
    public enum Check: String, Sendable, CaseIterable {
        case halfWidth = "half-width"
        case repeated
        case ellipsis
        case dash
        case quoteEnumeration = "quote-enumeration"
    }

    public let header: RuleHeader
    let check: Check
    private let filter: ScalarFilter
    public var fixable: Bool { true }

    init(header: RuleHeader, check: Check) {
        self.header = header
        self.check = check
        filter = switch check {
        case .halfWidth: ScalarFilter(",;:()?!")
        case .repeated: ScalarFilter("，。、；：")
        case .ellipsis: ScalarFilter(".。…")
        case .dash: ScalarFilter("-—")
        case .quoteEnumeration: ScalarFilter("、")
        }
    }

    /// The full-width form of a half-width mark. A switch, not a dictionary: this runs on every character.
    static func fullWidth(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case ",": return "，"
        case ";": return "；"
        case ":": return "："
        case "(": return "（"
        case ")": return "）"
        case "?": return "？"
        case "!": return "！"
        default: return nil
        }
    }

    static func isSentenceMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "。", "、", "；", "：": return true
        default: return false
        }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let source = document.source
        let (scalars, headings) = (source.scalars, document.headings)
        var findings: [Finding] = []
        // Every line, the title included: a half-width comma is as wrong there as in the body.
        for paragraph in document.paragraphs {
            var indices = paragraph.scalars
            // Heading numbering such as (一) or 1、 is the numbering rule's business.
            if let heading = paragraph.headingIndex.map({ headings[$0] }) {
                // The marker opens the paragraph and is a few characters: count them rather than search.
                var start = indices.lowerBound
                for byte in source.bytes[paragraph.range.start..<max(paragraph.range.start, heading.marker.range.end)]
                where byte & 0xC0 != 0x80 { start += 1 }
                indices = min(start, indices.upperBound)..<indices.upperBound
            }
            for (range, message, suggestion) in problems(in: indices, scalars: scalars) {
                findings.append(context.finding(header, at: source.byteRange(range),
                                                message: "\(header.message)：\(message)", suggestion: suggestion))
            }
        }
        return findings
    }

    typealias Problem = (range: Range<Int>, message: String, suggestion: String?)

    func problems(in indices: Range<Int>, scalars: [Unicode.Scalar]) -> [Problem] {
        var result: [Problem] = []
        var index = filter.next(from: indices.lowerBound, to: indices.upperBound, in: scalars)
        func run(of scalar: Unicode.Scalar, from start: Int) -> Int {
            var end = start
            while end < indices.upperBound, scalars[end] == scalar { end += 1 }
            return end
        }
        func at(_ position: Int) -> Unicode.Scalar? { indices.contains(position) ? scalars[position] : nil }
        while index < indices.upperBound {
            let scalar = scalars[index]
            var next = index + 1
            switch check {
            case .halfWidth:
                if scalar.value < 0x80, let replacement = PunctuationRule.fullWidth(scalar), isChineseContext(index, indices, scalars) {
                    result.append((index..<next, "半角“\(scalar)”应为全角“\(replacement)”", replacement))
                }
            case .repeated:
                if PunctuationRule.isSentenceMark(scalar) {
                    while next < indices.upperBound, PunctuationRule.isSentenceMark(scalars[next]) { next += 1 }
                    // Most marks stand alone: only a run of two or more is looked at (and spelled out).
                    if next - index >= 2 {
                        let text = String(String.UnicodeScalarView(scalars[index..<next]))
                        let isEllipsis = next - index >= 3 && text.unicodeScalars.allSatisfy { $0 == "。" }
                        if !isEllipsis { result.append((index..<next, "标点“\(text)”重复", PunctuationRule.strongest(in: text))) }
                    }
                }
            case .ellipsis:
                if scalar == "." || scalar == "。" {
                    next = run(of: scalar, from: index)
                    if next - index >= 3 { result.append((index..<next, "省略号应为“……”", "……")) }
                } else if scalar == "…" {
                    next = run(of: scalar, from: index)
                    if next - index != 2 {
                        result.append((index..<next, "省略号应为两个“…”（“……”）", "……"))
                    } else if at(next) == "等" {
                        result.append((index..<(next + 1), "省略号后不加“等”", "……"))
                        next += 1
                    }
                }
            case .dash:
                if scalar == "-" {
                    next = run(of: "-", from: index)
                    if next - index >= 2 { result.append((index..<next, "破折号应为“——”", "——")) }
                } else if scalar == "—" {
                    next = run(of: "—", from: index)
                    // A single — next to a number joins a range (2023—2025年, 2022年—2024年).
                    let range = at(index - 1).map(CharacterClass.isDigit) == true || at(next).map(CharacterClass.isDigit) == true
                    if next - index == 1 && !range && !joinsShortTerms(index, indices, scalars) || next - index >= 3 {
                        result.append((index..<next, "破折号应为“——”", "——"))
                    }
                }
            case .quoteEnumeration:
                if scalar == "、", let before = at(index - 1), let after = at(index + 1),
                   (before == "”" && after == "“") || (before == "》" && after == "《") {
                    result.append((index..<next, "相邻的引号或书名号之间不用顿号", ""))
                }
            }
            index = filter.next(from: next, to: indices.upperBound, in: scalars)
        }
        return result
    }

    /// Of repeated marks, the one to keep: the strongest stop (，。 → 。, ，， → ，).
    static func strongest(in marks: String) -> String {
        let order: [Unicode.Scalar] = ["。", "；", "：", "，", "、"]
        return order.first { marks.unicodeScalars.contains($0) }.map { String($0) } ?? String(marks.prefix(1))
    }

    /// A single — between two short terms is a 连接号 joining stages, places or items (GB/T 15834-2011
    /// 4.13: “发现问题—整改”, 北京—上海, 人—机—环境), not a 破折号 written short: at most four Han characters
    /// on each side up to the nearest mark, quote or line edge.
    private func joinsShortTerms(_ index: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        func termLength(from start: Int, step: Int) -> Int {
            var length = 0
            var position = start
            while position >= indices.lowerBound, position < indices.upperBound, CharacterClass.isHan(scalars[position]) {
                length += 1
                if length > 4 { return length }
                position += step
            }
            return length
        }
        let left = termLength(from: index - 1, step: -1)
        let right = termLength(from: index + 1, step: 1)
        return (1...4).contains(left) && (1...4).contains(right)
    }

    /// A half-width mark is wrong when the nearest non-space character on either side is Chinese.
    private func isChineseContext(_ index: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        var before = index - 1
        while before >= indices.lowerBound, scalars[before] == " " { before -= 1 }
        var after = index + 1
        while after < indices.upperBound, scalars[after] == " " { after += 1 }
        let left = before >= indices.lowerBound ? scalars[before] : nil
        let right = after < indices.upperBound ? scalars[after] : nil
        // Digits on both sides: 1,000 or 8:30 is a number, whatever surrounds it.
        if let left, let right, CharacterClass.isDigit(left), CharacterClass.isDigit(right) { return false }
        return left.map(CharacterClass.isChinese) == true || right.map(CharacterClass.isHan) == true
    }
}
