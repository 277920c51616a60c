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
    /// A report's text as valid UTF-8 bytes. No `String` is made here: for a UTF-8 file these are the
    /// file's own bytes, and a run whose rules look only at bytes never needs one.
    public struct Decoded: Sendable {
        public let utf8: [UInt8]
        public let encoding: TextEncoding
        public let hadBOM: Bool

        public var text: String { String(decoding: utf8, as: UTF8.self) }
    }

    public static func decode(_ bytes: [UInt8]) -> Result<Decoded, DecodingFailure> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            // An odd number of bytes is not UTF-16: the last byte would be dropped.
            guard bytes.count % 2 == 0,
                let text = String(
                    data: Data(bytes.dropFirst(2)),
                    encoding: little ? .utf16LittleEndian : .utf16BigEndian),
                !text.unicodeScalars.contains("\0")
            else { return .failure(.invalidUTF16) }
            return .success(
                Decoded(utf8: Array(text.utf8), encoding: little ? .utf16LittleEndian : .utf16BigEndian, hadBOM: true))
        }
        // memchr, not firstIndex(of:): this looks at every byte of every report.
        if let nul = bytes.withUnsafeBytes({ raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }) {
            return .failure(.binary(byteOffset: nul))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            guard UTF8Validation.isValid(rest) else { return .failure(.invalidAfterBOM) }
            return .success(Decoded(utf8: rest, encoding: .utf8, hadBOM: true))
        }
        if UTF8Validation.isValid(bytes) {
            return .success(Decoded(utf8: bytes, encoding: .utf8, hadBOM: false))
        }
        if let utf8 = decodeGB18030(bytes) {
            return .success(Decoded(utf8: utf8, encoding: .gb18030, hadBOM: false))
        }
        return .failure(.unknownEncoding)
    }

    /// Decoding with a given encoding (`--encoding`); a BOM of that encoding is skipped and remembered.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> Decoded? {
        switch encoding {
        case .utf8:
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let utf8 = bom ? Array(bytes.dropFirst(3)) : bytes
            return UTF8Validation.isValid(utf8) ? Decoded(utf8: utf8, encoding: .utf8, hadBOM: bom) : nil
        case .gb18030:
            return decodeGB18030(bytes).map { Decoded(utf8: $0, encoding: .gb18030, hadBOM: false) }
        case .utf16LittleEndian, .utf16BigEndian:
            let little = encoding == .utf16LittleEndian
            let bom = bytes.starts(with: little ? [0xFF, 0xFE] : [0xFE, 0xFF])
            guard bytes.count % 2 == 0 else { return nil }
            return String(
                data: Data(bom ? Array(bytes.dropFirst(2)) : bytes), encoding: little ? .utf16LittleEndian : .utf16BigEndian
            )
            .map { Decoded(utf8: Array($0.utf8), encoding: encoding, hadBOM: bom) }
        }
    }

    /// UTF-8 text to GB18030 bytes (every Unicode character has a GB18030 form), for writing back.
    public static func encodeGB18030(_ text: String) -> [UInt8]? {
        convert(Array(text.utf8), from: "UTF-8", to: "GB18030", growth: 2)
    }

    /// Strict GB18030 through the C library's iconv (glibc ships the converter): any invalid or
    /// truncated sequence fails the whole file rather than being replaced, so nothing is silently lost.
    static func decodeGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        // GB18030 → UTF-8 grows at most 2x (2-byte → 3-byte characters).
        convert(bytes, from: "GB18030", to: "UTF-8", growth: 2).flatMap { UTF8Validation.isValid($0) ? $0 : nil }
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
