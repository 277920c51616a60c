import Testing

@testable import ReportLint

/// `ShingleIndex` (the duplicate-paragraph kind's n-gram table) counts what the plain way counts: a set of
/// n-grams per paragraph and, per n-gram, the list of earlier paragraphs holding it.
@Suite("Shingle index: shared n-grams between paragraphs")
struct ShingleIndexTests {
    /// The plain way, as the duplicate kind did it before the index: per paragraph, the shared count with
    /// each earlier paragraph, skipping n-grams held by `maxPostings` earlier paragraphs or more.
    static func plain(_ paragraphs: [[Unicode.Scalar]], ngram: Int, maxPostings: Int) -> (shared: [[Int: Int]], distinct: [Int]) {
        var postings: [[Unicode.Scalar]: [Int]] = [:]
        var shared: [[Int: Int]] = []
        var distinct: [Int] = []
        for (position, scalars) in paragraphs.enumerated() {
            var set = Set<[Unicode.Scalar]>()
            if scalars.count >= ngram {
                for start in 0...(scalars.count - ngram) { set.insert(Array(scalars[start..<(start + ngram)])) }
            }
            var counts: [Int: Int] = [:]
            for shingle in set {
                guard let earlier = postings[shingle], earlier.count < maxPostings else { continue }
                for other in earlier { counts[other, default: 0] += 1 }
            }
            shared.append(counts)
            distinct.append(set.count)
            for shingle in set { postings[shingle, default: []].append(position) }
        }
        return (shared, distinct)
    }

    /// Random paragraphs from a small alphabet (many repeats, within and across paragraphs), with n-grams
    /// packed exactly (up to 6) and hashed (7 and more), and a stock-phrase cut-off low enough to matter.
    @Test(arguments: [(2, 3), (3, 64), (5, 4), (5, 64), (6, 2), (7, 5), (9, 64), (20, 3)])
    func countsEqualThePlainWay(ngram: Int, maxPostings: Int) {
        var random = SeededGenerator(seed: UInt64(ngram * 100 + maxPostings))
        let alphabet = Array("党建工作，。一二是\u{1F600}a".unicodeScalars)
        for _ in 0..<40 {
            // Some paragraphs are copies or near-copies of earlier ones, so high counts occur too.
            var paragraphs: [[Unicode.Scalar]] = []
            for _ in 0..<Int.random(in: 1...25, using: &random) {
                if let earlier = paragraphs.randomElement(using: &random), Bool.random(using: &random) {
                    var copy = earlier
                    if !copy.isEmpty {
                        copy[Int.random(in: 0..<copy.count, using: &random)] = alphabet.randomElement(using: &random)!
                    }
                    paragraphs.append(copy)
                } else {
                    let size = Int.random(in: 0...60, using: &random)
                    let letters = alphabet.prefix(Int.random(in: 2...alphabet.count, using: &random))
                    paragraphs.append((0..<size).map { _ in letters.randomElement(using: &random)! })
                }
            }
            let expected = ShingleIndexTests.plain(paragraphs, ngram: ngram, maxPostings: maxPostings)
            var index = ShingleIndex(ngram: ngram, maxPostings: maxPostings)
            for (position, paragraph) in paragraphs.enumerated() {
                let shared = index.add(paragraph[...])
                let counts = Dictionary(uniqueKeysWithValues: shared.map { ($0.paragraph, $0.shared) })
                #expect(counts == expected.shared[position], "paragraph \(position)")
            }
            #expect(index.distinctCounts == expected.distinct)
        }
    }

    /// The table grows far past its first size and still finds every shingle.
    @Test func growsWithALongParagraph() {
        let scalars = (0..<20_000).map { Unicode.Scalar(0x4E00 + UInt32($0 % 9_000))! }
        var index = ShingleIndex(ngram: 5, maxPostings: 64)
        #expect(index.add(scalars[...]).isEmpty)
        let shared = index.add(scalars[100..<5_100])
        #expect(shared.count == 1 && shared[0].paragraph == 0 && shared[0].shared == 4_996)
        #expect(index.distinctCounts == [9_000, 4_996])
    }

    /// A paragraph shorter than the n-gram (a `minLength` below `ngram` in a rule file) has no shingles.
    @Test func shortParagraphsHaveNone() throws {
        let rules = try TestSupport.rules([
            """
            pack: t
            rules:
              - id: t/duplicate
                kind: duplicate
                message: 段落重复
                minLength: 5
                ngram: 12
            """
        ])
        let result = TestSupport.lint("总结\n短段落一二\n短段落一二\n这一段有十二个字以上，足够比对。\n这一段有十二个字以上，足够比对。\n", rules: rules)
        #expect(result.findings.map(\.start.line) == [5])
    }
}
