/// Word's comments part (word/comments.xml) and what points at it: the document's relationship and the
/// content type. Comments already in the document stay as they are: new ones are added after them,
/// with ids above every id the document uses. A comments part that is not what Word writes (not XML,
/// another root, a comment without a numeric id, two with the same id) is refused, never repaired.
struct CommentsPart {
    static let mainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    static let relationshipsPart = "word/_rels/document.xml.rels"

    struct Malformed: Error, Equatable {
        let part: String
        let reason: String
    }

    struct Comment {
        let id: Int
        /// Paragraphs of the comment's text.
        let paragraphs: [String]
    }

    /// Where the comments part is (by the document's relationship), and its tokens when it exists.
    let name: String
    let existing: XMLTokens?
    /// The highest comment id in the part (-1 when there is none).
    let highestId: Int

    init(package: DocxPackage) throws {
        var name = "word/comments.xml"
        if let relationships = package[CommentsPart.relationshipsPart] {
            let tokens = try CommentsPart.tokens(relationships, part: CommentsPart.relationshipsPart)
            if let relationship = tokens.tokens.first(where: {
                $0.name == "Relationship" && $0.attributes["Type"] == CommentsPart.relationshipType
                    && $0.attributes["TargetMode"] != "External"
            }), let target = relationship.attributes["Target"] {
                name = CommentsPart.resolve(target)
                if package[name] == nil {
                    throw Malformed(part: CommentsPart.relationshipsPart, reason: "批注关系指向的 \(name) 不存在")
                }
            }
        }
        self.name = name
        guard let content = package[name] else {
            existing = nil
            highestId = -1
            return
        }
        let tokens = try CommentsPart.tokens(content, part: name)
        guard let root = tokens.tokens.firstIndex(where: { $0.kind == .start || $0.kind == .empty }),
            tokens.tokens[root].name == "w:comments"
        else {
            throw Malformed(part: name, reason: "根元素不是 w:comments")
        }
        guard tokens.tokens[root].attributes["xmlns:w"] == CommentsPart.mainNamespace else {
            throw Malformed(part: name, reason: "没有按 Word 的方式声明 w 命名空间")
        }
        var ids = Set<Int>()
        var index = root + 1
        let end = tokens.closing[root] ?? root
        while index < end {
            let token = tokens.tokens[index]
            switch token.kind {
            case .start, .empty:
                guard token.name == "w:comment" else { throw Malformed(part: name, reason: "w:comments 中有不认识的元素“\(token.name)”") }
                guard let id = token.attributes["w:id"].flatMap(Int.init) else {
                    throw Malformed(part: name, reason: "有批注没有数字编号（w:id）")
                }
                guard ids.insert(id).inserted else { throw Malformed(part: name, reason: "批注编号 \(id) 重复") }
                index = (tokens.closing[index] ?? index) + 1
            case .text where tokens.bytes[token.range].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }):
                index += 1
            case .other:
                index += 1
            default:
                throw Malformed(part: name, reason: "w:comments 中有批注之外的内容")
            }
        }
        existing = tokens
        highestId = ids.max() ?? -1
    }

    private static func tokens(_ bytes: [UInt8], part: String) throws -> XMLTokens {
        guard UTF8Validation.isValid(bytes) else { throw Malformed(part: part, reason: "不是 UTF-8 编码") }
        do {
            return try XMLTokens(bytes)
        } catch let malformed as XMLScanner.Malformed {
            throw Malformed(part: part, reason: "第 \(malformed.offset + 1) 字节附近\(malformed.reason)")
        }
    }

    /// A relationship target of word/document.xml as a part name.
    static func resolve(_ target: String) -> String {
        var parts = target.hasPrefix("/") ? [] : ["word"]
        for component in target.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    /// Adds the comments to the package: into the existing part, or as a new part with its relationship
    /// and content type.
    func add(_ comments: [Comment], to package: inout DocxPackage, author: String, date: String) throws {
        let elements = comments.map { comment -> String in
            let paragraphs = comment.paragraphs.enumerated().map { index, text -> String in
                let mark = index == 0 ? "<w:r><w:annotationRef/></w:r>" : ""
                return "<w:p>\(mark)<w:r><w:t xml:space=\"preserve\">\(XMLTokens.escape(text))</w:t></w:r></w:p>"
            }.joined()
            return
                "<w:comment w:id=\"\(comment.id)\" w:author=\"\(XMLTokens.escape(author))\" w:date=\"\(date)\" w:initials=\"RL\">\(paragraphs)</w:comment>"
        }.joined()
        if let existing {
            let root = existing.tokens.firstIndex { $0.name == "w:comments" }!
            var bytes = existing.bytes
            if existing.tokens[root].kind == .empty {
                var opening = Array(bytes[existing.tokens[root].range])
                opening.removeLast(2)
                bytes.replaceSubrange(existing.tokens[root].range, with: opening + Array(">\(elements)</w:comments>".utf8))
            } else {
                let end = existing.tokens[existing.closing[root]!].range.lowerBound
                bytes.insert(contentsOf: Array(elements.utf8), at: end)
            }
            package.set(name, bytes)
            return
        }
        let part =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:comments xmlns:w="\#(CommentsPart.mainNamespace)">"# + elements + "</w:comments>"
        package.set(name, Array(part.utf8))
        try addRelationship(to: &package)
        try addContentType(to: &package)
    }

    private func addRelationship(to package: inout DocxPackage) throws {
        let target = name.hasPrefix("word/") ? String(name.dropFirst(5)) : "/" + name
        guard let bytes = package[CommentsPart.relationshipsPart] else {
            let part =
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="\#(CommentsPart.relationshipType)" Target="\#(target)"/></Relationships>"#
            package.set(CommentsPart.relationshipsPart, Array(part.utf8))
            return
        }
        let tokens = try CommentsPart.tokens(bytes, part: CommentsPart.relationshipsPart)
        guard let root = tokens.tokens.firstIndex(where: { $0.name == "Relationships" && $0.kind == .start }),
            let end = tokens.closing[root]
        else {
            throw Malformed(part: CommentsPart.relationshipsPart, reason: "根元素不是 Relationships")
        }
        let used = Set(tokens.tokens.compactMap { $0.name == "Relationship" ? $0.attributes["Id"] : nil })
        var number = used.count + 1
        while used.contains("rId\(number)") { number += 1 }
        let relationship =
            #"<Relationship Id="rId\#(number)" Type="\#(CommentsPart.relationshipType)" Target="\#(XMLTokens.escape(target))"/>"#
        var changed = bytes
        changed.insert(contentsOf: Array(relationship.utf8), at: tokens.tokens[end].range.lowerBound)
        package.set(CommentsPart.relationshipsPart, changed)
    }

    private func addContentType(to package: inout DocxPackage) throws {
        let partName = "/" + name
        guard let bytes = package["[Content_Types].xml"] else {
            throw Malformed(part: "[Content_Types].xml", reason: "缺少内容类型部分")
        }
        let tokens = try CommentsPart.tokens(bytes, part: "[Content_Types].xml")
        if tokens.tokens.contains(where: { $0.name == "Override" && $0.attributes["PartName"] == partName }) { return }
        guard let root = tokens.tokens.firstIndex(where: { $0.name == "Types" && $0.kind == .start }),
            let end = tokens.closing[root]
        else {
            throw Malformed(part: "[Content_Types].xml", reason: "根元素不是 Types")
        }
        let override = #"<Override PartName="\#(XMLTokens.escape(partName))" ContentType="\#(CommentsPart.contentType)"/>"#
        var changed = bytes
        changed.insert(contentsOf: Array(override.utf8), at: tokens.tokens[end].range.lowerBound)
        package.set("[Content_Types].xml", changed)
    }
}
