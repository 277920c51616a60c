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
        ("但[^。]*差距", .whole),   // a negated class can hold a line feed
        ("但\\s*差距", .whole),
        ("中[\\t-\\r]+", .whole),
        ("^下一步", .whole),         // anchors, boundaries, flags, lookarounds, back-references: context
        ("中\\b", .whole),
        ("(?i)abc", .whole),
        ("(?<=中)国", .whole),
        ("(a)\\1", .whole),
        ("[[a-z]&&[^b]]", .whole),
    ])
    func reach(pattern: String, expected: PatternReach) {
        #expect(PatternReach(pattern) == expected, "\(pattern)")
    }

    @Test func windowsAreWholeScalarsAndMerged() {
        let bytes = Array("甲乙丙\n丁戊己\n庚辛".utf8)
        // A hit of 乙 (bytes 3..<6) reaching 4 bytes: 2..<7 cuts 甲 and 丙, so it widens to 甲乙丙.
        #expect(SearchWindows.around([ByteRange(3, 6)], reach: .bytes(4), in: bytes) == [ByteRange(0, 9)])
        // Two hits on one line give one window; a hit on the next line its own.
        #expect(SearchWindows.around([ByteRange(0, 3), ByteRange(6, 9), ByteRange(13, 16)], reach: .line, in: bytes)
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
        let guards = try #require(guarded.guards, "no guard for \(source)")
        #expect(guarded.reach != .whole)
        let automaton = table.build()
        let pieces = ["取得了", "成效", "成绩", "圆满完成", "了", "（此处", "）", "不断", "提高", "中", "国", "a", "b", "z",
                      "“两个维护”", "增强", "坚定", "推进", "落实", "工作", "，", "。", "\n", "x", "𠀀", "é"]
        var random = SeededGenerator(seed: 7)
        var matched = 0
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...60, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let bytes = Array(text.utf8)
            var hits: [ByteRange] = []
            automaton.scan(bytes) { if guards.contains($0.pattern) { hits.append($0.range) } }
            let windows = SearchWindows.around(hits.sorted(), reach: guarded.reach, in: bytes)
            let whole = pattern.matches(in: text)
            #expect(pattern.matches(in: bytes, windows: windows) == whole, "\(source) on \(text.debugDescription)")
            matched += whole.count
        }
        #expect(matched > 20, "the random texts should hold matches of \(source)")
    }
}
