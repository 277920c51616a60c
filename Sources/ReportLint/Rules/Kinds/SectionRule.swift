/// `kind: section` — the report must have a section, found as a numbered heading whose words hold one
/// of `headings`, optionally as an 一是/二是 item (`series: true`), or as a paragraph sentence matching
/// one of `cues` (`^` is the start of a sentence). A missing section is reported once where it would be
/// written: with `expectedAt: end` (the default) at the end of the last block, or at the title when the
/// report has no level-1 headings; with `expectedAt: start` (an opening paragraph) at the title.
/// `titleWords` narrows the rule to reports about a subject: it runs only when the title (or, without
/// one, the first paragraph) holds one of them, so a 县政府办公室工作总结 is not asked for the
/// party-building blocks of a 党建工作总结. `since` (a year) leaves out reports of earlier years, when
/// the section was not yet written (the 政治建设 block dates from 2017); a report of unknown year is judged
/// by the latest year its text shows and left out when it shows none (`Document.isKnownFrom`), and left out
/// where one of the `unless` patterns matches it (以邓小平理论为指导 tells an earlier report without a year).
/// `opening: true` counts any body paragraph before the first heading as the section: real openings are
/// too varied for cues (五年来，x镇坚持……; 春节假期较长……), what is missing is a report that starts at 一、.
/// `openingCues` are cues that count only in the opening: a plan's 以……为指导 or 围绕……为中心 states its
/// general requirement there, while the same words under 一、 are a task. The opening is what comes before
/// the first heading, or before the second when the first only names the part of a combined document
/// (一、2014年工作总结, over a summary and a plan).
struct SectionRuleDefinition: RuleDefinition {
    static let keys = [
        "headings", "series", "cues", "openingCues", "hint", "expectedAt", "titleWords", "notTitleWords", "untitledWords",
        "since",
        "unless", "opening",
    ]

    let headings: [Located<String>]
    let series: Bool
    let cues: [RegexPattern]
    let openingCues: [RegexPattern]
    /// How to write the section, shown instead of the cue patterns when the section is missing.
    let hint: String?
    let expectedAtStart: Bool
    let titleWords: [String]
    /// Subjects that are not the rule's even when a title word is there (意识形态工作责任制: 责任制).
    let notTitleWords: [String]
    /// The title words that still name the subject at the head of an untitled report's first paragraph, where
    /// a committee is the one who acts (公安局党委在……领导下) rather than the subject (default: `titleWords`).
    let untitledWords: [String]?
    let since: Int?
    let unless: [RegexPattern]
    let opening: Bool

    static func parse(_ fields: MappingFields) -> SectionRuleDefinition? {
        let headings = fields.strings("headings") ?? []
        // Cues run over the report's sentences, one per line: ^ must match at each line start.
        let cues = fields.patterns("cues", lineAnchors: true) ?? []
        let openingCues = fields.patterns("openingCues", lineAnchors: true) ?? []
        let opening = fields.bool("opening") ?? false
        if headings.isEmpty && cues.isEmpty && openingCues.isEmpty && !opening && !fields.has("headings") && !fields.has("cues") {
            fields.reader.report(.missingKey("headings"), at: fields.node)
            return nil
        }
        var expectedAtStart = false
        if let position = fields.string("expectedAt") {
            switch position.value {
            case "start": expectedAtStart = true
            case "end": expectedAtStart = false
            default: fields.reader.report(.wrongType(key: "expectedAt", expected: "start 或 end"), at: position.location)
            }
        }
        return SectionRuleDefinition(
            headings: headings, series: fields.bool("series") ?? false,
            cues: cues, openingCues: openingCues, hint: fields.string("hint")?.value, expectedAtStart: expectedAtStart,
            titleWords: (fields.strings("titleWords") ?? []).map(\.value),
            notTitleWords: (fields.strings("notTitleWords") ?? []).map(\.value),
            untitledWords: fields.strings("untitledWords")?.map(\.value), since: fields.sinceYear(),
            unless: fields.patterns("unless") ?? [], opening: opening)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        SectionRule(
            header: header, headingWords: headings.map(\.value),
            headingLiterals: headings.map { literals.add($0.value) }, series: series,
            cues: cues.map { GuardedPattern($0, literals: literals) },
            openingCues: openingCues.map { GuardedPattern($0, literals: literals) }, hint: hint,
            expectedAtStart: expectedAtStart, titleWords: titleWords, notTitleWords: notTitleWords,
            untitledWords: untitledWords ?? titleWords, since: since,
            unless: unless.map { GuardedPattern($0, literals: literals) }, opening: opening)
    }
}

public struct SectionRule: Rule {
    public let header: RuleHeader
    let headingWords: [String]
    let headingLiterals: [Int]
    let series: Bool
    let cues: [GuardedPattern]
    let openingCues: [GuardedPattern]
    let hint: String?
    let expectedAtStart: Bool
    let titleWords: [String]
    /// Subjects that are not the rule's even when a title word is there (意识形态工作责任制: 责任制).
    let notTitleWords: [String]
    let untitledWords: [String]
    let since: Int?
    let unless: [GuardedPattern]
    let opening: Bool

    /// Every place the section is found, in document order.
    public func locate(_ context: RuleContext) -> [SectionSpan] {
        let document = context.document
        var headingIndices = Set<Int>()
        var itemStarts = Set<Int>()
        var spans: [SectionSpan] = []
        for literal in headingLiterals {
            for hit in context.hits(literal) {
                if let heading = document.heading(withTextContaining: hit), headingIndices.insert(heading.index).inserted {
                    spans.append(SectionSpan(source: .heading, anchor: heading.text, extent: heading.extent, line: heading.line))
                } else if series, let item = document.seriesItem(withTextContaining: hit),
                    itemStarts.insert(item.marker.start).inserted
                {
                    spans.append(
                        SectionSpan(
                            source: .seriesItem, anchor: ByteRange(item.marker.start, item.text.end),
                            extent: item.extent, line: item.line))
                }
            }
        }
        spans += cueSpans(cues, context)
        if !openingCues.isEmpty {
            let opening = SectionRule.openingParagraphs(document)
            spans += cueSpans(openingCues, context).filter {
                opening.contains(document.paragraph(containing: $0.anchor.start)?.index ?? -1)
            }
        }
        if opening, let paragraph = openingParagraph(document) {
            spans.append(SectionSpan(source: .opening, anchor: paragraph.range, extent: paragraph.range, line: paragraph.line))
        }
        return spans.sorted { $0.anchor.start < $1.anchor.start }
    }

    /// The first line of prose above the first heading (or in a report without headings): a body paragraph,
    /// or a short line under the title that ends a sentence (现将……报告如下：), not the addressee, a document
    /// number, a date or a subtitle.
    private func openingParagraph(_ document: Document) -> Paragraph? {
        document.paragraphs[SectionRule.openingParagraphs(document)].first { paragraph in
            guard paragraph.scalars.count >= SectionRule.openingMinimum else { return false }
            switch paragraph.role {
            case .body: return true
            // 2013年工作总结2013年，在市委、市政府的领导下，……: a page that ran the title into the opening.
            case .title:
                return paragraph.scalars.count >= SectionRule.runOnTitleMinimum
                    && document.source.scalars[paragraph.scalars].contains { $0 == "，" || $0 == "。" }
            case .frontMatter:
                let bytes = document.source.bytes
                let last = paragraph.range.end - 3 // the marks are three bytes
                return (Marks.isClauseEnd(bytes, at: last) || Marks.has(Marks.colon, in: bytes, at: last))
                    && !"（(—".unicodeScalars.contains(document.source.scalars[paragraph.scalars.lowerBound])
            default: return false
            }
        }
    }

    /// The indices of the paragraphs of the opening: those before the first heading, or before the second
    /// when the first is a level-1 heading alone on its line naming a part (一、2014年工作总结, 一、工作回顾).
    static func openingParagraphs(_ document: Document) -> Range<Int> {
        let paragraphs = document.paragraphs
        let headingParagraphs = paragraphs.lazy.filter { $0.role == .heading }.map(\.index)
        var next = headingParagraphs.makeIterator()
        guard let first = next.next() else { return 0..<paragraphs.count }
        if let heading = paragraphs[first].headingIndex.map({ document.headings[$0] }), heading.level == 1, !heading.isRunIn {
            let words = document.text(heading.text)
            if SectionRule.partWords.contains(where: { ByteSearch.contains(words, $0) }) {
                return 0..<(next.next() ?? paragraphs.count)
            }
        }
        return 0..<first
    }

    /// Words of a level-1 heading that names a part of a combined document rather than a section of it.
    static let partWords = ["总结", "回顾"]

    /// A title line at least this long, with a comma or full stop in it, has the opening run into it.
    static let runOnTitleMinimum = 60

    /// Shorter body lines above the first heading are no opening (a stray 附件 or 内部资料).
    static let openingMinimum = 12

    /// Per paragraph, the first sentence that matches a cue (in cue order within a sentence); the section
    /// runs from that sentence to the end of the heading section holding it (or the end of the body).
    private func cueSpans(_ cues: [GuardedPattern], _ context: RuleContext) -> [SectionSpan] {
        guard !cues.isEmpty else { return [] }
        let document = context.document
        var best: [Int: (rank: (Int, Int, Int), piece: SentenceText.Piece, anchor: ByteRange)] = [:]
        for (cueIndex, guarded) in cues.enumerated() where guarded.mayMatch(context) {
            let cue = guarded.pattern
            for (piece, anchor) in guarded.sentenceMatches(context, onTimeout: { context.regexTimedOut(header, cue) }) {
                let rank = (piece.sourceStart, cueIndex, anchor.start)
                if let current = best[piece.paragraph], current.rank <= rank { continue }
                best[piece.paragraph] = (rank, piece, anchor)
            }
        }
        return best.values.map { found in
            let sentenceStart = found.piece.sourceStart
            let end = document.heading(containing: sentenceStart)?.extent.end ?? document.bodyEnd
            return SectionSpan(
                source: .cue, anchor: found.anchor,
                extent: ByteRange(sentenceStart, max(end, sentenceStart + found.piece.length)),
                line: document.paragraphs[found.piece.paragraph].line)
        }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.sections[header.id]?.isEmpty ?? true else { return [] }
        let document = context.document
        guard !document.paragraphs.isEmpty, isAbout(document) else { return [] }
        if let since, !document.isKnownFrom(since) { return [] }
        if unless.contains(where: { guarded in
            guarded.mayMatch(context) && !guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }.isEmpty
        }) {
            return []
        }
        let year = document.title.map { document.text($0.range) }.flatMap(ReportYear.firstYear)
        // Neither title nor opening says what the document is (a news story, a 事迹材料, a page of a study are
        // checked as a 工作总结 by default): a missing section is then only a hint, never a failed gate.
        let untyped = document.typeOrigin == .guessed && document.typeEvidence == DocumentType.defaultEvidence
        return [
            context.finding(
                header, at: missingSectionAnchor(document),
                message: (untyped ? "未能确定文种，按工作总结检查：" : "") + missingMessage(year: year), severity: untyped ? .info : nil)
        ]
    }

    /// Whether the title lines (title and the front matter under it), or the first paragraph of an
    /// untitled report, hold one of `titleWords` and none of `notTitleWords`; always when there are none.
    /// The leadership every report thanks (在乡党委、政府的领导下) does not make a report one about the
    /// party: those pairs are passed over.
    private func isAbout(_ document: Document) -> Bool {
        guard !titleWords.isEmpty else { return true }
        var naming = document.paragraphs.filter { $0.role == .title || ($0.role == .frontMatter && document.titleIndex != nil) }
        if document.titleIndex == nil, let first = document.paragraphs.first(where: { $0.role == .body || $0.role == .heading }) {
            naming = [first]
        }
        let texts = naming.map { paragraph -> String in
            // An untitled report names its subject first (2023年，县委组织部党支部……); further on, and in quotes, its
            // opening tells of slogans and leaders (围绕“党建统领……”，坚持以政治建设统领党的建设), not of what it is about.
            var text = document.text(paragraph.range)
            if document.titleIndex == nil { text = String(Bracketed.removing("“", "”", from: text).prefix(40)) }
            // 市城管局党组书记、局长 杜宇 under the title: the speaker's post, not the subject.
            if paragraph.role == .frontMatter {
                for post in SectionRule.partyPosts { text = text.replacingOccurrences(of: post, with: "") }
            }
            for pair in SectionRule.leadershipPair.matches(in: text).reversed() {
                let bytes = Array(text.utf8)
                text = String(decoding: bytes[..<pair.start] + bytes[pair.end...], as: UTF8.self)
            }
            return text
        }
        if texts.contains(where: { text in notTitleWords.contains(where: text.contains) }) { return false }
        let words = document.titleIndex == nil ? untitledWords : titleWords
        return texts.contains { text in words.contains(where: text.contains) }
    }

    /// Posts in a party body, as a speaker's or author's line under a title names them.
    static let partyPosts = ["党组书记", "党委书记", "党工委书记", "党总支书记", "党支部书记", "党组副书记", "党委副书记", "党组成员", "党委委员"]

    /// A party committee named with the government beside it, or as the one that leads (省厅党委的坚强领导): the
    /// leadership, not the subject.
    static let leadershipPair = try! RegexPattern.compile(
        "(?:党委|党工委|党组)(?:[、和与及]?(?:[省市县区乡镇村]|街道|社区)?(?:人民)?政府|的(?:坚强|正确)?领导)", trusted: true
    ).get()

    /// Where the section would be written: the end of the last block when the report has level-1
    /// headings (unless it belongs at the start), else its title (or first line).
    private func missingSectionAnchor(_ document: Document) -> ByteRange {
        if !expectedAtStart, document.headings.contains(where: { $0.level == 1 }),
            let last = document.proseParagraphs.last(where: { $0.range.end <= document.bodyEnd })
        {
            return ByteRange(last.range.end, last.range.end)
        }
        let first = document.title ?? document.paragraphs[0]
        return first.range
    }

    /// `{年}` and `{下一年}` in a hint become the title's year and the next (2023年, 2024年), or 今年 and
    /// 明年 when the title names no year: a hint shows the writer's own year, not a fixed one.
    private func missingMessage(year: Int?) -> String {
        var ways: [String] = []
        if !headingWords.isEmpty {
            let shown = headingWords.prefix(5).map { "“\($0)”" }.joined() + (headingWords.count > 5 ? "等" : "")
            ways.append("小标题含\(shown)" + (series ? "（也可是“一是……”事项）" : ""))
        }
        if let hint {
            ways.append(
                hint.replacingOccurrences(of: "{年}", with: year.map { "\($0)年" } ?? "今年")
                    .replacingOccurrences(of: "{下一年}", with: year.map { "\($0 + 1)年" } ?? "明年"))
        } else if !cues.isEmpty {
            ways.append("段落提示语符合 " + cues.map(\.pattern.source).joined(separator: " 或 "))
        }
        let base = header.message.last.map { "。！？".contains($0) } == true ? String(header.message.dropLast()) : header.message
        return "\(base)。可写为：" + ways.joined(separator: "；或") + "。"
    }
}
