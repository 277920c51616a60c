import Foundation

/// Where a section rule found its section.
public struct SectionSpan: Sendable {
    public enum Source: String, Sendable {
        /// A numbered heading whose text holds one of the rule's heading words.
        case heading
        /// An item of an 一是/二是 series whose lead words hold one of the heading words.
        case seriesItem = "series-item"
        /// A paragraph sentence matching one of the rule's cues.
        case cue
        /// The body paragraph above the first heading (`opening: true`).
        case opening
    }

    public let source: Source
    /// The heading text, the item's lead words, or the cue match.
    public let anchor: ByteRange
    /// What the section covers, for `within`.
    public let extent: ByteRange
    public let line: Int
}

/// What a rule sees of one report: the parsed document, every literal hit from the one scan,
/// and the sections the section rules found. It also turns byte ranges into findings, so positions
/// are computed in one place.
public struct RuleContext: Sendable {
    public let document: Document
    let literalHits: [[ByteRange]]
    public internal(set) var sections: [String: [SectionSpan]] = [:]
    /// Patterns that hit the time limit while linting this report, by rule.
    let timeouts = RegexTimeouts()
    private let sentenceCache = Once<SentenceText>()
    private let digitRunCache = Once<[DigitRun]>()
    private let numberRunCache = Once<[NumberRule.Check: [NumberRule.Problem]]>()

    /// The report's prose, one sentence per line, for cue searches: built the first time a rule asks,
    /// then shared by every rule of the same report.
    var sentenceText: SentenceText { sentenceCache.get { SentenceText(document: document) } }

    /// The runs of digits in the report, found once and shared by the number rules.
    var digitRuns: [DigitRun] { digitRunCache.get { DigitRun.all(in: document.source.scalars) } }

    /// What the number rules that look at each run of digits find, in one pass shared by them.
    var numberRunProblems: [NumberRule.Check: [NumberRule.Problem]] {
        numberRunCache.get { NumberRule.runProblems(digitRuns, document.source.scalars) }
    }

    /// Called by a rule when one of its patterns hit the time limit: the engine turns it into an error finding.
    public func regexTimedOut(_ header: RuleHeader, _ pattern: RegexPattern) {
        timeouts.record(header, pattern.source)
    }

    init(document: Document, literalHits: [[ByteRange]]) {
        self.document = document
        self.literalHits = literalHits
    }

    public func hits(_ literal: Int) -> [ByteRange] {
        literal < literalHits.count ? literalHits[literal] : []
    }

    /// The extents a `within` limits a rule to: nil when the rule is not limited.
    public func extents(within sectionId: String?) -> [ByteRange]? {
        guard let sectionId else { return nil }
        return (sections[sectionId] ?? []).map(\.extent)
    }

    public func finding(
        _ header: RuleHeader, at range: ByteRange, message: String? = nil,
        suggestion: String? = nil, severity: Severity? = nil
    ) -> Finding {
        let source = document.source
        let start = source.position(ofByte: range.start)
        return Finding(
            ruleId: header.id, severity: severity ?? header.severity, message: message ?? header.message,
            range: range, start: start, end: range.isEmpty ? start : source.position(ofByte: range.end, end: true),
            suggestion: suggestion)
    }
}

/// Patterns that ran out of time on one report (each rule and pattern once). One report is linted on
/// one thread, but the box is locked so the context stays Sendable.
final class RegexTimeouts: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(header: RuleHeader, pattern: String)] = []

    func record(_ header: RuleHeader, _ pattern: String) {
        lock.lock()
        defer { lock.unlock() }
        if !entries.contains(where: { $0.header.id == header.id && $0.pattern == pattern }) { entries.append((header, pattern)) }
    }

    /// By rule and pattern: rules may run in parallel, and the report must not depend on which ended first.
    var all: [(header: RuleHeader, pattern: String)] {
        lock.lock()
        defer { lock.unlock() }
        return entries.sorted { ($0.header.id, $0.pattern) < ($1.header.id, $1.pattern) }
    }
}
