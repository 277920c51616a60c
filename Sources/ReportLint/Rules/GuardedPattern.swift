/// A rule's regex with a literal guard: when every match must contain one of a few literals (`坚定“四个意识”`
/// needs itself, `(增强|坚定)“两个维护”` needs “两个维护”, `(但|但是).{0,40}(还存在|差距)` needs 但), those
/// literals join the one Aho-Corasick scan of the report, and the regex is not run at all on a report
/// where none of them occurs. Most wrong formulations never occur, so most searches are skipped.
/// Where one does occur and the pattern's reach is known (`PatternReach`), only the text around its
/// hits is searched.
struct GuardedPattern: Sendable {
    let pattern: RegexPattern
    /// Sets of guard literals (ids in the shared table), each of which every match must contain one of;
    /// empty when none could be derived (always search). `(将|继续)` and `20` in `^20\d\d年.{0,12}(将|继续)`
    /// are two: a report with neither 将 nor 继续 needs no search, and one full of years is searched only
    /// around its few 将.
    let guardSets: [[Int]]
    var reach: PatternReach { pattern.reach }

    init(_ pattern: RegexPattern, literals: LiteralTableBuilder) {
        self.pattern = pattern
        guardSets = GuardedPattern.requiredLiteralSets(pattern.source).map { $0.map(literals.add) }
    }

    /// The text to search around guard hits. A guard may begin with look-behind text (认真的 from
    /// `(?<=认真|积极)的`), so only a hit's last character is sure to lie inside a match: windows reach from it.
    func windows(around hits: [ByteRange], in bytes: [UInt8]) -> [ByteRange] {
        let lastBytes = hits.map { ByteRange(max($0.start, $0.end - 1), $0.end) }
        return SearchWindows.around(lastBytes, reach: pattern.windowReach, in: bytes)
    }

    /// The hits, in text order, of the guard set with the fewest hits in this report; nil when the
    /// pattern has no guard.
    func guardHits(_ context: RuleContext) -> [ByteRange]? {
        func count(_ set: [Int]) -> Int { set.reduce(0) { $0 + context.hits($1).count } }
        guard let fewest = guardSets.min(by: { count($0) < count($1) }) else { return nil }
        return fewest.flatMap { context.hits($0) }.sorted()
    }

    /// True when the regex might match this report: every guard set has a hit.
    func mayMatch(_ context: RuleContext) -> Bool {
        guardSets.allSatisfy { set in set.contains { !context.hits($0).isEmpty } }
    }

    /// Every match in the report, as byte ranges: the same as searching the whole text, but only the
    /// windows that can hold a match are searched when the guard and the reach allow it. A pattern with
    /// look-arounds is searched in windows of what it consumes, the text around them in view.
    func matches(_ context: RuleContext, onTimeout: () -> Void) -> [ByteRange] {
        let text = context.document.source.searchText
        guard let hits = guardHits(context), pattern.windowReach != .whole else {
            return pattern.matches(in: text, onTimeout: onTimeout)
        }
        if hits.isEmpty { return [] }
        let windows = windows(around: hits, in: text.bytes)
        // Windows that cover most of the text save nothing over one search of it.
        if windows.reduce(0, { $0 + $1.count }) > text.bytes.count / 2 {
            return pattern.matches(in: text, onTimeout: onTimeout)
        }
        return pattern.matches(in: text, windows: windows, onTimeout: onTimeout)
    }

    /// Where a cue (compiled with line anchors) matches the report's sentences, each match as a range
    /// of the report with the sentence holding it. When the cue stays on one line and has a guard, only
    /// the sentences holding a guard hit are searched (a match and the guard literal inside it lie in
    /// one sentence); otherwise every sentence, through the sentence text the report shares.
    func sentenceMatches(_ context: RuleContext, onTimeout: () -> Void) -> [(piece: SentenceText.Piece, range: ByteRange)] {
        var text: SentenceText?
        if let hits = guardHits(context), reach == .line {
            let document = context.document
            var candidates: [(range: ByteRange, paragraph: Int)] = []
            var paragraphSentences: (index: Int, sentences: [ByteRange]) = (-1, [])
            for hit in hits {
                guard let paragraph = document.paragraph(containing: hit.start),
                    paragraph.role == .body || paragraph.role == .heading
                else { continue }
                if paragraph.index != paragraphSentences.index {
                    paragraphSentences = (paragraph.index, document.sentences(of: paragraph))
                }
                guard let sentence = paragraphSentences.sentences.first(where: { $0.contains(hit) }) else { continue }
                if candidates.last?.range != sentence { candidates.append((sentence, paragraph.index)) }
            }
            if candidates.isEmpty { return [] }
            // Candidates that cover most of the report save nothing over the shared sentence text.
            if candidates.reduce(0, { $0 + $1.range.count }) <= document.source.bytes.count / 2 {
                text = SentenceText(document: document, sentences: candidates)
            }
        }
        let sentences = text ?? context.sentenceText
        return pattern.matches(in: sentences.searchText, onTimeout: onTimeout).compactMap { sentences.sourceRange(of: $0) }
    }

    /// The best single guard: the set whose shortest literal is longest (rarer in text), or nil.
    static func requiredLiterals(_ source: String) -> [String]? {
        candidateLiteralSets(source).flatMap(best)
    }

    private static func best(_ sets: [[String]]) -> [String]? {
        sets.max { a, b in a.map(\.count).min()! < b.map(\.count).min()! }
    }

    /// The guard sets worth scanning for: the best one first, then the others, except sets holding a
    /// lone ASCII character or punctuation mark (every ， or letter would only flood the scan with hits).
    static func requiredLiteralSets(_ source: String) -> [[String]] {
        guard let all = candidateLiteralSets(source), let best = best(all) else { return [] }
        func floods(_ literal: String) -> Bool {
            guard literal.unicodeScalars.count == 1, let scalar = literal.unicodeScalars.first else { return false }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return scalar.isASCII
            }
        }
        return [best] + all.filter { $0 != best && !$0.contains(where: floods) }
    }

    /// Sets of literals, one of each of which every match of `source` contains, or nil when none can be
    /// derived safely. Conservative: any construct it does not understand at the top level gives nil.
    static func candidateLiteralSets(_ source: String) -> [[String]]? {
        // Look-arounds consume nothing, so a literal the rest needs is still needed without them; a
        // non-capturing group is a group. Flags, named groups and quoting remain beyond this reading.
        // Scalars and byte searches, not Foundation's String methods: every pattern of the built-in packs
        // passes here at each start, and CFString's folding cost most of it.
        let scalars = nonCapturingAsPlain(withoutLookarounds(foldingLookbehinds(Array(source.unicodeScalars))))
        if containsPair(scalars, "(", "?") || containsPair(scalars, "\\", "Q") { return nil } // flags, quoting: give up
        let meta = GuardedPattern.meta
        var candidates: [[String]] = []
        var run = ""
        var index = 0
        var depth = 0
        // A top-level | means the whole pattern is an alternation: no single requirement.
        for scalar in scalars {
            if scalar == "(" {
                depth += 1
            } else if scalar == ")" {
                depth -= 1
            } else if scalar == "|" && depth == 0 {
                return nil
            }
        }
        func optionalQuantifier(at position: Int) -> Bool {
            guard position < scalars.count else { return false }
            if scalars[position] == "?" || scalars[position] == "*" { return true }
            if scalars[position] == "{" { return position + 1 < scalars.count && scalars[position + 1] == "0" }
            return false
        }
        func isQuantifier(at position: Int) -> Bool {
            guard position < scalars.count else { return false }
            let scalar = scalars[position]
            return scalar == "?" || scalar == "*" || scalar == "+" || scalar == "{"
        }
        func endRun() {
            if !run.isEmpty { candidates.append([run]) }
            run = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "(" {
                // A group: usable when it is a plain alternation of literals and is not optional.
                guard let close = scalars[(index + 1)...].firstIndex(of: ")") else { return nil }
                let inner = Array(scalars[(index + 1)..<close])
                endRun()
                let alternatives = inner.split(separator: "|", omittingEmptySubsequences: false).map {
                    String(scalars: $0)
                }
                let plain = alternatives.allSatisfy { !$0.isEmpty && !$0.unicodeScalars.contains(where: meta.contains) }
                if inner.contains("(") {
                    // Nested groups: too complex to reason about here, so the group requires nothing; it is
                    // passed over whole, and what stands around it still counts.
                    guard let end = balancedClose(scalars, from: index) else { return nil }
                    index = end + 1
                    if isQuantifier(at: index) { index = skipQuantifier(scalars, from: index) }
                    continue
                }
                if !optionalQuantifier(at: close + 1) {
                    if plain {
                        candidates.append(alternatives)
                    } else {
                        // Each alternative's own guard (在新的一年里? needs 在新的一年): together they guard the group.
                        let parts = alternatives.map { $0.isEmpty ? nil : requiredLiterals($0) }
                        if parts.allSatisfy({ $0 != nil }) {
                            var union: [String] = []
                            for literal in parts.flatMap({ $0! }) where !union.contains(literal) { union.append(literal) }
                            candidates.append(union)
                        }
                    }
                }
                index = close + 1
                if isQuantifier(at: index) { index = skipQuantifier(scalars, from: index) }
                continue
            }
            if scalar == "[" {
                endRun()
                guard let close = scalars[(index + 1)...].firstIndex(of: "]") else { return nil }
                index = close + 1
                if isQuantifier(at: index) { index = skipQuantifier(scalars, from: index) }
                continue
            }
            if scalar == "\\" {
                endRun()
                index += 2
                if isQuantifier(at: index) { index = skipQuantifier(scalars, from: index) }
                continue
            }
            if meta.contains(scalar) {
                endRun()
                index = isQuantifier(at: index) ? skipQuantifier(scalars, from: index) : index + 1
                continue
            }
            // A literal character; one followed by a quantifier is not required as written.
            if isQuantifier(at: index + 1) {
                endRun()
                index = skipQuantifier(scalars, from: index + 1)
                continue
            }
            run.unicodeScalars.append(scalar)
            index += 1
        }
        endRun()
        return candidates.isEmpty ? nil : candidates
    }

    static let meta = Set("\\^$.|?*+()[]{}".unicodeScalars)

    /// `(?:` written as `(`: a non-capturing group is a group.
    static func nonCapturingAsPlain(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            result.append(scalars[index])
            if scalars[index] == "(", index + 2 < scalars.count, scalars[index + 1] == "?", scalars[index + 2] == ":" {
                index += 3
            } else {
                index += 1
            }
        }
        return result
    }

    static func containsPair(_ scalars: [Unicode.Scalar], _ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        scalars.indices.dropLast().contains { scalars[$0] == first && scalars[$0 + 1] == second }
    }

    /// The index of the `)` closing the group opened at `open` (escapes and classes respected), or nil.
    static func balancedClose(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        var index = open
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "(" {
                depth += 1
            } else if scalar == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// `(?<=认真|积极)的` written as `(认真的|积极的)`: a look-behind of plain words followed by a character
    /// that is required as written guards with the pairs, far rarer than 的 alone (the 的/地 lists wake
    /// on every 的 otherwise). Only what a match needs is read: the look-behind text precedes it.
    static func foldingLookbehinds(_ source: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var scalars = source
        var index = 0
        while index + 4 < scalars.count {
            if scalars[index] == "\\" {
                index += 2
                continue
            }
            guard scalars[index] == "(", scalars[index + 1] == "?", scalars[index + 2] == "<", scalars[index + 3] == "=",
                let close = balancedClose(scalars, from: index), close + 1 < scalars.count
            else {
                index += 1
                continue
            }
            let next = scalars[close + 1]
            let alternatives = scalars[(index + 4)..<close].split(separator: "|", omittingEmptySubsequences: false)
            let plain = alternatives.allSatisfy { !$0.isEmpty && !$0.contains(where: meta.contains) }
            let nextIsQuantified = close + 2 < scalars.count && "?*+{".unicodeScalars.contains(scalars[close + 2])
            guard plain, !meta.contains(next), !nextIsQuantified else {
                index += 1
                continue
            }
            let folded: [Unicode.Scalar] = ["("] + Array(alternatives.map { Array($0) + [next] }.joined(separator: ["|"])) + [")"]
            scalars.replaceSubrange(index...(close + 1), with: folded)
            index += folded.count
        }
        return scalars
    }

    /// The pattern with every look-ahead and look-behind group left out.
    static func withoutLookarounds(_ source: String) -> String {
        String(scalars: withoutLookarounds(Array(source.unicodeScalars)))
    }

    static func withoutLookarounds(_ source: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var scalars = source
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\" {
                index += 2
                continue
            }
            if opensLookaround(scalars, at: index), let close = balancedClose(scalars, from: index) {
                scalars.removeSubrange(index...close)
                continue
            }
            index += 1
        }
        return scalars
    }

    /// `(?=`, `(?!`, `(?<=` or `(?<!` at `index`.
    private static func opensLookaround(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 2 < scalars.count, scalars[index] == "(", scalars[index + 1] == "?" else { return false }
        let third = scalars[index + 2]
        if third == "=" || third == "!" { return true }
        guard third == "<", index + 3 < scalars.count else { return false }
        return scalars[index + 3] == "=" || scalars[index + 3] == "!"
    }

    private static func skipQuantifier(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var index = index
        if index < scalars.count, scalars[index] == "{" {
            while index < scalars.count, scalars[index] != "}" { index += 1 }
            index += 1
        } else {
            index += 1
        }
        if index < scalars.count, scalars[index] == "?" || scalars[index] == "+" { index += 1 } // lazy, possessive
        return index
    }
}
