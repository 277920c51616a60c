/// `kind: formulation` — canonical formulations (规范提法, DOMAIN.md §4). Each entry names the canonical
/// text, its wrong or outdated `variants` (literals) and `patterns` (regexes), and where the canonical
/// form comes from (`source`) and since when (`since`), so a writer can see why. A variant inside an
/// occurrence of the canonical text is fine (两个确立 inside “两个确立”).
struct FormulationRuleDefinition: RuleDefinition {
    static let keys = ["entries"]
    static let entryKeys = ["canonical", "variants", "patterns", "source", "since", "severity", "note"]

    struct Entry: Sendable {
        let canonical: String
        let variants: [Located<String>]
        let patterns: [RegexPattern]
        let source: String?
        let since: String?
        let severity: Severity?
        let note: String?
    }

    let entries: [Entry]

    static func parse(_ fields: MappingFields) -> FormulationRuleDefinition? {
        guard let node = fields.value("entries") else {
            fields.reader.report(.missingKey("entries"), at: fields.node)
            return nil
        }
        guard case .sequence(let sequence) = node else {
            fields.reader.report(.wrongType(key: "entries", expected: "提法列表"), at: node)
            return nil
        }
        let entries = sequence.compactMap { item -> Entry? in
            guard let entry = fields.reader.fields(item, what: "entries 的每一项", allowed: entryKeys),
                  let canonical = entry.string("canonical", required: true) else { return nil }
            let variants = entry.strings("variants") ?? []
            let patterns = entry.patterns("patterns") ?? []
            if variants.isEmpty && patterns.isEmpty {
                fields.reader.report(.missingKey("variants"), at: item)
                return nil
            }
            var severity: Severity?
            if let value = entry.string("severity") {
                severity = Severity(rawValue: value.value)
                if severity == nil { fields.reader.report(.invalidSeverity(value.value), at: value.location) }
            }
            return Entry(canonical: canonical.value, variants: variants, patterns: patterns,
                         source: entry.string("source")?.value, since: entry.string("since")?.value,
                         severity: severity, note: entry.string("note")?.value)
        }
        return FormulationRuleDefinition(entries: entries)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        FormulationRule(header: header, entries: entries.map { entry in
            FormulationRule.CompiledEntry(entry: entry, canonical: literals.add(entry.canonical),
                                          variants: entry.variants.map { literals.add($0.value) },
                                          patterns: entry.patterns.map { GuardedPattern($0, literals: literals) })
        })
    }
}

public struct FormulationRule: Rule {
    struct CompiledEntry: Sendable {
        let entry: FormulationRuleDefinition.Entry
        let canonical: Int
        let variants: [Int]
        let patterns: [GuardedPattern]
    }

    public let header: RuleHeader
    let entries: [CompiledEntry]
    public var fixable: Bool { entries.contains { !$0.variants.isEmpty } }
    public var reads: ReportParts { [] }

    /// The canonical forms and where they come from, for `rules explain`.
    public var canonicalForms: [(canonical: String, source: String?, since: String?)] {
        entries.map { ($0.entry.canonical, $0.entry.source, $0.entry.since) }
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        var findings: [Finding] = []
        var reported = Set<ByteRange>()
        for compiled in entries {
            let entry = compiled.entry
            let correct = context.hits(compiled.canonical)
            // A literal variant is replaced by the canonical text; a pattern match (a wrong order, a
            // wrong verb) needs rewording, so it gets no mechanical suggestion.
            let literal = Set(compiled.variants.flatMap { context.hits($0) })
            let ranges = Array(literal) + compiled.patterns.filter { $0.mayMatch(context) }.flatMap { guarded in
                guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }
            }
            for range in merged(ranges) where !FormulationRule.isInside(range, correct) && reported.insert(range).inserted {
                let written = document.text(range)
                var message = entry.canonical == "“\(written)”"
                    ? "\(header.message)：\(written)应加引号，写作\(entry.canonical)"
                    : "\(header.message)：“\(written)”应为\(quoted(entry.canonical))"
                let basis = [entry.source, entry.since.map { "\($0)起" }].compactMap { $0 }.joined(separator: "，")
                if !basis.isEmpty { message += "（\(basis)）" }
                if let note = entry.note { message += "。\(note)" }
                findings.append(context.finding(header, at: range, message: message,
                                                suggestion: literal.contains(range) ? entry.canonical : nil, severity: entry.severity))
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
