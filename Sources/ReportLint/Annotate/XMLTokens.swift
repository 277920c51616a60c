/// The tokens of an XML part with their byte ranges, covering every byte of it (tags, text, comments,
/// declarations), so a part can be rewritten by copying the bytes between the places it changes: what is
/// not changed stays byte for byte as it was. Tags must nest (an end tag names the open element); a
/// DOCTYPE is refused, as by `XMLScanner`, so no entity is ever expanded.
struct XMLTokens {
    enum Kind: Equatable {
        case start
        case end
        /// A self-closing tag (`<w:tab/>`).
        case empty
        case text
        case cdata
        /// A comment, a processing instruction or the XML declaration.
        case other
    }

    struct Token {
        let kind: Kind
        /// The element name for tags; empty for text and the rest.
        let name: String
        let range: Range<Int>
        /// Attributes of start and self-closing tags, values decoded.
        let attributes: [String: String]
    }

    let bytes: [UInt8]
    let tokens: [Token]
    /// For each start tag, the index of its end tag (and for an empty tag, itself).
    let closing: [Int: Int]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        var tokens: [Token] = []
        var closing: [Int: Int] = [:]
        var open: [Int] = []
        var index = 0
        let count = bytes.count
        func has(_ text: String, at position: Int) -> Bool {
            var offset = position
            for mark in text.utf8 {
                guard offset < count, bytes[offset] == mark else { return false }
                offset += 1
            }
            return true
        }
        func skip(past terminator: String) throws {
            while index < count {
                if has(terminator, at: index) {
                    index += terminator.utf8.count
                    return
                }
                index += 1
            }
            throw XMLScanner.Malformed(offset: index, reason: "缺少“\(terminator)”")
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameByte(_ byte: UInt8) -> Bool {
            !(isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
        }
        func skipSpaces() { while index < count, isSpace(bytes[index]) { index += 1 } }
        func name() throws -> String {
            let start = index
            while index < count, isNameByte(bytes[index]) { index += 1 }
            guard index > start else { throw XMLScanner.Malformed(offset: index, reason: "缺少名称") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        while index < count {
            let start = index
            if bytes[index] != UInt8(ascii: "<") {
                while index < count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                // Decoded once here so a bad entity is refused before anything is rewritten.
                _ = try XMLScanner.decodeEntities(bytes[start..<index], at: start)
                tokens.append(Token(kind: .text, name: "", range: start..<index, attributes: [:]))
                continue
            }
            if has("<?", at: index) || has("<!--", at: index) {
                try skip(past: has("<?", at: index) ? "?>" : "-->")
                tokens.append(Token(kind: .other, name: "", range: start..<index, attributes: [:]))
                continue
            }
            if has("<![CDATA[", at: index) {
                try skip(past: "]]>")
                tokens.append(Token(kind: .cdata, name: "", range: start..<index, attributes: [:]))
                continue
            }
            if has("<!", at: index) { throw XMLScanner.Malformed(offset: index, reason: "不支持 DOCTYPE 或其他声明") }
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "/") {
                index += 1
                let element = try name()
                skipSpaces()
                guard index < count, bytes[index] == UInt8(ascii: ">") else {
                    throw XMLScanner.Malformed(offset: index, reason: "结束标签不完整")
                }
                index += 1
                guard let opened = open.popLast(), tokens[opened].name == element else {
                    throw XMLScanner.Malformed(offset: start, reason: "结束标签“\(element)”与开始标签不配对")
                }
                closing[opened] = tokens.count
                tokens.append(Token(kind: .end, name: element, range: start..<index, attributes: [:]))
                continue
            }
            let element = try name()
            var attributes: [String: String] = [:]
            while true {
                skipSpaces()
                guard index < count else { throw XMLScanner.Malformed(offset: index, reason: "标签不完整") }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    open.append(tokens.count)
                    tokens.append(Token(kind: .start, name: element, range: start..<index, attributes: attributes))
                    break
                }
                if has("/>", at: index) {
                    index += 2
                    closing[tokens.count] = tokens.count
                    tokens.append(Token(kind: .empty, name: element, range: start..<index, attributes: attributes))
                    break
                }
                let attribute = try name()
                skipSpaces()
                guard index < count, bytes[index] == UInt8(ascii: "=") else {
                    throw XMLScanner.Malformed(offset: index, reason: "属性缺少“=”")
                }
                index += 1
                skipSpaces()
                guard index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                    throw XMLScanner.Malformed(offset: index, reason: "属性值缺少引号")
                }
                let quote = bytes[index]
                index += 1
                let valueStart = index
                while index < count, bytes[index] != quote { index += 1 }
                guard index < count else { throw XMLScanner.Malformed(offset: valueStart, reason: "属性值没有结束") }
                attributes[attribute] = try XMLScanner.decodeEntities(bytes[valueStart..<index], at: valueStart)
                index += 1
            }
        }
        if let unclosed = open.last {
            throw XMLScanner.Malformed(offset: tokens[unclosed].range.lowerBound, reason: "“\(tokens[unclosed].name)”没有结束标签")
        }
        self.tokens = tokens
        self.closing = closing
    }

    /// The scalars of a text token with the byte range each comes from (an entity is one scalar).
    func scalars(ofText token: Int) -> [(scalar: Unicode.Scalar, bytes: Range<Int>)] {
        let range = tokens[token].range
        var result: [(Unicode.Scalar, Range<Int>)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "&"),
                let semicolon = bytes[index..<range.upperBound].prefix(12).firstIndex(of: UInt8(ascii: ";")),
                let decoded = try? XMLScanner.decodeEntities(bytes[index...semicolon], at: index),
                let scalar = decoded.unicodeScalars.first
            {
                result.append((scalar, index..<(semicolon + 1)))
                index = semicolon + 1
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index)
            result.append((scalar, index..<min(range.upperBound, index + length)))
            index += length
        }
        return result
    }

    /// The raw bytes of a token range as a string.
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Text escaped for element content and attribute values.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default:
                // Characters XML 1.0 cannot hold at all become U+FFFD rather than a broken part.
                let value = scalar.value
                if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D || value == 0xFFFE || value == 0xFFFF {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
