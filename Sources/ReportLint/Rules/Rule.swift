/// The closed set of rule kinds. Each kind is one file in `Kinds/` with its definition (the YAML keys it
/// reads) and its compiled rule; adding a kind adds a case here and a file there, and touches no other kind.
public enum RuleKind: String, Sendable, CaseIterable {
    case section
    case phrase
    case forbid
    case numbering
    case series
    case pairs
    case placeholder
    case missingFigure = "missing-figure"
    case spacing
    case punctuation
    case formulation
    case consistency
    case duplicate
    case order
    case approval
    case documentType = "document-type"
    case events
    case number
    case repeatedWord = "repeated-word"
    case coordination
    case identity
    case anniversary
    case planYear = "plan-year"
    case characters

    var definition: any RuleDefinition.Type {
        switch self {
        case .section: return SectionRuleDefinition.self
        case .phrase: return PhraseRuleDefinition.self
        case .forbid: return ForbidRuleDefinition.self
        case .numbering: return NumberingRuleDefinition.self
        case .series: return SeriesRuleDefinition.self
        case .pairs: return PairsRuleDefinition.self
        case .placeholder: return PlaceholderRuleDefinition.self
        case .missingFigure: return MissingFigureRuleDefinition.self
        case .spacing: return SpacingRuleDefinition.self
        case .punctuation: return PunctuationRuleDefinition.self
        case .formulation: return FormulationRuleDefinition.self
        case .consistency: return ConsistencyRuleDefinition.self
        case .duplicate: return DuplicateRuleDefinition.self
        case .order: return OrderRuleDefinition.self
        case .approval: return ApprovalRuleDefinition.self
        case .documentType: return DocumentTypeRuleDefinition.self
        case .events: return EventsRuleDefinition.self
        case .number: return NumberRuleDefinition.self
        case .repeatedWord: return RepeatedWordRuleDefinition.self
        case .coordination: return CoordinationRuleDefinition.self
        case .identity: return IdentityRuleDefinition.self
        case .anniversary: return AnniversaryRuleDefinition.self
        case .planYear: return PlanYearRuleDefinition.self
        case .characters: return CharactersRuleDefinition.self
        }
    }
}

/// Inline examples of a rule: each `fail` text must trigger it, each `pass` text must not.
/// They are its documentation and its tests.
public struct RuleExamples: Sendable {
    public var pass: [Located<String>] = []
    public var fail: [Located<String>] = []
}

/// What every rule has, whatever its kind (one shared definition, as in Vale).
public struct RuleHeader: Sendable {
    public let id: String
    public let kind: RuleKind
    public let severity: Severity
    public let message: String
    /// Why the rule exists, for `rules explain` and the documentation.
    public let description: String?
    /// The document types the rule applies to; nil means every type (and reports of unknown type).
    public let types: Set<DocumentType>?
    public let pack: String
    public let location: RuleLocation
    public let examples: RuleExamples

    public func applies(to type: DocumentType?) -> Bool {
        guard let types, let type else { return true }
        return types.contains(type)
    }

    /// The same rule at another severity (set in `.reportlint.yml`).
    func with(severity: Severity) -> RuleHeader {
        RuleHeader(
            id: id, kind: kind, severity: severity, message: message, description: description, types: types,
            pack: pack, location: location, examples: examples)
    }

    /// Keys every rule may have, whatever its kind.
    static let keys = ["id", "kind", "severity", "message", "description", "types", "examples"]
}

/// A compiled rule: pure at run time, shared by every report of a run.
public protocol Rule: Sendable {
    var header: RuleHeader { get }
    /// True when `reportlint fix` may apply the rule's suggestions by itself. Rules whose suggestions
    /// need a person's judgement (numbering, self-reference) keep them as advice and are not fixable.
    var fixable: Bool { get }
    /// What the rule reads of a report besides its bytes and literal hits. The linter prepares it before
    /// the rules run (and times it); what no rule reads is never built.
    var reads: ReportParts { get }
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    public var fixable: Bool { false }
    public var reads: ReportParts { .all }
}

/// The parts of a report built from its bytes, each only when some rule reads it.
public struct ReportParts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `Source.scalars` and scalar offsets (character-walking rules).
    public static let scalars = ReportParts(rawValue: 1)
    /// Paragraphs, headings, series (`Document`); parsing it builds the scalar table too.
    public static let structure = ReportParts(rawValue: 2)
    public static let all: ReportParts = [.scalars, .structure]
}

/// A rule as read from YAML: its kind's keys, checked and compiled (regexes) at load time.
protocol RuleDefinition: Sendable {
    /// The keys this kind reads besides `RuleHeader.keys`.
    static var keys: [String] { get }
    /// Reads the kind's keys; nil when a mistake was reported through `fields.reader`.
    static func parse(_ fields: MappingFields) -> Self?
    /// The section rule this rule is limited to, if any (checked across all packs).
    var within: Located<String>? { get }
    /// Examples a kind reads from inside its keys (an entry's own `pass`/`fail`), added to the rule's.
    var extraExamples: RuleExamples { get }
    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule
}

extension RuleDefinition {
    var within: Located<String>? { nil }
    var extraExamples: RuleExamples { RuleExamples() }
}

/// One rule read from a pack, not yet compiled.
public struct RuleSpec: Sendable {
    public internal(set) var header: RuleHeader
    let definition: any RuleDefinition
}

/// A rule file: a name and its rules.
public struct RulePack: Sendable {
    public let name: String
    public let file: String
    public let description: String?
    public internal(set) var rules: [RuleSpec]
    /// Mistakes that do not stop the run (a list item folded into the one before it).
    public internal(set) var warnings: [RuleError] = []
}
