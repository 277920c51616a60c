/// `kind: placeholder` — text a writer meant to fill in: runs of `*` `＊` (`*次`, `**市`), runs of
/// X/x/×（`XXX新时代`, `20XX年`, `×月×日`), and the `phrases`/`patterns` of the rule (某某, 【待补充】,
/// （此处填写…）). Runs a character apart are one finding (`XX届X中X会`). Not a placeholder: a letter
/// inside a Latin word (Excel), × between numbers (3×4), or the X of a formula (“4+X”主题党日).
struct PlaceholderRuleDefinition: RuleDefinition {
    static let keys = ["phrases", "patterns"]

    let phrases: [Located<String>]
    let patterns: [RegexPattern]

    static func parse(_ fields: MappingFields) -> PlaceholderRuleDefinition? {
        PlaceholderRuleDefinition(phrases: fields.strings("phrases") ?? [], patterns: fields.patterns("patterns") ?? [])
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PlaceholderRule(header: header, literals: phrases.map { literals.add($0.value) },
                        patterns: patterns.map { GuardedPattern($0, literals: literals) })
    }
}

public struct PlaceholderRule: Rule {
    public let header: RuleHeader
    let literals: [Int]
    let patterns: [GuardedPattern]
    /// Runs of placeholder characters are found among the scalars; nothing of the structure.
    public var reads: ReportParts { .scalars }

    public func check(_ context: RuleContext) -> [Finding] {
        let source = context.document.source
        var ranges = runs(in: source)
        for literal in literals { ranges += context.hits(literal) }
        for guarded in patterns where guarded.mayMatch(context) {
            ranges += guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }
        }
        return merged(ranges).map { range in
            context.finding(header, at: range, message: "\(header.message)：“\(source.string(range))”")
        }
    }

    /// Runs of placeholder characters, joined when one character apart.
    func runs(in source: Source) -> [ByteRange] {
        let scalars = source.scalars
        var runs: [Range<Int>] = []
        var index = 0
        // A run of X letters is judged as a whole (by its neighbours): judged once, not once per letter,
        // so 200,000 x in a row take one pass rather than 200,000 scans of the run.
        var letterRun: (range: Range<Int>, placeholder: Bool)?
        func placeholder(at index: Int) -> Bool {
            guard PlaceholderRule.letters.contains(scalars[index]) else { return isPlaceholder(at: index, scalars) }
            if let run = letterRun, run.range.contains(index) { return run.placeholder }
            var end = index + 1
            while end < scalars.count, PlaceholderRule.letters.contains(scalars[end]) { end += 1 }
            let verdict = isPlaceholder(at: index, scalars)
            letterRun = (index..<end, verdict)
            return verdict
        }
        while index < scalars.count {
            index = PlaceholderRule.candidates.next(from: index, to: scalars.count, in: scalars)
            guard index < scalars.count else { break }
            guard placeholder(at: index) else { index += 1; continue }
            var end = index + 1
            while end < scalars.count, placeholder(at: end) { end += 1 }
            if let last = runs.last, index - last.upperBound <= 1, !CharacterClass.isSpace(scalars[last.upperBound]),
               scalars[last.upperBound] != "\n" {
                runs[runs.count - 1] = last.lowerBound..<end
            } else {
                runs.append(index..<end)
            }
            index = end
        }
        return runs.map(source.byteRange)
    }

    /// The characters a placeholder run can be made of: the scan skips everything else.
    private static let candidates = ScalarFilter("*＊XxＸｘ×")
    private static let letters = Set("XxＸｘ×".unicodeScalars)

    private func isPlaceholder(at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let scalar = scalars[index]
        switch scalar {
        case "*", "＊":
            return true
        case "X", "x", "Ｘ", "ｘ", "×":
            // Scan the whole run of such letters, then look at its neighbours.
            var start = index
            while start > 0, "XxＸｘ×".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
            var end = index + 1
            while end < scalars.count, "XxＸｘ×".unicodeScalars.contains(scalars[end]) { end += 1 }
            let before = neighbour(scalars, from: start - 1, step: -1)
            let after = neighbour(scalars, from: end, step: 1)
            if let before, CharacterClass.isLatinLetter(before) { return false }
            if let after, CharacterClass.isLatinLetter(after) { return false }
            // 4+X, 1+X: a formula with a variable part, not a blank.
            if let before, "+＋".unicodeScalars.contains(before) { return false }
            if let after, "+＋".unicodeScalars.contains(after) { return false }
            // 3×4, 3 x 4: a multiplication sign between numbers.
            if let before, let after, CharacterClass.isDigit(before), CharacterClass.isDigit(after), end - start == 1 {
                return false
            }
            return true
        default:
            return false
        }
    }

    /// The nearest scalar in a direction, skipping ASCII spaces (so `3 × 4` is seen as 3×4).
    private func neighbour(_ scalars: [Unicode.Scalar], from index: Int, step: Int) -> Unicode.Scalar? {
        var index = index
        while index >= 0, index < scalars.count, scalars[index] == " " { index += step }
        return index >= 0 && index < scalars.count ? scalars[index] : nil
    }
}

/// Sorted ranges with overlapping ones joined: one finding per place.
func merged(_ ranges: [ByteRange]) -> [ByteRange] {
    var result: [ByteRange] = []
    for range in ranges.sorted() {
        if let last = result.last, range.start < last.end {
            result[result.count - 1] = ByteRange(last.start, max(last.end, range.end))
        } else {
            result.append(range)
        }
    }
    return result
}
