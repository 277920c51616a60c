import Foundation
import ZIPFoundation

@testable import ReportLint

/// Builds small .docx files the way Word lays them out (content types, relationships, document,
/// styles, numbering parts), for tests and fixtures. Each paragraph may carry a style and automatic
/// numbering; text is escaped; a line break inside a paragraph is `w:br`.
struct DocxBuilder {
    struct Paragraph {
        var text: String
        var style: String?
        /// Automatic numbering: the list (1 = the heading list below) and level (0 = 一、, 1 = （一）, 2 = 1.).
        var numbering: (list: Int, level: Int)?
    }

    var paragraphs: [Paragraph] = []

    /// A report from text lines: lines with typed numbering become styled headings (Heading 1–3);
    /// with `automaticNumbering`, their typed number is removed and Word's numbering renders it.
    static func report(lines: [String], automaticNumbering: Bool) -> DocxBuilder {
        var builder = DocxBuilder()
        for line in lines {
            let bytes = Array(line.utf8)
            if let marker = Numbering.marker(in: bytes, at: 0, end: bytes.count), marker.form.isStandard, marker.form.level <= 3 {
                let rest = String(decoding: bytes[marker.range.end...], as: UTF8.self)
                builder.paragraphs.append(
                    Paragraph(
                        text: automaticNumbering ? rest : line, style: "Heading\(marker.form.level)",
                        numbering: automaticNumbering ? (1, marker.form.level - 1) : nil))
            } else {
                builder.paragraphs.append(Paragraph(text: line))
            }
        }
        return builder
    }

    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """
            ),
            (
                "word/_rels/document.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>
                """
            ),
            ("word/document.xml", document()),
            ("word/styles.xml", DocxBuilder.styles),
            ("word/numbering.xml", DocxBuilder.numbering),
        ]
        for (path, content) in parts {
            let bytes = Data(content.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    private func document() -> String {
        let body = paragraphs.map { paragraph -> String in
            var properties = ""
            if let style = paragraph.style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
            if let numbering = paragraph.numbering {
                properties += #"<w:numPr><w:ilvl w:val="\#(numbering.level)"/><w:numId w:val="\#(numbering.list)"/></w:numPr>"#
            }
            let runs = paragraph.text.components(separatedBy: "\u{2028}").map { part in
                #"<w:r><w:t xml:space="preserve">\#(DocxBuilder.escape(part))</w:t></w:r>"#
            }.joined(separator: "<w:r><w:br/></w:r>")
            return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
        }.joined()
        return
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\#(body)<w:sectPr/></w:body></w:document>"#
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }

    /// Heading 1–3 as Word's English style names, and a custom style whose only hint is its outline level.
    static let styles = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="BlockTitle"><w:name w:val="板块标题"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>
        """#

    /// The GB/T 9704 list: 一、 （一） 1. （1） ① on levels 0–4.
    static let numbering = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl><w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl><w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%5"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """#
}
