import Foundation
import Testing
import ZIPFoundation

@testable import ReportLint

/// `reportlint annotate` at the XML level (issue 20): comments anchored on exactly the flagged text,
/// fixes as tracked changes whose acceptance is `fix`'s text and whose rejection is the original, and
/// every part the review does not need left byte for byte.
@Suite("Reviewed copy (.docx comments and tracked changes)")
struct AnnotateTests {
    static let rules: CompiledRules = try! TestSupport.rules(builtin: true)
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    /// A report whose lines become paragraphs, each cut into runs of at most `runLength` characters with
    /// alternating formatting, so anchors and changes fall inside and across runs.
    static func docx(
        _ lines: [String], runLength: Int = 7, extraParts: [(String, String)] = [], body: ((Int, String) -> String)? = nil,
        relationships: String = "", contentTypes: String = ""
    ) throws -> [UInt8] {
        let paragraphs = lines.enumerated().map { number, line -> String in
            if let body { return body(number, line) }
            let scalars = Array(line.unicodeScalars)
            var runs = ""
            var start = 0
            var index = 0
            while start < scalars.count {
                let end = min(scalars.count, start + runLength)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[start..<end])
                let properties = index % 2 == 1 ? "<w:rPr><w:b/></w:rPr>" : ""
                runs += "<w:r>\(properties)<w:t xml:space=\"preserve\">\(XMLTokens.escape(text))</w:t></w:r>"
                start = end
                index += 1
            }
            return "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"840\"/></w:tabs></w:pPr>\(runs)</w:p>"
        }.joined()
        let document =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
            + paragraphs + "<w:sectPr/></w:body></w:document>"
        let parts: [(String, String)] =
            [
                (
                    "[Content_Types].xml",
                    #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\#(contentTypes)</Types>"#
                ),
                (
                    "_rels/.rels",
                    #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
                ),
                (
                    "word/_rels/document.xml.rels",
                    #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#
                ),
                ("word/document.xml", document),
                ("word/media/logo.bin", "not really a picture, kept byte for byte"),
            ] + extraParts
        return try DocxPackage(
            parts: parts.map {
                DocxPackage.Part(name: $0.0, content: Array($0.1.utf8), isDirectory: false, compressed: true, modified: date)
            }
        ).data()
    }

    static let report = [
        "区档案馆2023年工作总结",
        "2023年，区档案馆坚持以习近平新时代中国特色社会主义思想为指导,认真贯彻党的二十大会议精神。",
        "一、主要工作",
        "全年接收档案1200卷，，完成数字化30万页。开展“档案日”宣传活动3次...",
        "二、存在的问题",
        "数字化进度偏慢，专业人员不足。",
        "三、下一步打算",
        "下一步，我馆将加快数字化进度。",
    ]

    struct Reviewed {
        let original: Source
        let lint: LintResult
        let fix: Fixer.Result
        let outcome: ReviewedCopy.Outcome
        let package: DocxPackage
        var documentXML: String { String(decoding: package["word/document.xml"]!, as: UTF8.self) }
    }

    static func review(_ bytes: [UInt8], name: String = "report.docx") throws -> Reviewed {
        let review = try ReviewedCopy.review(bytes: bytes, fileName: name, rules: rules, options: .init(date: date)).get()
        let package = try DocxPackage.read(review.outcome.bytes).get()
        return Reviewed(
            original: review.lint.document.source, lint: review.lint, fix: review.fix, outcome: review.outcome, package: package)
    }

    /// The document's text with every ReportLint change rejected: insertions dropped, deletions restored.
    static func rejected(_ xml: String) throws -> String {
        var text = xml.replacingOccurrences(
            of: #"<w:ins w:id="\d+" w:author="ReportLint" w:date="[^"]*">.*?</w:ins>"#, with: "",
            options: .regularExpression)
        let deletion = try NSRegularExpression(
            pattern: #"<w:del w:id="\d+" w:author="ReportLint" w:date="[^"]*">(<w:r>.*?</w:r>)</w:del>"#)
        while let match = deletion.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
            let run = String(text[Range(match.range(at: 1), in: text)!]).replacingOccurrences(of: "w:delText", with: "w:t")
            text.replaceSubrange(Range(match.range, in: text)!, with: run)
        }
        return text
    }

    /// The text each comment is anchored on (deleted text included, inserted text not: the original's).
    static func anchors(_ xml: String) throws -> [Int: String] {
        let tokens = try XMLTokens(Array(xml.utf8))
        var open: [Int: String] = [:]
        var found: [Int: String] = [:]
        var inText = false
        var inInsertion = false
        for (index, token) in tokens.tokens.enumerated() {
            switch (token.kind, token.name) {
            case (.empty, "w:commentRangeStart"): open[Int(token.attributes["w:id"]!)!] = ""
            case (.empty, "w:commentRangeEnd"):
                let id = Int(token.attributes["w:id"]!)!
                found[id] = open.removeValue(forKey: id)
            case (.start, "w:t"), (.start, "w:delText"): inText = true
            case (.end, "w:t"), (.end, "w:delText"): inText = false
            case (.start, "w:ins"): inInsertion = true
            case (.end, "w:ins"): inInsertion = false
            case (.text, _) where inText && !inInsertion:
                let text = try XMLScanner.decodeEntities(tokens.bytes[tokens.tokens[index].range], at: 0)
                for key in open.keys { open[key]! += text }
            default: break
            }
        }
        return found
    }

    @Test func commentsAnchorOnTheFlaggedTextAndChangesAreTracked() throws {
        let reviewed = try AnnotateTests.review(try AnnotateTests.docx(AnnotateTests.report))
        let findings = reviewed.lint.findings
        #expect(findings.count >= 4, "\(findings.map(\.ruleId))")
        #expect(reviewed.outcome.comments == findings.count)
        #expect(reviewed.outcome.trackedChanges > 0 && reviewed.outcome.untracked == 0)

        // One comment per finding, each on exactly the finding's text.
        let anchors = try AnnotateTests.anchors(reviewed.documentXML)
        #expect(anchors.count == findings.count)
        let comments = String(decoding: reviewed.package["word/comments.xml"]!, as: UTF8.self)
        let firstId = anchors.keys.min()!
        for (index, finding) in findings.enumerated() {
            let expected = reviewed.original.string(finding.range).replacingOccurrences(of: "\n", with: "")
            #expect(
                anchors[firstId + index] == expected, "\(finding.ruleId): \(anchors[firstId + index] ?? "nil") vs \(expected)")
            #expect(comments.contains(XMLTokens.escape(finding.message)))
            #expect(comments.contains("规则：\(finding.ruleId)"))
        }
        #expect(comments.contains(#"w:author="ReportLint""#))

        // Accept all: fix's text; reject all: the original.
        let accepted = try DocxReader.read(reviewed.outcome.bytes, path: "a.docx").get().text
        #expect(accepted == reviewed.fix.fixedText, "\(accepted)")
        #expect(reviewed.fix.changed)
        let rejectedPackage = try AnnotateTests.rejected(reviewed.documentXML)
        var package = reviewed.package
        package.set("word/document.xml", Array(rejectedPackage.utf8))
        #expect(try DocxReader.read(package.data(), path: "r.docx").get().text == reviewed.original.text)
        // Whole runs keep their properties where they are split.
        #expect(
            reviewed.documentXML.contains(#"<w:del w:id="#)
                && reviewed.documentXML.contains("<w:delText xml:space=\"preserve\">，</w:delText>"))
    }

    @Test func untouchedPartsStayByteForByte() throws {
        let original = try AnnotateTests.docx(AnnotateTests.report)
        let before = try DocxPackage.read(original).get()
        let reviewed = try AnnotateTests.review(original)
        let changed: Set<String> = [
            "word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml",
        ]
        for part in before.parts where !changed.contains(part.name) {
            #expect(reviewed.package[part.name] == part.content, "\(part.name)")
        }
        #expect(reviewed.package.parts.map(\.name) == before.parts.map(\.name) + ["word/comments.xml"])
        // The relationship and the content type are added, nothing else in those parts moves.
        let relationships = String(decoding: reviewed.package["word/_rels/document.xml.rels"]!, as: UTF8.self)
        #expect(
            relationships.contains(
                #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml""#))
        let types = String(decoding: reviewed.package["[Content_Types].xml"]!, as: UTF8.self)
        #expect(types.hasPrefix(String(decoding: before["[Content_Types].xml"]!.dropLast("</Types>".utf8.count), as: UTF8.self)))
        #expect(
            types.contains(
                #"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#
            ))
        // The document outside the split runs: every paragraph's properties as they were.
        #expect(
            reviewed.documentXML.components(separatedBy: #"<w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs>"#).count - 1
                == AnnotateTests.report.count)
    }

    @Test func existingCommentsAndRevisionsAreKept() throws {
        let existing =
            #"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="7" w:author="办公室"><w:p><w:r><w:t>请核实。</w:t></w:r></w:p></w:comment></w:comments>"#
        let bytes = try AnnotateTests.docx(
            AnnotateTests.report, extraParts: [("word/comments.xml", existing)],
            body: { number, line in
                guard number == 5 else {
                    return "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLTokens.escape(line))</w:t></w:r></w:p>"
                }
                // An earlier reviewer's comment and tracked insertion in the problems paragraph.
                return
                    #"<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>数字化进度偏慢，</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:ins w:id="8" w:author="办公室" w:date="2024-01-01T00:00:00Z"><w:r><w:t>专业人员不足。</w:t></w:r></w:ins></w:p>"#
            },
            relationships:
                #"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#,
            contentTypes:
                #"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#
        )
        let reviewed = try AnnotateTests.review(bytes)
        let comments = String(decoding: reviewed.package["word/comments.xml"]!, as: UTF8.self)
        #expect(comments.hasPrefix(String(existing.dropLast("</w:comments>".count))))
        #expect(
            reviewed.documentXML.contains(
                #"<w:ins w:id="8" w:author="办公室" w:date="2024-01-01T00:00:00Z"><w:r><w:t>专业人员不足。</w:t></w:r></w:ins>"#))
        #expect(reviewed.documentXML.contains(#"<w:commentRangeStart w:id="7"/>"#))
        // New ids start above every id in use.
        let anchors = try AnnotateTests.anchors(reviewed.documentXML)
        #expect(anchors.keys.filter { $0 != 7 }.allSatisfy { $0 > 8 })
        // No second relationship or content type for the same part.
        #expect(
            String(decoding: reviewed.package["word/_rels/document.xml.rels"]!, as: UTF8.self).components(
                separatedBy: "relationships/comments"
            ).count == 2)
    }

    @Test func malformedCommentsAndProtectionAreRefused() throws {
        let broken =
            #"<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:author="x"><w:p/></w:comment></w:comments>"#
        let relationship =
            #"<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#
        let withBroken = try AnnotateTests.docx(
            AnnotateTests.report, extraParts: [("word/comments.xml", broken)], relationships: relationship)
        let refused = ReviewedCopy.review(bytes: withBroken, fileName: "a.docx", rules: AnnotateTests.rules)
        guard case .failure(.malformedComments(let part, let reason)) = refused else {
            Issue.record("\(refused)")
            return
        }
        #expect(part == "word/comments.xml" && reason.contains("w:id"))
        let unclosed = try AnnotateTests.docx(
            AnnotateTests.report, extraParts: [("word/comments.xml", "<w:comments>")], relationships: relationship)
        #expect(throws: ReviewedCopy.Failure.self) {
            try ReviewedCopy.review(bytes: unclosed, fileName: "a.docx", rules: AnnotateTests.rules).get()
        }
        let missing = try AnnotateTests.docx(AnnotateTests.report, relationships: relationship)
        #expect(throws: ReviewedCopy.Failure.self) {
            try ReviewedCopy.review(bytes: missing, fileName: "a.docx", rules: AnnotateTests.rules).get()
        }

        let settings =
            #"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:documentProtection w:edit="readOnly" w:enforcement="1"/></w:settings>"#
        let protected = try AnnotateTests.docx(AnnotateTests.report, extraParts: [("word/settings.xml", settings)])
        #expect(throws: ReviewedCopy.Failure.protected) {
            try ReviewedCopy.review(bytes: protected, fileName: "a.docx", rules: AnnotateTests.rules).get()
        }
        // Protection that is not enforced does not stop the review.
        let off = try AnnotateTests.docx(
            AnnotateTests.report,
            extraParts: [
                ("word/settings.xml", settings.replacingOccurrences(of: "w:enforcement=\"1\"", with: "w:enforcement=\"0\""))
            ])
        #expect(throws: Never.self) { try ReviewedCopy.review(bytes: off, fileName: "a.docx", rules: AnnotateTests.rules).get() }
        // Not a zip, and a zip without a document.
        #expect(throws: ReviewedCopy.Failure.self) {
            try ReviewedCopy.review(bytes: Array("PK\u{3}\u{4}xx".utf8), fileName: "a.docx", rules: AnnotateTests.rules).get()
        }
    }

    @Test func numberingFieldsAndPicturesAreNotEdited() throws {
        // The doubled comma sits in a field result in one paragraph: its finding gets a comment, its fix is
        // no tracked change (a field's result is Word's to update) and is counted as untracked. In another
        // the commas stand on either side of a picture: only the second is deleted, the picture stays.
        let reviewed = try AnnotateTests.review(
            try AnnotateTests.docx(
                AnnotateTests.report,
                body: { number, line in
                    switch number {
                    case 3:
                        return
                            #"<w:p><w:r><w:t>全年接收档案1200卷</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> QUOTE x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>，，</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>完成数字化30万页。</w:t></w:r></w:p>"#
                    case 5:
                        return #"<w:p><w:r><w:t>数字化进度偏慢，</w:t></w:r><w:r><w:drawing/></w:r><w:r><w:t>，专业人员不足。</w:t></w:r></w:p>"#
                    default:
                        return "<w:p><w:r><w:t xml:space=\"preserve\">\(XMLTokens.escape(line))</w:t></w:r></w:p>"
                    }
                }))
        #expect(reviewed.outcome.untracked == 1 && reviewed.outcome.trackedChanges >= 1, "\(reviewed.outcome)")
        #expect(
            reviewed.documentXML.contains(#"<w:r><w:t>，，</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>"#)
                || reviewed.documentXML.contains("<w:t>，，</w:t>"))
        #expect(reviewed.documentXML.contains(#"<w:r><w:drawing/></w:r><w:del w:id="#))
        let comments = String(decoding: reviewed.package["word/comments.xml"]!, as: UTF8.self)
        #expect(comments.contains("此处无法标为修订，请手工修改"))
        let anchors = try AnnotateTests.anchors(reviewed.documentXML)
        #expect(anchors.count == reviewed.lint.findings.count)
    }

    @Test func automaticNumberingFindingsAnchorOnTheParagraphStart() throws {
        let bytes = try Data(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent("draft-unfinished-autonumber.docx"))
        let reviewed = try AnnotateTests.review(Array(bytes))
        let anchors = try AnnotateTests.anchors(reviewed.documentXML)
        #expect(anchors.count == reviewed.lint.findings.count && reviewed.outcome.comments == anchors.count)
        let accepted = try DocxReader.read(reviewed.outcome.bytes, path: "a.docx").get().text
        #expect(
            accepted
                == FixEdits.apply(
                    FixEdits.edits(original: reviewed.fix.originalText, applied: reviewed.fix.applied),
                    to: reviewed.fix.originalText)
                || reviewed.outcome.untracked > 0)
        #expect(reviewed.outcome.untracked > 0 || accepted == reviewed.fix.fixedText)
    }
}
