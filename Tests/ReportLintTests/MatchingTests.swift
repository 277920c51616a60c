import Testing

@testable import ReportLint

@Suite("Aho-Corasick and regex matching")
struct MatchingTests {
    /// Every occurrence of every pattern by brute force, for comparison.
    func naive(_ patterns: [[UInt8]], _ text: [UInt8]) -> Set<AhoCorasick.Match> {
        var result = Set<AhoCorasick.Match>()
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty && pattern.count <= text.count {
            for start in 0...(text.count - pattern.count) where Array(text[start..<start + pattern.count]) == pattern {
                result.insert(AhoCorasick.Match(pattern: id, range: ByteRange(start, start + pattern.count)))
            }
        }
        return result
    }

    @Test func overlappingAndNestedPhrases() {
        let patterns = ["新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想", "社会主义", "思想"].map { Array($0.utf8) }
        let text = Array("坚持以习近平新时代中国特色社会主义思想为指导，解放思想".utf8)
        let automaton = AhoCorasick(patterns: patterns)
        let found = automaton.matches(in: text)
        #expect(Set(found) == naive(patterns, text))
        #expect(found.filter { $0.pattern == 3 }.count == 2)
    }

    @Test func agreesWithBruteForceOnRandomInput() {
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("党建政治学习问题，。一二".unicodeScalars)
        func randomText(_ length: Int) -> [UInt8] {
            var text = ""
            for _ in 0..<length { text.unicodeScalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            return Array(text.utf8)
        }
        for _ in 0..<200 {
            let patterns = (0..<Int(1 + generator.next() % 8)).map { _ in randomText(Int(1 + generator.next() % 4)) }
            let text = randomText(Int(generator.next() % 60))
            let automaton = AhoCorasick(patterns: patterns)
            // The order is part of the contract: by end offset, then by pattern.
            let ordered = naive(patterns, text).sorted { ($0.range.end, $0.pattern) < ($1.range.end, $1.pattern) }
            #expect(automaton.matches(in: text) == ordered)
        }
    }

    /// The scan passes over characters no pattern starts with; on broken UTF-8 (cut sequences, stray
    /// continuation bytes, 4-byte characters) it must still find every occurrence.
    @Test func agreesWithBruteForceOnBrokenText() {
        var generator = SeededGenerator(seed: 9)
        // 党 followed by a cut character: its second "character" is not whole, so 党 alone must stop the skip.
        let words = ["党建", "问题", "a", "ab", "建设", "𠀀x"].map { Array($0.utf8) } + [Array("党".utf8) + [0xE5]]
        let pieces: [[UInt8]] = [
            Array("党".utf8), Array("建".utf8), Array("问题".utf8), [0xE5], [0x9A], [0xBB, 0x9A],
            Array("a".utf8), Array("b".utf8), Array("𠀀".utf8), [0xF0, 0xA0], Array("，".utf8),
        ]
        for round in 0..<300 {
            let patterns = (0..<Int(1 + generator.next() % 4)).map { _ in words[Int(generator.next() % UInt64(words.count))] }
            var text: [UInt8] = []
            for _ in 0..<Int(generator.next() % 40) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            #expect(Set(AhoCorasick(patterns: patterns).matches(in: text)) == naive(patterns, text), "round \(round)")
        }
    }

    @Test func duplicateAndEmptyPatterns() {
        let automaton = AhoCorasick(patterns: [Array("问题".utf8), [], Array("问题".utf8)])
        let matches = automaton.matches(in: Array("存在问题".utf8))
        #expect(matches.map(\.pattern).sorted() == [0, 2])
        #expect(AhoCorasick(patterns: []).matches(in: Array("任何文字".utf8)).isEmpty)
    }

    @Test func regexRangesAreUTF8Offsets() throws {
        let pattern = try RegexPattern.compile("四个?维护").get()
        let text = "做到“两个维护”，不是四维护𠀀四个维护"
        let ranges = pattern.matches(in: text)
        let bytes = Array(text.utf8)
        #expect(ranges.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["四维护", "四个维护"])
    }

    @Test func regexCompileErrors() {
        guard case .failure(.invalid) = RegexPattern.compile("(未闭合") else {
            Issue.record("an unbalanced parenthesis should not compile")
            return
        }
        #expect(throws: RegexPattern.CompileError.matchesEmpty) { try RegexPattern.compile("a*").get() }
    }
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Regex guards from required literals")
struct GuardedPatternTests {
    @Test(arguments: [
        ("坚定“四个意识”", ["坚定“四个意识”"]),
        ("(增强|坚定)“两个维护”", ["“两个维护”"]),
        ("(但|但是|然而).{0,40}(还存在|差距)", ["还存在", "差距"]),
        ("^(下一步|下步|今后)，?.{0,15}(将|要)", ["下一步", "下步", "今后"]),
        ("（此处[^）]{0,30}）", ["（此处"]),
        ("^20\\d\\d年，?.{0,12}(将|继续)", ["20"]),
        ("政治领悟力、政治判断力", ["政治领悟力、政治判断力"]),
        ("^(下一步|在新的一年里?)，?.{0,15}(将|要)", ["下一步", "在新的一年"]),
        ("(20\\d\\d年|今年以来)，", ["20", "今年以来"]),
        ("(a|.b)", ["a", "b"]),
        // Look-arounds consume nothing: what stands beside them is still required.
        ("(?<!所)开展的(?=不够|还不够)", ["开展的"]),
        ("做出(?=了?(积极|突出)?(贡献|决定))", ["做出"]),
        // A non-capturing group is a group; a nested one requires nothing but what stands around it counts.
        ("(?:政治建设|思想建设)(?:、(?:政治建设|思想建设))", ["政治建设", "思想建设"]),
        ("((a|b)c)d", ["d"]),
    ])
    func derivesAGuard(pattern: String, expected: [String]) {
        #expect(GuardedPattern.requiredLiterals(pattern) == expected)
    }

    /// Every set a pattern has is required; a report is searched only when each has a hit.
    @Test func everyGuardSetIsKept() throws {
        #expect(GuardedPattern.requiredLiteralSets("^20\\d\\d年，?.{0,12}(将|继续)") == [["20"], ["年"], ["将", "继续"]])
        #expect(GuardedPattern.requiredLiteralSets("a(bc|de)") == [["bc", "de"]]) // a lone ASCII letter is no guard
        // A look-behind of plain words before a required character guards with the pairs; one before a
        // quantified character, or of a class, guards with nothing of its own.
        #expect(GuardedPattern.requiredLiteralSets("(?<=认真|积极)的(?=学习)") == [["认真的", "积极的"]])
        #expect(GuardedPattern.requiredLiteralSets("(?<=认真|积极)的?学习") == [["学习"]])
        #expect(GuardedPattern.requiredLiteralSets("(?<=[认积])的学习") == [["的学习"]])
        let rules = try TestSupport.rules([
            "pack: t\nrules:\n  - {id: t/x, kind: forbid, message: m, patterns: ['20\\d\\d年.{0,12}(将|继续)']}\n"
        ])
        // Years everywhere but no 将 or 继续: nothing to search.
        #expect(TestSupport.lint("总结\n2023年我们做了。2024年也做了。\n", rules: rules).findings.isEmpty)
        #expect(brief(TestSupport.lint("总结\n2024年我们将继续。\n", rules: rules).findings) == ["t/x@2:1"])
    }

    @Test(arguments: ["a|b", "(?i)abc", "((a|b)c)?", "(?=ab)c?", "(ab)?c?", "x*", "\\d+", "[abc]+", "(a|.)"])
    func givesUpWhenUnsure(pattern: String) {
        let literals = GuardedPattern.requiredLiterals(pattern)
        #expect(literals == nil || pattern == "(ab)?c?" && literals == nil)
    }

    @Test func aGuardedPatternIsSkippedOnlyWhenItCannotMatch() throws {
        let rules = try TestSupport.rules([
            "pack: t\nrules:\n  - {id: t/x, kind: forbid, message: m, patterns: ['(增强|坚定)“两个维护”']}\n"
        ])
        #expect(brief(TestSupport.lint("总结\n坚定“两个维护”。\n", rules: rules).findings) == ["t/x@2:1"])
        #expect(TestSupport.lint("总结\n做到“两个维护”。\n", rules: rules).findings.isEmpty)
    }
}
