import Foundation

/// What linting one report produced.
public struct LintResult: Sendable {
    public let document: Document
    /// What is reported: after baseline and waivers have taken theirs out.
    public internal(set) var findings: [Finding]
    /// Findings a waiver in the configuration covers, with the waiver.
    public internal(set) var waived: [(finding: Finding, waiver: Waiver)] = []
    /// How many findings the baseline already knew.
    public internal(set) var baselined = 0
    /// Where each section rule found its section (shown by `outline`).
    public let sections: [String: [SectionSpan]]
    /// Remarks for the writer that are not findings, e.g. that the file is no report or has too many findings.
    public let notes: [String]
    /// True when the file was skipped as no report (no Chinese prose): counted apart in the summary.
    public var isNotAReport = false

    public var path: String { document.source.path }

    /// The same result with no findings (to describe the file apart from its findings).
    var withoutFindings: LintResult {
        var copy = self
        copy.findings = []
        return copy
    }
}

/// Runs compiled rules over reports: parse once, scan all literals once, resolve sections, then let
/// every rule look at the same context.
public struct Linter: Sendable {
    /// Reports from this size (bytes) have their rules checked in parallel.
    let parallelRulesFrom: Int
    public static let defaultParallelRulesFrom = 256 * 1024

    public let rules: CompiledRules
    /// When set, the time of each phase and rule is added to it.
    public let timings: RuleTimings?
    /// Whether two rules proposing the same words at the same place give one finding (false when a rule's
    /// own examples are run: each rule must show its findings).
    let mergesSameFixes: Bool

    public init(
        rules: CompiledRules, timings: RuleTimings? = nil, parallelRulesFrom: Int = Linter.defaultParallelRulesFrom,
        mergesSameFixes: Bool = true
    ) {
        self.rules = rules
        self.timings = timings
        self.parallelRulesFrom = parallelRulesFrom
        self.mergesSameFixes = mergesSameFixes
    }

    private func measure<Result>(_ label: String, _ work: () -> Result) -> Result {
        timings.map { $0.measure(label, work) } ?? work()
    }

    /// Whether two overlapping findings' suggestions would leave the same text over both their spans.
    static func makeSameText(_ first: Finding, _ second: Finding, in source: Source) -> Bool {
        guard let one = first.suggestion, let other = second.suggestion else { return false }
        if first.range == second.range { return one == other }
        guard first.range.start < second.range.end, second.range.start < first.range.end else { return false }
        let union = ByteRange(min(first.range.start, second.range.start), max(first.range.end, second.range.end))
        func mended(_ finding: Finding, _ suggestion: String) -> String {
            source.string(ByteRange(union.start, finding.range.start)) + suggestion
                + source.string(ByteRange(finding.range.end, union.end))
        }
        return mended(first, one) == mended(second, other)
    }

    /// The findings listed for one file at most.
    public static let maxFindingsPerFile = 10_000

    /// Lints one report; `type` forces its document type (`--type`, or the configuration). A blank text is
    /// no report: `Reader.refusingBlank` turns it into `ReadError.empty` before it gets here (the one policy).
    public func lint(_ source: Source, type: DocumentType? = nil) -> LintResult {
        let document = measure("(结构分析)") { StructureParser.parse(source, type: type) }
        // A README or a licence beside the reports is not linted as one, unless its type is forced or its
        // title names a kind of report (2023年工作总结 over a page of figures and codes is a report).
        if document.typeOrigin == .guessed, let reason = ReportProse.notAReport(source.bytes) {
            var skipped = LintResult(
                document: document, findings: [], sections: [:],
                notes: ["不是报告（\(reason)），未检查；用 --type 可强制检查"])
            skipped.isNotAReport = true
            return skipped
        }
        let sectionRules = rules.sectionRules.filter { $0.header.applies(to: document.type) }
        let applicable = rules.rules.filter { $0.header.applies(to: document.type) && !rules.silenced.contains($0.header.id) }
        let reads = (sectionRules.map(\.reads) + applicable.map(\.reads)).reduce(into: ReportParts()) { $0.formUnion($1) }
        if reads.contains(.structure) {
            measure("(结构分析)") { document.parseStructure() }
        } else if reads.contains(.scalars) {
            measure("(读取和解码)") { _ = source.scalars.count }
        }
        var hits = [[ByteRange]](repeating: [], count: rules.literals.patterns.count)
        measure("(词语扫描)") { rules.literals.scan(source.bytes) { hits[$0.pattern].append($0.range) } }
        var context = RuleContext(document: document, literalHits: hits)

        for rule in sectionRules {
            context.sections[rule.header.id] = measure(rule.header.id) { rule.locate(context) }
        }
        let shared = context
        // One budget for every pattern search of this report, on whichever thread a rule runs.
        let budget = RegexBudget(limit: RegexBudget.limit(forLength: source.bytes.count))
        @Sendable func check(_ rule: any Rule) -> [Finding] {
            var found = measure(rule.header.id) { RegexBudget.$current.withValue(budget) { rule.check(shared) } }
            // Word files are never rewritten: their suggestions stay advice.
            if rule.fixable && source.format != .docx {
                for index in found.indices where found[index].suggestion != nil { found[index].fixable = true }
            }
            return found
        }
        var findings: [Finding]
        if source.bytes.count >= parallelRulesFrom && applicable.count > 1 {
            // A large report's rules run on every core that is free (on a busy machine GCD runs them on
            // this thread): a single big file, or the last one of a batch, does not leave a core idle.
            let results = ResultSlots<[Finding]>(count: applicable.count)
            DispatchQueue.concurrentPerform(iterations: applicable.count) { index in results[index] = check(applicable[index]) }
            findings = results.values.flatMap { $0 }
        } else {
            findings = applicable.flatMap(check)
        }
        for timeout in context.timeouts.all {
            let seconds = Int(RegexPattern.timeLimit(forLength: source.bytes.count).rounded())
            var message = "规则的正则表达式“\(timeout.pattern)”在本文件上运行超过 \(seconds) 秒，已中止（此规则的结果可能不完整）；请简化这个表达式"
            if budget.isSpent {
                // Only here: naming the heaviest hashes every searched pattern's source, a few percent of a
                // run if done for every report.
                let heaviest = budget.heaviest().map { "“\($0.pattern)”\(String(format: "%.1f", $0.seconds)) 秒" }
                    .joined(separator: "、")
                message =
                    "规则的正则表达式“\(timeout.pattern)”在本文件上运行超过 \(seconds) 秒或本文件的正则查找总时限"
                    + "（\(Int(budget.limit.rounded())) 秒）已用完，已中止（此规则的结果可能不完整）；用时最多的表达式：\(heaviest)"
            }
            findings.append(context.finding(timeout.header, at: ByteRange(0, 0), message: message, severity: .error))
        }
        if !source.suppressions.isEmpty {
            findings.removeAll { finding in
                source.suppressions.contains {
                    ($0.rule == nil || $0.rule == finding.ruleId) && $0.lines.contains(finding.start.line)
                }
            }
        }
        findings.sort { ($0.range.start, $0.range.end, $0.ruleId) < ($1.range.start, $1.range.end, $1.ruleId) }
        // Two knowledge lists may hold the same slip (到达 for 达到 is a typo and a rewriting tool's swap), or two
        // entries mend it over different spans (系统的 → 系统地, 的 → 地): one finding where both would make the
        // same text, under the one sorted first.
        if mergesSameFixes {
            var kept: [Finding] = []
            for finding in findings where !(kept.last.map { Linter.makeSameText($0, finding, in: source) } ?? false) {
                kept.append(finding)
            }
            findings = kept
        }
        var notes: [String] = []
        if findings.count > Linter.maxFindingsPerFile {
            // A few kilobytes of `,` can hold a hundred thousand findings, and every output format keeps
            // a file's findings while writing it: past this many, the rest are counted, not listed.
            notes.append("问题超过 \(Linter.maxFindingsPerFile) 个（共 \(findings.count) 个），只列出前 \(Linter.maxFindingsPerFile) 个")
            findings.removeSubrange(Linter.maxFindingsPerFile...)
        }
        return LintResult(document: document, findings: findings, sections: context.sections, notes: notes)
    }
}
