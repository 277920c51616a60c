/// `kind: series` — in-paragraph series 一是……二是……三是……: start at 一是, run in order with no gap or
/// repeat, restart under each heading (a new 一是 starts a new series, or an inner one: `SeriesLists`); a lone 一是 with no 二是 is
/// suspicious; 首先/其次 mixed with 第三 in one paragraph is flagged; and an item whose 是 is missing
/// (`一是……；二是……；三切实……`): the next numeral after a clause end, before a word that is not a measure.
struct SeriesRuleDefinition: RuleDefinition {
    static let keys: [String] = []

    static func parse(_ fields: MappingFields) -> SeriesRuleDefinition? { SeriesRuleDefinition() }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        SeriesRule(
            header: header, sequenceLiterals: SeriesRule.sequenceWords.map(literals.add),
            itemLiterals: SeriesRule.itemStarts.map { (literals.add($0.word), $0.ordinal) },
            ordinalLiterals: SeriesRule.ordinalWords.map(literals.add))
    }
}

public struct SeriesRule: Rule {
    public let header: RuleHeader
    let sequenceLiterals: [Int]
    /// A clause mark and a numeral (`；三`), with the numeral's value: where an item without 是 may start.
    let itemLiterals: [(literal: Int, ordinal: Int)]
    let ordinalLiterals: [Int]

    static let sequenceWords = ["首先", "其次", "再次"]
    static let ordinalWords = ["第一", "第二", "第三", "第四", "第五"]
    static let itemStarts: [(word: String, ordinal: Int)] = (2...10).flatMap { ordinal in
        ["。", "；", "，"].map { (word: $0 + Numbering.chineseNumeral(ordinal), ordinal: ordinal) }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        for series in document.seriesLists {
            // The other marker may stand where no item is seen to start (落实二是抓……, 执法股一是组织……):
            // then the series is whole, only its punctuation is off.
            if series.count == 1, series[0].ordinal == 1 {
                if !paragraph(of: series[0], in: document, has: "二是", after: true) {
                    findings.append(finding(context, series[0], "只有“一是”，没有“二是”"))
                } else if let paragraph = document.paragraph(containing: series[0].marker.start),
                    let runOn = runOn("二是", in: ByteRange(series[0].marker.end, paragraph.range.end), document)
                {
                    // 一是……占2.79%二是……: the second item is there, run on without a mark before it.
                    findings.append(runOnFinding(context, runOn, "二是"))
                }
            }
            if series[0].ordinal != 1, !paragraph(of: series[0], in: document, has: "一是", after: false) {
                findings.append(finding(context, series[0], "“\(document.text(series[0].marker))”前面没有“一是”"))
            }
            // A repeated item stands where the next one should (一是、三是、三是、五是: the second 三是 is the
            // fourth item), so the count goes on from it rather than reporting 五是 as well.
            var lastOrdinal = series[0].ordinal
            for (last, item) in zip(series, series.dropFirst()) {
                defer { lastOrdinal = item.ordinal == last.ordinal ? lastOrdinal + 1 : item.ordinal }
                let marker = document.text(item.marker)
                let expected = Numbering.chineseNumeral(lastOrdinal + 1) + "是"
                if item.ordinal == last.ordinal {
                    findings.append(finding(context, item, "“\(marker)”重复"))
                } else if item.ordinal != lastOrdinal + 1 && item.ordinal != last.ordinal + 1 {
                    // 一是……落实二是抓……。三是……: the missing item is there, run on without a mark before it.
                    if let runOn = runOn(expected, in: ByteRange(last.marker.end, item.marker.start), document) {
                        findings.append(runOnFinding(context, runOn, expected))
                    } else {
                        findings.append(finding(context, item, "“\(document.text(last.marker))”之后应为“\(expected)”，这里是“\(marker)”"))
                    }
                }
            }
        }
        findings += missingShi(context)
        findings += mixedSequenceWords(context)
        return findings.sorted { $0.range < $1.range }
    }

    /// The first `marker` (二是) in `range` run on after a character, a digit or % with no mark between: an
    /// item written where no item is seen to start. 是 after 第二, 十二, 初二 and the like is a number's.
    private func runOn(_ marker: String, in range: ByteRange, _ document: Document) -> ByteRange? {
        let bytes = document.source.bytes
        let word = Array(marker.utf8)
        var from = range
        while let hit = ByteSearch.firstRange(of: word, in: bytes, within: from) {
            let before = UTF8Scalars.decode(bytes, at: UTF8Scalars.previousStart(bytes, before: hit.start)).scalar
            if (CharacterClass.isHan(before) && !"第十初周拜之".unicodeScalars.contains(before)) || before == "%" || before == "％"
                || ("0"..."9").contains(before)
            {
                return hit
            }
            from = ByteRange(hit.end, from.end)
        }
        return nil
    }

    private func runOnFinding(_ context: RuleContext, _ range: ByteRange, _ marker: String) -> Finding {
        context.finding(header, at: range, message: "\(header.message)：“\(marker)”前缺少标点，与上一项连在了一起")
    }

    /// Whether `word` stands after (or before) the item's marker in its paragraph. Looking back, a paragraph
    /// that ends in ；or ， is the same sentence broken by the page (同时我镇一是通过……；⏎二是由各村……).
    private func paragraph(of item: SeriesItem, in document: Document, has word: String, after: Bool) -> Bool {
        guard let paragraph = document.paragraph(containing: item.marker.start) else { return false }
        let range = after ? ByteRange(item.marker.end, paragraph.range.end) : ByteRange(paragraph.range.start, item.marker.start)
        if ByteSearch.contains(document.text(range), word) { return true }
        guard !after, paragraph.index > 0 else { return false }
        let previous = document.text(document.paragraphs[paragraph.index - 1].range)
        return (previous.hasSuffix("；") || previous.hasSuffix("，")) && ByteSearch.contains(previous, word)
    }

    /// Words after a numeral that make it a number rather than an item (三年, 三大, 三个, 三中全会).
    /// 二季度, 二产, 二胎, 二手, 二维码, 二氧化碳 are numbers too; 五金, 三农, 五险, 三会一课, 四有 are names.
    static let notItems = Set(
        "是年月日号届期次个项件名人位户家所座条份篇场批轮元万亿千百多余倍级大方种类中全者成分要则来化点层重步化化十一二三四五六七八九两季周线产审胎孩手维氧等版档代金星好农包废险保通务资公角彩官湖洲讲有会违"
            .unicodeScalars)

    /// The next numeral at a clause start without 是, inside the item it should follow (`二是……；三切实……`):
    /// found from the literal hits of `；三` and the like, so paragraphs without one cost nothing.
    private func missingShi(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let source = document.source
        let items = document.seriesItems
        guard !items.isEmpty else { return [] }
        let scalars = source.scalars
        var findings: [Finding] = []
        for (literal, ordinal) in itemLiterals {
            for hit in context.hits(literal) {
                guard let item = items.lastStarting(atOrBefore: hit.start, by: \.marker.start), item.ordinal + 1 == ordinal,
                    item.extent.contains(hit)
                else { continue }
                let numeral = Numbering.chineseNumeral(ordinal).unicodeScalars.count
                let start = source.scalarIndex(ofByte: hit.start) + 1
                let after = start + numeral
                guard after < scalars.count, CharacterClass.isHan(scalars[after]), !SeriesRule.notItems.contains(scalars[after]),
                    // 十一 is not 十 (an item 十 needs 是 right after it).
                    Numbering.chineseDigit(scalars[after]) == nil
                else { continue }
                let written = String(scalars: scalars[start..<after])
                var words = after
                while words < min(scalars.count, after + 2), CharacterClass.isHan(scalars[words]) { words += 1 }
                let lead = String(scalars: scalars[after..<words])
                findings.append(
                    context.finding(
                        header, at: source.byteRange(start..<after),
                        message: "\(header.message)：“\(written)\(lead)”缺“是”，应为“\(written)是\(lead)”",
                        suggestion: written + "是"))
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
                    paragraph.role == .body || paragraph.role == .heading
                else { continue } // prose only, as before
                if first[paragraph.index] == nil { first[paragraph.index] = marker }
            }
            return first
        }
        let sequence = firstByParagraph(sequenceLiterals)
        let ordinal = firstByParagraph(ordinalLiterals)
        return sequence.keys.sorted().compactMap { paragraph in
            guard let firstSequence = sequence[paragraph], let firstOrdinal = ordinal[paragraph] else { return nil }
            return context.finding(
                header, at: max(firstSequence, firstOrdinal),
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
