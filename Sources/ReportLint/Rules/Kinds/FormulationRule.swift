/// `kind: formulation` — a list of right forms and the wrong ones writers put in their place: the
/// canonical political formulations (规范提法, DOMAIN.md §4) and the confusable words and typos of a 公文
/// (错别字、易混词). Each entry names the canonical text, its wrong or outdated `variants` (literals) and
/// `patterns` (regexes), where the canonical form comes from (`source`) and since when (`since`), so a
/// writer can see why. It is left alone:
/// - inside an occurrence of the canonical text (两个确立 inside “两个确立”) or of one of `except`
///   (截止 inside 截止日期);
/// - inside a longer “…” or 《…》, which quotes another text as it was written (“班子会第一议题”制度),
///   unless the entry (or the whole rule) says `quoted: true`: a document's name, whose typo is wrong in
///   《》 too, or a misspelt word, which is misspelt in a quoted slogan as well (“两台帐”);
/// - right after a redaction that stands for a missing part (以XXX新时代…, 总书记新时代…): that is a
///   placeholder, and no fix may write the missing part next to it;
/// - in a report about a year before `since` (以习近平同志为总书记的党中央 in a 2015 summary), or, for an entry
///   marked `outdated` (its wrong forms were right before `since`), about the year of a `since` after January
///   (决胜全面建成小康社会 in a 2021 report may predate 2021年7月); for an entry marked `datedOnly`, in any
///   report not known to be from `since` on (以邓小平理论和“三个代表”重要思想为指导 on an old undated page).
/// An entry marked `gated` is looked at only in a report that shows the rule's `gate`: at least `atLeast` of
/// its `words` (改写稿: a text run through a synonym tool shows several of 效劳, 原那么, 认识形态). There a looser
/// pattern is safe (效劳 anywhere, 开展 before 理念) that would be wrong in a report written by hand.
/// A literal variant is replaced by the canonical text; a pattern match only when the entry says `exact`
/// (the match is exactly the wrong word, its context in look-arounds). An entry's own `pass`/`fail`
/// sentences join the rule's examples, so `rules test` checks every entry.
struct FormulationRuleDefinition: RuleDefinition {
    static let keys = ["entries", "quoted", "gate"]
    static let entryKeys = [
        "canonical", "variants", "patterns", "except", "exact", "quoted", "source", "since", "outdated", "datedOnly", "severity",
        "note", "pass", "fail", "gated",
    ]
    static let gateKeys = ["words", "atLeast", "note"]

    /// Words that together show what kind of text a report is (改写稿), and how many of them it takes.
    struct Gate: Sendable {
        let words: [String]
        let atLeast: Int
        let note: String?
    }

    struct Entry: Sendable {
        let canonical: String
        let variants: [Located<String>]
        let patterns: [RegexPattern]
        let except: [String]
        let exact: Bool
        /// Checked inside “…” and 《…》 too.
        let quoted: Bool
        let source: String?
        let since: String?
        /// The first year whose reports are checked: the year of `since`; for an `outdated` entry (its wrong
        /// forms were the right ones before `since`) the year after when `since` falls after January
        /// (2021年7月 → 2022), since a report known only by its year may have been written before that month (a
        /// 2021 government report read in February still says 决胜全面建成小康社会). A name that did not exist
        /// before `since` (习近平新时代中国特色社会主义思想主题教育) is checked from the year of `since` on.
        let checkedFrom: Int?
        /// Checked only in a report known to be from `checkedFrom` on (its own year, or the years its text
        /// shows): for a wrong form that was the right one for years before and fills old undated pages.
        let datedOnly: Bool
        let severity: Severity?
        let note: String?
        /// Looked at only in a report that shows the rule's gate.
        var gated = false

        /// Whether the canonical text can stand in the match's place: not a pattern of the right wording
        /// (以……为中心（或围绕……中心）), which `fix` would otherwise write into the report as it stands.
        var writesCanonical: Bool { !canonical.contains("……") && !canonical.contains("（或") }
    }

    let entries: [Entry]
    let entryExamples: RuleExamples
    var gate: Gate?

    static func parse(_ fields: MappingFields) -> FormulationRuleDefinition? {
        guard let sequence = fields.requiredSequence("entries", expected: "提法列表") else { return nil }
        var examples = RuleExamples()
        let quotedByDefault = fields.bool("quoted") ?? false
        let gate = parseGate(fields)
        let entries = sequence.compactMap { item -> Entry? in
            guard let entry = fields.reader.fields(item, what: "entries 的每一项", allowed: entryKeys),
                let canonical = entry.string("canonical", required: true)
            else { return nil }
            let variants = entry.strings("variants") ?? []
            let errorsBefore = fields.reader.errorCount
            let patterns = entry.patterns("patterns") ?? []
            if variants.isEmpty && patterns.isEmpty {
                // Patterns that did not compile were reported where they stand; an entry that names no wrong form
                // at all (no key, or empty lists) is missing one.
                if fields.reader.errorCount == errorsBefore { fields.reader.report(.missingKey("variants"), at: item) }
                return nil
            }
            var severity: Severity?
            if let value = entry.string("severity") {
                severity = Severity(rawValue: value.value)
                if severity == nil { fields.reader.report(.invalidSeverity(value.value), at: value.location) }
            }
            let since = entry.string("since")
            var checkedFrom: Int?
            if let since {
                if let year = ReportYear.firstYear(in: since.value) {
                    let month = ReportYear.month(after: year, in: since.value) ?? 1
                    checkedFrom = entry.bool("outdated") == true && month > 1 ? year + 1 : year
                } else {
                    fields.reader.report(.wrongType(key: "since", expected: "以四位年份开头的日期，如 2016年10月"), at: since.location)
                }
            }
            examples.pass += entry.strings("pass") ?? []
            examples.fail += entry.strings("fail") ?? []
            let gated = entry.bool("gated") ?? false
            if gated && gate == nil, let location = entry.keyLocation("gated") {
                fields.reader.report(.wrongType(key: "gated", expected: "规则有 gate 时才能用的 true"), at: location)
            }
            var parsed = Entry(
                canonical: canonical.value, variants: variants, patterns: patterns,
                except: (entry.strings("except") ?? []).map(\.value), exact: entry.bool("exact") ?? false,
                quoted: entry.bool("quoted") ?? quotedByDefault,
                source: entry.string("source")?.value, since: since?.value, checkedFrom: checkedFrom,
                datedOnly: entry.bool("datedOnly") ?? false, severity: severity, note: entry.string("note")?.value)
            parsed.gated = gated
            return parsed
        }
        var definition = FormulationRuleDefinition(entries: entries, entryExamples: examples)
        definition.gate = gate
        return definition
    }

    /// `gate: {words: [...], atLeast: 2}`: nil when absent or wrong (reported).
    private static func parseGate(_ fields: MappingFields) -> Gate? {
        guard let node = fields.value("gate"),
            let gate = fields.reader.fields(node, what: "gate", allowed: gateKeys)
        else { return nil }
        guard let words = gate.strings("words"), !words.isEmpty else {
            fields.reader.report(.missingKey("words"), at: node)
            return nil
        }
        var atLeast = 1
        if let value = gate.string("atLeast") {
            guard let number = Int(value.value), (1...words.count).contains(number) else {
                fields.reader.report(.wrongType(key: "atLeast", expected: "1 到 words 个数之间的整数"), at: value.location)
                return nil
            }
            atLeast = number
        }
        return Gate(words: words.map(\.value), atLeast: atLeast, note: gate.string("note")?.value)
    }

    var extraExamples: RuleExamples { entryExamples }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        FormulationRule(
            header: header,
            gate: gate.map { gate in (gate.words.map { literals.add($0) }, gate) },
            entries: entries.map { entry in
                FormulationRule.CompiledEntry(
                    entry: entry, canonical: literals.add(entry.canonical),
                    variants: entry.variants.map { literals.add($0.value) },
                    except: entry.except.map { literals.add($0) },
                    patterns: entry.patterns.map { GuardedPattern($0, literals: literals) })
            })
    }
}

public struct FormulationRule: Rule {
    struct CompiledEntry: Sendable {
        let entry: FormulationRuleDefinition.Entry
        let canonical: Int
        let variants: [Int]
        let except: [Int]
        let patterns: [GuardedPattern]
    }

    public let header: RuleHeader
    let entries: [CompiledEntry]
    /// The gate's word literals, and the gate as written (how many of its words must occur for `gated` entries).
    let gate: (literals: [Int], definition: FormulationRuleDefinition.Gate)?
    /// The entries a report can wake, by literal: an entry is looked at only when one of its variants
    /// occurs or one of its patterns may match (its best guard set has a hit). The word list has a
    /// thousand entries and a report wakes a handful; walking them all cost more than the searches.
    let wakers: [(literal: Int, entry: Int)]
    /// Entries with a pattern that has no guard: looked at in every report.
    let alwaysLooked: [Int]

    init(header: RuleHeader, gate: (literals: [Int], definition: FormulationRuleDefinition.Gate)? = nil, entries: [CompiledEntry])
    {
        self.header = header
        self.gate = gate
        self.entries = entries
        var wakers: [(literal: Int, entry: Int)] = []
        var always: [Int] = []
        for (index, entry) in entries.enumerated() {
            wakers += entry.variants.map { ($0, index) }
            for pattern in entry.patterns {
                // `mayMatch` needs a hit of every guard set, so of the first; no set means no guard.
                guard let first = pattern.guardSets.first else {
                    always.append(index)
                    break
                }
                wakers += first.map { ($0, index) }
            }
        }
        self.wakers = wakers
        alwaysLooked = always
    }

    /// The indices, in list order, of the entries this report may hold a wrong form of.
    func woken(_ context: RuleContext) -> [Int] {
        var woken = Set(alwaysLooked)
        for waker in wakers where !context.hits(waker.literal).isEmpty { woken.insert(waker.entry) }
        return woken.sorted()
    }
    public var fixable: Bool { entries.contains { (!$0.variants.isEmpty || $0.entry.exact) && $0.entry.writesCanonical } }
    public var reads: ReportParts { [] }

    /// The canonical forms, the wrong forms they replace, where they come from and why, for `rules explain`.
    public var canonicalForms: [(canonical: String, wrong: [String], source: String?, since: String?, note: String?, gated: Bool)]
    {
        entries.map {
            ($0.entry.canonical, $0.entry.variants.map(\.value), $0.entry.source, $0.entry.since, $0.entry.note, $0.entry.gated)
        }
    }

    /// For `rules explain`: the gate's words, how many it takes, and what kind of text it shows.
    public var gateDescription: (words: [String], atLeast: Int, note: String?)? {
        gate.map { ($0.definition.words, $0.definition.atLeast, $0.definition.note) }
    }

    /// Whether the report shows the gate: enough of its words occur.
    func opens(_ context: RuleContext) -> Bool {
        guard let gate else { return false }
        return gate.literals.count { !context.hits($0).isEmpty } >= gate.definition.atLeast
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let bytes = document.source.bytes
        var findings: [Finding] = []
        var reported = Set<ByteRange>()
        var open: Bool?
        var masked: Bool?
        for index in woken(context) {
            let compiled = entries[index]
            let entry = compiled.entry
            if entry.gated {
                if open == nil { open = opens(context) }
                if open == false { continue }
            }
            let literal = Set(compiled.variants.flatMap { context.hits($0) })
            let matches = compiled.patterns.filter { $0.mayMatch(context) }.flatMap { guarded in
                guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }
            }
            guard !literal.isEmpty || !matches.isEmpty else { continue }
            if let from = entry.checkedFrom {
                // 20xx年 over the report: its year was taken out, and an outdated form may have been right in it.
                if masked == nil { masked = ReportYear.isMasked(in: document.source) }
                if entry.datedOnly || masked == true ? !document.isKnownFrom(from) : document.predates(from) { continue }
            }
            let allowed = [context.hits(compiled.canonical)] + compiled.except.map { context.hits($0) }
            for range in ByteRange.merged(Array(literal) + matches) where !reported.contains(range) {
                guard !allowed.contains(where: { FormulationRule.isInside(range, $0) }),
                    !Redaction.precedes(range.start, in: bytes)
                else { continue }
                let quoting = Redaction.quoting(of: range, in: bytes)
                if quoting == .inside && !entry.quoted { continue }
                // "枫桥经验" in ASCII quotes: the quotation-mark rules put the marks right; a second fix
                // here would double them.
                if Redaction.touchesASCIIQuote(range, in: bytes) { continue }
                reported.insert(range)
                let written = document.text(range)
                var message =
                    entry.canonical == "“\(written)”"
                    ? "\(header.message)：\(written)应加引号，写作\(entry.canonical)"
                    : "\(header.message)：“\(written)”应为\(quoted(entry.canonical))"
                let basis = [entry.source, entry.since.map { "\($0)起" }].compactMap { $0 }.joined(separator: "，")
                if !basis.isEmpty { message += "（\(basis)）" }
                if let note = entry.note { message += "。\(note)" }
                // Inside its own quotation marks (“两个确定”) the replacement leaves the marks where they are.
                var replacement = entry.canonical
                if quoting == .exactly, replacement.hasPrefix("“"), replacement.hasSuffix("”") {
                    replacement = String(replacement.dropFirst().dropLast())
                }
                let fixable = (literal.contains(range) || entry.exact) && entry.writesCanonical
                findings.append(
                    context.finding(
                        header, at: range, message: message,
                        suggestion: fixable ? replacement : nil, severity: entry.severity))
            }
        }
        return findings.sorted { $0.range < $1.range }
    }

    /// True when one of `occurrences` (hits of one literal: same length, in text order) contains `range`.
    /// Binary search: a long report can hold thousands of both.
    static func isInside(_ range: ByteRange, _ occurrences: [ByteRange]) -> Bool {
        var low = 0
        var high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].start <= range.start { low = middle + 1 } else { high = middle }
        }
        // Same-length occurrences: the last one starting at or before the range ends furthest right.
        return low > 0 && occurrences[low - 1].end >= range.end
    }

    /// Wraps in “” unless the text is itself a quotation (“两个确立”).
    private func quoted(_ text: String) -> String {
        text.hasPrefix("“") && text.hasSuffix("”") ? text : "“\(text)”"
    }
}
