import Foundation

/// The LSP base protocol: each message is `Content-Length: N\r\n` (other headers allowed), a blank line,
/// then N bytes of JSON. `MessageFramer` takes bytes as they arrive, in chunks of any size, and hands out
/// whole message bodies; `frame` does the reverse.
public struct MessageFramer {
    public enum FramingError: Error, Equatable, CustomStringConvertible {
        case missingContentLength(header: String)
        case headerTooLong
        /// A body over `maxBodySize`: it is skipped as it arrives (never buffered) and the server answers
        /// with an error; the messages after it are read as usual.
        case bodyTooLarge(Int)

        public var description: String {
            switch self {
            case .missingContentLength(let header): return "LSP 消息头缺少 Content-Length：\(header)"
            case .headerTooLong: return "LSP 消息头过长"
            case .bodyTooLarge(let length): return "LSP 消息过大（\(length) 字节，上限 \(MessageFramer.maxBodySize / 1_048_576) MB），已丢弃"
            }
        }
    }

    /// The same limit as a report file (`--max-file-size`'s default).
    public static let maxBodySize = Reader.defaultMaxFileSize

    private var buffer: [UInt8] = []
    /// Bytes of an oversized body still to be dropped as they arrive.
    private var discarding = 0
    /// Bytes of `buffer` already handed out; dropped in bulk so each byte is copied about once.
    private var consumed = 0

    public init() {}

    /// Bytes taken in and not yet handed out.
    public var pendingCount: Int { buffer.count - consumed }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        guard discarding > 0 else {
            buffer.append(contentsOf: bytes)
            return
        }
        var rest = Array(bytes)
        let dropped = min(discarding, rest.count)
        discarding -= dropped
        rest.removeFirst(dropped)
        buffer.append(contentsOf: rest)
    }

    /// The next whole message body, nil when more bytes are needed.
    public mutating func next() throws -> [UInt8]? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headerEnd = find(separator, from: consumed) else {
            if buffer.count - consumed > 8192 { throw FramingError.headerTooLong }
            return nil
        }
        let header = String(decoding: buffer[consumed..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0 else { throw FramingError.missingContentLength(header: header) }
        let bodyStart = headerEnd + separator.count
        if length > MessageFramer.maxBodySize {
            let present = min(buffer.count - bodyStart, length)
            discarding = length - present
            buffer.removeFirst(bodyStart + present)
            consumed = 0
            throw FramingError.bodyTooLarge(length)
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        consumed = bodyStart + length
        if consumed > 65536 || consumed == buffer.count {
            buffer.removeFirst(consumed)
            consumed = 0
        }
        return body
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard buffer.count - start >= needle.count else { return nil }
        for index in start...(buffer.count - needle.count) where buffer[index] == needle[0] {
            if Array(buffer[index..<index + needle.count]) == needle { return index }
        }
        return nil
    }

    public static func frame(_ body: String) -> Data {
        let bytes = Data(body.utf8)
        return Data("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
    }
}

extension JSONValue {
    /// A value parsed by `JSONSerialization` (ids and params echoed back to the client).
    init(foundation value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let bool as Bool where type(of: value) == Bool.self: self = .bool(bool)
        case let int as Int: self = .int(int)
        case let double as Double:
            self = double.rounded() == double && abs(double) < 1e15 ? .int(Int(double)) : .string(String(double))
        case let array as [Any]: self = .array(array.map(JSONValue.init(foundation:)))
        case let object as [String: Any]:
            self = .object(object.keys.sorted().map { ($0, JSONValue(foundation: object[$0]!)) })
        default: self = .null
        }
    }
}
