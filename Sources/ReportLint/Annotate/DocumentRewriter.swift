/// Writes comments and tracked changes into word/document.xml. Everything it does happens at places
/// between the characters of the text (`TextPoint`s, mapped to the XML by `DocxTextMap`); the bytes
/// between those places are copied as they are. A run is split where a comment starts or ends inside
/// it (both halves keep the run's properties), deleted text is moved into `w:del` runs as
/// `w:delText`, and the replacement follows in a `w:ins` run with the deleted text's properties.
///
/// An edit is made only where the result is certain: every deleted character is plain text or a tab
/// outside fields and earlier tracked changes, and nothing else lies between (no picture, field,
/// note reference or existing comment mark). Any other edit is left out and reported back, so the
/// caller can say so in its comment.
struct DocumentRewriter {
    struct Comment {
        let id: Int
        let span: TextSpan
    }

    struct Edit {
        let span: TextSpan
        let replacement: String
    }

    let map: DocxTextMap
    let author: String
    let date: String

    /// A place in the XML: a byte offset that is a token's start or lies inside a text token, or an
    /// empty `<w:p/>` that is opened to hold what goes there.
    private struct Place: Hashable {
        var offset: Int
        var emptyParagraph: Int?
        /// The w:t whose text is split here.
        var splitsText: Int?
    }

    private enum Action {
        case closeDeletion
        case pointCommentStart(Int)
        case insertion(String, properties: Range<Int>?)
        case commentEnd(Int)
        case commentStart(Int)
        case openDeletion

        var phase: Int {
            switch self {
            case .closeDeletion: return 0
            case .pointCommentStart: return 1
            case .insertion: return 2
            case .commentEnd: return 3
            case .commentStart: return 4
            case .openDeletion: return 5
            }
        }
    }

    /// Elements that may lie between deleted characters (besides run properties, which are skipped whole).
    private static let allowedInDeletion: Set<String> = [
        "w:r", "w:t", "w:tab", "w:br", "w:cr", "w:lastRenderedPageBreak", "w:proofErr", "w:bookmarkStart",
        "w:bookmarkEnd", "w:permStart", "w:permEnd", "w:softHyphen", "w:noBreakHyphen", "w:hyperlink",
        "w:smartTag", "w:del", "w:delText", "w:rPr",
    ]

    /// The new document.xml and, for each edit, whether it was made.
    func rewrite(comments: [Comment], edits: [Edit], firstRevisionId: Int) -> (xml: [UInt8], made: [Bool]) {
        var actions: [(place: Place, action: Action, order: Int)] = []
        func add(_ place: Place, _ action: Action) { actions.append((place, action, actions.count)) }
        var made: [Bool] = []
        for edit in edits {
            guard let planned = plan(edit) else {
                made.append(false)
                continue
            }
            made.append(true)
            if !edit.span.isEmpty {
                add(planned.start, .openDeletion)
                add(planned.end, .closeDeletion)
            }
            if !edit.replacement.isEmpty { add(planned.end, .insertion(edit.replacement, properties: planned.properties)) }
        }
        for comment in comments {
            if comment.span.isEmpty {
                let place = location(comment.span.start, preferLeft: true)
                add(place, .pointCommentStart(comment.id))
                add(place, .commentEnd(comment.id))
            } else {
                add(location(comment.span.start, preferLeft: false), .commentStart(comment.id))
                add(location(comment.span.end, preferLeft: true), .commentEnd(comment.id))
            }
        }
        actions.sort { ($0.place.offset, $0.action.phase, $0.order) < ($1.place.offset, $1.action.phase, $1.order) }
        return (walk(actions.map { ($0.place, $0.action) }, firstRevisionId: firstRevisionId), made)
    }

    // MARK: Places

    private var tokens: [XMLTokens.Token] { map.xml.tokens }

    private func before(_ token: Int, run: Int) -> Int {
        map.runs[run]?.firstContent == token ? tokens[run].range.lowerBound : tokens[token].range.lowerBound
    }

    private func after(_ token: Int, run: Int) -> Int {
        let last = map.xml.closing[token] ?? token
        if map.runs[run]?.lastContent == last, let runEnd = map.xml.closing[run] { return tokens[runEnd].range.upperBound }
        return tokens[last].range.upperBound
    }

    /// Just after a character.
    private func place(after character: DocxTextMap.Character) -> Place {
        guard character.splittable else {
            return Place(offset: tokens[map.xml.closing[character.run] ?? character.run].range.upperBound)
        }
        switch character.origin {
        case .element(let token):
            return Place(offset: after(token, run: character.run))
        case .text(let token, let bytes, let element):
            if bytes.upperBound < tokens[token].range.upperBound { return Place(offset: bytes.upperBound, splitsText: element) }
            if map.xml.closing[element] == token + 1 { return Place(offset: after(element, run: character.run)) }
            return Place(offset: bytes.upperBound, splitsText: element)
        }
    }

    /// Just before a character.
    private func place(before character: DocxTextMap.Character) -> Place {
        guard character.splittable else { return Place(offset: tokens[character.run].range.lowerBound) }
        switch character.origin {
        case .element(let token):
            return Place(offset: before(token, run: character.run))
        case .text(let token, let bytes, let element):
            if bytes.lowerBound > tokens[token].range.lowerBound { return Place(offset: bytes.lowerBound, splitsText: element) }
            if token == element + 1 { return Place(offset: before(element, run: character.run)) }
            return Place(offset: bytes.lowerBound, splitsText: element)
        }
    }

    /// The characters on either side of a point (numbering, which has no place in the XML, counts as
    /// the paragraph's start).
    private func neighbours(_ point: TextPoint) -> (left: DocxTextMap.Character?, right: DocxTextMap.Character?) {
        guard map.paragraphs.indices.contains(point.line) else { return (nil, nil) }
        let paragraph = map.paragraphs[point.line]
        let index = min(max(0, point.scalar - paragraph.prefix), paragraph.characters.count)
        return (
            index > 0 ? paragraph.characters[index - 1] : nil,
            index < paragraph.characters.count ? paragraph.characters[index] : nil
        )
    }

    private func location(_ point: TextPoint, preferLeft: Bool) -> Place {
        let (left, right) = neighbours(point)
        if preferLeft, let left { return place(after: left) }
        if let right { return place(before: right) }
        if let left { return place(after: left) }
        let line = min(max(0, point.line), map.paragraphs.count - 1)
        let paragraph = map.paragraphs[line]
        if paragraph.start == paragraph.end {
            return Place(offset: tokens[paragraph.start].range.lowerBound, emptyParagraph: paragraph.start)
        }
        return Place(offset: tokens[paragraph.end].range.lowerBound)
    }

    /// Where an edit's deletion starts and ends and the properties its insertion takes, or nil when it
    /// cannot be made as a tracked change.
    private func plan(_ edit: Edit) -> (start: Place, end: Place, properties: Range<Int>?)? {
        let span = edit.span
        guard span.start.line == span.end.line, map.paragraphs.indices.contains(span.start.line),
            !edit.replacement.contains(where: { $0 == "\n" || $0 == "\r" })
        else { return nil }
        let paragraph = map.paragraphs[span.start.line]
        // Numbering is Word's, not text: an edit touching it cannot be tracked.
        guard span.start.scalar >= paragraph.prefix || (span.isEmpty && span.start.scalar == paragraph.prefix) else { return nil }
        let from = span.start.scalar - paragraph.prefix
        let to = span.end.scalar - paragraph.prefix
        guard to <= paragraph.characters.count else { return nil }
        let deleted = paragraph.characters[from..<to]
        guard deleted.allSatisfy({ $0.editable && $0.splittable && $0.scalar != "\u{2028}" }) else { return nil }
        let (left, right) = neighbours(span.end)
        // The inserted run takes the properties of the text it replaces, else of the text before it.
        guard let model = deleted.first ?? left ?? right, model.editable, model.splittable else { return nil }
        let start = span.isEmpty ? location(span.end, preferLeft: true) : place(before: deleted.first!)
        let end = span.isEmpty ? start : place(after: deleted.last!)
        // Nothing but text runs (and marks that carry no content) between the two places.
        var index = tokens.firstIndex { $0.range.lowerBound >= start.offset } ?? tokens.count
        while index < tokens.count, tokens[index].range.lowerBound < end.offset {
            let token = tokens[index]
            if token.kind == .start || token.kind == .empty {
                guard DocumentRewriter.allowedInDeletion.contains(token.name) else { return nil }
                if token.name == "w:rPr" || token.name == "w:del" {
                    index = (map.xml.closing[index] ?? index) + 1
                    continue
                }
            }
            if token.kind == .cdata { return nil }
            index += 1
        }
        return (start, end, map.runs[model.run]?.properties)
    }

    // MARK: Writing

    private func walk(_ actions: [(place: Place, action: Action)], firstRevisionId: Int) -> [UInt8] {
        let bytes = map.xml.bytes
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + actions.count * 160)
        var nextRevision = firstRevisionId
        var deleting = false
        var existingDeletions = 0
        var names: [String] = [] // open elements, as in the original
        var runs: [(start: Int, wrapped: Bool)] = [] // open runs and whether each is inside a new w:del
        var textTag: String? // how the open w:t was written (w:t or w:delText)
        let splitTexts = Set(actions.compactMap(\.place.splitsText))
        var next = 0

        func emit(_ text: String) { output.append(contentsOf: text.utf8) }
        func revision(_ name: String) -> String {
            defer { nextRevision += 1 }
            return "<\(name) w:id=\"\(nextRevision)\" w:author=\"\(XMLTokens.escape(author))\" w:date=\"\(date)\">"
        }
        func openRun(_ start: Int) -> Bool {
            let wrapped = deleting && existingDeletions == 0
            if wrapped { emit(revision("w:del")) }
            output.append(contentsOf: bytes[tokens[start].range])
            return wrapped
        }
        func perform(_ group: ArraySlice<(place: Place, action: Action)>) {
            let inText = textTag != nil && names.last == "w:t"
            let inRun = inText || names.last == "w:r"
            if inRun, let run = runs.last {
                if inText { emit("</\(textTag!)>") }
                emit("</w:r>")
                if run.wrapped { emit("</w:del>") }
            }
            for (_, action) in group {
                switch action {
                case .closeDeletion: deleting = false
                case .openDeletion: deleting = true
                case .pointCommentStart(let id), .commentStart(let id): emit("<w:commentRangeStart w:id=\"\(id)\"/>")
                case .commentEnd(let id):
                    emit("<w:commentRangeEnd w:id=\"\(id)\"/><w:r><w:commentReference w:id=\"\(id)\"/></w:r>")
                case .insertion(let text, let properties):
                    emit(revision("w:ins") + "<w:r>")
                    if let properties { output.append(contentsOf: bytes[properties]) }
                    emit(DocumentRewriter.runContent(text) + "</w:r></w:ins>")
                }
            }
            if inRun, let run = runs.last {
                let wrapped = openRun(run.start)
                runs[runs.count - 1].wrapped = wrapped
                if let properties = map.runs[run.start]?.properties { output.append(contentsOf: bytes[properties]) }
                if inText {
                    textTag = wrapped ? "w:delText" : "w:t"
                    emit("<\(textTag!) xml:space=\"preserve\">")
                }
            }
        }
        func performAll(at offset: Int) {
            let first = next
            while next < actions.count, actions[next].place.offset == offset, actions[next].place.emptyParagraph == nil {
                next += 1
            }
            if next > first { perform(actions[first..<next]) }
        }

        for (index, token) in tokens.enumerated() {
            let range = token.range
            if token.kind == .text || token.kind == .cdata {
                var cursor = range.lowerBound
                while next < actions.count, actions[next].place.offset < range.upperBound,
                    actions[next].place.emptyParagraph == nil
                {
                    let offset = max(actions[next].place.offset, cursor)
                    output.append(contentsOf: bytes[cursor..<offset])
                    cursor = offset
                    performAll(at: actions[next].place.offset)
                }
                output.append(contentsOf: bytes[cursor..<range.upperBound])
                continue
            }
            performAll(at: range.lowerBound)
            switch (token.kind, token.name) {
            case (.empty, "w:p") where next < actions.count && actions[next].place.emptyParagraph == index:
                // `<w:p/>` opened to hold a comment: `<w:p …>` + marks + `</w:p>`.
                var opening = Array(bytes[range])
                opening.removeLast(2)
                output.append(contentsOf: opening)
                emit(">")
                let first = next
                while next < actions.count, actions[next].place.emptyParagraph == index { next += 1 }
                perform(actions[first..<next])
                emit("</w:p>")
            case (.start, "w:r"):
                runs.append((index, openRun(index)))
                names.append(token.name)
            case (.end, "w:r"):
                output.append(contentsOf: bytes[range])
                if let run = runs.popLast(), run.wrapped { emit("</w:del>") }
                names.removeLast()
            case (.start, "w:t"):
                let wrapped = runs.last?.wrapped ?? false
                textTag = wrapped ? "w:delText" : "w:t"
                if wrapped || splitTexts.contains(index) {
                    emit("<\(textTag!) xml:space=\"preserve\">")
                } else {
                    output.append(contentsOf: bytes[range])
                }
                names.append(token.name)
            case (.end, "w:t"):
                emit("</\(textTag ?? "w:t")>")
                textTag = nil
                names.removeLast()
            case (.start, _):
                if token.name == "w:del" || token.name == "w:moveFrom" { existingDeletions += 1 }
                output.append(contentsOf: bytes[range])
                names.append(token.name)
            case (.end, _):
                if token.name == "w:del" || token.name == "w:moveFrom" { existingDeletions -= 1 }
                output.append(contentsOf: bytes[range])
                names.removeLast()
            default:
                output.append(contentsOf: bytes[range])
            }
        }
        performAll(at: bytes.count)
        return output
    }

    /// The content of an inserted run: text, with tabs and line breaks as their elements.
    static func runContent(_ text: String) -> String {
        var content = ""
        var pending = ""
        func flush() {
            if !pending.isEmpty { content += "<w:t xml:space=\"preserve\">\(XMLTokens.escape(pending))</w:t>" }
            pending = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t":
                flush()
                content += "<w:tab/>"
            case "\u{2028}":
                flush()
                content += "<w:br/>"
            default: pending.unicodeScalars.append(scalar)
            }
        }
        flush()
        return content
    }
}
