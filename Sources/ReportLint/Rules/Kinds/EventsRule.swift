/// `kind: events` — a dated table of the events reports cite (congresses, plenary sessions, campaigns;
/// DOMAIN.md §7), each with the literal `names` that name it, its `start` (YYYY-MM or YYYY-MM-DD), its
/// `source`, and for a congress `supersededBy`, the date the next one opened. Two checks, both only when
/// the report's year is known (`Document.year`: title, date line, opening sentence):
/// - a report cites an event that had not happened in its year (二十届三中全会 in a 2023 summary);
/// - a report of a year after `supersededBy` studies the earlier congress as the current one
///   (学习贯彻党的十九大精神 in 2023); historical uses (党的十九大以来, 十九大报告指出) are fine: only a name
///   preceded by 学习/贯彻/落实/宣传/领会 and followed by 精神 counts.
/// A name right after one of `notAfter` (喜迎党的二十大, 团十九大) or right before one of `notBefore`
/// (二十大胜利召开, 二十大代表) is not a citation of the event as past. A unit adds its own provincial and
/// city congresses with a rule of this kind in its rule files.
struct EventsRuleDefinition: RuleDefinition {
    static let keys = ["events", "notAfter", "notBefore"]
    static let eventKeys = ["name", "names", "start", "end", "source", "supersededBy", "note"]

    struct Event: Sendable {
        let name: String
        let names: [String]
        let start: EventDate
        let source: String?
        let supersededBy: EventDate?
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
                  let startText = event.string("start", required: true) else { return nil }
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
            let names = (event.strings("names") ?? []).map(\.value)
            return Event(name: name.value, names: names.isEmpty ? [name.value] : names, start: start,
                         source: event.string("source")?.value, supersededBy: supersededBy, note: event.string("note")?.value)
        }
        return EventsRuleDefinition(events: events, notAfter: (fields.strings("notAfter") ?? []).map(\.value),
                                    notBefore: (fields.strings("notBefore") ?? []).map(\.value))
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        EventsRule(header: header, events: events.map { ($0, $0.names.map { literals.add($0) }) },
                   notAfter: notAfter.map { Array($0.utf8) }, notBefore: notBefore.map { Array($0.utf8) },
                   studyVerbs: ["学习", "贯彻", "落实", "宣传", "领会", "宣讲"].map { Array($0.utf8) },
                   spirit: Array("精神".utf8), meeting: Array("会议".utf8))
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
    let notAfter: [[UInt8]]
    let notBefore: [[UInt8]]
    let studyVerbs: [[UInt8]]
    let spirit: [UInt8]
    let meeting: [UInt8]
    public var reads: ReportParts { [] }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        var reported = Set<ByteRange>()
        var year: ReportYear?? = .none // read only when some event is named
        for (event, names) in events {
            let hits = ByteRange.merged(names.flatMap { context.hits($0) })
            guard !hits.isEmpty else { continue }
            if year == .none { year = .some(document.year) }
            guard let reportYear = year ?? nil else { return [] }
            let bytes = document.source.bytes
            for range in hits where !reported.contains(range) && !Redaction.precedes(range.start, in: bytes)
                && !notAfter.contains(where: { has($0, endingAt: range.start, bytes) })
                && !notBefore.contains(where: { has($0, at: range.end, bytes) }) {
                let written = document.text(range)
                let basis = event.source.map { "（\($0)）" } ?? ""
                if event.start.year > reportYear.value {
                    reported.insert(range)
                    findings.append(context.finding(header, at: range, message:
                        "\(header.message)：“\(written)”是\(event.start.chinese)的事，而本报告写的是\(reportYear.value)年（据\(reportYear.evidence)）\(basis)"))
                } else if let next = event.supersededBy, reportYear.value > next.year, studiedAsCurrent(range, in: document.source.bytes) {
                    reported.insert(range)
                    var message = "\(header.message)：\(reportYear.value)年的报告学习贯彻“\(written)精神”，而\(next.chinese)已召开新一次大会\(basis)"
                    if let note = event.note { message += "。\(note)" }
                    findings.append(context.finding(header, at: range, message: message, severity: .warning))
                }
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    private func has(_ word: [UInt8], at index: Int, _ bytes: [UInt8]) -> Bool {
        index >= 0 && index + word.count <= bytes.count && bytes[index..<(index + word.count)].elementsEqual(word)
    }

    private func has(_ word: [UInt8], endingAt end: Int, _ bytes: [UInt8]) -> Bool {
        has(word, at: end - word.count, bytes)
    }

    /// 学习贯彻党的十九大精神: a study verb within a few characters before the name, and 精神 (or 会议精神)
    /// right after it. 党的十九大以来 and 十九大报告指出 are history, not the current line.
    func studiedAsCurrent(_ range: ByteRange, in bytes: [UInt8]) -> Bool {
        let follows = has(spirit, at: range.end, bytes)
            || (has(meeting, at: range.end, bytes) && has(spirit, at: range.end + meeting.count, bytes))
        guard follows else { return false }
        // Up to eight characters before the name: 认真学习贯彻落实党的十九大精神, 学习宣传贯彻十九大精神.
        let windowStart = max(0, range.start - 8 * 3)
        return studyVerbs.contains { verb in
            stride(from: windowStart, through: range.start - verb.count, by: 1).contains { has(verb, at: $0, bytes) }
        }
    }
}
