/// `kind: consistency` — things a copied report gets wrong, one per rule through `check:`:
/// - `self-reference`: the unit calls itself 我局 in one place and 我室 in another. `groups` lists the
///   self-nouns that must not mix (我局/我室/我委… apart from 我市/我区/我县…); the most used one wins and
///   the others are reported. `except` lists longer words that are not self-references (我所在, 我办理).
///   A group may hold 全X words too (全镇, 全乡): they speak of the unit as 我X does, but a mix is reported only
///   when the report also says 我X or 本X, as a county's report tells of 全镇 here and 全乡 there.
/// - `year`: the title's year against the years that open the body's sentences (`2022年，我局……`):
///   a summary of 2023 reports on 2023 and plans for 2024, not on 2022 or 2025. A plan is checked only for a
///   date it still expects that was over before its year (`PlanDates`: 预计2022年12月开工 in a plan for 2023).
/// - `period`: a title covering part of a year (上半年, 学期, 第一季度; not one that also says 年度 or 全年)
///   against a clause that opens with 一年来 (`一年来，我镇……`, `现就一年来……汇报如下`): a copied yearly report.
struct ConsistencyRuleDefinition: RuleDefinition {
    static let keys = ["check", "groups", "except"]

    enum Check: String, CaseIterable {
        case selfReference = "self-reference"
        case year
        case period
    }

    let check: Check
    let groups: [[Located<String>]]
    let exceptions: [Located<String>]

    static func parse(_ fields: MappingFields) -> ConsistencyRuleDefinition? {
        guard let value = fields.string("check", required: true) else { return nil }
        guard let check = Check(rawValue: value.value) else {
            fields.reader.report(.wrongType(key: "check", expected: "self-reference、year 或 period"), at: value.location)
            return nil
        }
        var groups: [[Located<String>]] = []
        if let node = fields.value("groups") {
            if case .sequence(let sequence) = node {
                for group in sequence {
                    guard case .sequence(let words) = group else {
                        fields.reader.report(.wrongType(key: "groups", expected: "词语列表的列表"), at: group)
                        continue
                    }
                    groups.append(
                        words.compactMap { word in
                            guard case .scalar(let scalar) = word, !scalar.string.isEmpty else {
                                fields.reader.report(.emptyValue(key: "groups"), at: word)
                                return nil
                            }
                            return Located(value: scalar.string, location: fields.reader.location(of: word))
                        })
                }
            } else {
                fields.reader.report(.wrongType(key: "groups", expected: "词语列表的列表"), at: node)
            }
        }
        if check == .selfReference && groups.isEmpty {
            fields.reader.report(.missingKey("groups"), at: fields.node)
            return nil
        }
        return ConsistencyRuleDefinition(check: check, groups: groups, exceptions: fields.strings("except") ?? [])
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        ConsistencyRule(
            header: header, check: check,
            groups: groups.map { $0.map { ($0.value, literals.add($0.value)) } },
            exceptions: exceptions.map { literals.add($0.value) },
            yearLong: check == .period ? ConsistencyRule.yearLong.map { literals.add($0) } : [],
            reportLead: check == .year ? literals.add(YearSummary.lead) : nil)
    }
}

public struct ConsistencyRule: Rule {
    public let header: RuleHeader
    let check: ConsistencyRuleDefinition.Check
    let groups: [[(word: String, literal: Int)]]
    let exceptions: [Int]
    /// For `period`: the literals of 一年来 and its like.
    let yearLong: [Int]
    /// For `year`: the literal of 现将, which leads into the year a summary reports on.
    let reportLead: Int?

    public func check(_ context: RuleContext) -> [Finding] {
        switch check {
        case .selfReference: return selfReferences(context)
        case .year: return years(context)
        case .period: return periods(context)
        }
    }

    private func selfReferences(_ context: RuleContext) -> [Finding] {
        let excused = exceptions.flatMap { context.hits($0) }
        var findings: [Finding] = []
        for group in groups {
            let uses = group.map { word in
                (
                    word: word.word,
                    hits: context.hits(word.literal).filter { hit in
                        !excused.contains { $0.contains(hit) }
                    }
                )
            }.filter { !$0.hits.isEmpty }
            // 本局 and 我局 are one self-noun: the unit after 我 or 本 (or 全).
            guard Set(uses.map { ConsistencyRule.selfNoun($0.word) }).count > 1,
                uses.contains(where: { $0.word.hasPrefix("我") || $0.word.hasPrefix("本") })
            else { continue }
            // The self-noun used most (我局 and 本局 together) wins, and the others are changed to it. On a tie
            // (我办 once, 我局 once) the text does not say which unit it is: the later ones are reported, unchanged.
            var totals: [Substring: (count: Int, first: Int, word: String)] = [:]
            for use in uses {
                let noun = ConsistencyRule.selfNoun(use.word)
                let total = totals[noun]
                totals[noun] = (
                    (total?.count ?? 0) + use.hits.count, min(total?.first ?? .max, use.hits[0].start),
                    total.map { $0.first < use.hits[0].start ? $0.word : use.word } ?? use.word
                )
            }
            let ranked = totals.sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }
            let (mainNoun, main) = (ranked[0].key, ranked[0].value)
            let tied = ranked[1].value.count == main.count
            for use in uses where ConsistencyRule.selfNoun(use.word) != mainNoun {
                // 全乡 becomes 全镇, 本室 本局: the word keeps its own 我, 本 or 全.
                let suggestion = String(use.word.dropLast(ConsistencyRule.selfNoun(use.word).count)) + mainNoun
                let message =
                    tied
                    ? "\(header.message)：前文用“\(main.word)”，这里是“\(use.word)”，\(totals.count == 2 ? "两种" : "几种")说法用得一样多，请统一"
                    : "\(header.message)：全文多用“\(main.word)”（\(main.count) 处），这里是“\(use.word)”"
                for hit in use.hits {
                    findings.append(context.finding(header, at: hit, message: message, suggestion: tied ? nil : suggestion))
                }
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// The unit a self-reference names: 局 for 我局 and 本局, 镇 for 全镇.
    static func selfNoun(_ word: String) -> Substring {
        word.hasPrefix("我") || word.hasPrefix("本") || word.hasPrefix("全") ? word.dropFirst() : Substring(word)
    }

    private func years(_ context: RuleContext) -> [Finding] {
        let document = context.document
        // 工作总结及2021年工作计划: the title's year is the plan's, the summary's is unwritten.
        guard let title = document.title.map({ document.text($0.range) }), let titleYear = ReportYear.firstYear(in: title),
            !ReportYear.namesOnlyThePlansYear(titleYear, in: title)
        else { return [] }
        if document.type == .plan {
            return PlanDates.pastTargets(document.source.bytes, planYear: titleYear).map { range, year in
                context.finding(
                    header, at: range,
                    message: "\(header.message)：标题是\(titleYear)年的计划，这里预计、争取的时间却在\(year)年，已经过去（沿用旧稿时未改年份？）")
            }
        }
        var findings: [Finding] = []
        let bytes = document.source.bytes
        // 2019年工作总结及2023年工作计划: one of the two years is wrong, and which one the body cannot tell.
        if let distant = YearSummary.distantPlanYear(in: title), let titleRange = document.title?.range {
            let start = document.source.scalarIndex(ofByte: titleRange.start) + distant.offset
            findings.append(
                context.finding(
                    header, at: document.source.byteRange(start..<(start + distant.length)),
                    message: "\(header.message)：标题总结的是\(distant.summary)年、计划的却是\(distant.plan)年，两个年份应前后相接，请核对"))
            return findings
        }
        // A web copy whose page title names another year than the report's own title under it (××区妇联2022年
        // 工作总结 over 区妇联2017年工作总结): the clash is reported once, at the first title's year, and the body's
        // years are not held against either title.
        var otherTitleYear: Int?
        // (The next year under the title is the second half of one title: 2021年工作总结 / 2022年工作思路.)
        if let (titleRange, other) = ConsistencyRule.secondTitle(document), other != titleYear, other != titleYear + 1,
            let written = ByteSearch.firstRange(of: Array("\(titleYear)".utf8), in: bytes, within: titleRange)
        {
            otherTitleYear = other
            findings.append(
                context.finding(
                    header, at: written,
                    message: "\(header.message)：标题是\(titleYear)年，下一行的标题却是\(other)年（转载时网页标题与原标题不一致？），请核对"))
        }
        // A 工作报告 to a congress (2023年政府工作报告) is given early in its year and reviews the year before; so
        // is a report to a year's meeting (在2020年全市科技工作会议上的报告).
        let reportsToAMeeting = ByteSearch.contains(title, "会议上的") || ByteSearch.contains(title, "大会上的")
        let reviewedYear = ByteSearch.contains(title, "工作报告") || reportsToAMeeting ? titleYear - 1 : titleYear
        for paragraph in document.proseParagraphs {
            for sentence in document.sentences(of: paragraph) {
                // Only a sentence opening with 20 can open with a year: look at two bytes before making text.
                guard sentence.count >= 8, bytes[sentence.start] == UInt8(ascii: "2"),
                    bytes[sentence.start + 1] == UInt8(ascii: "0")
                else { continue }
                let text = document.source.string(ByteRange(sentence.start, min(sentence.end, sentence.start + 24)))
                guard let (year, length) = ReportYear.openingYearSpan(text), year != titleYear, year != titleYear + 1,
                    year != reviewedYear,
                    otherTitleYear.map({ year != $0 && year != $0 + 1 }) ?? true
                else { continue }
                // 2014年，学校按照教育部……（教办函〔2014〕23号）制定了清单: a document of that year, told as history.
                let whole = document.text(sentence)
                if ["〔\(year)〕", "[\(year)]", "［\(year)］"].contains(where: { ByteSearch.contains(whole, $0) }) { continue }
                findings.append(
                    context.finding(
                        header, at: ByteRange(sentence.start, sentence.start + length),
                        message: "\(header.message)：标题是\(titleYear)年，正文这里写“\(year)年”"))
            }
        }
        if otherTitleYear == nil, YearSummary.covers(title, year: titleYear) {
            let leads = reportLead.map { context.hits($0) } ?? []
            findings += YearSummary.otherYearsReported(context, leads: leads, titleYear: titleYear).map { range, year in
                context.finding(
                    header, at: range, message: "\(header.message)：标题是\(titleYear)年的总结，这里汇报的却是\(year)年的工作")
            }
            findings += YearSummary.earlierPlansIssued(bytes, titleYear: titleYear).map { range in
                context.finding(
                    header, at: range,
                    message: "\(header.message)：标题是\(titleYear)年的总结，这里当年制发的却是\(titleYear - 1)年的方案（沿用旧稿时未改年份？）")
            }
            if !ConsistencyRule.partOfYear.contains(where: { ByteSearch.contains(title, $0) }) {
                findings += YearSummary.earlyDatesStillExpected(bytes, titleYear: titleYear).map { range in
                    context.finding(
                        header, at: range,
                        message: "\(header.message)：标题是\(titleYear)年的总结，这里预计的却是\(titleYear)年初，已经过去（应为\(titleYear + 1)年？）")
                }
            }
            if let (range, year) = YearSummary.earlierDate(context.document, titleYear: titleYear) {
                findings.append(
                    context.finding(
                        header, at: range, message: "\(header.message)：标题是\(titleYear)年的总结，落款日期却是\(year)年，早于所总结的年度"))
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// A second title right under the title (front matter that names a kind of report and a year, and has no
    /// clause or quoted name in it): the title's range and that year.
    static func secondTitle(_ document: Document) -> (title: ByteRange, year: Int)? {
        guard let title = document.title, title.index + 1 < document.paragraphs.count else { return nil }
        let next = document.paragraphs[title.index + 1]
        let text = document.text(next.range)
        guard next.role == .frontMatter, !text.unicodeScalars.contains(where: { "，,、《：".unicodeScalars.contains($0) }),
            DocumentType.detect(title: text) != nil, let year = ReportYear.firstYear(in: text)
        else {
            return nil
        }
        return (title.range, year)
    }

    /// Words of a title that covers part of a year, and words that make it a yearly report after all.
    static let partOfYear = ["上半年", "下半年", "半年", "学期", "季度"]
    static let wholeYear = ["年度", "全年"]
    static let yearLong = ["一年来"]
    /// What may stand right before a clause-opening 一年来: the start of a line, a mark, or a lead-in verb.
    static let leadIns = ["，", "。", "：", "；", "现就", "现将", "回顾"].map { Array($0.utf8) }

    private func periods(_ context: RuleContext) -> [Finding] {
        let hits = yearLong.flatMap { context.hits($0) }
        let document = context.document
        guard !hits.isEmpty, let titleRange = document.title?.range else { return [] }
        let title = document.text(titleRange)
        guard let part = ConsistencyRule.partOfYear.first(where: { ByteSearch.contains(title, $0) }),
            !ConsistencyRule.wholeYear.contains(where: { ByteSearch.contains(title, $0) })
        else { return [] }
        let bytes = document.source.bytes
        return hits.sorted().filter { hit in
            guard hit.start >= titleRange.end else { return false }
            var start = hit.start
            // Indentation before the clause: full-width or ASCII spaces.
            while start >= 3, bytes[(start - 3)..<start].elementsEqual("　".utf8) { start -= 3 }
            while start >= 1, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
            if start == 0 || bytes[start - 1] == UInt8(ascii: "\n") || bytes[start - 1] == UInt8(ascii: "\r") { return true }
            return ConsistencyRule.leadIns.contains { ByteSearch.has($0, endingAt: start, in: bytes) }
        }.map { hit in
            context.finding(
                header, at: hit, message: "\(header.message)：标题写的是“\(part)”，正文这里写“\(document.text(hit))”")
        }
    }
}
