/// `kind: series` — in-paragraph series 一是……二是……三是……: start at 一是, run in order with no gap or
/// repeat, restart under each heading (a new 一是 starts a new series); a lone 一是 with no 二是 is
/// suspicious; 首先/其次 mixed with 第三 in one paragraph is flagged; and an item whose 是 is missing
/// (`一是……；二是……；三切实……`): the next numeral after a clause end, before a word that is not a measure.
struct SeriesRuleDefinition: RuleDefinition {
    static let keys: [String] = []

    static func parse(_ fields: MappingFields) -> SeriesRuleDefinition? { SeriesRuleDefinition() }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        SeriesRule(header: header, sequenceLiterals: SeriesRule.sequenceWords.map(literals.add),
                   ordinalLiterals: SeriesRule.ordinalWords.map(literals.add))
    }
}

public struct SeriesRule: Rule {
    public let header: RuleHeader
    let sequenceLiterals: [Int]
    let ordinalLiterals: [Int]

    static let sequenceWords = ["首先", "其次", "再次"]
    static let ordinalWords = ["第一", "第二", "第三", "第四", "第五"]

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        var byHeading: [Int: [SeriesItem]] = [:]
        for item in document.seriesItems { byHeading[item.headingIndex ?? -1, default: []].append(item) }

        for (_, items) in byHeading.sorted(by: { $0.key < $1.key }) {
            var series: [SeriesItem] = []
            func close() {
                if series.count == 1, series[0].ordinal == 1 {
                    findings.append(finding(context, series[0], "只有“一是”，没有“二是”"))
                }
            }
            for item in items {
                let marker = document.text(item.marker)
                if item.ordinal == 1 {
                    close()
                    series = [item]
                    continue
                }
                guard let last = series.last else {
                    findings.append(finding(context, item, "“\(marker)”前面没有“一是”"))
                    series = [item]
                    continue
                }
                let expected = Numbering.chineseNumeral(last.ordinal + 1) + "是"
                if item.ordinal == last.ordinal {
                    findings.append(finding(context, item, "“\(marker)”重复"))
                } else if item.ordinal != last.ordinal + 1 {
                    findings.append(finding(context, item, "“\(document.text(last.marker))”之后应为“\(expected)”，这里是“\(marker)”"))
                }
                series.append(item)
            }
            close()
        }
        findings += missingShi(context)
        findings += mixedSequenceWords(context)
        return findings.sorted { $0.range < $1.range }
    }

    /// Words after a numeral that make it a number rather than an item (三年, 三大, 三个, 三中全会).
    static let notItems = Set("是年月日号届期次个项件名人位户家所座条份篇场批轮元万亿千百多余倍级大方种类中全者成分要则来化点层重步化化十一二三四五六七八九两".unicodeScalars)

    /// After the last item of each paragraph's series, the next numeral at a clause start without 是.
    private func missingShi(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let source = document.source
        let scalars = source.scalars
        var lastByParagraph: [Int: SeriesItem] = [:]
        for item in document.seriesItems { lastByParagraph[item.paragraphIndex] = item }
        var findings: [Finding] = []
        let paragraphs = document.paragraphs
        for (paragraphIndex, last) in lastByParagraph.sorted(by: { $0.key < $1.key }) {
            let numeral = Array(Numbering.chineseNumeral(last.ordinal + 1).unicodeScalars)
            let paragraph = paragraphs[paragraphIndex]
            var index = source.scalarIndex(ofByte: last.marker.end)
            let end = paragraph.scalars.upperBound
            while index + numeral.count < end {
                defer { index += 1 }
                let mark = scalars[index]
                guard mark == "。" || mark == "；" || mark == "，" else { continue }
                let start = index + 1
                guard (0..<numeral.count).allSatisfy({ scalars[start + $0] == numeral[$0] }) else { continue }
                let next = scalars[start + numeral.count]
                guard CharacterClass.isHan(next), !SeriesRule.notItems.contains(next) else { continue }
                let written = String(String.UnicodeScalarView(numeral))
                var words = start + numeral.count
                while words < min(end, start + numeral.count + 2), CharacterClass.isHan(scalars[words]) { words += 1 }
                let lead = String(String.UnicodeScalarView(scalars[(start + numeral.count)..<words]))
                findings.append(context.finding(header, at: source.byteRange(start..<(start + numeral.count)),
                                                message: "\(header.message)：“\(written)\(lead)”缺“是”，应为“\(written)是\(lead)”",
                                                suggestion: written + "是"))
                break
            }
        }
        return findings
    }

    private func finding(_ context: RuleContext, _ item: SeriesItem, _ detail: String) -> Finding {
        context.finding(header, at: item.marker, message: "\(header.message)：\(detail)")
    }

    /// 首先/其次 and 第一/第二/第三 as series markers (at a paragraph start or after punctuation, and
    /// followed by ，or 、) in one paragraph: reported at the first marker of the family that comes second.
    private func mixedSequenceWords(_ context: RuleContext) -> [Finding] {
        let document = context.document
        // The first marker of each family in each paragraph, found by binary search rather than per paragraph.
        func firstByParagraph(_ literals: [Int]) -> [Int: ByteRange] {
            var first: [Int: ByteRange] = [:]
            for marker in markers(literals, context) {
                guard let paragraph = document.paragraph(containing: marker.start),
                      paragraph.role == .body || paragraph.role == .heading else { continue } // prose only, as before
                if first[paragraph.index] == nil { first[paragraph.index] = marker }
            }
            return first
        }
        let sequence = firstByParagraph(sequenceLiterals)
        let ordinal = firstByParagraph(ordinalLiterals)
        return sequence.keys.sorted().compactMap { paragraph in
            guard let firstSequence = sequence[paragraph], let firstOrdinal = ordinal[paragraph] else { return nil }
            return context.finding(header, at: max(firstSequence, firstOrdinal),
                                   message: "\(header.message)：同一段中“首先、其次”与“第一、第二、第三”混用")
        }
    }

    /// Hits of the words that stand as markers: after a boundary and before ，or 、.
    private func markers(_ literals: [Int], _ context: RuleContext) -> [ByteRange] {
        let source = context.document.source
        let boundaries = Set("。；：，！？".unicodeScalars)
        let scalars = source.scalars
        return literals.flatMap { context.hits($0) }.filter { hit in
            let index = source.scalarIndex(ofByte: hit.start)
            let before = index > 0 ? scalars[index - 1] : "\n"
            let after = source.scalarIndex(ofByte: hit.end)
            let atBoundary = before == "\n" || before == "\r" || boundaries.contains(before) || CharacterClass.isSpace(before)
            return atBoundary && hit.end < source.bytes.count && "，、".unicodeScalars.contains(scalars[after])
        }.sorted()
    }
}
