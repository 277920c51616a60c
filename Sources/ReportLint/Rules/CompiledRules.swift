/// Packs checked together and compiled once per run: every literal of every rule in one automaton,
/// regexes already compiled, `within` references resolved.
public struct CompiledRules: Sendable {
    public let packs: [RulePack]
    public let rules: [any Rule]
    /// Rules turned off by the configuration. They are not checked, but a silenced section rule still
    /// finds its section, so a `within` that names it keeps working.
    public internal(set) var silenced: Set<String> = []

    /// The rules whose findings are reported.
    public var active: [any Rule] { rules.filter { !silenced.contains($0.header.id) } }
    /// Mistakes in the rule files that do not stop the run, to print on stderr.
    public var warnings: [RuleError] { packs.flatMap(\.warnings) }
    let sectionRules: [SectionRule]
    let literals: AhoCorasick

    /// Checks what no single file can: ids unique across packs, `within` naming a section rule.
    public static func compile(_ packs: [RulePack]) -> Result<CompiledRules, RuleErrors> {
        let errors = check(packs)
        guard errors.isEmpty else { return .failure(RuleErrors(errors: errors)) }

        let builder = LiteralTableBuilder()
        let rules = packs.flatMap(\.rules).map { $0.definition.compile(header: $0.header, literals: builder) }
        return .success(
            CompiledRules(
                packs: packs, rules: rules, sectionRules: rules.compactMap { $0 as? SectionRule },
                literals: builder.build()))
    }

    /// The checks across packs. `brokenIds`: rules of files with mistakes that could not be read; a
    /// `within` naming one of them is not reported (its file's own errors are).
    static func check(_ packs: [RulePack], brokenIds: Set<String> = []) -> [RuleError] {
        var errors: [RuleError] = []
        var byId: [String: RuleSpec] = [:]
        for spec in packs.flatMap(\.rules) {
            if let first = byId[spec.header.id] {
                errors.append(RuleError(.duplicateId(spec.header.id, first: first.header.location), at: spec.header.location))
            } else {
                byId[spec.header.id] = spec
            }
        }
        for spec in packs.flatMap(\.rules) {
            guard let within = spec.definition.within else { continue }
            guard let target = byId[within.value] else {
                if brokenIds.contains(within.value) { continue }
                let sections = byId.values.filter { $0.header.kind == .section }.map(\.header.id)
                errors.append(
                    RuleError(
                        .unknownWithin(within.value, suggestion: Suggestions.nearest(to: within.value, in: sections)),
                        at: within.location))
                continue
            }
            if target.header.kind != .section {
                errors.append(RuleError(.withinNotSection(within.value), at: within.location))
            }
        }
        return errors
    }
}
