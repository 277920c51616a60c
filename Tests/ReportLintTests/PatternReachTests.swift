import Testing

@testable import ReportLint

@Suite("Pattern reach: searching only around guard hits")
struct PatternReachTests {
    @Test(arguments: [
        ("取得了.{0,10}(成效|成绩|进展)", PatternReach.bytes(9 + 40 + 6)),
        ("圆满完成了?", .bytes(15)),
        ("（此处[^）]{0,30}）", .bytes(9 + 120 + 3)),
        ("(?:ab){1,3}c", .bytes(7)),
        ("a\\.b", .bytes(3)),
        ("不断.*提高", .line),
        ("[a-z]+中", .line),
        ("\\d{2,}年", .line),
        ("中[ -~]+", .line),
        ("但[^。]*差距", .whole), // a negated class can hold a line feed
        ("但\\s*差距", .whole),
        ("中[\\t-\\r]+", .whole),
        ("^下一步", .whole), // anchors, boundaries, flags, lookarounds, back-references: context
        ("中\\b", .whole),
        ("(?i)abc", .whole),
        ("(?<=中)国", .whole),
        ("(a)\\1", .bytes(2)), // a back-reference matches what its group matched
        ("(a+)\\1", .line),
        ("\\1(a)", .whole), // before its group: not modelled
        ("(a)\\10", .whole),
        ("[[a-z]&&[^b]]", .whole),
    ])
    func reach(pattern: String, expected: PatternReach) {
        #expect(PatternReach(pattern) == expected, "\(pattern)")
    }

    /// A property in a class (`[\p{Han}]`) is one code point, as it is outside one: a pattern written either
    /// way is searched only around its guard's hits (unknown, it was searched whole in every report).
    @Test func propertyInAClass() {
        #expect(PatternReach("[\\p{Han}]{2,3}(?:日报|晚报)") == PatternReach("\\p{Han}{2,3}(?:日报|晚报)"))
        #expect(PatternReach("[\\p{Han}]{2,3}(?:日报|晚报)") != .whole)
        #expect(PatternReach("[^\\p{Han}，]{2}") != .whole)
    }

    /// Cues are compiled with `^` and `$` at every line: they are searched sentence by sentence, whatever
    /// their length, as long as they cannot match a line feed.
    @Test(arguments: [
        ("^(下一步|今后)，?.{0,15}(将|要)", PatternReach.line),
        ("^20\\d\\d年.{0,20}工作的总体要求", .line),
        ("(但|但是).{0,40}(还存在|差距)", .line),
        ("差距$", .line),
        ("^问题[^。]*", .whole),
        ("^(?=下一步)", .whole),
    ])
    func reachOfACue(pattern: String, expected: PatternReach) {
        #expect(PatternReach(pattern, lineAnchors: true) == expected, "\(pattern)")
    }

    /// The built-in cues searched only in the sentences holding their guard find what a search of
    /// every sentence finds, on random reports made of cue-like sentences.
    @Test func cueSentencesEqualWholeSearch() throws {
        let rules = try TestSupport.rules(builtin: true)
        let cues = rules.sectionRules.flatMap(\.cues)
        #expect(cues.count >= 8)
        #expect(cues.filter { $0.reach == .line && !$0.guardSets.isEmpty }.count >= 6)
        let sentences = [
            "下一步，我局将持续推进。", "2024年，我局将继续深化改革。", "但是，工作中还存在一些差距。", "存在的问题主要是",
            "2023年工作的总体要求是：", "今后要着力抓好落实", "为此，新的一年里", "一年来，我局落实主体责任",
            "严格遵守八项规定精神", "总体要求是", "我们取得了成效。", "20", "，", "。", "\n", "一、总体情况\n",
        ]
        var random = SeededGenerator(seed: 11)
        var matched = 0
        for _ in 0..<150 {
            let body = (0..<Int.random(in: 1...30, using: &random)).map { _ in sentences.randomElement(using: &random)! }.joined()
            let document = TestSupport.parse("2023年工作总结\n" + body + "\n")
            var hits = [[ByteRange]](repeating: [], count: rules.literals.patterns.count)
            rules.literals.scan(document.source.bytes) { hits[$0.pattern].append($0.range) }
            let context = RuleContext(document: document, literalHits: hits)
            let text = context.sentenceText
            func described(_ found: [(piece: SentenceText.Piece, range: ByteRange)]) -> [String] {
                found.map {
                    "\($0.piece.paragraph)/\($0.piece.sourceStart)+\($0.piece.length): \($0.range.start)..<\($0.range.end)"
                }
            }
            for cue in cues {
                let whole = cue.pattern.matches(in: text.text).compactMap { text.sourceRange(of: $0) }
                #expect(
                    described(cue.sentenceMatches(context, onTimeout: {})) == described(whole),
                    "\(cue.pattern.source) on \(body.debugDescription)")
                matched += whole.count
            }
        }
        #expect(matched > 100)
    }

    /// How many ways a search may try one position: small for literals, alternations and bounded
    /// single-character repeats; unbounded for `.*` and for a repeated group with choices inside (the
    /// shape of catastrophic backtracking). Only small counts search without the deadline watch.
    @Test(arguments: [
        ("坚定“四个意识”", 1 as Int?),
        ("(增强|坚定)“两个维护”", 2),
        ("取得了.{0,10}(成效|成绩|进展)", 33),
        ("圆满完成了?", 2),
        ("(ab){1,3}c", 3),
        ("不断.*提高", nil),
        ("(a|aa){0,30}c", nil),
        ("(a|aa)*c", nil),
        ("x{0,99}y{0,99}z", 10_000), // bounded, but too many ways: watched
        // Look-arounds are tried once where they stand: their own ways count, not their text.
        ("(?<!所)开展的(?=不够)", 1),
        ("(?<=以|和|、)(?:习近平总书记)?系列重要讲话精神(?=为指导)", 6),
        ("(?<![东西南北春秋])四风(?=问题|突出问题|[，。；、])", 3),
        ("(?<![东西南北春秋])四风(?=问题|$)", 2), // $ in a look-ahead: one more way
        ("(?<!习近平)(?<!全面贯彻)(?<![XxＸｘ*＊×])新时代中国特色社会主义思想(?!和基本方略)(?!主题教育)", 1),
        ("(?=.*提高)不断", nil), // what the look-ahead reads is unbounded: watched
        ("(?i)abc", nil), // flags: not read
        ("(?<name>a)b", nil), // named groups: not read
    ])
    func searchPaths(pattern: String, expected: Int?) throws {
        #expect(PatternReach.searchPaths(pattern) == expected, "\(pattern)")
        let compiled = try RegexPattern.compile(pattern).get()
        #expect(compiled.watched == (expected.map { $0 > RegexPattern.linearPaths } ?? true))
    }

    /// A look-around reads text outside the match, so such a pattern is still searched over the whole text.
    @Test func lookaroundsReachTheWholeText() {
        #expect(PatternReach("(?<!所)开展的(?=不够)") == .whole)
        #expect(PatternReach("开展的(?!不够)") == .whole)
    }

    /// What a look-around pattern consumes keeps its reach for windows (the look-arounds read the text
    /// around a window, which its search sees); a consumed part without reach, or line anchors, give none.
    @Test func lookaroundPatternsSearchWindowsOfWhatTheyConsume() {
        func window(_ pattern: String) -> PatternReach { PatternReach.analyze(pattern, lineAnchors: false).window }
        #expect(window("(?<!所)开展的(?=不够)") == .bytes(9))
        #expect(window("(?<!习近平)新时代.{0,4}(?!思想|中国特色)") == .bytes(9 + 16))
        #expect(window("不断.*提高(?!了)") == .line)
        #expect(window("开展的(?!不.*够)") == .bytes(9)) // however far a look-around reads
        #expect(window("开展的(?!不(?=够))") == .bytes(9))
        #expect(window("开展的(?=(?:进行|实现)(?!路径|$))") == .bytes(9))
        #expect(window("(?<=^|。)开展的") == .bytes(9))
        #expect(window("但[^。]*差距(?!了)") == .whole)
        #expect(window("^开展的(?!不够)") == .whole)
        #expect(window("开展的") == .bytes(9))
        #expect(PatternReach.analyze("(?<!所)开展的", lineAnchors: true).window == .whole)
    }

    /// Look-around patterns searched window by window, each window's surroundings visible to the
    /// look-arounds, find exactly what a search of the whole text finds — also where a look-behind would
    /// fail only because of text just before a window, or a false match at a window's edge would hide a
    /// true one.
    @Test(arguments: [
        "(?<!习近平)新时代(?!中国)", "(?<!所)开展的(?=不够)", "(?<=坚定)“两个维护”", "(推进|落实)(?!工作)[^，]{0,4}",
        "(?<!中)国a{0,3}(?!b)", "新时代[^。]{0,6}(?<!不)够", "(?<!a)中.{0,3}国", "不够(?=\n)",
        "开展的(?=(?:不够|工作)(?!中|。|$))", "(?<=^|。|\n)中国", "不够(?=。|$)", "(?<=展|坚定)的(?=(?:不够|工作)(?!不))",
        "(中|国)a{0,2}\\1(?!b)", "开展的(?!不.*够)", "(?<=^|。)中国", "(?<=开展|推进)的[^，]{0,3}(?=工作)",
        "(?<=坚定|中)国a{0,2}(?!b)",
    ])
    func windowedLookaroundSearchEqualsWholeSearch(pattern source: String) throws {
        let pattern = try RegexPattern.compile(source).get()
        #expect(pattern.reach == .whole && pattern.windowReach != .whole, "no window reach for \(source)")
        let table = LiteralTableBuilder()
        let guarded = GuardedPattern(pattern, literals: table)
        #expect(!guarded.guardSets.isEmpty, "no guard for \(source)")
        let automaton = table.build()
        let pieces = [
            "习近平", "新时代", "中国", "所", "开展的", "不够", "不", "够", "坚定", "“两个维护”", "推进", "落实", "工作",
            "中", "国", "a", "b", "，", "。", "\n", "x", "𠀀", "é",
        ]
        var matched = 0
        for text in randomTexts(of: pieces, seed: 11) {
            let bytes = Array(text.utf8)
            let whole = pattern.matches(in: text)
            for guards in guarded.guardSets {
                var hits: [ByteRange] = []
                automaton.scan(bytes) { if guards.contains($0.pattern) { hits.append($0.range) } }
                let windows = guarded.windows(around: hits.sorted(), in: bytes)
                let windowed = pattern.matches(in: SearchText(bytes: bytes), windows: windows)
                #expect(windowed == whole, "\(source) on \(text.debugDescription)")
            }
            matched += whole.count
        }
        #expect(matched >= 10, "the random texts should hold matches of \(source)")
    }

    @Test func windowsAreWholeScalarsAndMerged() {
        let bytes = Array("甲乙丙\n丁戊己\n庚辛".utf8)
        // A hit of 乙 (bytes 3..<6) reaching 4 bytes: 2..<7 cuts 甲 and 丙, so it widens to 甲乙丙.
        #expect(SearchWindows.around([ByteRange(3, 6)], reach: .bytes(4), in: bytes) == [ByteRange(0, 9)])
        // Two hits on one line give one window; a hit on the next line its own.
        #expect(
            SearchWindows.around([ByteRange(0, 3), ByteRange(6, 9), ByteRange(13, 16)], reach: .line, in: bytes)
                == [ByteRange(0, 9), ByteRange(10, 19)])
        // Windows that touch are merged.
        #expect(SearchWindows.around([ByteRange(0, 3), ByteRange(10, 13)], reach: .bytes(9), in: bytes) == [ByteRange(0, 19)])
    }

    /// Searching window by window finds exactly what a search of the whole text finds, on random text
    /// built from the pieces the patterns are made of.
    @Test(arguments: [
        "取得了.{0,10}(成效|成绩)", "圆满完成了?", "（此处[^）]{0,6}）", "不断.*提高", "中[a-z]{1,3}国?",
        "(增强|坚定)“两个维护”", "(推进|落实)[^，]{0,4}工作",
    ])
    func windowedSearchEqualsWholeSearch(pattern source: String) throws {
        let pattern = try RegexPattern.compile(source).get()
        let table = LiteralTableBuilder()
        let guarded = GuardedPattern(pattern, literals: table)
        #expect(!guarded.guardSets.isEmpty, "no guard for \(source)")
        #expect(guarded.reach != .whole)
        let automaton = table.build()
        let pieces = [
            "取得了", "成效", "成绩", "圆满完成", "了", "（此处", "）", "不断", "提高", "中", "国", "a", "b", "z",
            "“两个维护”", "增强", "坚定", "推进", "落实", "工作", "，", "。", "\n", "x", "𠀀", "é",
        ]
        var matched = 0
        for text in randomTexts(of: pieces, seed: 7) {
            let bytes = Array(text.utf8)
            let whole = pattern.matches(in: text)
            // Every guard set must do: the one a report uses is whichever has the fewest hits there.
            for guards in guarded.guardSets {
                var hits: [ByteRange] = []
                automaton.scan(bytes) { if guards.contains($0.pattern) { hits.append($0.range) } }
                let windows = SearchWindows.around(hits.sorted(), reach: guarded.reach, in: bytes)
                let windowed = pattern.matches(in: SearchText(bytes: bytes), windows: windows)
                #expect(windowed == whole, "\(source) on \(text.debugDescription)")
            }
            matched += whole.count
        }
        #expect(matched > 10, "the random texts should hold matches of \(source)")
    }

    /// 300 texts of 1 to 60 random pieces, the same for a seed.
    private func randomTexts(of pieces: [String], seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        return (0..<300).map { _ in
            (0..<Int.random(in: 1...60, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }
}
