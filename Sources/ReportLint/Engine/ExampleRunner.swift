/// Runs the inline examples of rules: every `fail` text must give the rule's finding, every `pass`
/// text must not. Examples are linted with the whole rule set, so `within` works as in a real run.
/// A `fail` text may mark with `↓` where each finding must start (as SwiftLint's examples do): the
/// marks are taken out before linting, and the rule's findings must start exactly there.
public enum ExampleRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public let ruleId: String
        public let location: RuleLocation
        /// True for a `fail` example that gave no finding; false for a `pass` example that gave one.
        public let missedFinding: Bool
        public let unexpected: [Finding]
        /// For a `fail` example with `↓` marks that fired elsewhere: where the marks are.
        public var marked: [SourcePosition] = []
        /// For a `fail` example whose fix would write again the words beside it: the text the fix makes.
        public var restatingFix: String?

        public var description: String {
            if let restatingFix {
                return "\(location): 错误: 规则 \(ruleId) 的 fail 示例按建议改正后重复了旁边的字：“\(restatingFix)”（改正只应替换出错的部分）"
            }
            if missedFinding {
                return "\(location): 错误: 规则 \(ruleId) 的 fail 示例没有触发该规则（规则失效或示例有误）"
            }
            let positions = unexpected.map { "\($0.start)" }.joined(separator: ", ")
            if !marked.isEmpty {
                return "\(location): 错误: 规则 \(ruleId) 的 fail 示例用 ↓ 标出的位置（\(marked.map(\.description).joined(separator: ", "))）"
                    + "与问题的位置（\(positions)）不符"
            }
            return "\(location): 错误: 规则 \(ruleId) 的 pass 示例触发了该规则（位置 \(positions)）"
        }
    }

    public struct Outcome: Sendable {
        public var examplesRun = 0
        public var rulesTested = 0
        /// Rules with no `fail` example: nothing shows that they can fire.
        public var untested: [String] = []
        public var failures: [Failure] = []
    }

    /// Checks the examples of the rules whose pack file satisfies `include` (all by default).
    /// A rule a configuration turns `off` is still tested: its examples are part of the rule, not of the unit's choice.
    public static func run(_ rules: CompiledRules, include: (RuleHeader) -> Bool = { _ in true }) -> Outcome {
        var rules = rules
        rules.silenced = []
        let linter = Linter(rules: rules, mergesSameFixes: false)
        var outcome = Outcome()
        for rule in rules.rules where include(rule.header) {
            let header = rule.header
            if header.examples.fail.isEmpty { outcome.untested.append(header.id) } else { outcome.rulesTested += 1 }
            for (examples, shouldFire) in [(header.examples.fail, true), (header.examples.pass, false)] {
                for example in examples {
                    outcome.examplesRun += 1
                    let (text, marks) = shouldFire ? ExampleRunner.marks(in: example.value) : (example.value, [])
                    let source = Source(path: example.location.description, text: text)
                    let own = linter.lint(source).findings.filter { $0.ruleId == header.id }
                    if own.isEmpty == shouldFire {
                        outcome.failures.append(
                            Failure(
                                ruleId: header.id, location: example.location,
                                missedFinding: shouldFire, unexpected: own))
                    } else if !marks.isEmpty, Set(own.map(\.start)) != Set(marks) {
                        outcome.failures.append(
                            Failure(
                                ruleId: header.id, location: example.location, missedFinding: false,
                                unexpected: own, marked: marks))
                    } else if let restating = own.first(where: { restatesNeighbours($0, in: source) }) {
                        var failure = Failure(
                            ruleId: header.id, location: example.location, missedFinding: false, unexpected: [restating])
                        failure.restatingFix = fixed(restating, in: source)
                        outcome.failures.append(failure)
                    }
                }
            }
        }
        return outcome
    }

    /// Whether a finding's suggestion begins with the two or more characters before its range, or ends with
    /// those after it: the fix would write them twice (习近平新世代…思想 with the whole name as the fix of 新世代).
    static func restatesNeighbours(_ finding: Finding, in source: Source) -> Bool {
        guard let suggestion = finding.suggestion, suggestion.unicodeScalars.count >= 3 else { return false }
        let before = Array(source.string(ByteRange(0, finding.range.start)).unicodeScalars.suffix(2))
        let after = Array(source.string(ByteRange(finding.range.end, source.bytes.count)).unicodeScalars.prefix(2))
        let scalars = Array(suggestion.unicodeScalars)
        func isHan(_ run: [Unicode.Scalar]) -> Bool { run.count == 2 && run.allSatisfy(CharacterClass.isHan) }
        return (isHan(before) && Array(scalars.prefix(2)) == before) || (isHan(after) && Array(scalars.suffix(2)) == after)
    }

    private static func fixed(_ finding: Finding, in source: Source) -> String {
        source.string(ByteRange(0, finding.range.start)) + (finding.suggestion ?? "")
            + source.string(ByteRange(finding.range.end, source.bytes.count))
    }

    /// The example's text without its `↓` marks, and the position each mark stands at in that text.
    static func marks(in example: String) -> (text: String, marks: [SourcePosition]) {
        guard example.unicodeScalars.contains("↓") else { return (example, []) }
        var text = String.UnicodeScalarView()
        var marks: [SourcePosition] = []
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in example.unicodeScalars {
            if scalar == "↓" {
                marks.append(SourcePosition(line: line, column: column))
                continue
            }
            text.append(scalar)
            if scalar == "\n" && previous == "\r" {
                // The LF of a CRLF: the line already ended at the CR.
            } else if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
        }
        return (String(text), marks)
    }
}
