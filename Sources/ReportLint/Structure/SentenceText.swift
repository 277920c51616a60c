import Foundation

/// The prose of a report with a line break after every sentence. Paragraph cues are searched in it once
/// per report with `^` matching at line starts, i.e. at sentence starts, instead of once per sentence
/// (on a long report that was hundreds of thousands of regex calls, each converting its text).
struct SentenceText: Sendable {
    struct Piece: Sendable {
        /// Where the sentence starts in `text` (UTF-8 offset) and in the report (byte offset), and its length.
        let textStart: Int
        let sourceStart: Int
        let length: Int
        let paragraph: Int
    }

    /// The sentences, one per line, as ICU searches them (searched by every cue).
    let searchText: SearchText
    let pieces: [Piece]
    var text: String { String(decoding: searchText.bytes, as: UTF8.self) }

    init(document: Document) {
        let sentences = document.proseParagraphs.flatMap { paragraph in
            document.sentences(of: paragraph).map { (range: $0, paragraph: paragraph.index) }
        }
        self.init(document: document, sentences: sentences)
    }

    /// Only the given sentences (in text order): what a cue needs when few sentences can match it.
    init(document: Document, sentences: [(range: ByteRange, paragraph: Int)]) {
        var bytes: [UInt8] = []
        var pieces: [Piece] = []
        pieces.reserveCapacity(sentences.count)
        // The sentences plus a line feed each: reserve once rather than grow through copies.
        bytes.reserveCapacity(sentences.reduce(0) { $0 + $1.range.count + 1 })
        for sentence in sentences {
            pieces.append(
                Piece(
                    textStart: bytes.count, sourceStart: sentence.range.start, length: sentence.range.count,
                    paragraph: sentence.paragraph))
            bytes += document.source.bytes[sentence.range.start..<sentence.range.end]
            bytes.append(UInt8(ascii: "\n"))
        }
        searchText = SearchText(bytes: bytes)
        self.pieces = pieces
    }

    /// The sentence holding a UTF-8 offset of `text`.
    func piece(at offset: Int) -> Piece? {
        pieces.lastStarting(atOrBefore: offset, by: \.textStart)
    }

    /// A match in `text` as a range of the report, clipped to its sentence.
    func sourceRange(of match: ByteRange) -> (piece: Piece, range: ByteRange)? {
        guard let piece = piece(at: match.start), match.start < piece.textStart + piece.length else { return nil }
        let start = piece.sourceStart + (match.start - piece.textStart)
        let end = piece.sourceStart + min(match.end - piece.textStart, piece.length)
        return (piece, ByteRange(start, max(start, end)))
    }
}
