/// `kind: punctuation` — GB/T 15834 checks, one per rule through `check:`:
/// - `half-width`: , ; : ( ) ? ! in Chinese context (next to a Chinese character or mark);
/// - `repeated`: two marks of ，。、；： in a row (`，，` `。。` `，。`);
/// - `ellipsis`: `...`, `。。。`, a lone or tripled `…`, and `……等`;
/// - `dash`: `--` or a single `—` in text (a single — next to a number joins a range, and is allowed);
/// - `quote-enumeration`: a 顿号 between adjacent quoted items or titles (“四个意识”、“四个自信”);
/// - `ascii-quote`: ASCII "…" or '…' used as quotation marks in Chinese text (fixed to “…”, or ‘…’ inside “…”);
/// - `quote-direction`: quotation marks the wrong way round (”十五五“, fixed), double quotes inside double
///   quotes (the inner ones are ‘’), and single quotes used as the outer ones (‘枫桥经验’ → “枫桥经验”, fixed);
/// - `quote-stop`: a 句号 both inside and after a closing quote (`。”。`), or inside a quote that the sentence
///   goes on after (`。”，`): the one that does not belong is removed;
/// - `series-separator`: the items of an 一是、二是 series joined by a comma (`……不够强，二是……` → ；), and a
///   list whose items are separated now by ；, now by 。 (the minority mark is reported; a 。 among ；
///   is fixed when no item holds a 。 of its own);
/// - `interpunct`: a bullet • or katakana dot ・ between Han characters or figures (“12・4”) where the 间隔号 · belongs;
/// - `salutation`: 各位代表 (各位委员, 同志们) alone on its line without its colon (fixed);
/// - `colon`: a second colon in one sentence (GB/T 15834 4.7.3.4: a colon is not nested in another's
///   scope); a short lead label (`（一）学习情况：`) and times (8：30) do not count.
struct PunctuationRuleDefinition: RuleDefinition {
    static let keys = ["check"]

    let check: PunctuationRule.Check

    static func parse(_ fields: MappingFields) -> PunctuationRuleDefinition? {
        guard let value = fields.string("check", required: true) else { return nil }
        guard let check = PunctuationRule.Check(rawValue: value.value) else {
            fields.reader.report(
                .wrongType(
                    key: "check",
                    expected: PunctuationRule.Check.allCases.map(\.rawValue)
                        .joined(separator: "、") + " 之一"), at: value.location)
            return nil
        }
        return PunctuationRuleDefinition(check: check)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PunctuationRule(header: header, check: check, literals: PunctuationRule.literalWords(check).map(literals.add))
    }
}

public struct PunctuationRule: Rule {
    public enum Check: String, Sendable, CaseIterable {
        case halfWidth = "half-width"
        case repeated
        case ellipsis
        case dash
        case quoteEnumeration = "quote-enumeration"
        case asciiQuote = "ascii-quote"
        case quoteDirection = "quote-direction"
        case quoteStop = "quote-stop"
        case seriesSeparator = "series-separator"
        case colon
        case interpunct
        case salutation
    }

    /// The marks or words the newer checks start from: found by the one literal scan of the report, so a
    /// check costs nothing on a report without them and never walks every character.
    static func literalWords(_ check: Check) -> [String] {
        switch check {
        case .asciiQuote: return ["\"", "'"]
        case .quoteDirection: return ["“", "”", "‘", "’", "<"]
        case .quoteStop: return ["。”。", "？”。", "！”。", "。”，", "。”；", "。”、", "。”："]
        case .colon: return ["："]
        case .interpunct: return ["•", "・", "∙"]
        case .salutation: return ["各位代表", "各位委员", "各位领导", "同志们"]
        case .halfWidth, .repeated, .ellipsis, .dash, .quoteEnumeration, .seriesSeparator: return []
        }
    }

    public let header: RuleHeader
    let check: Check
    let literals: [Int]
    private let filter: ScalarFilter
    public var fixable: Bool { true }

    init(header: RuleHeader, check: Check, literals: [Int] = []) {
        self.header = header
        self.check = check
        self.literals = literals
        filter =
            switch check {
            case .halfWidth: ScalarFilter(",;:()?!")
            case .repeated: ScalarFilter("，。、；：")
            case .ellipsis: ScalarFilter(".。…")
            case .dash: ScalarFilter("-—")
            case .quoteEnumeration: ScalarFilter("、")
            case .asciiQuote, .quoteDirection, .quoteStop, .seriesSeparator, .colon, .interpunct, .salutation: ScalarFilter("")
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
        if check == .seriesSeparator { return seriesSeparators(context) }
        if !literals.isEmpty { return literalChecks(context) }
        // Every line, the title included: a half-width comma is as wrong there as in the body.
        for paragraph in document.paragraphs {
            var indices = paragraph.scalars
            // Heading numbering such as (一) or 1、 is the numbering rule's business.
            if let heading = paragraph.headingIndex.map({ headings[$0] }) {
                // The marker opens the paragraph and is a few characters: count them rather than search.
                var start = indices.lowerBound
                for byte in source.bytes[paragraph.range.start..<max(paragraph.range.start, heading.marker.range.end)]
                where byte & 0xC0 != 0x80 { start += 1 }
                // 一、、主要工作: the marker's 顿号 typed twice is a repeated mark all the same.
                if check == .repeated, start > indices.lowerBound, start < indices.upperBound,
                    PunctuationRule.isSentenceMark(scalars[start - 1]), PunctuationRule.isSentenceMark(scalars[start])
                {
                    start -= 1
                }
                indices = min(start, indices.upperBound)..<indices.upperBound
            }
            for (range, message, suggestion) in problems(in: indices, scalars: scalars) {
                findings.append(
                    context.finding(
                        header, at: source.byteRange(range),
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
        /// The run `start..<end` stands alone between a pair of brackets: 投资〔…〕万元, 〔...〕乡, a blank to fill
        /// in or a name taken out, which common/placeholder reports.
        func isBlank(_ start: Int, _ end: Int) -> Bool {
            at(end) != nil && at(start - 1).flatMap { PunctuationRule.blankBrackets[$0] } == at(end)
        }
        while index < indices.upperBound {
            let scalar = scalars[index]
            var next = index + 1
            switch check {
            case .halfWidth:
                if scalar.value < 0x80, let replacement = PunctuationRule.fullWidth(scalar),
                    isChineseContext(index, indices, scalars), !closesEntity(index, indices, scalars)
                {
                    result.append((index..<next, "半角“\(scalar)”应为全角“\(replacement)”", replacement))
                }
            case .repeated:
                if PunctuationRule.isSentenceMark(scalar) {
                    while next < indices.upperBound, PunctuationRule.isSentenceMark(scalars[next]) { next += 1 }
                    // Most marks stand alone: only a run of two or more is looked at (and spelled out).
                    if next - index >= 2 {
                        let text = String(scalars: scalars[index..<next])
                        let isEllipsis = next - index >= 3 && text.unicodeScalars.allSatisfy { $0 == "。" }
                        if !isEllipsis { result.append((index..<next, "标点“\(text)”重复", PunctuationRule.strongest(in: text))) }
                    }
                }
            case .ellipsis:
                if scalar == "." || scalar == "。" {
                    next = run(of: scalar, from: index)
                    if next - index >= 3 && !isBlank(index, next) { result.append((index..<next, "省略号应为“……”", "……")) }
                } else if scalar == "…" {
                    next = run(of: scalar, from: index)
                    if next - index != 2 && !isBlank(index, next) {
                        result.append((index..<next, "省略号应为两个“…”（“……”）", "……"))
                    } else if at(next) == "等" {
                        result.append((index..<(next + 1), "省略号后不加“等”", "……"))
                        next += 1
                    }
                }
            case .dash:
                if scalar == "-" {
                    next = run(of: "-", from: index)
                    // 300--499万元: a range between numbers, not a dash (standards/number-range tells its form).
                    let betweenNumbers =
                        at(index - 1).map(CharacterClass.isDigit) == true && at(next).map(CharacterClass.isDigit) == true
                    if next - index >= 2 && !betweenNumbers && !standsForAPlace(next, indices, scalars) {
                        result.append((index..<next, "破折号应为“——”", "——"))
                    }
                } else if scalar == "—" {
                    next = run(of: "—", from: index)
                    // A single — next to a number joins a range (2023—2025年, 2022年—2024年).
                    let range = at(index - 1).map(CharacterClass.isDigit) == true || at(next).map(CharacterClass.isDigit) == true
                    if next - index == 1 && index == indices.lowerBound && at(next) == "、" {
                        // —、总体情况 at a line's start: the numeral 一 typed as a dash, not a dash.
                        result.append((index..<next, "序号“一”误打成了“—”", "一"))
                    } else if next - index == 1, PunctuationRule.standsForYi(before: at(index - 1), after: at(next)) {
                        // 进—步: the character 一 typed as a dash; a dash would make it worse.
                        result.append((index..<next, "“—”应为汉字“一”", "一"))
                    } else if next - index == 1 && !range && !joinsShortTerms(index, indices, scalars)
                        && !linksChain(index, indices, scalars) && !namesARoute(index, indices, scalars)
                        || next - index >= 3
                    {
                        result.append((index..<next, "破折号应为“——”", "——"))
                    }
                }
            case .quoteEnumeration:
                if scalar == "、", let before = at(index - 1), let after = at(index + 1),
                    (before == "”" && after == "“") || (before == "》" && after == "《"),
                    !nextItemRunsOn(comma: index, indices, scalars)
                {
                    result.append((index..<next, "相邻的引号或书名号之间不用顿号", ""))
                }
            case .asciiQuote, .quoteDirection, .quoteStop, .seriesSeparator, .colon, .interpunct, .salutation:
                break
            }
            index = filter.next(from: next, to: indices.upperBound, in: scalars)
        }
        return result
    }

    /// “三会一课制度”、“两学一做”学习制度: the words after the next item's closing mark repeat the last two
    /// characters of the item before (制度), so they belong to the next item alone and the 顿号 separates two
    /// unlike items (GB/T 15834-2011 4.5.3.5: 宜用顿号); so do words of its own before another 顿号. “走出去”、
    /// “请进来”力度 shares its head word: the 顿号 goes.
    private func nextItemRunsOn(comma: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        let close = scalars[comma - 1]
        let open: Unicode.Scalar = close == "”" ? "“" : "《"
        var start = comma - 2
        while start > indices.lowerBound, scalars[start] != open, comma - start <= 60 { start -= 1 }
        guard scalars[start] == open, comma - 1 - (start + 1) >= 2 else { return false }
        let tail = (scalars[comma - 3], scalars[comma - 2])
        var position = comma + 2
        while position < indices.upperBound, scalars[position] != close, position - comma <= 60 { position += 1 }
        guard position < indices.upperBound, scalars[position] == close else { return false }
        var after: [Unicode.Scalar] = []
        position += 1
        while position < indices.upperBound, after.count < 8, CharacterClass.isHan(scalars[position]) {
            after.append(scalars[position])
            position += 1
        }
        guard after.count >= 2 else { return false }
        // 民营经济“大走访、大调研、解难题”、“五进”宗教活动场所、……: words of its own, then the list goes on with
        // a 顿号: each quotation is inside a longer item of a longer list.
        if after.count < 8, position < indices.upperBound, scalars[position] == "、", !after.contains("等") { return true }
        return (1..<after.count).contains { after[$0 - 1] == tail.0 && after[$0] == tail.1 }
    }

    /// Whether 一 in place of a single — between these characters makes a common word (进—步, 统—, —致).
    static func standsForYi(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard let before, let after, CharacterClass.isHan(before), CharacterClass.isHan(after) else { return false }
        if before == "进" && after == "步" { return true }
        return "统唯逐同专".unicodeScalars.contains(before) || "致般些直".unicodeScalars.contains(after)
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

    /// `南环—**高速连接线`, 北京—上海高速公路: a single — joining the two ends in a route's name, a 连接号
    /// (GB/T 15834-2011 4.13) however long the names: the words after it, Han or redacted, name a route.
    private func namesARoute(_ index: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        var words = ""
        var position = index + 1
        while position < indices.upperBound, words.unicodeScalars.count < 16,
            CharacterClass.isHan(scalars[position]) || "Xx*＊×".unicodeScalars.contains(scalars[position])
        {
            words.unicodeScalars.append(scalars[position])
            position += 1
        }
        return PunctuationRule.routeWords.contains { words.contains($0) }
    }

    static let routeWords = ["连接线", "公路", "铁路", "高速", "快速路", "通道", "专线", "航线", "干线", "输电线路", "管线"]

    /// Brackets that hold only an ellipsis in a template's blanks (〔…〕).
    static let blankBrackets: [Unicode.Scalar: Unicode.Scalar] = ["〔": "〕", "（": "）", "[": "]", "［": "］", "【": "】"]

    /// `社区党委—网格（小区）党支部—楼栋党小组`: one link of a chain of single — between terms (a level, a
    /// flow), a connector (GB/T 15834-2011 4.13) however long the terms: another single — lies within a
    /// term's reach, with only Han characters and brackets between.
    private func linksChain(_ index: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        func isSingleDash(_ position: Int) -> Bool {
            scalars[position] == "—" && (position == indices.lowerBound || scalars[position - 1] != "—")
                && (position + 1 == indices.upperBound || scalars[position + 1] != "—")
        }
        func findsLink(step: Int) -> Bool {
            var position = index + step
            var length = 0
            while position >= indices.lowerBound, position < indices.upperBound, length <= 16 {
                let scalar = scalars[position]
                if scalar == "—" { return length > 0 && isSingleDash(position) }
                // Han, brackets, and the letters and stars of a redacted copy (社区X委—网格X支部).
                guard CharacterClass.isHan(scalar) || "（）Xx*＊×".unicodeScalars.contains(scalar) else { return false }
                length += 1
                position += step
            }
            return false
        }
        return findsLink(step: -1) || findsLink(step: 1)
    }

    /// `X8226;`, `&#8226;`: the `;` ending a character reference a web copy left (common/placeholder reports the
    /// remnant), not a semicolon to widen.
    private func closesEntity(_ index: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[index] == ";" else { return false }
        var start = index
        while start > indices.lowerBound, CharacterClass.isDigit(scalars[start - 1]), index - start < 6 { start -= 1 }
        guard index - start >= 3, start > indices.lowerBound else { return false }
        return "Xx#".unicodeScalars.contains(scalars[start - 1])
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

// MARK: - Quotation marks, series separators and colons

extension PunctuationRule {
    // MARK: the checks that start from literal hits

    private func literalChecks(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let source = document.source
        let hits = PunctuationRule.merge(literals.map { context.hits($0) })
        guard !hits.isEmpty else { return [] }
        let bytes = source.bytes
        let scalars = source.scalars
        var problems: [Problem] = []
        switch check {
        case .quoteStop:
            for hit in hits {
                let index = source.scalarIndex(ofByte: hit.start)
                let inside = scalars[index]
                let after = scalars[index + 2]
                if after == "。" {
                    problems.append(((index + 2)..<(index + 3), "引号内已有“\(inside)”，引号后不再加句号", ""))
                } else {
                    problems.append((index..<(index + 1), "句子在引号后还没有结束，引号内不用句号", ""))
                }
            }
        case .salutation:
            for hit in hits {
                guard let paragraph = document.paragraph(containing: hit.start), paragraph.range == hit else { continue }
                let last = source.scalarIndices(hit).upperBound - 1
                problems.append((last..<(last + 1), "“\(source.string(hit))”后面加冒号", String(scalars[last]) + "："))
            }
        default:
            // The hits of each paragraph, as scalar indices: paragraphs and hits are walked together.
            let paragraphs = document.paragraphs
            var next = 0
            var start = 0
            while start < hits.count {
                while next < paragraphs.count, paragraphs[next].range.end <= hits[start].start { next += 1 }
                guard next < paragraphs.count else { break }
                let paragraph = paragraphs[next]
                var end = start
                while end < hits.count, hits[end].start < paragraph.range.end { end += 1 }
                defer { start = max(end, start + 1) }
                guard hits[start].start >= paragraph.range.start else { continue }
                // Most paragraphs quote in plain pairs, “…”“…”: nothing to look at closely.
                if check == .quoteDirection, PunctuationRule.plainPairs(hits[start..<end], bytes) { continue }
                let marks = hits[start..<end].map { source.scalarIndex(ofByte: $0.start) }
                let indices = paragraph.scalars
                switch check {
                case .asciiQuote: problems += asciiQuotes(marks, in: indices, scalars: scalars)
                case .quoteDirection: problems += quoteDirections(marks, in: indices, scalars: scalars)
                case .colon where marks.count >= 2: problems += colons(in: indices, scalars: scalars)
                case .interpunct:
                    // 钱塘门户•星城客厅, “12・4”: a bullet or katakana dot inside a name stands for the 间隔号 ·.
                    for index in marks where index > indices.lowerBound && index + 1 < indices.upperBound {
                        let before = scalars[index - 1]
                        let after = scalars[index + 1]
                        if CharacterClass.isHan(before) || CharacterClass.isDigit(before),
                            CharacterClass.isHan(after) || CharacterClass.isDigit(after)
                        {
                            problems.append((index..<(index + 1), "间隔号应为“·”，不用“\(scalars[index])”", "·"))
                        }
                    }
                default: break
                }
            }
        }
        return problems.map { problem in
            context.finding(
                header, at: source.byteRange(problem.range), message: "\(header.message)：\(problem.message)",
                suggestion: problem.suggestion)
        }
    }

    /// Sorted hit lists merged into one sorted list.
    static func merge(_ lists: [[ByteRange]]) -> [ByteRange] {
        var lists = lists.filter { !$0.isEmpty }
        while lists.count > 1 {
            var next: [[ByteRange]] = []
            for pair in stride(from: 0, to: lists.count, by: 2) {
                guard pair + 1 < lists.count else {
                    next.append(lists[pair])
                    continue
                }
                let (a, b) = (lists[pair], lists[pair + 1])
                var merged: [ByteRange] = []
                merged.reserveCapacity(a.count + b.count)
                var (i, j) = (0, 0)
                while i < a.count, j < b.count {
                    if a[i] < b[j] {
                        merged.append(a[i])
                        i += 1
                    } else {
                        merged.append(b[j])
                        j += 1
                    }
                }
                merged += a[i...]
                merged += b[j...]
                next.append(merged)
            }
            lists = next
        }
        return lists.first ?? []
    }

    /// The quotation marks of a paragraph are “ and ” only, alternating from a “ to a ” (read from the bytes:
    /// “ is E2 80 9C, ” is E2 80 9D).
    static func plainPairs(_ hits: ArraySlice<ByteRange>, _ bytes: [UInt8]) -> Bool {
        var open = false
        for hit in hits {
            guard bytes[hit.start] == 0xE2, bytes[hit.start + 1] == 0x80 else { return false }
            switch bytes[hit.start + 2] {
            case 0x9C where !open: open = true
            case 0x9D where open: open = false
            default: return false
            }
        }
        return !open
    }

    // MARK: ascii-quote

    /// ASCII " and ' used as quotation marks next to Chinese text (`marks`: their scalar indices in the
    /// paragraph). Paired in order; with an odd number of them nothing is certain, so they are reported without a fix.
    func asciiQuotes(_ marks: [Int], in indices: Range<Int>, scalars: [Unicode.Scalar]) -> [Problem] {
        var result: [Problem] = []
        // The spans inside ASCII double quotes paired in order: a '…' pair within one is an inner quotation
        // ("奉献第'疫'线") and becomes ‘…’.
        let doubles = marks.filter { scalars[$0] == "\"" }
        let doubleSpans =
            doubles.count % 2 == 0 ? stride(from: 0, to: doubles.count, by: 2).map { doubles[$0]..<doubles[$0 + 1] } : []
        for mark in ["\"", "'"] as [Unicode.Scalar] {
            let positions = marks.filter { scalars[$0] == mark }
            guard !positions.isEmpty else { continue }
            func chineseBeside(_ index: Int) -> Bool {
                let before = index > indices.lowerBound ? scalars[index - 1] : nil
                let after = index + 1 < indices.upperBound ? scalars[index + 1] : nil
                return before.map(CharacterClass.isChinese) == true || after.map(CharacterClass.isChinese) == true
            }
            guard positions.count % 2 == 0 else {
                // An apostrophe (it's) is no quotation mark: only " is reported when unpaired.
                if mark == "\"" {
                    for index in positions where chineseBeside(index) {
                        result.append((index..<(index + 1), "中文里的引号应为“”，不用英文引号\"", nil))
                    }
                }
                continue
            }
            for pair in stride(from: 0, to: positions.count, by: 2) {
                let (open, close) = (positions[pair], positions[pair + 1])
                // A quotation of Chinese text: Han just inside both marks (for ' also a short span).
                let inner = (open + 1)..<close
                // '两个确保“，围绕'九大战略“: each ' opens a quotation that a Chinese mark closes; the two are no pair,
                // and which mark each should be is the writer's to say.
                if scalars[inner].contains(where: { $0 == "“" || $0 == "”" }) {
                    for index in [open, close] where chineseBeside(index) {
                        result.append((index..<(index + 1), "中文里的引号应为“”，不用英文引号\(mark)", nil))
                    }
                    continue
                }
                guard !inner.isEmpty, CharacterClass.isHan(scalars[open + 1]) || CharacterClass.isHan(scalars[close - 1]),
                    mark == "\""
                        || inner.count <= 30 && CharacterClass.isHan(scalars[open + 1])
                            && CharacterClass.isHan(scalars[close - 1])
                else { continue }
                var depth = QuoteDepth()
                for index in indices.lowerBound..<open { depth.update(with: scalars[index]) }
                // Inside “…” the inner quotes are single; inside 《…》 alone they stay double (《关于开展“……”主题教育的意见》).
                let nested = depth.isQuoted || mark == "'" && doubleSpans.contains { $0.contains(open) && $0.contains(close) }
                let (left, right) = nested ? ("‘", "’") : ("“", "”")
                let name = mark == "\"" ? "英文双引号" : "英文单引号"
                let kind = nested ? "单引号" : "双引号"
                result.append((open..<(open + 1), "中文里不用\(name)，应为中文左\(kind)\(left)", left))
                result.append((close..<(close + 1), "中文里不用\(name)，应为中文右\(kind)\(right)", right))
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Words of a place's level (镇, 街道, 村 …) right after `--`: a redacted name (《关于印发--镇……方案》, 在--街),
    /// the placeholder rule's business, not a dash.
    func standsForAPlace(_ after: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard after + 1 < indices.upperBound, "县区镇乡街村旗".unicodeScalars.contains(scalars[after]),
            CharacterClass.isHan(scalars[after + 1])
        else { return false }
        let word = String(scalars: scalars[after...(after + 1)])
        return !PunctuationRule.placeLikeWords.contains(word)
    }

    /// Words that begin with a place's level character but name no place (--区域协调发展 is a dash).
    static let placeLikeWords: Set<String> = ["区域", "区别", "区分", "县域", "镇上", "村民", "乡村", "街头", "村里"]

    // MARK: quote-direction

    /// For a “ right after another “ at `marks[position]`: the position of the ” that a second ” follows at
    /// once, when it is the next mark and lies within 40 characters (““十三五””).
    private func doubledQuote(after position: Int, marks: [Int], scalars: [Unicode.Scalar]) -> Int? {
        let close = position + 1
        guard close + 1 < marks.count, scalars[marks[close]] == "”", scalars[marks[close + 1]] == "”",
            marks[close + 1] == marks[close] + 1, marks[close] > marks[position] + 1, marks[close] - marks[position] <= 40
        else { return nil }
        return close
    }

    /// Walks the quotation marks of a paragraph (`marks`: their scalar indices, with any `<`).
    func quoteDirections(_ marks: [Int], in indices: Range<Int>, scalars: [Unicode.Scalar]) -> [Problem] {
        var result: [Problem] = []
        var stack: [Unicode.Scalar] = []
        // Double quotes inside double quotes are told apart from a quote left open only when the paragraph's
        // double quotes balance.
        var opening = 0
        var closing = 0
        for index in marks {
            if scalars[index] == "“" { opening += 1 } else if scalars[index] == "”" { closing += 1 }
        }
        let balanced = opening == closing
        /// The next quotation mark after `position` in `marks`, within 40 characters of `index`.
        func nextQuote(after position: Int, from index: Int) -> Int? {
            var other = position + 1
            while other < marks.count, scalars[marks[other]] == "<", marks[other] - index <= 40 { other += 1 }
            guard other < marks.count, marks[other] - index <= 40 else { return nil }
            return other
        }
        var titles = 0
        var titleScan = indices.lowerBound
        var position = 0
        while position < marks.count {
            let index = marks[position]
            switch scalars[index] {
            case "”" where stack.isEmpty:
                // ”十五五“: a closing mark with nothing open, then an opening one. With a clause mark between
                // them (两手发力”的……主线，围绕“水利……) the ” closes a quotation whose opening mark is missing
                // (the paired-punctuation rule's finding) and the “ opens the next pair, which is in order.
                if let other = nextQuote(after: position, from: index), scalars[marks[other]] == "“", marks[other] > index + 1,
                    !scalars[(index + 1)..<marks[other]].contains(where: { "，。；：！？".unicodeScalars.contains($0) })
                {
                    let close = marks[other]
                    let inner = String(scalars: scalars[(index + 1)..<close])
                    result.append((index..<(close + 1), "引号方向反了：“\(inner)”", "“" + inner + "”"))
                    position = other + 1
                    continue
                }
            case "“":
                // ““十三五””: the pair typed twice, not a quotation inside one.
                if stack.last == "“", index > indices.lowerBound, scalars[index - 1] == "“",
                    let doubled = doubledQuote(after: position, marks: marks, scalars: scalars)
                {
                    let inner = String(scalars: scalars[(index + 1)..<marks[doubled]])
                    result.append(((index - 1)..<(marks[doubled] + 2), "引号重复：应为“\(inner)”", "“" + inner + "”"))
                    stack.removeLast()
                    position = doubled + 2
                    continue
                }
                if stack.last == "“", balanced {
                    result.append((index..<(index + 1), "引号里面再用引号，里层应为单引号‘’", nil))
                }
                stack.append("“")
            case "”":
                if let last = stack.lastIndex(of: "“") { stack.removeSubrange(last...) }
            case "‘" where stack.isEmpty:
                // ‘枫桥经验’ as the outer quotes: double quotes outside, single ones only inside them.
                if let other = nextQuote(after: position, from: index), scalars[marks[other]] == "’", marks[other] > index + 1 {
                    let close = marks[other]
                    let inner = String(scalars: scalars[(index + 1)..<close])
                    if inner.unicodeScalars.contains(where: CharacterClass.isHan) {
                        result.append((index..<(close + 1), "单引号只用在双引号里面，外层应为双引号：“\(inner)”", "“" + inner + "”"))
                    }
                    position = other + 1
                    continue
                }
                stack.append("‘")
            case "‘":
                stack.append("‘")
            case "’":
                if let last = stack.lastIndex(of: "‘") { stack.removeSubrange(last...) }
            case "<":
                // 《关于<……>的说明》: a title inside a title takes 〈〉. The depth of 《》 is counted on from
                // where the last < left it, and the > looked for within a title's length: a line of
                // thousands of < stays linear.
                while titleScan < index {
                    if scalars[titleScan] == "《" { titles += 1 } else if scalars[titleScan] == "》" { titles = max(0, titles - 1) }
                    titleScan += 1
                }
                let searchEnd = min(indices.upperBound, index + 1 + 100)
                if titles > 0, let close = ((index + 1)..<searchEnd).first(where: { scalars[$0] == ">" || scalars[$0] == "》" }),
                    scalars[close] == ">"
                {
                    let inner = String(scalars: scalars[(index + 1)..<close])
                    result.append((index..<(close + 1), "书名号里面再用书名号，里层应为单书名号〈〉：〈\(inner)〉", "〈" + inner + "〉"))
                }
            default:
                break
            }
            position += 1
        }
        return result
    }

    // MARK: colon

    func colons(in indices: Range<Int>, scalars: [Unicode.Scalar]) -> [Problem] {
        var result: [Problem] = []
        var depth = 0
        var sentenceStart = indices.lowerBound
        var colonsInSentence = 0
        var commaSeen = false
        for index in indices {
            let scalar = scalars[index]
            switch scalar {
            case "“", "《", "（", "(", "‘", "【": depth += 1
            case "”", "》", "）", ")", "’", "】": depth = max(0, depth - 1)
            case "。", "！", "？", "；":
                if depth == 0 {
                    sentenceStart = index + 1
                    colonsInSentence = 0
                    commaSeen = false
                }
            case "，":
                if depth == 0 { commaSeen = true }
            case "：" where depth == 0:
                // 8：30 is a time.
                if index > indices.lowerBound, index + 1 < indices.upperBound,
                    CharacterClass.isDigit(scalars[index - 1]), CharacterClass.isDigit(scalars[index + 1])
                {
                    continue
                }
                // 地址：……，电话：……: field labels, each its own.
                if PunctuationRule.fieldLabels.contains(where: { label in
                    index - label.count >= indices.lowerBound && Array(scalars[(index - label.count)..<index]) == label
                }) {
                    sentenceStart = index + 1
                    colonsInSentence = 0
                    continue
                }
                // A short lead label before the first colon (（一）学习情况：) works as a heading.
                if colonsInSentence == 0, !commaSeen, index - sentenceStart <= 25 {
                    sentenceStart = index + 1
                    continue
                }
                colonsInSentence += 1
                if colonsInSentence >= 2 {
                    result.append((index..<(index + 1), "一个句子里用了两个冒号（冒号不套用），后一个宜改为逗号或分句", nil))
                }
            default:
                break
            }
        }
        return result
    }

    static let fieldLabels = ["电话", "地址", "邮编", "传真", "网址", "邮箱", "联系人", "时间", "地点", "电子邮箱", "通讯地址"]
        .map { Array($0.unicodeScalars) }

    // MARK: series-separator

    /// The marks between the items of each 一是/二是 series (an inner list apart from its outer one), by paragraph.
    func seriesSeparators(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let source = document.source
        let scalars = source.scalars
        var findings: [Finding] = []
        // Each list's items in one paragraph: an outer list and its inner one are separated apart.
        let runs = document.seriesLists.flatMap(SeriesLists.byParagraph)
        func markBefore(_ item: SeriesItem) -> (offset: Int, mark: Unicode.Scalar)? { SeriesLists.markBefore(item, in: source) }
        for items in runs where items.count >= 2 {
            // Most lists are separated alike throughout: counted without building anything.
            var (commas, semicolonCount, stopCount) = (0, 0, 0)
            for item in items.dropFirst() {
                switch markBefore(item)?.mark {
                case "，", ",": commas += 1
                case "；": semicolonCount += 1
                case "。": stopCount += 1
                default: break
                }
            }
            guard commas > 0 || semicolonCount > 0 && stopCount > 0 else { continue }
            let separators = items.dropFirst().compactMap(markBefore).map {
                (index: source.scalarIndex(ofByte: $0.offset), mark: $0.mark)
            }
            let semicolons = separators.filter { $0.mark == "；" }.count
            let stops = separators.filter { $0.mark == "。" }.count
            let preferred: String = stops > semicolons ? "。" : "；"
            // 一是一，二是二 (an idiom: be exact) is no series.
            let firstLength = items[0].text.end - items[0].text.start
            for separator in separators where (separator.mark == "，" || separator.mark == ",") && firstLength > 3 {
                let marker = nextItemText(after: separator.index, scalars)
                findings.append(
                    context.finding(
                        header, at: source.byteRange(separator.index..<(separator.index + 1)),
                        message: "\(header.message)：“\(marker)”前面是逗号，分项列举的各项之间用分号（或句号）",
                        suggestion: preferred))
            }
            // Items separated now by ；, now by 。: the minority mark (on a tie, the one unlike the first) is the slip.
            guard semicolons > 0, stops > 0 else { continue }
            let odd: Unicode.Scalar =
                semicolons > stops
                ? "。"
                : stops > semicolons
                    ? "；"
                    : (separators.first { $0.mark == "。" || $0.mark == "；" }!.mark == "。" ? "；" : "。")
            let usual: Unicode.Scalar = odd == "。" ? "；" : "。"
            // A full stop becomes a semicolon only when no item holds a full stop of its own; the rest is advice.
            let start = source.scalarIndex(ofByte: items[0].marker.start)
            let lastStart = source.scalarIndex(ofByte: items[items.count - 1].marker.start)
            let separatorStops = Set(separators.filter { $0.mark == "。" }.map(\.index))
            let innerStops = (start..<lastStart).contains { scalars[$0] == "。" && !separatorStops.contains($0) }
            // Items that hold full stops of their own may well end with one (四是…。54家企业…；五是…。共摸排…。六是):
            // then the odd full stop is no certain slip, and the semicolons are not either.
            if odd == "。", innerStops { continue }
            let certain = odd == "。" && semicolons > stops
            for separator in separators where separator.mark == odd {
                let marker = nextItemText(after: separator.index, scalars)
                findings.append(
                    context.finding(
                        header, at: source.byteRange(separator.index..<(separator.index + 1)),
                        message: "\(header.message)：各项之间多用“\(usual)”，“\(marker)”前面却是“\(odd)”，应统一",
                        suggestion: certain ? String(usual) : nil))
            }
        }
        return findings
    }

    private func nextItemText(after index: Int, _ scalars: [Unicode.Scalar]) -> String {
        var end = index + 1
        while end < scalars.count, CharacterClass.isSpace(scalars[end]) { end += 1 }
        var stop = end
        while stop < scalars.count, stop < end + 4, scalars[stop] != "是" { stop += 1 }
        return String(scalars: scalars[end..<min(scalars.count, stop + 1)])
    }
}
