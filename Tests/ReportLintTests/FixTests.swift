import Foundation
import PropertyBased
import Testing

@testable import ReportLint

@Suite("Fixer and writer")
struct FixTests {
    static let linter = Linter(rules: try! TestSupport.rules(builtin: true))

    func fix(_ text: String, only: Set<String>? = nil) -> Fixer.Result {
        Fixer.fix(TestSupport.source(text), linter: FixTests.linter, only: only)
    }

    @Test func fixesTheMechanicalFindingsAndKeepsQuotedText() {
        let result = fix("2023年工作总结\n认真学习 ，深入领会,开展“贯彻党代会 奋进新征程”宣讲...学习《两个确立 的意义》，，坚持以新时代中国特色社会主义思想为指导。\n")
        #expect(result.fixedText == "2023年工作总结\n认真学习，深入领会，开展“贯彻党代会 奋进新征程”宣讲……学习《两个确立 的意义》，坚持以习近平新时代中国特色社会主义思想为指导。\n")
        #expect(
            result.applied.map(\.ruleId).sorted() == [
                "common/ellipsis", "common/formulation", "common/half-width-punctuation",
                "common/repeated-punctuation", "common/stray-space",
            ])
    }

    @Test func fixesNumbersQuotesSeriesAndRepeatsOfTheStandardsPack() {
        let text =
            "24年度工作总结\n24年，在市委市政府领导下，1-9月召开会议 12次，培训50000余人次，争取资金50万，深入学习\"枫桥经验\"，编制”十五五“规划，全体全体党员参加，2018抓学习。\n主要表现在：一是学习不够深入，二是监督不够有力。\n"
        let result = fix(text)
        #expect(
            result.fixedText
                == "2024年度工作总结\n2024年，在市委、市政府领导下，1—9月召开会议12次，培训50000余人次，争取资金50万元，深入学习“枫桥经验”，编制“十五五”规划，全体党员参加，2018年抓学习。\n主要表现在：一是学习不够深入；二是监督不够有力。\n"
        )
        #expect(
            Set(result.applied.map(\.ruleId)) == [
                "standards/abbreviated-year", "standards/coordinate-bodies", "standards/number-range",
                "common/stray-space", "standards/money-unit",
                "standards/ascii-quote", "standards/quote-direction", "standards/repeated-word",
                "standards/year-unit", "standards/series-separator",
            ])
        #expect(!fix(result.fixedText).changed)
    }

    @Test func leavesWhatIsNotCertain() {
        // 66余件 (60余件 or 66件?), mixed numerals, an odd ASCII quote, a colon too many: reported, never applied.
        let text = "总结\n全年办理66余件，组织旁听庭审2次、参观基地五次，学习\"枫桥经验，主要内容有：党章，具体包括：准则。\n"
        let result = fix(text)
        #expect(!result.changed)
        let rules = Set(FixTests.linter.lint(TestSupport.source(text)).findings.map(\.ruleId))
        #expect(
            rules.isSuperset(of: [
                "standards/approximate-number", "standards/mixed-numerals", "standards/ascii-quote", "standards/colon",
            ]))
    }

    /// An entry whose canonical text is a pattern of the right wording (以……为中心（或围绕……中心）) is reported with
    /// no suggestion, even when it says `exact`: the fix once wrote that pattern into the report.
    @Test func neverWritesAPatternOfTheRightWording() {
        let text = "总结\n紧紧围绕经济建设为中心，在全镇掀起浓厚的学习氛围。\n"
        #expect(!fix(text).changed)
        let findings = FixTests.linter.lint(TestSupport.source(text)).findings.filter { $0.ruleId == "words/collocation" }
        #expect(findings.count == 2 && findings.allSatisfy { $0.suggestion == nil })
    }

    @Test func isIdempotent() {
        let once = fix("总结\n学习 ，领会,研讨...整改--落实。\n")
        let twice = fix(once.fixedText)
        #expect(!twice.changed)
        #expect(twice.applied.isEmpty)
    }

    @Test func onlyTheNamedRules() {
        let result = fix("总结\n学习 ，领会,研讨。\n", only: ["common/stray-space"])
        #expect(result.fixedText == "总结\n学习，领会,研讨。\n")
    }

    @Test func adviceIsNotApplied() {
        // Numbering and self-reference suggestions need judgement: reported, never applied.
        let text = "总结\n一、主要工作\n1、加强学习。\n我局学习，我局研讨，我室落实。\n"
        #expect(!fix(text).changed)
    }

    @Test func overlappingFixesWaitForTheNextPass() {
        // A stray space next to a half-width comma: both are fixed, over two passes if need be.
        let result = fix("总结\n学习 , 领会。\n")
        #expect(result.fixedText == "总结\n学习，领会。\n")
        #expect(result.passes >= 1)
    }

    @Test(arguments: [
        ("GB18030 CRLF", TextEncoding.gb18030, false, "\r\n"),
        ("UTF-8 BOM CRLF", TextEncoding.utf8, true, "\r\n"),
        ("UTF-8 CR", TextEncoding.utf8, false, "\r"),
        ("UTF-16LE", TextEncoding.utf16LittleEndian, true, "\n"),
    ])
    func roundTripsKeepEncodingBOMAndLineEnds(label: String, encoding: TextEncoding, bom: Bool, newline: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = ["2023年工作总结", "认真学习 ，深入领会。", "坚持“贯彻党代会 奋进新征程”。", ""].joined(separator: newline)
        let original = Source(path: "x", text: text, encoding: encoding, hadBOM: bom)
        let url = directory.appendingPathComponent("报告.txt")
        try Data(try #require(FixWriter.encode(text, like: original))).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)

        let read = try Reader().read(path: url.path).get()
        #expect(read.encoding == encoding, "\(label)")
        let result = Fixer.fix(read, linter: FixTests.linter)
        try FixWriter.write(result.fixedText, like: read, to: url.path).get()

        let written = Array(try Data(contentsOf: url))
        let expected = text.replacingOccurrences(of: "学习 ，", with: "学习，")
        #expect(written == FixWriter.encode(expected, like: original), "\(label)")
        #expect(try Reader().read(path: url.path).get().text == expected)
        let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["报告.txt"], "no temporary file left")
    }

    @Test func aFailureBeforeTheRenameLeavesTheOriginalWhole() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.txt")
        try "学习 ，领会。\n".write(to: url, atomically: true, encoding: .utf8)
        struct Crash: Error {}
        let outcome = FixWriter.write("学习，领会。\n", like: TestSupport.source(""), to: url.path) { throw Crash() }
        guard case .failure = outcome else {
            Issue.record("the write should fail")
            return
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "学习 ，领会。\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.txt"])
    }

    @Test func markdownIsFixedInPlaceKeepingItsMarkup() {
        let markdown = "# 总结\n\n## 一、**主要** 工作\n\n- 认真学习 ，深入领会,开展[专题 研讨](http://x.cn)...\n"
        let source = MarkdownReader.source(path: "a.md", text: markdown, encoding: .utf8, hadBOM: false)
        let result = Fixer.fix(source, linter: FixTests.linter)
        // Each fix maps back to exactly the characters the rule saw; the markup around them stays.
        #expect(result.fixedText == "# 总结\n\n## 一、**主要**工作\n\n- 认真学习，深入领会，开展[专题研讨](http://x.cn)……\n")
        #expect(
            !Fixer.fix(
                MarkdownReader.source(path: "a.md", text: result.fixedText, encoding: .utf8, hadBOM: false),
                linter: FixTests.linter
            ).changed)
    }

    @Test func unifiedDiff() {
        let diff = UnifiedDiff.make(
            original: "a\nb\nc\nd\ne\nf\ng\nh\ni\n", fixed: "a\nB\nc\nd\ne\nf\ng\nh\nI\n", path: "r.txt", context: 1)
        #expect(diff == "--- a/r.txt\n+++ b/r.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -8,3 +8,3 @@\n h\n-i\n+I\n \n")
        #expect(UnifiedDiff.make(original: "x\n", fixed: "x\n", path: "r.txt").isEmpty)
    }
}

/// Properties of `fix` on generated reports: it changes only what rules flagged, never the text inside
/// “…” or 《…》, never the number of lines, and a fixed report has no fixable finding left.
@Suite("Fix properties")
struct FixPropertyTests {
    static let fragments = [
        "全年召开党组会议12次", "认真学习 ，深入领会", "深入领会,研讨", "开展“贯彻党代会 奋进新征程”宣讲", "学习《“点亮”大漠星空 释放消费活力》",
        "读书班...报告会", "非遗展演--惠民演出", "“四个意识”、“四个自信”", "会议12次，，研究", "以新时代中国特色社会主义思想为指导",
        "2024年3月10日", "按3×4分组", "推进 5G 建设", "一、 加强政治建设", "（一）深化学习", "首先，学习", "我局 召开会议",
        // The standards pack: numbers, quotes, series, bodies and repeated words.
        "24年，全局", "1-9月办理案件", "培训50000余人次", "争取资金50万", "深入学习\"枫桥经验\"", "编制”十五五“规划",
        "全体全体党员", "在市委市政府领导下", "召开会议 12次", "一是学习不够，二是监督不力", "2018抓学习", "打造“门户•客厅”",
        "坚持“有权必有责。”，严格问责", "1. 持续推进", "办理66余件", "旁听庭审2次、参观基地五次", "编制十四五规划",
    ]
    static let line = Gen<String?>.element(of: fragments).array(of: 1...4).map {
        $0.compactMap { $0 }.joined(separator: "，") + "。"
    }
    static let report = line.array(of: 1...8).map { "2023年工作总结\n" + $0.joined(separator: "\n") + "\n" }

    /// The text with the quotation marks the standards pack fixes put right ("…" and ”…“ become “…”, 十四五
    /// becomes “十四五”), so
    /// the quoted spans of a report before and after fixing can be compared.
    static func normalizedQuotes(_ text: String) -> String {
        let ascii = text.replacingOccurrences(of: "\"([^\"\n]*)\"", with: "“$1”", options: .regularExpression)
            .replacingOccurrences(of: "(?<![“”‘’])(十[一二三四五六]五)(?![“”‘’])", with: "“$1”", options: .regularExpression)
        var lines: [String] = []
        for line in ascii.components(separatedBy: "\n") {
            var scalars = Array(line.unicodeScalars)
            var depth = 0
            var index = 0
            while index < scalars.count {
                switch scalars[index] {
                case "“": depth += 1
                case "”" where depth > 0: depth -= 1
                case "”":
                    // A closing mark with nothing open, and an opening one soon after: turned round.
                    if let other = scalars[(index + 1)...].firstIndex(where: { "“”‘’".unicodeScalars.contains($0) }),
                        scalars[other] == "“", other > index + 1, other - index <= 40
                    {
                        scalars[index] = "“"
                        scalars[other] = "”"
                        index = other
                    }
                default: break
                }
                index += 1
            }
            lines.append(String(String.UnicodeScalarView(scalars)))
        }
        return lines.joined(separator: "\n")
    }

    /// The “…” and 《…》 spans of a text, in order.
    static func quoted(_ text: String) -> [String] {
        var spans: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "“" || character == "《" { depth += 1 }
            if depth > 0 { current.append(character) }
            if character == "”" || character == "》" {
                depth = max(0, depth - 1)
                if depth == 0 {
                    spans.append(current)
                    current = ""
                }
            }
        }
        return spans
    }

    @Test func fixOnlyTouchesFlaggedTextAndConverges() async {
        await propertyCheck(count: 60, input: FixPropertyTests.report) { text in
            let result = Fixer.fix(TestSupport.source(text), linter: FixTests.linter)
            let before = text.components(separatedBy: "\n")
            let after = result.fixedText.components(separatedBy: "\n")
            #expect(before.count == after.count)
            // Lines where no fix was applied are byte for byte the same.
            let fixedLines = Set(result.applied.map(\.line))
            for index in before.indices where !fixedLines.contains(index + 1) {
                #expect(before[index] == after[index])
            }
            #expect(FixPropertyTests.quoted(result.fixedText) == FixPropertyTests.quoted(FixPropertyTests.normalizedQuotes(text)))
            // Replaying the reported fixes, pass by pass, on the original reproduces the output exactly:
            // every byte outside the reported ranges is unchanged.
            var replay = Array(text.utf8)
            for pass in Set(result.applied.map(\.pass)).sorted() {
                for fix in result.applied.filter({ $0.pass == pass }).reversed() {
                    #expect(String(decoding: replay[fix.range.start..<fix.range.end], as: UTF8.self) == fix.original)
                    replay.replaceSubrange(fix.range.start..<fix.range.end, with: Array(fix.replacement.utf8))
                }
            }
            #expect(String(decoding: replay, as: UTF8.self) == result.fixedText)
            // No fixable finding is left, and fixing again changes nothing.
            let again = Fixer.fix(TestSupport.source(result.fixedText), linter: FixTests.linter)
            #expect(!again.changed)
            let left = FixTests.linter.lint(TestSupport.source(result.fixedText)).findings.filter(\.fixable)
            let quotedOnly = left.allSatisfy {
                Fixer.isQuoted($0.range, in: StructureParser.parse(TestSupport.source(result.fixedText)))
            }
            #expect(quotedOnly, "fixable findings left outside quotes: \(left.map(\.ruleId))")
        }
    }

    /// Every literal wrong form of the built-in formulation and word lists, for the redaction property;
    /// not those whose wrongness is their own quotation marks (党的“二十大”精神): fixing them rightly
    /// removes a quotation, which the property would take for damage (their examples test them).
    static let variants: [String] = FixTests.linter.rules.rules.compactMap { $0 as? FormulationRule }
        .flatMap { $0.entries.flatMap { $0.entry.variants.map(\.value) } }
        .filter { !$0.unicodeScalars.contains { "“”《》".unicodeScalars.contains($0) } }
    static let redactions = ["XXX", "**", "某某", "总书记", "××", "*"]

    /// Issue 18: a wrong form right after or before a redaction, or inside another text's quotation or
    /// title, is never rewritten; nothing is written next to a placeholder, and quoted text stays as it is.
    static let redactedLine = Gen<String?>.element(of: variants).array(of: 1...3).map { $0.compactMap { $0 } }
    @Test func fixNeverWritesNextToARedactionOrInsideAQuotation() async {
        let redactions = FixPropertyTests.redactions
        await propertyCheck(count: 80, input: FixPropertyTests.redactedLine) { picked in
            var lines = ["2023年工作总结"]
            for (index, variant) in picked.enumerated() {
                let redaction = redactions[(index + variant.unicodeScalars.count) % redactions.count]
                lines.append("坚持以\(redaction)\(variant)为指导，落实“班子会\(variant)”制度。")
                lines.append("学习《关于\(variant)的通知》，推进\(variant)\(redaction)工作。")
            }
            let text = lines.joined(separator: "\n") + "\n"
            let result = Fixer.fix(TestSupport.source(text), linter: FixTests.linter)
            // Every quotation and title of the original is still there, word for word and in order (a fix
            // may add the quotation marks a slogan lacked, so new ones may appear between them).
            var remaining = FixPropertyTests.quoted(result.fixedText)[...]
            for span in FixPropertyTests.quoted(text) {
                let found = remaining.firstIndex(of: span)
                #expect(found != nil, "quoted text changed: \(span)")
                if let found { remaining = remaining[(found + 1)...] }
            }
            #expect(result.fixedText.components(separatedBy: "\n").count == lines.count + 1)
            for fix in result.applied {
                let bytes = Array(TestSupport.source(text).bytes)
                // Fixes of the first pass are at their place in the original text.
                guard fix.pass == 1 else { continue }
                #expect(
                    !Redaction.precedes(fix.range.start, in: bytes) && !Redaction.follows(fix.range.end, in: bytes),
                    "a fix of \(fix.ruleId) touches a redaction: \(fix.original) → \(fix.replacement)")
            }
            // The name is never written next to the redaction that stands for it.
            for joined in ["XXX习近平", "总书记习近平", "某某习近平"] {
                #expect(result.fixedText.components(separatedBy: joined).count == text.components(separatedBy: joined).count)
            }
        }
    }
}
