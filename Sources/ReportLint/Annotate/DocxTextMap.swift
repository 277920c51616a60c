/// Where each character of the text `DocxReader` makes of word/document.xml comes from: the paragraphs
/// in the reader's order (a paragraph counts when it closes, so a text box's paragraphs come before the
/// one holding it), and for each character the text node or element (tab, line break) it was read from
/// and the run around it. Automatic numbering (一、 rendered from numbering.xml) has no place in the
/// XML: those characters lead the reader's line and are left out here (`prefix`).
///
/// It walks the tokens exactly as the reader's paragraph collector walks its events; `verify` checks the
/// result against the reader's lines, so a mismatch is a refusal, never a misplaced comment.
struct DocxTextMap {
    enum Origin: Equatable {
        /// One scalar of a text token inside a w:t element (`textElement` is the w:t start token).
        case text(token: Int, bytes: Range<Int>, textElement: Int)
        /// A w:tab, w:br or w:cr element (its start or empty token).
        case element(token: Int)
    }

    struct Character {
        let scalar: Unicode.Scalar
        let origin: Origin
        /// The w:r start token of the run holding it.
        let run: Int
        /// May be deleted, or have a tracked insertion next to it: not inside an earlier tracked change,
        /// a field's result, or a run whose properties carry a revision.
        let editable: Bool
        /// A comment may start or end inside its run (the run is split there); else at the run's edge.
        let splittable: Bool
    }

    struct Paragraph {
        /// The w:p start token (an empty `<w:p/>` is its own end).
        let start: Int
        let end: Int
        var characters: [Character] = []
        /// Scalars of automatic numbering before the characters in the reader's line.
        var prefix = 0
    }

    struct Run {
        /// The w:rPr element's bytes (empty when the run has none), copied into runs split off it.
        var properties: Range<Int>?
        /// First and last tokens of the run's content (after w:rPr; whitespace text ignored).
        var firstContent: Int?
        var lastContent: Int?
    }

    struct Mismatch: Error {
        let paragraph: Int
    }

    let xml: XMLTokens
    private(set) var paragraphs: [Paragraph] = []
    private(set) var runs: [Int: Run] = [:]

    init(_ xml: XMLTokens) {
        self.xml = xml
        var open: [Paragraph] = []
        var runStack: [(start: Int, atomic: Bool, depth: Int)] = []
        var depth = 0 // elements open around the current token
        var skipDepth = 0 // w:del, w:instrText, w:delText: what the reader leaves out
        var textElement: Int? // the w:t whose text is being read
        var revisionDepth = 0 // w:ins, w:moveTo, w:moveFrom
        var fieldDepth = 0 // between a field's begin and end, or inside w:fldSimple
        var propertiesStart: Int?
        let tokens = xml.tokens

        func add(_ scalar: Unicode.Scalar, _ origin: Origin, cdata: Bool = false) {
            guard !open.isEmpty, let run = runStack.last else { return }
            let editable = revisionDepth == 0 && fieldDepth == 0 && !run.atomic && !cdata
            open[open.count - 1].characters.append(
                Character(
                    scalar: scalar, origin: origin, run: run.start, editable: editable,
                    splittable: !run.atomic && !cdata))
        }
        func isBlank(_ index: Int) -> Bool {
            tokens[index].kind == .text
                && xml.bytes[tokens[index].range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }

        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .start, .empty:
                let name = token.name
                let closes = xml.closing[index] ?? index
                // The direct children of the innermost run after its properties.
                let isRunChild = runStack.last.map { depth == $0.depth + 1 } ?? false
                if isRunChild, name != "w:rPr", let run = runStack.last {
                    if runs[run.start]?.firstContent == nil { runs[run.start]?.firstContent = index }
                    runs[run.start]?.lastContent = closes
                }
                if token.kind == .start { depth += 1 }
                switch name {
                case "w:p":
                    open.append(Paragraph(start: index, end: closes))
                    if token.kind == .empty, let paragraph = open.popLast() { paragraphs.append(paragraph) }
                case "w:r":
                    // A run whose properties hold a revision (w:rPrChange, w:ins, w:del with an id) is never split:
                    // copying its properties would copy the revision.
                    var atomic = false
                    if let end = xml.closing[index], end > index {
                        var inner = index + 1
                        while inner < end {
                            if tokens[inner].name == "w:rPr", let propertiesEnd = xml.closing[inner] {
                                atomic = (inner...propertiesEnd).contains { tokens[$0].attributes["w:id"] != nil }
                                break
                            }
                            if !isBlank(inner) { break }
                            inner += 1
                        }
                    }
                    runStack.append((index, atomic, depth - 1))
                    runs[index] = Run()
                    if token.kind == .empty { runStack.removeLast() }
                case "w:rPr" where isRunChild && runs[runStack.last!.start]?.firstContent == nil:
                    if token.kind == .empty {
                        runs[runStack.last!.start]?.properties = token.range
                    } else {
                        propertiesStart = index
                    }
                case "w:del", "w:instrText", "w:delText":
                    if token.kind == .start { skipDepth += 1 }
                    if name == "w:del", token.kind == .start { revisionDepth += 1 }
                case "w:ins", "w:moveTo", "w:moveFrom":
                    if token.kind == .start { revisionDepth += 1 }
                case "w:fldSimple":
                    if token.kind == .start { fieldDepth += 1 }
                case "w:fldChar":
                    switch token.attributes["w:fldCharType"] {
                    case "begin": fieldDepth += 1
                    case "end": fieldDepth = max(0, fieldDepth - 1)
                    default: break
                    }
                case "w:t":
                    textElement = skipDepth == 0 && token.kind == .start ? index : nil
                case "w:tab" where skipDepth == 0 && !runStack.isEmpty:
                    add("\t", .element(token: index))
                case "w:br", "w:cr":
                    if skipDepth == 0, token.attributes["w:type"] != "page" { add("\u{2028}", .element(token: index)) }
                default:
                    break
                }
            case .end:
                depth -= 1
                switch token.name {
                case "w:p": if let paragraph = open.popLast() { paragraphs.append(paragraph) }
                case "w:r": _ = runStack.popLast()
                case "w:rPr":
                    if let start = propertiesStart, let run = runStack.last, xml.closing[start] == index {
                        runs[run.start]?.properties = tokens[start].range.lowerBound..<token.range.upperBound
                        propertiesStart = nil
                    }
                case "w:del", "w:instrText", "w:delText":
                    skipDepth = max(0, skipDepth - 1)
                    if token.name == "w:del" { revisionDepth = max(0, revisionDepth - 1) }
                case "w:ins", "w:moveTo", "w:moveFrom": revisionDepth = max(0, revisionDepth - 1)
                case "w:fldSimple": fieldDepth = max(0, fieldDepth - 1)
                case "w:t": textElement = nil
                default: break
                }
            case .text:
                if let element = textElement {
                    for (scalar, bytes) in xml.scalars(ofText: index) {
                        add(scalar, .text(token: index, bytes: bytes, textElement: element))
                    }
                }
            case .cdata:
                if let element = textElement {
                    let inner = (token.range.lowerBound + 9)..<(token.range.upperBound - 3)
                    for scalar in String(decoding: xml.bytes[inner], as: UTF8.self).unicodeScalars {
                        add(scalar, .text(token: index, bytes: inner, textElement: element), cdata: true)
                    }
                }
            case .other:
                break
            }
        }
    }

    /// Checks the characters against the reader's lines (one per paragraph) and records how many
    /// numbering scalars lead each line.
    mutating func verify(lines: [[Unicode.Scalar]]) throws {
        guard lines.count == paragraphs.count else { throw Mismatch(paragraph: min(lines.count, paragraphs.count)) }
        for index in paragraphs.indices {
            let line = lines[index]
            let characters = paragraphs[index].characters
            guard line.count >= characters.count else { throw Mismatch(paragraph: index) }
            let prefix = line.count - characters.count
            for (offset, character) in characters.enumerated() where line[prefix + offset] != character.scalar {
                throw Mismatch(paragraph: index)
            }
            paragraphs[index].prefix = prefix
        }
    }
}
