import Foundation

/// A new Word document made from a plain-text or Markdown report, for reviewing it in Word: one
/// paragraph per line of the report's text, styled as GB/T 9704-2012 lays out official documents —
/// the title in 方正小标宋简体 (二号, centred), the body in 仿宋_GB2312 (三号, first line indented two
/// characters, 28-point lines), first-level headings in 黑体, second-level in 楷体_GB2312, third-level in
/// bold 仿宋_GB2312; A4 with the standard's margins. Where those fonts are not installed Word falls
/// back to the font table's alternatives (宋体, 仿宋, 楷体), which every Chinese Windows has.
/// A run-in heading (（一）强化理论武装。严格落实……) keeps the body style, with only the heading
/// sentence in the heading's font.
enum ReportDocx {
    /// One line of the report: its text, how it is styled, and the heading sentence of a run-in heading
    /// (scalar range within the line) to set in the heading's font.
    struct Line {
        var text: String
        var style: Style = .body
        var runIn: (range: Range<Int>, level: Int)?
    }

    enum Style: Equatable {
        case title
        case heading(Int)
        case body
    }

    /// The lines of `source` with styles from its structure.
    static func lines(of document: Document) -> [Line] {
        let source = document.source
        let positions = source.positions
        var lines = (1...lineCount(positions)).map { line -> Line in
            let range = positions.lineRange(line)
            return Line(text: source.string(range))
        }
        if let title = document.title { lines[title.line - 1].style = .title }
        for heading in document.headings where lines.indices.contains(heading.line - 1) {
            let level = min(max(heading.level, 1), 5)
            if heading.isRunIn {
                let lineStart = positions.lineRange(heading.line).start
                let end = heading.terminator?.end ?? heading.text.end
                let from = source.scalarCount(before: heading.marker.range.start) - source.scalarCount(before: lineStart)
                let to = source.scalarCount(before: end) - source.scalarCount(before: lineStart)
                if from < to { lines[heading.line - 1].runIn = (from..<to, level) }
            } else {
                lines[heading.line - 1].style = .heading(level)
            }
        }
        // Markdown headings without typed numbering (## 工作成效) have their level from the markup.
        for (line, level) in source.outlineLevels
        where lines.indices.contains(line - 1) && lines[line - 1].style == .body
            && lines[line - 1].runIn == nil
        {
            lines[line - 1].style = .heading(min(max(level, 1), 5))
        }
        return lines
    }

    /// The lines of a text, the empty one after its last line terminator not counted.
    static func lineCount(_ positions: PositionConverter) -> Int {
        let count = positions.lineCount
        return count > 1 && positions.lineRange(count).isEmpty ? count - 1 : count
    }

    static func package(_ lines: [Line]) -> DocxPackage {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("word/document.xml", document(lines)),
            ("word/styles.xml", styles),
            ("word/fontTable.xml", fontTable),
            ("word/settings.xml", settings),
            ("word/_rels/document.xml.rels", documentRelationships),
        ]
        return DocxPackage(
            parts: parts.map { name, text in
                DocxPackage.Part(
                    name: name, content: Array(text.utf8), isDirectory: false, compressed: true,
                    modified: Date(timeIntervalSince1970: 315_532_800))
            })
    }

    static func document(_ lines: [Line]) -> String {
        var body = ""
        for line in lines {
            var properties = ""
            switch line.style {
            case .title: properties = #"<w:pPr><w:pStyle w:val="ReportTitle"/></w:pPr>"#
            case .heading(let level): properties = #"<w:pPr><w:pStyle w:val="Heading\#(level)"/></w:pPr>"#
            case .body: break
            }
            let scalars = Array(line.text.unicodeScalars)
            var runs = ""
            if let runIn = line.runIn, runIn.range.upperBound <= scalars.count {
                runs += run(scalars[..<runIn.range.lowerBound], style: nil)
                runs += run(scalars[runIn.range], style: "HeadingRunIn\(min(runIn.level, 4))")
                runs += run(scalars[runIn.range.upperBound...], style: nil)
            } else {
                runs = run(scalars[...], style: nil)
            }
            body += "<w:p>\(properties)\(runs)</w:p>"
        }
        // A4, margins of GB/T 9704-2012 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) in twentieths of a point.
        let section =
            #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>"#
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:document xmlns:w="\#(CommentsPart.mainNamespace)"><w:body>\#(body)\#(section)</w:body></w:document>"#
    }

    /// A run of text (tabs and line separators as their elements); nothing for no text.
    private static func run(_ scalars: ArraySlice<Unicode.Scalar>, style: String?) -> String {
        guard !scalars.isEmpty else { return "" }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        let properties = style.map { #"<w:rPr><w:rStyle w:val="\#($0)"/></w:rPr>"# } ?? ""
        return "<w:r>\(properties)\(DocumentRewriter.runContent(text))</w:r>"
    }

    private static func fonts(_ eastAsia: String) -> String {
        #"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="\#(eastAsia)" w:cs="Times New Roman" w:hint="eastAsia"/>"#
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(CommentsPart.mainNamespace)"><w:docDefaults><w:rPrDefault><w:rPr>\(fonts("仿宋_GB2312"))<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="ReportTitle"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr>\(fonts("方正小标宋简体"))<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>\(fonts("黑体"))</w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>\(fonts("楷体_GB2312"))</w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="heading 5"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:outlineLvl w:val="4"/></w:pPr></w:style>\
        <w:style w:type="character" w:styleId="HeadingRunIn1"><w:name w:val="Run-in Heading 1"/><w:rPr>\(fonts("黑体"))</w:rPr></w:style>\
        <w:style w:type="character" w:styleId="HeadingRunIn2"><w:name w:val="Run-in Heading 2"/><w:rPr>\(fonts("楷体_GB2312"))</w:rPr></w:style>\
        <w:style w:type="character" w:styleId="HeadingRunIn3"><w:name w:val="Run-in Heading 3"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
        <w:style w:type="character" w:styleId="HeadingRunIn4"><w:name w:val="Run-in Heading 4"/><w:rPr/></w:style>\
        </w:styles>
        """

    /// The fonts GB/T 9704 names, each with the font Word takes where it is missing.
    static let fontTable = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:fonts xmlns:w="\(CommentsPart.mainNamespace)">\
        <w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>\
        <w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="default"/></w:font>\
        <w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
        <w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
        <w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>\
        <w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>\
        </w:fonts>
        """

    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="\(CommentsPart.mainNamespace)"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/></w:compat></w:settings>
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>
        """
}
