import Foundation
import Testing

@testable import ReportLint

/// The scalar table and the structure are built only when a rule reads them; what is built lazily
/// must equal what would have been built at once, and positions must not depend on which was built.
@Suite("Parts of a report built on demand")
struct LazyPartsTests {
    static let reportText = """
        市委：
        某某局2024年工作总结
        （2024年12月）

        2024年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面从严治党取得新成效。
        一、主要工作
        （一）加强政治建设。一是深化理论学习，二是落实“第一议题”制度。
        二、存在的问题
        形式主义问题仍有发生，XX项工作进度滞后。
        三、下一步打算
        进一步加强党的建设。

        某某局
        2024年12月20日
        """

    @Test func phraseRulesLeaveStructureAndScalarTableUnbuilt() throws {
        let rules = try TestSupport.rules([
            """
            pack: p
            rules:
              - {id: p/words, kind: forbid, message: 词语, phrases: [形式主义, 进一步]}
              - {id: p/pattern, kind: forbid, message: 模式, patterns: ['加强(政治|党的)建设']}
            """
        ])
        let source = TestSupport.source(LazyPartsTests.reportText)
        let result = Linter(rules: rules).lint(source)
        #expect(!result.document.isStructureParsed)
        #expect(!source.isScalarTableBuilt)
        let found = result.findings.map { "\($0.ruleId) \($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" }
        #expect(found == ["p/pattern 7:4-7:10", "p/words 9:1-9:5", "p/words 11:1-11:4", "p/pattern 11:4-11:10"])
        // The type comes from the opening lines without parsing the rest.
        #expect(result.document.type == .summary && result.document.typeOrigin == .title)
        // Asked for afterwards (by a reporter), the structure is parsed then, and is complete.
        #expect(result.document.headings.count == 4)
        #expect(result.document.isStructureParsed && source.isScalarTableBuilt)
    }

    @Test func structureRulesHaveItParsedBeforeTheyRun() throws {
        let source = TestSupport.source(LazyPartsTests.reportText)
        let result = Linter(rules: try TestSupport.rules(builtin: true)).lint(source)
        #expect(result.document.isStructureParsed)
        #expect(result.findings.contains { $0.ruleId == "common/placeholder" })
    }

    /// The title (and so the type) decided from the opening lines is the title the full parse marks.
    @Test func titleFromTheOpeningIsTheParsedTitle() throws {
        let reader = Reader()
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixturesDirectory.path)
            .filter { !$0.hasSuffix(".json") }.sorted()
        #expect(names.count >= 10)
        for name in names {
            let source = try reader.read(path: TestSupport.fixturesDirectory.appendingPathComponent(name).path).get()
            let document = StructureParser.parse(source)
            let marked = document.paragraphs.firstIndex { $0.role == .title }
            #expect(document.titleIndex == marked, "\(name)")
        }
    }

    /// Columns counted from the bytes near a line start equal columns from the scalar table, on lines
    /// short and long (beyond the counted stretch), with 1-, 2-, 3- and 4-byte characters.
    @Test func columnsAgreeWithOrWithoutTheScalarTable() {
        let pieces = ["a", "é", "中", "𠀀", "，", " ", "\n", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let length = round % 4 == 0 ? 6_000 : 300
            let text = (0..<length).map { _ in
                Int.random(in: 0..<100, using: &generator) < 2
                    ? pieces[6 + Int.random(in: 0...1, using: &generator)]
                    : pieces[Int.random(in: 0..<6, using: &generator)]
            }.joined()
            let lazy = TestSupport.source(text)
            var boundaries: [Int] = [0]
            for scalar in text.unicodeScalars { boundaries.append(boundaries.last! + String(scalar).utf8.count) }
            // Not between the CR and LF of one line end: that offset is inside a terminator, on no column.
            let bytes = Array(text.utf8)
            let sample = (0..<200).map { _ in boundaries.randomElement(using: &generator)! }.filter { offset in
                !(offset > 0 && offset < bytes.count && bytes[offset - 1] == 13 && bytes[offset] == 10)
            }
            let counted = sample.map { lazy.position(ofByte: $0) }
            #expect(!lazy.isScalarTableBuilt || length > Source.countedColumnBytes)
            let eager = TestSupport.source(text)
            _ = eager.scalars
            #expect(sample.map { eager.position(ofByte: $0) } == counted)
            // And both equal the column a reader counts: scalars since the line start.
            for (offset, position) in zip(sample, counted) {
                let before = String(decoding: bytes[..<offset], as: UTF8.self)
                let lineStart =
                    before.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }.last ?? []
                #expect(position.column == lineStart.count + 1)
            }
        }
    }
}
