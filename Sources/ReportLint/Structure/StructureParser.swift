import Foundation

/// Finds a report's shape: paragraphs, the title, numbered headings and their nesting, 一是/二是
/// series, and the closing lines. Works on UTF-8 bytes; builds strings only for short lines it tests.
public enum StructureParser {
    /// A title or signature line is short; a body paragraph rarely is.
    static let maxTitleScalars = 60
    static let maxSignatureScalars = 30

    /// How many opening paragraphs may be addressee, title and front matter.
    static let frontMatterLimit = 6

    /// A report with its type, decided from its opening lines; `type` forces the type instead. The rest
    /// of the structure is parsed when something first asks for it (`structure(of:)`).
    public static func parse(_ source: Source, type forcedType: DocumentType? = nil) -> Document {
        let opening = paragraphLines(source, limit: frontMatterLimit + 2)
        let front = frontMatter(Array(opening.prefix(frontMatterLimit)), source: source)
        let titleIndex = front.titleIndex
        // A title may run over two lines (桃江县松木塘镇人民政府 / 2022年政府信息公开工作年度报告): the
        // lines of front matter below it are read for the kind too.
        let titleLines =
            titleIndex.map { index in
                [index] + front.roles.filter { $0.0 > index && $0.1 == .frontMatter }.map(\.0)
            } ?? []
        // The opening is what stands above the body and its first two paragraphs, whatever the front matter,
        // one paragraph a line.
        let frontCount = front.roles.map(\.0).max().map { $0 + 1 } ?? 0
        var titles = titleLines.map { source.string(opening[$0].range) }
        if titleIndex == nil, let title = titleAfterOutline(source) { titles.append(title) }
        let decided = documentType(
            forced: forcedType, titles: titles,
            opening: opening.prefix(max(3, frontCount + 2)).map { source.string($0.range) }.joined(separator: "\n"),
            headings: { levelOneHeadings(source) })
        return Document(
            source: source, titleIndex: titleIndex, type: decided.type, typeOrigin: decided.origin,
            typeEvidence: decided.evidence)
    }

    /// A copy that opens with its outline (目录: numbered headings alone, no sentence) and has its title under
    /// it: the title's words, to tell the kind of report by. Nil when the document does not open so.
    static func titleAfterOutline(_ source: Source) -> String? {
        var outlineLines = 0
        for line in paragraphLines(source, limit: 40) {
            let text = source.string(line.range)
            guard text.unicodeScalars.count <= maxTitleScalars, !ByteSearch.contains(text, "。") else { return nil }
            if Numbering.marker(in: source.bytes, at: line.range.start, end: line.range.end) != nil {
                outlineLines += 1
                continue
            }
            return outlineLines >= 2 ? text : nil
        }
        return nil
    }

    /// The texts of the lines numbered 一、二、… (typed, or by Word style or Markdown #), for guessing the
    /// type of an untitled document; read only when title and opening words do not tell.
    static func levelOneHeadings(_ source: Source) -> [String] {
        paragraphLines(source).compactMap { line in
            let marker = Numbering.marker(in: source.bytes, at: line.range.start, end: line.range.end)
            let isLevelOne = marker.map { $0.form.level == 1 } ?? (source.outlineLevels[line.line] == 1)
            guard isLevelOne else { return nil }
            let text = source.string(line.range)
            return String(text.unicodeScalars.prefix(40))
        }
    }

    /// Paragraphs and their roles, numbered headings and their nesting, 一是/二是 series.
    static func structure(of source: Source) -> DocumentStructure {
        let bytes = source.bytes
        var paragraphs = paragraphLines(source).enumerated().map { index, line in
            Paragraph(index: index, line: line.line, range: line.range, scalars: source.scalarIndices(line.range), role: .body)
        }
        for (index, role) in frontMatter(paragraphs.prefix(frontMatterLimit).map { ($0.line, $0.range) }, source: source).roles {
            paragraphs[index].role = role
        }
        let bodyEnd = markClosing(&paragraphs, source: source)

        var headings: [Heading] = []
        for index in paragraphs.indices where paragraphs[index].role == .body {
            let range = paragraphs[index].range
            guard
                let marker = Numbering.marker(in: bytes, at: range.start, end: range.end)
                    ?? implicitMarker(level: source.outlineLevels[paragraphs[index].line], at: range.start)
            else { continue }
            paragraphs[index].role = .heading
            paragraphs[index].headingIndex = headings.count
            headings.append(makeHeading(index: headings.count, paragraph: paragraphs[index], marker: marker, bytes: bytes))
        }
        nest(&headings, bodyEnd: bodyEnd)

        var items: [SeriesItem] = []
        for paragraph in paragraphs where paragraph.role == .body || paragraph.role == .heading {
            let start = paragraph.headingIndex.map { headings[$0].marker.range.end } ?? paragraph.range.start
            items += seriesItems(in: paragraph, from: start, bytes: bytes, headings: headings)
        }
        return DocumentStructure(paragraphs: paragraphs, headings: headings, seriesItems: items, bodyEnd: bodyEnd)
    }

    static func documentType(forced: DocumentType?, titles: [String], opening: String, headings: () -> [String])
        -> (type: DocumentType?, origin: DocumentType.Origin, evidence: String?)
    {
        if let forced { return (forced, .forced, nil) }
        for title in titles {
            if let detected = DocumentType.detect(title: title) { return (detected.type, .title, detected.evidence) }
        }
        if opening.isEmpty { return (nil, .guessed, nil) }
        let guessed = DocumentType.guess(opening: opening, headings: headings())
        if guessed.evidence == DocumentType.defaultEvidence, titles.contains(where: DocumentType.endsInReport) {
            return (.summary, .guessed, DocumentType.plainReportEvidence)
        }
        return (guessed.type, .guessed, guessed.evidence)
    }

    /// A non-blank line: its number and its range with leading and trailing spaces (also 　) trimmed off.
    typealias ParagraphLine = (line: Int, range: ByteRange)

    /// Every non-blank line is a paragraph (the first `limit` of them, when given).
    static func paragraphLines(_ source: Source, limit: Int = .max) -> [ParagraphLine] {
        var result: [ParagraphLine] = []
        let bytes = source.bytes
        for line in 1...source.positions.lineCount {
            if result.count == limit { break }
            let lineRange = source.positions.lineRange(line)
            var start = lineRange.start
            var end = lineRange.end
            while start < end {
                let length = Marks.spaceLength(bytes, at: start)
                if length == 0 { break }
                start += length
            }
            while end > start {
                let previous = UTF8Scalars.previousStart(bytes, before: end)
                if Marks.spaceLength(bytes, at: previous) == 0 { break }
                end = previous
            }
            guard start < end else { continue }
            result.append((line, ByteRange(start, end)))
        }
        return result
    }

    /// The addressee, title and front matter above the body among the opening paragraphs: the role of
    /// each that has one, and the title's index. They depend on the opening lines alone, so the type
    /// is known without parsing the rest.
    static func frontMatter(_ opening: [ParagraphLine], source: Source) -> (roles: [(Int, ParagraphRole)], titleIndex: Int?) {
        var roles: [(Int, ParagraphRole)] = []
        var titleIndex: Int?
        // An occasion line above any title means the web copy dropped the title: the short lines under it
        // (区审计局局长 王明) are front matter too.
        var occasionFirst = false
        for (index, paragraph) in opening.enumerated() {
            let text = source.string(paragraph.range)
            let scalars = text.unicodeScalars.count
            // A numbered line, or one that is a heading by its Word style or Markdown #, starts the body.
            let numbered =
                Numbering.marker(in: source.bytes, at: paragraph.range.start, end: paragraph.range.end) != nil
                || source.outlineLevels[paragraph.line] != nil
            if numbered || scalars > maxTitleScalars || ByteSearch.contains(text, "。") { break }
            // “我本人抓脱贫攻坚……精力投入不够……”: a news story opening with a quoted voice, no title.
            if text.hasPrefix("“"), text.hasSuffix("”") { break }
            let endsInColon = text.hasSuffix("：") || text.hasSuffix(":")
            // 按照要求，现将……报告如下： (or 现将……报告如下： alone) opens the body; an addressee (市委：,
            // 尊敬的主任，各位副主任：) is short and introduces nothing.
            if endsInColon
                && (ByteSearch.contains(text, "如下")
                    || (ByteSearch.contains(text, "，") || ByteSearch.contains(text, ",")) && scalars > 20)
            {
                break
            }
            if endsInColon {
                roles.append((index, .addressee))
            } else if text.hasPrefix("——") || text.hasPrefix("--") || isDatedOccasion(text) {
                // ——2020年1月5日在市第十七届人民代表大会第五次会议上: a subtitle, never the title.
                roles.append((index, .frontMatter))
                if titleIndex == nil { occasionFirst = true }
            } else if titleIndex == nil, !occasionFirst {
                roles.append((index, .title))
                titleIndex = index
            } else {
                roles.append((index, .frontMatter))
            }
        }
        return (roles, titleIndex)
    }

    private static let datedOccasionPattern = try! NSRegularExpression(
        pattern: "^\\d{4}年\\d{1,2}月\\d{1,2}日在.{2,40}(会议|大会|会)上$")

    /// 2018年11月22日在市人大常委会第十六次会议上: the occasion of a report delivered at a meeting, whose
    /// leading —— a web copy dropped; never the title.
    static func isDatedOccasion(_ text: String) -> Bool {
        datedOccasionPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Marks `特此报告。`, the signature and the date at the end; returns where the body ends.
    static func markClosing(_ paragraphs: inout [Paragraph], source: Source) -> Int {
        var index = paragraphs.count - 1
        var bodyEnd = source.bytes.count
        func claim(_ role: ParagraphRole) {
            paragraphs[index].role = role
            bodyEnd = paragraphs[index].range.start
            index -= 1
        }
        guard index > 0 else { return bodyEnd }
        let dated = isDate(source.string(paragraphs[index].range))
        if dated { claim(.date) }
        // Above a date, up to two short lines are the signature; with no date, one line that names a unit.
        var signatures = 0
        while index > 0, signatures < (dated ? 2 : 1), paragraphs[index].role == .body,
            isSignature(paragraphs[index], source: source),
            dated || looksLikeUnit(source.string(paragraphs[index].range))
        {
            claim(.signature)
            signatures += 1
        }
        if index > 0, paragraphs[index].role == .body, isClosing(source.string(paragraphs[index].range)) {
            claim(.closing)
        }
        return bodyEnd
    }

    private static let datePattern = try! NSRegularExpression(
        pattern: "^(\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日$")

    static func isDate(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 20 else { return false }
        return datePattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func isSignature(_ paragraph: Paragraph, source: Source) -> Bool {
        let text = source.string(paragraph.range)
        guard text.unicodeScalars.count <= maxSignatureScalars, source.outlineLevels[paragraph.line] == nil,
            Numbering.marker(in: source.bytes, at: paragraph.range.start, end: paragraph.range.end) == nil
        else { return false }
        return !text.unicodeScalars.contains { "。，；：！？,;:".unicodeScalars.contains($0) }
    }

    static let unitWords = ["党组", "党委", "支部", "委员会", "党工委", "政府", "局", "办公室", "厅", "院", "中心", "公司", "处", "研究室", "机关"]

    static func looksLikeUnit(_ text: String) -> Bool {
        unitWords.contains(where: text.contains)
    }

    static func isClosing(_ text: String) -> Bool {
        text.unicodeScalars.count <= 20 && (text.hasPrefix("特此") || text.hasPrefix("以上报告"))
    }

    /// A heading the document marks by style or `#` rather than by a typed number.
    static func implicitMarker(level: Int?, at offset: Int) -> NumberingMarker? {
        guard let level, (1...5).contains(level) else { return nil }
        let form = [NumberingForm.chineseComma, .fullParenChinese, .arabicDot, .fullParenArabic, .circled][level - 1]
        return NumberingMarker(form: form, value: 0, range: ByteRange(offset, offset), isImplicit: true)
    }

    static func makeHeading(index: Int, paragraph: Paragraph, marker: NumberingMarker, bytes: [UInt8]) -> Heading {
        var start = marker.range.end
        while start < paragraph.range.end {
            let length = Marks.spaceLength(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        var textEnd = paragraph.range.end
        var terminator: ByteRange?
        var runInBySpace = false
        var depth = 0
        let lastClauseMark = lastClauseMark(bytes, from: start, to: paragraph.range.end)
        var scan = start
        while scan < paragraph.range.end {
            // A run-in heading ends at 。！？, or at a colon with its text after it in the same paragraph
            // (（一）主动公开情况：2020年，……). A colon that ends the line is the heading's own punctuation.
            let isRunInColon = Marks.has(Marks.colon, in: bytes, at: scan) && scan + 3 < paragraph.range.end
            if Marks.isSentenceEnd(bytes, at: scan) || isRunInColon {
                textEnd = scan
                terminator = ByteRange(scan, scan + 3)
                break
            }
            depth += Marks.bracketDepthChange(bytes, at: scan)
            // Or at a space with clauses after it (一、指导思想 认真贯彻……，……。): the body run into the heading's
            // line. Two phrases of a heading (一、加强学习 提高本领) have no clause mark after the space.
            let space = Marks.spaceLength(bytes, at: scan)
            if space > 0, depth <= 0, scan - start >= 6, let clause = lastClauseMark, clause > scan {
                textEnd = scan
                runInBySpace = true
                break
            }
            scan += max(space, 1)
        }
        let isRunIn = runInBySpace || (terminator.map { $0.end < paragraph.range.end } ?? false)
        return Heading(
            index: index, paragraphIndex: paragraph.index, line: paragraph.line, marker: marker,
            text: ByteRange(start, textEnd), terminator: terminator, isRunIn: isRunIn,
            parent: nil, extent: ByteRange(paragraph.range.start, paragraph.range.end))
    }

    /// Where the last ， or ； in `bytes[from..<to]` stands, if any.
    private static func lastClauseMark(_ bytes: [UInt8], from: Int, to: Int) -> Int? {
        var index = to - 3
        while index >= from {
            if Marks.has(Marks.comma, in: bytes, at: index) || Marks.has(Marks.semicolon, in: bytes, at: index) { return index }
            index -= 1
        }
        return nil
    }

    /// Links each heading to its parent and stretches its extent to the next heading of the same or a
    /// higher level. Skipped levels are fine: a level-3 heading under a level-1 heading is its child.
    static func nest(_ headings: inout [Heading], bodyEnd: Int) {
        var open: [Int] = [] // stack of heading indices, levels increasing
        for index in headings.indices {
            let level = headings[index].level
            while let last = open.last, headings[last].level >= level {
                headings[last].extent = ByteRange(headings[last].extent.start, headings[index].extent.start)
                open.removeLast()
            }
            headings[index].parent = open.last
            open.append(index)
        }
        for index in open {
            headings[index].extent = ByteRange(headings[index].extent.start, max(bodyEnd, headings[index].extent.start))
        }
    }

    /// Finds `一是` `二是` … after a paragraph start or 。；：，！？ in one paragraph.
    static func seriesItems(in paragraph: Paragraph, from start: Int, bytes: [UInt8], headings: [Heading]) -> [SeriesItem] {
        var markers: [(ordinal: Int, range: ByteRange)] = []
        var index = start
        while index + 3 <= paragraph.range.end {
            // 是 is E6 98 AF. This looks at every paragraph, so it skips like Boyer-Moore-Horspool: a last
            // byte that is none of the three moves the window three bytes on.
            index = bytes.withUnsafeBufferPointer { buffer in
                var next = index
                while next + 3 <= paragraph.range.end {
                    let last = buffer[next + 2]
                    if last == Marks.shi.2 {
                        if buffer[next] == Marks.shi.0 && buffer[next + 1] == Marks.shi.1 { break }
                        next += 3
                    } else {
                        next += last == Marks.shi.1 ? 1 : last == Marks.shi.0 ? 2 : 3
                    }
                }
                return next
            }
            if index + 3 > paragraph.range.end { break }
            if Marks.has(Marks.shi, in: bytes, at: index), let found = seriesMarker(endingAt: index, from: start, bytes: bytes) {
                markers.append((found.ordinal, ByteRange(found.start, index + 3)))
                index += 3
            } else {
                index += 1
            }
        }
        let headingIndex =
            paragraph.headingIndex
            ?? headings.innermost(containing: paragraph.range.start)?.index
        return markers.enumerated().map { position, marker in
            let extentEnd = position + 1 < markers.count ? markers[position + 1].range.start : paragraph.range.end
            var textEnd = marker.range.end
            while textEnd < extentEnd, !Marks.isClauseEnd(bytes, at: textEnd) { textEnd += 1 }
            return SeriesItem(
                paragraphIndex: paragraph.index, line: paragraph.line, ordinal: marker.ordinal,
                marker: marker.range, text: ByteRange(marker.range.end, textEnd),
                extent: ByteRange(marker.range.start, extentEnd), headingIndex: headingIndex)
        }
    }

    /// Reads the Chinese number before a `是` at `shiOffset`, if a boundary precedes it.
    static func seriesMarker(endingAt shiOffset: Int, from start: Int, bytes: [UInt8]) -> (ordinal: Int, start: Int)? {
        // Most 是 follow an ordinary character (就是, 要求是): decide that before building anything.
        guard shiOffset > start,
            Numbering.chineseDigit(UTF8Scalars.decode(bytes, at: UTF8Scalars.previousStart(bytes, before: shiOffset)).scalar)
                != nil
        else { return nil }
        var scalars: [Unicode.Scalar] = []
        var position = shiOffset
        while position > start, scalars.count < 3 {
            let previous = UTF8Scalars.previousStart(bytes, before: position)
            let scalar = UTF8Scalars.decode(bytes, at: previous).scalar
            guard Numbering.chineseDigit(scalar) != nil else { break }
            scalars.insert(scalar, at: 0)
            position = previous
        }
        guard let ordinal = Numbering.chineseValue(scalars) else { return nil }
        // Spaces may stand between the boundary and the number (……意识。 一是……).
        var boundaryEnd = position
        while boundaryEnd > start, Marks.spaceLength(bytes, at: UTF8Scalars.previousStart(bytes, before: boundaryEnd)) > 0 {
            boundaryEnd = UTF8Scalars.previousStart(bytes, before: boundaryEnd)
        }
        if boundaryEnd > start {
            let boundary = UTF8Scalars.decode(bytes, at: UTF8Scalars.previousStart(bytes, before: boundaryEnd)).scalar
            guard Marks.seriesBoundaries.contains(boundary) else { return nil }
        }
        return (ordinal, position)
    }
}
