/// What a paragraph is in the report's shape.
public enum ParagraphRole: String, Sendable, Codable {
    /// 主送机关 such as `市委：` above the body.
    case addressee
    case title
    /// Short lines between the title and the body (author, date in brackets, subtitle).
    case frontMatter
    case heading
    case body
    /// `特此报告。` and the like.
    case closing
    /// The unit's name under the body.
    case signature
    case date
}

/// A non-empty line. Its range excludes leading and trailing white space (ASCII or 　).
public struct Paragraph: Sendable {
    public let index: Int
    public let line: Int
    public let range: ByteRange
    /// The indices of its scalars in `Source.scalars`, found once here for the rules that walk characters.
    public let scalars: Range<Int>
    public internal(set) var role: ParagraphRole
    public internal(set) var headingIndex: Int?
}

/// A numbered heading, alone on its line or run in (`（一）深化理论学习。一是……`).
public struct Heading: Sendable {
    public let index: Int
    public let paragraphIndex: Int
    public let line: Int
    public let marker: NumberingMarker
    /// The heading's words, without the numbering and without its closing 。.
    public let text: ByteRange
    /// The 。！？ that ends the heading sentence, if any.
    public let terminator: ByteRange?
    /// True when body text follows the heading sentence in the same paragraph.
    public let isRunIn: Bool
    /// The enclosing heading (the nearest earlier one with a smaller level number).
    public internal(set) var parent: Int?
    /// From the heading to the next heading of the same or a higher level, or to the end of the body.
    public internal(set) var extent: ByteRange

    public var level: Int { marker.form.level }
}

/// One item of an in-paragraph series `一是……二是……`.
public struct SeriesItem: Sendable {
    public let paragraphIndex: Int
    public let line: Int
    public let ordinal: Int
    /// The bytes of `一是`.
    public let marker: ByteRange
    /// The item's lead words up to its first 。；！？ (e.g. `加强政治建设`).
    public let text: ByteRange
    /// From the marker to the next marker in the paragraph, or the paragraph's end.
    public let extent: ByteRange
    /// The heading whose section holds the item.
    public let headingIndex: Int?
}

/// The parsed shape of a report: its paragraphs, headings and series (see `StructureParser`).
struct DocumentStructure: Sendable {
    let paragraphs: [Paragraph]
    let headings: [Heading]
    let seriesItems: [SeriesItem]
    let bodyEnd: Int
}

/// A report read once and parsed once; every rule looks at the same document. Its type is decided from
/// the opening lines at once; its structure is parsed the first time anything asks for it, so a run whose
/// rules only look for phrases never parses it. Take `paragraphs` or `headings` once outside a loop.
public struct Document: Sendable {
    public let source: Source
    /// The title among the paragraphs (decided by the opening lines alone).
    public let titleIndex: Int?
    public let type: DocumentType?
    public let typeOrigin: DocumentType.Origin
    /// What decided the type (“标题含‘述职报告’”, “开头含‘总体要求是’”); nil when forced.
    public let typeEvidence: String?
    private let parsed = Once<DocumentStructure>()
    private let foundYear = Once<ReportYear?>()
    private let foundEra = Once<Int?>()
    private let foundEarliest = Once<Int?>()
    private let nestedSeries = Once<[[SeriesItem]]>()
    private let paragraphSentences = OncePerIndex<[ByteRange]>()

    init(source: Source, titleIndex: Int?, type: DocumentType?, typeOrigin: DocumentType.Origin, typeEvidence: String? = nil) {
        self.source = source
        self.titleIndex = titleIndex
        self.type = type
        self.typeOrigin = typeOrigin
        self.typeEvidence = typeEvidence
    }

    private var structure: DocumentStructure { parsed.get { StructureParser.structure(of: source) } }

    /// The year the report is about (title, date line or opening sentence); read from the bytes without
    /// parsing the structure, the first time a rule asks.
    public var year: ReportYear? { foundYear.get { ReportYear.find(in: source, titleIndex: titleIndex) } }

    /// The latest year an undated report's text shows (`ReportEra`): years written out and dated names.
    public var era: Int? { foundEra.get { ReportEra.latestYear(in: source) } }

    /// True when the report is known to be about a year before `year` (`since:` of a rule): by its own year,
    /// or, when it has none, by the latest year its text shows; a report that shows no year at all is not.
    public func predates(_ year: Int) -> Bool { knownYear.map { $0 < year } ?? false }

    /// True when the report is known to be about `year` or later: by its own year, or, when it has none, by the
    /// earliest year its text allows (`ReportEra.earliestYear`). A rule that asks for something required only
    /// from `year` on (`since:` of a phrase or section rule), or reports words outdated from `year` on, asks this:
    /// a page that shows no year at all may well be older than the requirement (an old 范文 with its dates cut),
    /// and a false finding costs more than a miss.
    public func isKnownFrom(_ year: Int) -> Bool {
        (self.year?.value ?? foundEarliest.get { ReportEra.earliestYear(in: source) }).map { $0 >= year } ?? false
    }

    /// The report's own year, else the latest its text shows (nil when it shows none).
    private var knownYear: Int? { year?.value ?? era }

    /// Parses the structure now if nobody has (the linter does, when its rules need it, to time it).
    func parseStructure() { _ = structure }

    /// True once the structure has been parsed.
    var isStructureParsed: Bool { parsed.isBuilt }

    public var paragraphs: [Paragraph] { structure.paragraphs }
    public var headings: [Heading] { structure.headings }
    public var seriesItems: [SeriesItem] { structure.seriesItems }
    /// The series items as nested lists (`SeriesLists`), found once for the rules that read them.
    public var seriesLists: [[SeriesItem]] { nestedSeries.get { SeriesLists.lists(seriesItems, in: source, headings: headings) } }
    /// Where the body ends: before the closing line, signature and date.
    public var bodyEnd: Int { structure.bodyEnd }

    public var title: Paragraph? { titleIndex.map { paragraphs[$0] } }

    public func text(_ range: ByteRange) -> String { source.string(range) }

    /// Body paragraphs and run-in heading paragraphs: where prose (and paragraph cues) live.
    public var proseParagraphs: [Paragraph] {
        paragraphs.filter { $0.role == .body || $0.role == .heading }
    }

    /// The sentences of a paragraph, each ending after its 。！？ (or at the paragraph's end).
    /// Paragraph cues are matched sentence by sentence, so `^` in a cue means "at a sentence start".
    public func sentences(of paragraph: Paragraph) -> [ByteRange] {
        paragraphSentences.get(paragraph.index, of: paragraphs.count) { splitSentences(paragraph) }
    }

    private func splitSentences(_ paragraph: Paragraph) -> [ByteRange] {
        var result: [ByteRange] = []
        var start = paragraph.range.start
        let end = paragraph.range.end
        source.bytes.withUnsafeBufferPointer { bytes in
            var index = start
            while index + 3 <= end {
                // The last byte of 。！？ tells most positions apart at once; Marks decides the rest.
                let third = bytes[index + 2]
                if third != Marks.fullStop.2 && third != Marks.exclamation.2 && third != Marks.question.2 {
                    index += 1
                    continue
                }
                if Marks.isSentenceEnd(source.bytes, at: index) {
                    result.append(ByteRange(start, index + 3))
                    index += 3
                    start = index
                } else {
                    index += 1
                }
            }
        }
        if start < end { result.append(ByteRange(start, end)) }
        return result
    }

    /// The innermost heading whose section holds `offset`: the last heading starting at or before it,
    /// or the nearest of its parents whose section still runs past it.
    public func heading(containing offset: Int) -> Heading? {
        headings.innermost(containing: offset)
    }

    /// The paragraph holding a byte offset.
    public func paragraph(containing offset: Int) -> Paragraph? {
        let paragraphs = self.paragraphs
        var low = 0
        var high = paragraphs.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = paragraphs[middle].range
            if offset < range.start {
                high = middle - 1
            } else if offset > range.end {
                low = middle + 1
            } else {
                return paragraphs[middle]
            }
        }
        return nil
    }
}

extension Document {
    /// The heading whose words (not numbering) hold `range`.
    public func heading(withTextContaining range: ByteRange) -> Heading? {
        headings.lastStarting(atOrBefore: range.start, by: \.text.start).flatMap { $0.text.contains(range) ? $0 : nil }
    }

    /// The series item whose lead words hold `range`.
    public func seriesItem(withTextContaining range: ByteRange) -> SeriesItem? {
        seriesItems.lastStarting(atOrBefore: range.start, by: \.text.start).flatMap { $0.text.contains(range) ? $0 : nil }
    }
}

extension Array where Element == Heading {
    /// See `Document.heading(containing:)`; headings are in document order and their extents nest.
    func innermost(containing offset: Int) -> Heading? {
        var candidate = lastStarting(atOrBefore: offset, by: \.extent.start)
        while let heading = candidate, !heading.extent.contains(offset: offset) {
            candidate = heading.parent.map { self[$0] }
        }
        return candidate
    }
}

extension Array {
    /// Binary search in an array sorted by `key`: the last element whose key is at most `offset`.
    func lastStarting(atOrBefore offset: Int, by key: (Element) -> Int) -> Element? {
        var low = 0
        var high = count - 1
        var found: Element?
        while low <= high {
            let middle = (low + high) / 2
            if key(self[middle]) <= offset {
                found = self[middle]
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return found
    }
}
