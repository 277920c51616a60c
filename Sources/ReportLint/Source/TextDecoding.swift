import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encodings a report may arrive in. Chinese offices save as UTF-8 (often with a BOM, from Notepad)
/// or as GB18030/GBK (older Windows defaults); UTF-16 comes from Word's "Unicode text" export.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
}

/// Why bytes could not be turned into report text. The reader adds the file name.
public enum DecodingFailure: Error, Equatable, Sendable {
    /// A NUL byte: the file is binary (an image, a .doc, a zip), not text.
    case binary(byteOffset: Int)
    /// Starts with a UTF-8 BOM but the rest is not UTF-8.
    case invalidAfterBOM
    /// Neither UTF-8 nor GB18030.
    case unknownEncoding
    /// Starts with a UTF-16 BOM but the rest is not UTF-16.
    case invalidUTF16
}

/// Turns file bytes into text: BOM first, then strict UTF-8, then GB18030.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public let text: String
        public let encoding: TextEncoding
        public let hadBOM: Bool
    }

    public static func decode(_ bytes: [UInt8]) -> Result<Decoded, DecodingFailure> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = String(data: Data(bytes.dropFirst(2)),
                                    encoding: little ? .utf16LittleEndian : .utf16BigEndian),
                  !text.unicodeScalars.contains("\0")
            else { return .failure(.invalidUTF16) }
            return .success(Decoded(text: text, encoding: little ? .utf16LittleEndian : .utf16BigEndian, hadBOM: true))
        }
        // memchr, not firstIndex(of:): this looks at every byte of every report.
        if let nul = bytes.withUnsafeBytes({ raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }) {
            return .failure(.binary(byteOffset: nul))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                return .failure(.invalidAfterBOM)
            }
            return .success(Decoded(text: text, encoding: .utf8, hadBOM: true))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(Decoded(text: text, encoding: .utf8, hadBOM: false))
        }
        if let text = decodeGB18030(bytes) {
            return .success(Decoded(text: text, encoding: .gb18030, hadBOM: false))
        }
        return .failure(.unknownEncoding)
    }

    /// Decoding with a given encoding (`--encoding`); a BOM of that encoding is skipped and remembered.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> Decoded? {
        switch encoding {
        case .utf8:
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            return String(validating: bom ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
                .map { Decoded(text: $0, encoding: .utf8, hadBOM: bom) }
        case .gb18030:
            return decodeGB18030(bytes).map { Decoded(text: $0, encoding: .gb18030, hadBOM: false) }
        case .utf16LittleEndian, .utf16BigEndian:
            let little = encoding == .utf16LittleEndian
            let bom = bytes.starts(with: little ? [0xFF, 0xFE] : [0xFE, 0xFF])
            return String(data: Data(bom ? Array(bytes.dropFirst(2)) : bytes), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
                .map { Decoded(text: $0, encoding: encoding, hadBOM: bom) }
        }
    }

    /// UTF-8 text to GB18030 bytes (every Unicode character has a GB18030 form), for writing back.
    public static func encodeGB18030(_ text: String) -> [UInt8]? {
        convert(Array(text.utf8), from: "UTF-8", to: "GB18030", growth: 2)
    }

    /// Strict GB18030 through the C library's iconv (glibc ships the converter): any invalid or
    /// truncated sequence fails the whole file rather than being replaced, so nothing is silently lost.
    static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        // GB18030 → UTF-8 grows at most 2x (2-byte → 3-byte characters).
        convert(bytes, from: "GB18030", to: "UTF-8", growth: 2).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// One iconv conversion of the whole input; nil on any invalid or unconvertible sequence.
    private static func convert(_ bytes: [UInt8], from: String, to: String, growth: Int) -> [UInt8]? {
        guard let converter = openConverter(from: from, to: to) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * growth + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        return produced.map { Array(output[..<$0]) }
    }

    private static func openConverter(from: String, to: String) -> iconv_t? {
        let converter = iconv_open(to, from)
        if converter == iconv_t(bitPattern: -1) { return nil }
        return converter
    }
}
