/// `kind: consistency` — things a copied report gets wrong, one per rule through `check:`:
/// - `self-reference`: the unit calls itself 我局 in one place and 我室 in another. `groups` lists the
///   self-nouns that must not mix (我局/我室/我委… apart from 我市/我区/我县…); the most used one wins and
///   the others are reported. `except` lists longer words that are not self-references (我所在, 我办理).
/// - `year`: the title's year against the years that open the body's sentences (`2022年，我局……`):
///   a summary of 2023 reports on 2023 and plans for 2024, not on 2022 or 2025. Plans are not checked.
struct ConsistencyRuleDefinition: RuleDefinition {
    static let keys = ["check", "groups", "except"]

    enum Check: String, CaseIterable {
        case selfReference = "self-reference"
        case year
    }

    let check: Check
    let groups: [[Located<String>]]
    let exceptions: [Located<String>]

    static func parse(_ fields: MappingFields) -> ConsistencyRuleDefinition? {
        guard let value = fields.string("check", required: true) else { return nil }
        guard let check = Check(rawValue: value.value) else {
            fields.reader.report(.wrongType(key: "check", expected: "self-reference 或 year"), at: value.location)
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
            exceptions: exceptions.map { literals.add($0.value) })
    }
}

public struct ConsistencyRule: Rule {
    public let header: RuleHeader
    let check: ConsistencyRuleDefinition.Check
    let groups: [[(word: String, literal: Int)]]
    let exceptions: [Int]

    public func check(_ context: RuleContext) -> [Finding] {
        switch check {
        case .selfReference: return selfReferences(context)
        case .year: return years(context)
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
            guard uses.count > 1 else { continue }
            // The most used self-noun wins; on a tie, the one used first.
            let main = uses.max { ($0.hits.count, -$0.hits[0].start) < ($1.hits.count, -$1.hits[0].start) }!
            for use in uses where use.word != main.word {
                for hit in use.hits {
                    findings.append(
                        context.finding(
                            header, at: hit,
                            message: "\(header.message)：全文多用“\(main.word)”（\(main.hits.count) 处），这里是“\(use.word)”",
                            suggestion: main.word))
                }
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    private func years(_ context: RuleContext) -> [Finding] {
        let document = context.document
        guard document.type != .plan, let title = document.title.map({ document.text($0.range) }),
            let titleYear = ReportYear.firstYear(in: title)
        else { return [] }
        var findings: [Finding] = []
        let bytes = document.source.bytes
        for paragraph in document.proseParagraphs {
            for sentence in document.sentences(of: paragraph) {
                // Only a sentence opening with 20 can open with a year: look at two bytes before making text.
                guard sentence.count >= 8, bytes[sentence.start] == UInt8(ascii: "2"),
                    bytes[sentence.start + 1] == UInt8(ascii: "0")
                else { continue }
                let text = document.source.string(ByteRange(sentence.start, min(sentence.end, sentence.start + 16)))
                guard let year = ReportYear.openingYear(text), year != titleYear, year != titleYear + 1 else { continue }
                let yearBytes = 7 // "2022年": four ASCII digits and one 3-byte character
                findings.append(
                    context.finding(
                        header, at: ByteRange(sentence.start, sentence.start + yearBytes),
                        message: "\(header.message)：标题是\(titleYear)年，正文这里写“\(year)年”"))
            }
        }
        return findings
    }
}
