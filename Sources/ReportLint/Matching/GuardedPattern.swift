/// A rule's regex with a literal guard: when every match must contain one of a few literals (`坚定“四个意识”`
/// needs itself, `(增强|坚定)“两个维护”` needs “两个维护”, `(但|但是).{0,40}(还存在|差距)` needs 但), those
/// literals join the one Aho-Corasick scan of the report, and the regex is not run at all on a report
/// where none of them occurs. Most wrong formulations never occur, so most searches are skipped.
/// Where one does occur and the pattern's reach is known (`PatternReach`), only the text around its
/// hits is searched.
struct GuardedPattern: Sendable {
    let pattern: RegexPattern
    /// Ids of the guard literals in the shared table; nil when no guard could be derived (always search).
    let guards: [Int]?
    let reach: PatternReach

    init(_ pattern: RegexPattern, literals: LiteralTableBuilder) {
        self.pattern = pattern
        guards = GuardedPattern.requiredLiterals(pattern.source).map { $0.map(literals.add) }
        reach = PatternReach(pattern.source, lineAnchors: pattern.regex.options.contains(.anchorsMatchLines))
    }

    /// True when the regex might match this report.
    func mayMatch(_ context: RuleContext) -> Bool {
        guard let guards else { return true }
        return guards.contains { !context.hits($0).isEmpty }
    }

    /// Every match in the report, as byte ranges: the same as searching the whole text, but only the
    /// windows that can hold a match are searched when the guard and the reach allow it.
    func matches(_ context: RuleContext, onTimeout: () -> Void) -> [ByteRange] {
        let source = context.document.source
        guard let guards, reach != .whole else { return pattern.matches(in: source.text, onTimeout: onTimeout) }
        let hits = guards.flatMap { context.hits($0) }.sorted()
        if hits.isEmpty { return [] }
        let windows = SearchWindows.around(hits, reach: reach, in: source.bytes)
        // Windows that cover most of the text save nothing over one search of it.
        if windows.reduce(0, { $0 + $1.count }) > source.bytes.count / 2 {
            return pattern.matches(in: source.text, onTimeout: onTimeout)
        }
        return pattern.matches(in: source.bytes, windows: windows, onTimeout: onTimeout)
    }

    /// Where a cue (compiled with line anchors) matches the report's sentences, each match as a range
    /// of the report with the sentence holding it. When the cue stays on one line and has a guard, only
    /// the sentences holding a guard hit are searched (a match and the guard literal inside it lie in
    /// one sentence); otherwise every sentence, through the sentence text the report shares.
    func sentenceMatches(_ context: RuleContext, onTimeout: () -> Void) -> [(piece: SentenceText.Piece, range: ByteRange)] {
        var text: SentenceText?
        if let guards, reach == .line {
            let document = context.document
            var candidates: [(range: ByteRange, paragraph: Int)] = []
            var paragraphSentences: (index: Int, sentences: [ByteRange]) = (-1, [])
            for hit in guards.flatMap({ context.hits($0) }).sorted() {
                guard let paragraph = document.paragraph(containing: hit.start), paragraph.role == .body || paragraph.role == .heading
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
        return pattern.matches(in: sentences.text, onTimeout: onTimeout).compactMap { sentences.sourceRange(of: $0) }
    }

    /// A set of literals one of which every match of `source` contains, or nil when none can be derived
    /// safely. Conservative: any construct it does not understand at the top level gives nil.
    static func requiredLiterals(_ source: String) -> [String]? {
        let scalars = Array(source.unicodeScalars)
        if source.contains("(?") || source.contains("\\Q") { return nil } // flags, lookarounds, quoting: give up
        let meta = Set("\\^$.|?*+()[]{}".unicodeScalars)
        var candidates: [[String]] = []
        var run = ""
        var index = 0
        var depth = 0
        // A top-level | means the whole pattern is an alternation: no single requirement.
        for scalar in scalars {
            if scalar == "(" { depth += 1 } else if scalar == ")" { depth -= 1 } else if scalar == "|" && depth == 0 { return nil }
        }
        func optionalQuantifier(at position: Int) -> Bool {
            guard position < scalars.count else { return false }
            if scalars[position] == "?" || scalars[position] == "*" { return true }
            if scalars[position] == "{" { return position + 1 < scalars.count && scalars[position + 1] == "0" }
            return false
        }
        func isQuantifier(at position: Int) -> Bool {
            position < scalars.count && "?*+{".unicodeScalars.contains(scalars[position])
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
                let alternatives = String(String.UnicodeScalarView(inner)).components(separatedBy: "|")
                let plain = alternatives.allSatisfy { !$0.isEmpty && !$0.unicodeScalars.contains(where: meta.contains) }
                if inner.contains("(") { return nil } // nested groups: too complex to reason about here
                if plain && !optionalQuantifier(at: close + 1) { candidates.append(alternatives) }
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
        // The best guard: the candidate whose shortest literal is longest (rarer in text).
        return candidates.max { a, b in a.map(\.count).min()! < b.map(\.count).min()! }
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
