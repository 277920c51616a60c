import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts, as the page and curl's `-F` send it.
/// Only what an upload form needs: each part's name, file name, content type and bytes. The body is
/// already bounded by the request size limit; the parser never copies more than the body.
struct MultipartForm {
    struct Part {
        let name: String
        let filename: String?
        let contentType: String?
        let body: ArraySlice<UInt8>

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error, Equatable {
        case noBoundary
        case malformed
        case tooManyParts
    }

    /// More parts than a report form has is someone probing the parser.
    static let maxParts = 32

    let parts: [Part]

    func part(_ name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` value.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    init(body: [UInt8], contentType: String) throws(Failure) {
        guard let boundary = MultipartForm.boundary(of: contentType) else { throw .noBoundary }
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard let first = MultipartForm.find(delimiter, in: body, from: 0) else { throw .malformed }
        var parts: [Part] = []
        var cursor = first + delimiter.count
        while true {
            // After a delimiter: `--` ends the body, else CRLF and a part.
            if body.count >= cursor + 2, body[cursor] == UInt8(ascii: "-"), body[cursor + 1] == UInt8(ascii: "-") { break }
            guard body.count >= cursor + 2, body[cursor] == 0x0D, body[cursor + 1] == 0x0A else { throw .malformed }
            cursor += 2
            guard let headerEnd = MultipartForm.find(Array("\r\n\r\n".utf8), in: body, from: cursor) else { throw .malformed }
            let headers = MultipartForm.headers(String(decoding: body[cursor..<headerEnd], as: UTF8.self))
            let start = headerEnd + 4
            guard let end = MultipartForm.find(separator, in: body, from: start) else { throw .malformed }
            guard parts.count < MultipartForm.maxParts else { throw .tooManyParts }
            let disposition = headers["content-disposition"] ?? ""
            guard let name = MultipartForm.parameter("name", in: disposition) else { throw .malformed }
            parts.append(
                Part(
                    name: name, filename: MultipartForm.parameter("filename", in: disposition),
                    contentType: headers["content-type"], body: body[start..<end]))
            cursor = end + separator.count
        }
        self.parts = parts
    }

    private static func headers(_ block: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in block.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    /// `name="file"` or `filename="报告.docx"` from a Content-Disposition value (browsers send the file
    /// name as UTF-8 inside the quotes, with `"` as `%22`); `filename*=UTF-8''…` (RFC 5987) wins when present.
    static func parameter(_ key: String, in disposition: String) -> String? {
        var plain: String?
        var extended: String?
        for item in splitParameters(disposition).dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let name = item[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if name == key + "*" {
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3, pieces[0].lowercased() == "utf-8" { extended = String(pieces[2]).removingPercentEncoding }
            } else if name == key {
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                        .replacingOccurrences(of: "%22", with: "\"")
                }
                plain = value
            }
        }
        return extended ?? plain
    }

    /// Splits at `;` outside quotes.
    private static func splitParameters(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                escaped = false
                current.append(character)
                continue
            }
            if character == "\\" && quoted {
                escaped = true
                current.append(character)
                continue
            }
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items
    }

    /// The first occurrence of `needle` at or after `start` (a first-byte scan; bodies are at most the
    /// size limit and boundaries are rare in them).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { buffer in
            var index = start
            let last = buffer.count - needle.count
            while index <= last {
                if buffer[index] == first {
                    var matched = true
                    for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }
}
