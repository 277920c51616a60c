import Foundation
import ZIPFoundation

/// Reads a Word (.docx, also as saved by WPS) report: the paragraphs of `word/document.xml` (table
/// cells in order; headers, footers and notes are other parts and are left out), one line each, so a
/// finding's line is the paragraph's number. Heading levels come from paragraph styles (Heading 1–5,
/// 标题 1–5, or the style's outline level) and automatic numbering is rendered as Word shows it
/// (一、 （一） 1. （1） ①), so the numbering rules check what the reader sees.
///
/// Hostile files are refused with a reason: not a zip (or encrypted), too many entries, more than
/// `maxUncompressedBytes` declared or actually extracted (bytes are counted while inflating), no
/// `word/document.xml`, or a DOCTYPE (entities are never expanded).
public enum DocxReader {
    public static let maxUncompressedBytes = 64 * 1024 * 1024
    public static let maxEntries = 5_000
    /// More paragraphs than any report has (a few kilobytes of zip can hold millions of empty ones).
    public static var maxParagraphs: Int { Reader.maxLines }
    /// The longest numbering prefix rendered (Word's own level texts are a few characters).
    public static let maxNumberingPrefix = 64

    public enum Failure: Error, Equatable, Sendable {
        case notZip
        case tooManyEntries(Int)
        case tooLarge
        case missingDocument
        case doctype
        case malformedXML(String)
        /// An entry's data does not match its checksum.
        case corrupt
        /// Two entries with the same name (word/document.xml twice): which one Word shows is not certain.
        case duplicateEntry(String)
        /// More paragraphs than `maxParagraphs`.
        case tooManyParagraphs(Int)
    }

    public static func read(
        _ bytes: [UInt8], path: String, limit: Int = maxUncompressedBytes,
        entryLimit: Int = maxEntries
    ) -> Result<Source, Failure> {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            return .failure(.notZip)
        }
        let parts: Set<String> = ["word/document.xml", "word/styles.xml", "word/numbering.xml"]
        guard let layout = ZipLayout.entries(bytes, names: parts) else { return .failure(.corrupt) }
        // ZIPFoundation reads from a private temporary file, not from memory: its in-memory archive traps
        // on offsets past the end and leaks when opening fails (both found by fuzzing); file reads past
        // the end simply return nothing.
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("reportlint-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).docx")
        guard (try? Data(bytes).write(to: temporary, options: [.withoutOverwriting])) != nil else { return .failure(.notZip) }
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard let archive = try? Archive(url: temporary, accessMode: .read, pathEncoding: nil) else { return .failure(.notZip) }
        var entries = 0
        var declared: UInt64 = 0
        var seenParts = Set<String>()
        for entry in archive {
            entries += 1
            declared += entry.uncompressedSize
            if entries > entryLimit { return .failure(.tooManyEntries(entries)) }
            if parts.contains(entry.path), !seenParts.insert(entry.path).inserted { return .failure(.duplicateEntry(entry.path)) }
        }
        if declared > UInt64(limit) { return .failure(.tooLarge) }
        // ZIPFoundation opened and listed the archive (it skips encrypted entries); the parts themselves are
        // inflated here, with counted bytes, a loop that always ends, and a checksum check.
        guard archive["word/document.xml"] != nil, let documentEntry = layout["word/document.xml"] else {
            return .failure(
                layout["word/document.xml"] == nil && archive["word/document.xml"] != nil ? .corrupt : .missingDocument)
        }
        var budget = limit
        // Parts stay byte arrays from inflating to scanning: no Data or Array copies of a 64 MB part.
        func extract(_ entry: ZipLayout.Entry) -> Result<[UInt8], Failure> {
            let content: [UInt8]
            switch ZipLayout.extract(entry, from: bytes, budget: &budget) {
            case .success(let extracted): content = extracted
            case .failure(.tooLarge): return .failure(.tooLarge)
            case .failure(.corrupt): return .failure(.corrupt)
            }
            if DocxReader.contains(content, "<!DOCTYPE") || DocxReader.contains(content, "<!ENTITY") {
                return .failure(.doctype)
            }
            return .success(content)
        }

        let document: [UInt8]
        switch extract(documentEntry) {
        case .success(let data): document = data
        case .failure(let failure): return .failure(failure)
        }
        var styles = DocxStyles()
        var numbering = DocxNumbering()
        var collector = ParagraphCollector()
        do {
            if let entry = layout["word/styles.xml"] {
                styles = try DocxStyles.parse(extract(entry).get())
            }
            if let entry = layout["word/numbering.xml"] {
                numbering = try DocxNumbering.parse(extract(entry).get())
            }
            try XMLScanner.scan(document) { try collector.handle($0) }
        } catch is ParagraphCollector.TooMany {
            return .failure(.tooManyParagraphs(maxParagraphs))
        } catch let failure as Failure {
            return .failure(failure)
        } catch let malformed as XMLScanner.Malformed {
            return .failure(.malformedXML("第 \(malformed.offset + 1) 字节附近\(malformed.reason)"))
        } catch {
            return .failure(.malformedXML("\(error)"))
        }

        var lines: [String] = []
        var levels: [Int: Int] = [:]
        var counters = DocxNumbering.Counters()
        for paragraph in collector.paragraphs {
            let style = paragraph.style.flatMap { styles.byId[$0] }
            var prefix = ""
            if let numId = paragraph.numId ?? style?.numId, numId != "0" {
                let level = paragraph.level ?? style?.numLevel ?? 0
                prefix = numbering.render(numId: numId, level: level, counters: &counters)
            }
            lines.append(prefix + paragraph.text)
            if let level = paragraph.outlineLevel ?? style?.headingLevel, (1...5).contains(level) {
                levels[lines.count] = level
            }
        }
        let text = lines.joined(separator: "\n") + "\n"
        return .success(Source(path: path, text: text, encoding: .utf8, format: .docx, outlineLevels: levels))
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
            var start = 0
            while start + needle.count <= haystack.count,
                let found = memchr(base + start, Int32(needle[0]), haystack.count - start - needle.count + 1)
            {
                let at = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }
}

/// The paragraphs of word/document.xml: text runs (w:t), tabs, breaks; style, numbering and outline level.
private struct ParagraphCollector {
    struct Paragraph {
        var text = ""
        var style: String?
        var numId: String?
        var level: Int?
        var outlineLevel: Int?
    }

    struct TooMany: Error {}

    var paragraphs: [Paragraph] = []
    private var opened = 0
    private var open: [Paragraph] = [] // nested paragraphs (text boxes) stack up
    private var inText = false
    private var skipDepth = 0 // inside deleted text or field instructions
    private var runDepth = 0 // a w:tab outside runs is a tab stop (w:pPr/w:tabs), not text

    mutating func handle(_ event: XMLScanner.Event) throws {
        switch event {
        case .start(let name, let attributes):
            let value = attributes["w:val"]
            switch name {
            case "w:p":
                // Counted as they open: nested or empty, each costs memory before it is a line.
                opened += 1
                if opened > DocxReader.maxParagraphs { throw TooMany() }
                open.append(Paragraph())
            case "w:del", "w:instrText", "w:delText": skipDepth += 1
            case "w:t": inText = skipDepth == 0
            case "w:r": runDepth += 1
            case "w:tab" where !open.isEmpty && skipDepth == 0 && runDepth > 0: open[open.count - 1].text += "\t"
            case "w:br", "w:cr":
                if !open.isEmpty, skipDepth == 0, attributes["w:type"] != "page" { open[open.count - 1].text += "\u{2028}" }
            case "w:pStyle": if !open.isEmpty { open[open.count - 1].style = value }
            case "w:numId": if !open.isEmpty { open[open.count - 1].numId = value }
            case "w:ilvl": if !open.isEmpty { open[open.count - 1].level = value.flatMap(Int.init) }
            case "w:outlineLvl":
                if !open.isEmpty, let level = value.flatMap(Int.init), (0..<9).contains(level) {
                    open[open.count - 1].outlineLevel = level + 1
                }
            default: break
            }
        case .end(let name):
            switch name {
            case "w:p": if let paragraph = open.popLast() { paragraphs.append(paragraph) }
            case "w:del", "w:instrText", "w:delText": skipDepth = max(0, skipDepth - 1)
            case "w:t": inText = false
            case "w:r": runDepth = max(0, runDepth - 1)
            default: break
            }
        case .text(let text):
            if inText, !open.isEmpty { open[open.count - 1].text += text }
        }
    }
}

/// Paragraph styles: heading level (from w:outlineLvl or the name Heading N / 标题 N) and style numbering.
struct DocxStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outline: Int?
        var numId: String?
        var numLevel: Int?
        var headingLevel: Int? { outline ?? DocxStyles.level(fromName: name) }
    }

    var byId: [String: Style] = [:]

    static func level(fromName name: String) -> Int? {
        let lower = name.lowercased()
        for prefix in ["heading ", "标题 ", "标题"] where lower.hasPrefix(prefix) {
            return Int(lower.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    static func parse(_ data: [UInt8]) throws -> DocxStyles {
        var styles = DocxStyles()
        var current: (id: String, style: Style)?
        try XMLScanner.scan(data) { event in
            switch event {
            case .start(let name, let attributes):
                let value = attributes["w:val"]
                switch name {
                case "w:style": current = attributes["w:styleId"].map { ($0, Style()) }
                case "w:name": current?.style.name = value ?? ""
                case "w:basedOn": current?.style.basedOn = value
                case "w:outlineLvl":
                    if let level = value.flatMap(Int.init), (0..<9).contains(level) { current?.style.outline = level + 1 }
                case "w:numId": current?.style.numId = value
                case "w:ilvl": current?.style.numLevel = value.flatMap(Int.init)
                default: break
                }
            case .end(let name):
                if name == "w:style", let finished = current {
                    styles.byId[finished.id] = finished.style
                    current = nil
                }
            case .text:
                break
            }
        }
        // A style based on a heading style is a heading of that level unless it says otherwise.
        for (id, style) in styles.byId where style.headingLevel == nil {
            var base = style.basedOn
            var hops = 0
            while let next = base, hops < 10, let parent = styles.byId[next] {
                if let level = parent.headingLevel {
                    styles.byId[id]?.outline = level
                    break
                }
                base = parent.basedOn
                hops += 1
            }
        }
        return styles
    }
}
