/// A small XML scanner for the parts of a .docx: start and end tags with attributes, and text with the
/// five entities and character references decoded. Comments and processing instructions are skipped,
/// CDATA is text; a DOCTYPE is refused (so no entity is ever expanded), and anything malformed throws
/// instead of crashing. (Foundation's XMLParser traps on some corrupt input, found by fuzzing.)
enum XMLScanner {
    enum Event {
        case start(name: String, attributes: [String: String])
        case end(name: String)
        case text(String)
    }

    struct Malformed: Error, Equatable {
        let offset: Int
        let reason: String
    }

    static func scan(_ bytes: [UInt8], _ handle: (Event) throws -> Void) throws {
        var index = 0
        let count = bytes.count
        func has(_ text: String, at position: Int) -> Bool {
            let marks = Array(text.utf8)
            guard position + marks.count <= count else { return false }
            for offset in marks.indices where bytes[position + offset] != marks[offset] { return false }
            return true
        }
        func skip(past terminator: String) throws {
            let marks = Array(terminator.utf8)
            while index + marks.count <= count {
                if has(terminator, at: index) {
                    index += marks.count
                    return
                }
                index += 1
            }
            throw Malformed(offset: index, reason: "缺少“\(terminator)”")
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<"))
        }
        func skipSpaces() {
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
        }
        func name() throws -> String {
            let start = index
            while index < count, isNameByte(bytes[index]) { index += 1 }
            guard index > start else { throw Malformed(offset: index, reason: "缺少名称") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        while index < count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                while index < count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                try handle(.text(try decodeEntities(bytes[start..<index], at: start)))
                continue
            }
            if has("<?", at: index) {
                try skip(past: "?>")
                continue
            }
            if has("<!--", at: index) {
                try skip(past: "-->")
                continue
            }
            if has("<![CDATA[", at: index) {
                let start = index + 9
                index = start
                try skip(past: "]]>")
                try handle(.text(String(decoding: bytes[start..<(index - 3)], as: UTF8.self)))
                continue
            }
            if has("<!", at: index) { throw Malformed(offset: index, reason: "不支持 DOCTYPE 或其他声明") }
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "/") {
                index += 1
                let element = try name()
                skipSpaces()
                guard index < count, bytes[index] == UInt8(ascii: ">") else { throw Malformed(offset: index, reason: "结束标签不完整") }
                index += 1
                try handle(.end(name: element))
                continue
            }
            let element = try name()
            var attributes: [String: String] = [:]
            while true {
                skipSpaces()
                guard index < count else { throw Malformed(offset: index, reason: "标签不完整") }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    try handle(.start(name: element, attributes: attributes))
                    break
                }
                if has("/>", at: index) {
                    index += 2
                    try handle(.start(name: element, attributes: attributes))
                    try handle(.end(name: element))
                    break
                }
                let attribute = try name()
                skipSpaces()
                guard index < count, bytes[index] == UInt8(ascii: "=") else { throw Malformed(offset: index, reason: "属性缺少“=”") }
                index += 1
                skipSpaces()
                guard index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                    throw Malformed(offset: index, reason: "属性值缺少引号")
                }
                let quote = bytes[index]
                index += 1
                let start = index
                while index < count, bytes[index] != quote { index += 1 }
                guard index < count else { throw Malformed(offset: start, reason: "属性值没有结束") }
                attributes[attribute] = try decodeEntities(bytes[start..<index], at: start)
                index += 1
            }
        }
    }

    /// Text with &amp; &lt; &gt; &quot; &apos; and &#NNN; / &#xHH; decoded; other entities are malformed.
    static func decodeEntities(_ bytes: ArraySlice<UInt8>, at offset: Int) throws -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output = ""
        var plain = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            output += String(decoding: bytes[plain..<index], as: UTF8.self)
            guard let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw Malformed(offset: offset + index - bytes.startIndex, reason: "实体没有以“;”结束")
            }
            let entity = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "amp": output += "&"
            case "lt": output += "<"
            case "gt": output += ">"
            case "quot": output += "\""
            case "apos": output += "'"
            default:
                let number =
                    entity.hasPrefix("#x")
                    ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                guard let number, let scalar = Unicode.Scalar(number) else {
                    throw Malformed(offset: offset + index - bytes.startIndex, reason: "未知实体“&\(entity);”")
                }
                output.unicodeScalars.append(scalar)
            }
            index = semicolon + 1
            plain = index
        }
        output += String(decoding: bytes[plain..<bytes.endIndex], as: UTF8.self)
        return output
    }
}
