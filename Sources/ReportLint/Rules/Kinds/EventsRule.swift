/// `kind: events` — a dated table of the events reports cite (congresses, plenary sessions, campaigns;
/// DOMAIN.md §7), each with the literal `names` that name it, its `start` (YYYY-MM or YYYY-MM-DD), its
/// `source`, and for a congress `supersededBy`, the date the next one opened. Two checks, both only when
/// the report's year is known (`Document.year`: title, date line, opening sentence):
/// - a report cites an event that had not happened in its year (二十届三中全会 in a 2023 summary);
/// - a report of a year after `supersededBy` studies the earlier congress as the current one
///   (学习贯彻党的十九大精神 in 2023); historical uses (党的十九大以来, 十九大报告指出) are fine: only a name
///   preceded by 学习/贯彻/落实/宣传/领会 and followed by 精神 counts.
/// - a campaign with an `end` named as the report's current work years later: a name (or one of
///   `currentNames`, words that only count this way, like the bare 党史学习教育) inside 以……为契机/主线/
///   抓手/载体/重点/统领 (以开展党史学习教育为契机 in 2023; 巩固党史学习教育成果 is fine);
/// - a meeting said to be held in another year in the same clause (今年党的二十大胜利召开 in 2023,
///   2023年党的二十大召开).
/// 精神 may follow a list of plenums (学习贯彻党的十九大和十九届历次全会精神).
/// - a list of plenums studied as the current line that stops before one held in an earlier year than the
///   report's (十九届一中、二中、三中全会精神 in 2020, when 十九届四中全会 was held in October 2019), or whose
///   congress was followed by the next before that year (十九届历次全会精神 in 2023).
/// A name right after one of `notAfter` (喜迎党的二十大, 团十九大) or right before one of `notBefore`
/// (二十大胜利召开, 二十大代表) is not a citation of the event as past. A unit adds its own provincial and
/// city congresses with a rule of this kind in its rule files.
struct EventsRuleDefinition: RuleDefinition {
    static let keys = ["events", "notAfter", "notBefore"]
    static let eventKeys = ["name", "names", "currentNames", "start", "end", "source", "supersededBy", "note"]

    struct Event: Sendable {
        let name: String
        let names: [String]
        let start: EventDate
        let source: String?
        let supersededBy: EventDate?
        /// When a campaign ended.
        let end: EventDate?
        /// Words that name it only as the current work (以开展党史学习教育为契机).
        let currentNames: [String]
        let note: String?
    }

    let events: [Event]
    let notAfter: [String]
    let notBefore: [String]

    static func parse(_ fields: MappingFields) -> EventsRuleDefinition? {
        guard let sequence = fields.requiredSequence("events", expected: "事件列表") else { return nil }
        let events = sequence.compactMap { item -> Event? in
            guard let event = fields.reader.fields(item, what: "events 的每一项", allowed: eventKeys),
                let name = event.string("name", required: true),
                let startText = event.string("start", required: true)
            else { return nil }
            func date(_ value: Located<String>) -> EventDate? {
                guard let date = EventDate(value.value) else {
                    fields.reader.report(.wrongType(key: "start", expected: "日期，如 2024-07 或 2024-07-15"), at: value.location)
                    return nil
                }
                return date
            }
            guard let start = date(startText) else { return nil }
            var supersededBy: EventDate?
            if let value = event.string("supersededBy") {
                guard let parsed = date(value) else { return nil }
                supersededBy = parsed
            }
            var end: EventDate?
            if let value = event.string("end") {
                guard let parsed = date(value) else { return nil }
                end = parsed
            }
            let names = (event.strings("names") ?? []).map(\.value)
            return Event(
                name: name.value, names: names.isEmpty ? [name.value] : names, start: start,
                source: event.string("source")?.value, supersededBy: supersededBy, end: end,
                currentNames: (event.strings("currentNames") ?? []).map(\.value), note: event.string("note")?.value)
        }
        return EventsRuleDefinition(
            events: events, notAfter: (fields.strings("notAfter") ?? []).map(\.value),
            notBefore: (fields.strings("notBefore") ?? []).map(\.value))
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        let plenums = plenums
        return EventsRule(
            header: header, events: events.map { ($0, $0.names.map { literals.add($0) }) },
            currentNames: events.map { $0.currentNames.map { literals.add($0) } },
            notAfter: notAfter.map { Array($0.utf8) }, notBefore: notBefore.map { Array($0.utf8) },
            studyVerbs: ["学习", "贯彻", "落实", "宣传", "领会", "宣讲"].map { Array($0.utf8) },
            spirit: Array("精神".utf8), meeting: Array("会议".utf8), party: Array("党的".utf8),
            plenumPrefixes: Set(plenums.keys.map { String($0.prefix { $0 != "届" }) + "届" }).sorted().map(literals.add),
            plenums: plenums, congresses: congresses)
    }

    /// The plenary sessions of the table by their short name (十九届四中全会): when each began and its name.
    var plenums: [String: (date: EventDate, name: String)] {
        var found: [String: (date: EventDate, name: String)] = [:]
        for event in events {
            for name in event.names where name.hasSuffix("中全会") && name.contains("届") && name.count <= 8 {
                found[name] = (event.start, event.name)
            }
        }
        return found
    }

    /// The congresses of the table by their short name (十九大), for 十九届历次全会.
    var congresses: [String: Event] {
        var found: [String: Event] = [:]
        for event in events where event.supersededBy != nil {
            for name in event.names where name.hasSuffix("大") && name.count <= 3 { found[name] = event }
        }
        return found
    }
}

/// A year and month (the day, when given, only documents the table).
struct EventDate: Sendable, Comparable {
    let year: Int
    let month: Int

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard (1...3).contains(parts.count), let year = Int(parts[0]), (1900...2100).contains(year) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        guard let month, (1...12).contains(month) else { return nil }
        if parts.count == 3 { guard let day = Int(parts[2]), (1...31).contains(day) else { return nil } }
        self.year = year
        self.month = month
    }

    var chinese: String { "\(year)年\(month)月" }

    static func < (a: EventDate, b: EventDate) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

public struct EventsRule: Rule {
    public let header: RuleHeader
    let events: [(event: EventsRuleDefinition.Event, names: [Int])]
    /// Per event, the literals of its `currentNames`.
    let currentNames: [[Int]]
    let notAfter: [[UInt8]]
    let notBefore: [[UInt8]]
    let studyVerbs: [[UInt8]]
    let spirit: [UInt8]
    let meeting: [UInt8]
    /// 党的, which a name may or may not include (党的十九大, 十九大).
    let party: [UInt8]
    /// 十九届, 二十届 …: where a list of plenums (十九届一中、二中、三中全会) may start.
    let plenumPrefixes: [Int]
    let plenums: [String: (date: EventDate, name: String)]
    let congresses: [String: EventsRuleDefinition.Event]
    public var reads: ReportParts { [] }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        var reported = Set<ByteRange>()
        var year: ReportYear?? = .none // read only when some event is named
        for (index, (event, names)) in events.enumerated() {
            let hits = ByteRange.merged(names.flatMap { context.hits($0) })
            let current = ByteRange.merged(currentNames[index].flatMap { context.hits($0) })
            guard !hits.isEmpty || !current.isEmpty else { continue }
            if year == .none { year = .some(document.year) }
            guard let reportYear = year ?? nil else { return [] }
            let bytes = document.source.bytes
            let basis = event.source.map { "（\($0)）" } ?? ""
            if let end = event.end, reportYear.value > end.year {
                for range in ByteRange.merged(hits + current) where !reported.contains(range) {
                    // A full calendar year after the campaign ended, 深入开展 it is no longer the year's work either.
                    let ongoing = reportYear.value > end.year + 1 ? campaignCarriedOn(range, bytes, endYear: end.year) : nil
                    guard let frame = campaignFrame(range, bytes) ?? ongoing else { continue }
                    reported.insert(range)
                    findings.append(
                        context.finding(
                            header, at: frame,
                            message:
                                "\(header.message)：“\(document.text(frame))”把\(event.start.chinese)至\(end.chinese)的\(event.name)当作当年的工作，而本报告写的是\(reportYear.value)年（据\(reportYear.evidence)）\(basis)",
                            severity: .warning))
                }
            }
            for range in hits where !reported.contains(range) {
                guard let welcome = welcomedAfterHeld(range, bytes, event: event, reportYear: reportYear.value) else { continue }
                reported.insert(range)
                findings.append(
                    context.finding(
                        header, at: welcome,
                        message:
                            "\(header.message)：“\(document.text(welcome))”，但\(event.name)已于\(event.start.chinese)召开，而本报告写的是\(reportYear.value)年（据\(reportYear.evidence)）\(basis)",
                        severity: .warning))
            }
            for range in hits where !reported.contains(range) {
                guard let said = heldIn(range, bytes, reportYear: reportYear.value), said.year != event.start.year else {
                    continue
                }
                reported.insert(range)
                findings.append(
                    context.finding(
                        header, at: range,
                        message:
                            "\(header.message)：“\(document.text(range))”于\(event.start.chinese)召开，这里写成\(said.year)年（“\(document.text(said.word))”）\(basis)"
                    ))
            }
            for range in hits
            where !reported.contains(range) && !Redaction.precedes(range.start, in: bytes)
                && !notAfter.contains(where: { ByteSearch.has($0, endingAt: range.start, in: bytes) })
                && !notBefore.contains(where: { ByteSearch.has($0, at: range.end, in: bytes) })
            {
                let written = document.text(range)
                // 为2024年新中国成立75周年献礼 in a report of 2023: the text gives the event its own, later year.
                let datedRight =
                    range.start >= 3 && ByteSearch.has(Array("年".utf8), endingAt: range.start, in: bytes)
                    && EventsRule.yearDigits(endingAt: range.start - 3, bytes) == event.start.year
                if event.start.year > reportYear.value, !datedRight {
                    reported.insert(range)
                    findings.append(
                        context.finding(
                            header, at: range,
                            message:
                                "\(header.message)：“\(written)”是\(event.start.chinese)的事，而本报告写的是\(reportYear.value)年（据\(reportYear.evidence)）\(basis)"
                        ))
                } else if let next = event.supersededBy, reportYear.value > next.year,
                    case let later = laterNames(than: next, context),
                    studiedAsCurrent(range, in: document.source.bytes, laterNames: later),
                    !EventsRule.namedLaterInSentence(after: range, later, bytes)
                {
                    reported.insert(range)
                    var message = "\(header.message)：\(reportYear.value)年的报告学习贯彻“\(written)精神”，而\(next.chinese)已召开新一次大会\(basis)"
                    if let note = event.note { message += "。\(note)" }
                    findings.append(context.finding(header, at: range, message: message, severity: .warning))
                }
            }
        }
        // The report's year is found once per document, so asking for it again here costs nothing.
        if !plenumPrefixes.allSatisfy({ context.hits($0).isEmpty }), let reportYear = document.year {
            findings += staleLists(context, reportYear: reportYear, after: findings)
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// 学习贯彻十九届一中、二中、三中全会精神 in a report of 2020: a list of two or more plenums studied as the
    /// current line, while the next plenum of the same congress was held in a year before the report's (十九届四中
    /// 全会, October 2019). A single plenum named for its subject (十九届四中全会精神 on governance) is not a list.
    /// A list right after a congress already reported as studied as current (十九大和十九届……) is not reported again.
    func staleLists(_ context: RuleContext, reportYear: ReportYear, after reported: [Finding]) -> [Finding] {
        let bytes = context.document.source.bytes
        let numerals = Array("一二三四五六七八九".unicodeScalars)
        let everyPlenum = Array("历次全会".utf8)
        var findings: [Finding] = []
        for hit in plenumPrefixes.flatMap({ context.hits($0) }).sorted() {
            var index = hit.end
            var numbers: [Int] = []
            while let scalar = IdentityRule.scalar(at: index, bytes), let number = numerals.firstIndex(of: scalar),
                IdentityRule.scalar(at: index + 3, bytes) == "中"
            {
                numbers.append(number + 1)
                index += 6
                guard let joiner = IdentityRule.scalar(at: index, bytes), "、和及".unicodeScalars.contains(joiner) else { break }
                index += 3
            }
            let every = numbers.isEmpty && ByteSearch.has(everyPlenum, at: hit.end, in: bytes)
            guard !reported.contains(where: { $0.range.end <= hit.start && hit.start - $0.range.end <= 6 }),
                every
                    || (numbers.count >= 2 && numbers == numbers.sorted()
                        && ByteSearch.has(Array("全会".utf8), at: index, in: bytes))
            else { continue }
            let end = every ? hit.end + everyPlenum.count : index + "全会".utf8.count
            let prefix = String(decoding: bytes[hit.start..<hit.end], as: UTF8.self)
            // Why the list is stale: its congress was followed by the next one before the report's year
            // (十九届历次全会精神 in 2023), or a later plenum of it was held before that year.
            var why: String?
            if let congress = congresses[String(prefix.dropLast()) + "大"], let next = congress.supersededBy,
                next.year < reportYear.value
            {
                why = "而\(next.chinese)已召开新一次大会"
            } else if let last = numbers.last, last < 9, let plenum = plenums[prefix + String(numerals[last]) + "中全会"],
                plenum.date.year < reportYear.value
            {
                why = "而\(plenum.date.chinese)已召开\(plenum.name)，这里没有列入"
            }
            guard let why else { continue }
            if !ByteSearch.has(spirit, at: end, in: bytes) {
                // 十九大和十九届历次全会和党的二十大精神: a list that names the next congress is history.
                guard let spiritAt = joinedSpirit(after: end, bytes),
                    !laterThanList(prefix, context).contains(where: { $0.start >= end && $0.end <= spiritAt })
                else { continue }
            }
            // 2018年，我们学习贯彻十九届二中、三中全会精神: history of an earlier year, told in a later report.
            if EventsRule.earlierYear(inSentenceBefore: hit.start, bytes, than: reportYear.value) { continue }
            // A study verb within twenty characters before the list (学习贯彻党的十九大和十九届……).
            guard studyVerb(before: hit.start, within: 20, bytes) else { continue }
            // …十九届历次全会精神，认真学习贯彻党的二十大精神: the year the congresses changed over.
            if EventsRule.namedLaterInSentence(after: ByteRange(hit.start, end), laterThanList(prefix, context), bytes) {
                continue
            }
            let range = ByteRange(hit.start, end)
            findings.append(
                context.finding(
                    header, at: range,
                    message: "\(header.message)：\(reportYear.value)年的报告学习贯彻“\(context.document.text(range))精神”，\(why)",
                    severity: .warning))
        }
        return findings
    }

    /// Names of the events that began once the congress of a plenum prefix (十九届) was followed by the next.
    func laterThanList(_ prefix: String, _ context: RuleContext) -> [ByteRange] {
        guard let next = congresses[String(prefix.dropLast()) + "大"]?.supersededBy else { return [] }
        return laterNames(than: next, context)
    }

    /// A year before `year` written as 20XX年 earlier in the same sentence (back to 。；！？ or a line end, at
    /// most 80 characters), not as 20XX年以来.
    static func earlierYear(inSentenceBefore position: Int, _ bytes: [UInt8], than year: Int) -> Bool {
        anyInSentence(before: position, bytes) { scalar, index in
            guard scalar == "年", let written = yearDigits(endingAt: index, bytes), written < year else { return false }
            return !IdentityRule.ends(at: min(bytes.count, index + 9), with: "以来", bytes)
        }
    }

    /// Walks back over the sentence before `position` (to 。；！？ or a line end, at most 80 characters) and tells
    /// whether `test` holds at some character (the character and where it starts).
    static func anyInSentence(before position: Int, _ bytes: [UInt8], _ test: (Unicode.Scalar, Int) -> Bool) -> Bool {
        var index = position
        var characters = 0
        while index > 0, characters < 80, let scalar = IdentityRule.scalar(endingAt: index, bytes),
            !"。；！？\n\r".unicodeScalars.contains(scalar)
        {
            index -= String(scalar).utf8.count
            characters += 1
            if test(scalar, index) { return true }
        }
        return false
    }

    /// The year written as four ASCII digits right before `end` (where a 年 starts).
    static func yearDigits(endingAt end: Int, _ bytes: [UInt8]) -> Int? {
        guard end >= 4, bytes[end - 4] == UInt8(ascii: "2"), bytes[(end - 4)..<end].allSatisfy({ (48...57).contains($0) })
        else { return nil }
        return Int(String(decoding: bytes[(end - 4)..<end], as: UTF8.self))
    }

    /// 学习贯彻党的十九大精神: a study verb within a few characters before the name, and 精神 (or 会议精神)
    /// right after it, or after a list joined to it in the same clause (党的十九大及历次全会和……重要讲话精神).
    /// 党的十九大以来 and 十九大报告指出 are history, not the current line; so is a list that also names an event
    /// held after the next congress opened (`laterNames`: 十九大和二十大精神).
    func studiedAsCurrent(_ range: ByteRange, in bytes: [UInt8], laterNames: [ByteRange] = []) -> Bool {
        let afterList = plenumList(after: range.end, bytes)
        var follows =
            ByteSearch.has(spirit, at: afterList, in: bytes)
            || (ByteSearch.has(meeting, at: afterList, in: bytes)
                && ByteSearch.has(spirit, at: afterList + meeting.count, in: bytes))
        if !follows, let spiritAt = joinedSpirit(after: afterList, bytes) {
            follows = !laterNames.contains { $0.start >= range.end && $0.end <= spiritAt }
        }
        guard follows else { return false }
        // Up to eight characters before the name: 认真学习贯彻落实党的十九大精神, 学习宣传贯彻十九大精神.
        if studyVerb(before: range.start, within: 8, bytes) { return true }
        // The name second in a studied list: 学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神.
        // Not when a later congress is in the same list (学习贯彻党的二十大精神和党的十九大……精神).
        if let joined = joinedBefore(range.start, bytes), clauseStudyVerb(before: joined, bytes),
            !laterNames.contains(where: { $0.end <= range.start && $0.start >= joined - 40 * 3 })
        {
            return true
        }
        // A guiding frame: 在党的十八大精神指引下, 以党的十九大精神为指导.
        return guidingFrame(around: range, afterList: afterList, bytes)
    }

    /// 贯彻落实党的十九大和十九届历次全会精神，认真学习贯彻党的二十大精神: the sentence goes on to the congress
    /// that followed, so it tells of the year the one gave way to the other (a 2023 政府工作报告 reviewing 2022).
    static func namedLaterInSentence(after range: ByteRange, _ later: [ByteRange], _ bytes: [UInt8]) -> Bool {
        let window = ByteRange(range.end, min(bytes.count, range.end + 200 * 3))
        let end = sentenceStops.compactMap { ByteSearch.firstRange(of: $0, in: bytes, within: window)?.start }.min() ?? window.end
        return later.contains { $0.start >= range.end && $0.end <= end }
    }

    static let sentenceStops = ["。", "；", "\n"].map { Array($0.utf8) }

    /// 和/及/以及/、 right before a name (党的 in between is part of the name or skipped): where the joiner starts,
    /// when what it joins is a thought or theory (思想, 理论, 重要讲话, 论述, 指示).
    func joinedBefore(_ start: Int, _ bytes: [UInt8]) -> Int? {
        let nameStart = nameStart(start, bytes)
        guard let joiner = EventsRule.joiners.first(where: { ByteSearch.has(Array($0.utf8), endingAt: nameStart, in: bytes) })
        else { return nil }
        let joinerStart = nameStart - joiner.utf8.count
        let thoughts = ["思想", "理论", "重要讲话", "论述", "指示", "精神"]
        return thoughts.contains(where: { ByteSearch.has(Array($0.utf8), endingAt: joinerStart, in: bytes) }) ? joinerStart : nil
    }

    /// A study verb earlier in the same clause (at most 40 characters back, no mark that ends a clause).
    func clauseStudyVerb(before position: Int, _ bytes: [UInt8]) -> Bool {
        var index = position
        while index > 0, position - index < 40 * 3 {
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let scalar = IdentityRule.scalar(at: start, bytes), !EventsRule.clauseStops.contains(scalar) else {
                return false
            }
            index = start
            if studyVerbs.contains(where: { ByteSearch.has($0, at: index, in: bytes) }) {
                return true
            }
        }
        return false
    }

    /// 在（党的）十八大精神（的）指引下 and 以（党的）十九大精神为指导: the congress named as the current guide.
    func guidingFrame(around range: ByteRange, afterList: Int, _ bytes: [UInt8]) -> Bool {
        let nameStart = nameStart(range.start, bytes)
        let opener = ["在", "以"].first { ByteSearch.has(Array($0.utf8), endingAt: nameStart, in: bytes) }
        guard let opener, ByteSearch.has(spirit, at: afterList, in: bytes) else { return false }
        var index = afterList + spirit.count
        if ByteSearch.has(Array("的".utf8), at: index, in: bytes) { index += 3 }
        let frames = opener == "在" ? ["指引下", "指导下", "鼓舞下", "引领下"] : ["为指导", "为指引", "为引领"]
        return frames.contains { ByteSearch.has(Array($0.utf8), at: index, in: bytes) }
    }

    /// What joins two names in a list (党的十九大和十九届历次全会, 思想和党的十九大精神).
    static let joiners = ["以及", "和", "及", "、"]
    /// The marks that end a clause: a list and its verb or its 精神 are never on both sides of one.
    static let clauseStops = "，。；：！？\n\r（）《》".unicodeScalars

    /// Where a congress name starts with the 党的 before it (a name may be written with or without it).
    func nameStart(_ start: Int, _ bytes: [UInt8]) -> Int {
        ByteSearch.has(party, endingAt: start, in: bytes) ? start - party.count : start
    }

    /// True when one of `studyVerbs` ends at most `characters` (of three bytes) before `position`.
    func studyVerb(before position: Int, within characters: Int, _ bytes: [UInt8]) -> Bool {
        let windowStart = max(0, position - characters * 3)
        return studyVerbs.contains { verb in
            stride(from: windowStart, through: position - verb.count, by: 1).contains { ByteSearch.has(verb, at: $0, in: bytes) }
        }
    }

    /// 和/及/以及/、 right after a name (or its plenums), and 精神 later in the same clause, within 40
    /// characters: where that 精神 starts.
    func joinedSpirit(after end: Int, _ bytes: [UInt8]) -> Int? {
        guard let joiner = EventsRule.joiners.first(where: { ByteSearch.has(Array($0.utf8), at: end, in: bytes) }) else {
            return nil
        }
        var index = end + joiner.utf8.count
        while let scalar = IdentityRule.scalar(at: index, bytes), !EventsRule.clauseStops.contains(scalar), index - end < 40 * 3 {
            if ByteSearch.has(spirit, at: index, in: bytes) { return index }
            index += String(scalar).utf8.count
        }
        return nil
    }

    /// Names of the events that began once `date` had come (the next congress and everything after it).
    func laterNames(than date: EventDate, _ context: RuleContext) -> [ByteRange] {
        events.filter { !($0.event.start < date) }.flatMap { $0.names.flatMap { context.hits($0) } }
    }

    /// Past a list of plenums after a congress (和十九届历次全会, 、十九届二中、三中全会, 及历次全会): where 精神
    /// would be, right after the last 全会.
    func plenumList(after end: Int, _ bytes: [UInt8]) -> Int {
        let allowed = "和及、以十九八二三四五六七一届历次中全会".unicodeScalars
        var index = end
        var lastPlenum = end
        while let scalar = IdentityRule.scalar(at: index, bytes), allowed.contains(scalar), index - end < 30 * 3 {
            index += 3
            if IdentityRule.ends(at: index, with: "全会", bytes) { lastPlenum = index }
        }
        return lastPlenum
    }

    /// 以开展党史学习教育为契机, 结合党史学习教育的开展, 今年开展的党史学习教育: the campaign as the frame of the
    /// report's own work, or as held in its year.
    /// Returns the frame's range.
    func campaignFrame(_ range: ByteRange, _ bytes: [UInt8]) -> ByteRange? {
        var start = range.start
        for verb in ["开展", "深入开展", "扎实开展", "持续开展", "认真开展"] where IdentityRule.ends(at: start, with: verb, bytes) {
            start -= verb.utf8.count
            break
        }
        // 今年开展的党史学习教育: the campaign held in the report's own year.
        if let lead = ["今年开展的", "今年深入开展的", "今年以来开展的"].first(where: { IdentityRule.ends(at: start, with: $0, bytes) }) {
            return ByteRange(start - lead.utf8.count, range.end)
        }
        if IdentityRule.ends(at: start, with: "结合", bytes) {
            var end = range.end
            if ByteSearch.has(Array("活动".utf8), at: end, in: bytes) { end += "活动".utf8.count }
            if let tail = ["的开展", "的深入开展", "开展"].first(where: { ByteSearch.has(Array($0.utf8), at: end, in: bytes) }) {
                return ByteRange(start - "结合".utf8.count, end + tail.utf8.count)
            }
            // 今年以来，我委结合党史学习教育……: joined to the year's own work in a sentence about this year.
            let joined = start - "结合".utf8.count
            guard !EventsRule.campaignAfterwords.contains(where: { ByteSearch.has(Array($0.utf8), at: end, in: bytes) }),
                EventsRule.anyInSentence(
                    before: joined, bytes, { _, index in ByteSearch.has(Array("今年".utf8), at: index, in: bytes) })
            else { return nil }
            return ByteRange(joined, range.end)
        }
        guard IdentityRule.ends(at: start, with: "以", bytes) else { return nil }
        guard ByteSearch.has(Array("为".utf8), at: range.end, in: bytes) else { return nil }
        let goals = ["契机", "主线", "抓手", "载体", "重点", "统领", "牵引", "结合点", "切入点", "突破口"]
        guard let goal = goals.first(where: { ByteSearch.has(Array($0.utf8), at: range.end + 3, in: bytes) }) else { return nil }
        return ByteRange(start - 3, range.end + 3 + goal.utf8.count)
    }

    /// 深入开展创先争优活动, 继续推进“不忘初心、牢记使命”主题教育: a verb of doing right before the campaign's
    /// name, as the year's own work. Not a result or a time of it (主题教育成果, 党史学习教育以来, 期间), and not in a
    /// sentence that looks back (2021年以来, 五年来, 先后, 相继) or in a report that reviews several years.
    func campaignCarriedOn(_ range: ByteRange, _ bytes: [UInt8], endYear: Int) -> ByteRange? {
        guard let verb = EventsRule.campaignVerbs.first(where: { IdentityRule.ends(at: range.start, with: $0, bytes) })
        else { return nil }
        var after = range.end
        if IdentityRule.ends(at: after + 6, with: "活动", bytes) { after += 6 }
        guard !EventsRule.campaignAfterwords.contains(where: { ByteSearch.has(Array($0.utf8), at: after, in: bytes) }) else {
            return nil
        }
        let start = range.start - verb.utf8.count
        guard !EventsRule.looksBack(inSentenceBefore: start, bytes, endYear: endYear),
            !EventsRule.reviewsSeveralYears(bytes)
        else { return nil }
        return ByteRange(start, range.end)
    }

    static let campaignVerbs = [
        "深入开展", "扎实开展", "认真开展", "全面开展", "持续开展", "继续开展", "积极开展", "广泛开展", "集中开展",
        "深入推进", "扎实推进", "继续推进", "全面推进", "持续推进", "深化",
    ]
    /// What makes the campaign's name a result or a time rather than the work itself.
    static let campaignAfterwords = [
        "成果", "以来", "期间", "中", "时", "后", "的成果", "的经验", "经验", "整改", "总结", "回头看", "常态化", "制度化",
        "长效", "的基础", "基础上", "取得",
    ]
    /// Words of a sentence that tells of earlier years: 2021年以来 (a year no later than the campaign's end, however
    /// written), 五年来, 先后, 相继, 历年, 期间.
    static func looksBack(inSentenceBefore position: Int, _ bytes: [UInt8], endYear: Int) -> Bool {
        let backWords = ["年来", "以来", "先后", "相继", "历年", "期间", "其间", "回顾"].map { Array($0.utf8) }
        return anyInSentence(before: position, bytes) { scalar, index in
            if backWords.contains(where: { index + $0.count <= position && bytes[index...].starts(with: $0) }) { return true }
            // 20XX年 no later than the campaign's end.
            return scalar == "年" && (yearDigits(endingAt: index, bytes).map { $0 <= endYear } ?? false)
        }
    }

    /// A report that reviews a term or several years (五年来, 过去五年, 任期内, 本届以来) tells of earlier campaigns
    /// as its own work.
    static func reviewsSeveralYears(_ bytes: [UInt8]) -> Bool {
        let all = ByteRange(0, bytes.count)
        return ["五年来", "过去五年", "过去的五年", "几年来", "多年来", "三年来", "十年来", "任期内", "本届", "届期", "历年来"].contains {
            ByteSearch.firstRange(of: Array($0.utf8), in: bytes, within: all) != nil
        }
    }

    /// 迎接党的二十大胜利召开 in a report of 2024: an event welcomed as coming, two or more years after it was held
    /// (the year after, a report dated in January may still tell of the year before). Not in a sentence that looks
    /// back (2022年以来, 回顾) or in a report that reviews several years. Returns the words from 迎接 to the name.
    func welcomedAfterHeld(
        _ range: ByteRange, _ bytes: [UInt8], event: EventsRuleDefinition.Event, reportYear: Int
    ) -> ByteRange? {
        guard reportYear >= event.start.year + 2 else { return nil }
        let nameStart = nameStart(range.start, bytes)
        guard let word = ["迎接", "喜迎", "献礼"].first(where: { IdentityRule.ends(at: nameStart, with: $0, bytes) }) else {
            return nil
        }
        let start = nameStart - word.utf8.count
        guard !EventsRule.looksBack(inSentenceBefore: start, bytes, endYear: event.start.year),
            !EventsRule.reviewsSeveralYears(bytes)
        else { return nil }
        return ByteRange(start, range.end)
    }

    /// 今年党的二十大胜利召开 / 2023年党的二十大召开: the year the clause gives a meeting held in it.
    func heldIn(_ range: ByteRange, _ bytes: [UInt8], reportYear: Int) -> (year: Int, word: ByteRange)? {
        var index = range.end
        for word in ["胜利", "隆重"] where ByteSearch.has(Array(word.utf8), at: index, in: bytes) { index += word.utf8.count }
        guard let verb = ["召开", "闭幕", "开幕", "举行"].first(where: { ByteSearch.has(Array($0.utf8), at: index, in: bytes) }) else {
            return nil
        }
        // 二十大召开后的第一年, 召开以来, 召开之际: the clause speaks of a time after or around it.
        let after = index + verb.utf8.count
        guard !["后", "以", "之", "前", "一周年", "的", "时"].contains(where: { ByteSearch.has(Array($0.utf8), at: after, in: bytes) }),
            let time = TimeWord.nearest(before: range.start, in: bytes)
        else { return nil }
        switch time.kind {
        case .year(let year): return (year, time.range)
        case .relative(let offset): return (reportYear + offset, time.range)
        }
    }
}
