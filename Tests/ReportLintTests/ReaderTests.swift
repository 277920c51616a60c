import Foundation
import Testing

@testable import ReportLint

@Suite("Reader and decoding")
struct ReaderTests {
    let reader = Reader()

    func decode(_ bytes: [UInt8]) -> Result<Source, ReadError> {
        reader.decode(bytes, path: "a.txt")
    }

    /// The validator gives the standard library's verdict on byte strings built around every boundary
    /// of the UTF-8 table (overlong forms, surrogates, above U+10FFFF, cut sequences, ASCII runs).
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let interesting: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF,
        ]
        let pieces: [[UInt8]] = [Array("中文。".utf8), Array("abcdefghij".utf8), Array("𠀀é".utf8)]
        var generator = SystemRandomNumberGenerator()
        var invalid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                if Bool.random(using: &generator) {
                    bytes += pieces.randomElement(using: &generator)!
                } else {
                    bytes.append(interesting.randomElement(using: &generator)!)
                }
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if !expected { invalid += 1 }
            #expect(UTF8Validation.isValid(bytes) == expected, "\(bytes)")
        }
        #expect(invalid > 1_000 && invalid < 19_000) // both verdicts were exercised
        // Every two- and three-byte prefix of the table, exhaustively.
        for first in UInt8(0x80)...0xFF {
            for second in UInt8(0x00)...0xFF {
                for tail in [[], [0x80], [0xBF], [0x80, 0x80], [0x41]] as [[UInt8]] {
                    let bytes = [first, second] + tail
                    #expect(UTF8Validation.isValid(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
                }
            }
        }
    }

    @Test func utf8WithoutBOM() throws {
        let source = try decode(Array("一、总体情况\n".utf8)).get()
        #expect(source.encoding == .utf8)
        #expect(!source.hadBOM)
        #expect(source.text == "一、总体情况\n")
    }

    @Test func utf8BOMIsStrippedAndColumnsStartAfterIt() throws {
        let source = try decode([0xEF, 0xBB, 0xBF] + Array("报告".utf8)).get()
        #expect(source.hadBOM)
        #expect(source.text == "报告")
        #expect(source.position(ofByte: 3) == SourcePosition(line: 1, column: 2))
    }

    @Test func gb18030IsDecoded() throws {
        // 党建 in GB18030 is B5 B3 BD A8.
        let source = try decode([0xB5, 0xB3, 0xBD, 0xA8, 0x0D, 0x0A]).get()
        #expect(source.encoding == .gb18030)
        #expect(source.text == "党建\r\n")
    }

    @Test func gb18030FourByteSequence() throws {
        // U+20000 (𠀀) is 95 32 82 36 in GB18030.
        let source = try decode([0x95, 0x32, 0x82, 0x36]).get()
        #expect(source.text == "\u{20000}")
    }

    @Test func utf16WithBOM() throws {
        let source = try decode([0xFF, 0xFE] + Array("报告".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).get()
        #expect(source.encoding == .utf16LittleEndian)
        #expect(source.text == "报告")
    }

    @Test func nulByteMeansBinary() {
        #expect(throws: ReadError(path: "a.txt", reason: .undecodable(.binary(byteOffset: 4)))) {
            try decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).get()
        }
    }

    @Test func neitherUTF8NorGB18030() {
        // 0x80 and 0xFF are not valid lead bytes in GB18030 and not UTF-8.
        #expect(throws: ReadError(path: "a.txt", reason: .undecodable(.unknownEncoding))) {
            try decode([0x41, 0x80, 0xFF, 0x42]).get()
        }
    }

    @Test func bomFollowedByGB18030IsRefused() {
        #expect(throws: ReadError(path: "a.txt", reason: .undecodable(.invalidAfterBOM))) {
            try decode([0xEF, 0xBB, 0xBF, 0xB5, 0xB3]).get()
        }
    }

    @Test func emptyOrBlankFileIsAnError() {
        #expect(throws: ReadError(path: "a.txt", reason: .empty)) { try decode([]).get() }
        #expect(throws: ReadError(path: "a.txt", reason: .empty)) { try decode(Array("  \n\u{3000}\r\n".utf8)).get() }
        #expect(TestSupport.source("  \n").isBlank)
    }

    @Test func fileErrorsNameTheFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("没有.txt").path
        #expect(throws: ReadError(path: missing, reason: .notFound)) { try reader.read(path: missing).get() }
        #expect(throws: ReadError(path: directory.path, reason: .isDirectory)) { try reader.read(path: directory.path).get() }

        let big = directory.appendingPathComponent("big.txt")
        try Data(repeating: 0x41, count: 2048).write(to: big)
        let small = Reader(maxFileSize: 1024)
        #expect(throws: ReadError(path: big.path, reason: .tooLarge(size: 2048, limit: 1024))) {
            try small.read(path: big.path).get()
        }
        #expect(ReadError(path: "x.txt", reason: .notFound).description == "x.txt: 文件不存在")

        // A device never ends: /dev/zero stops at its first NUL (binary), another at the limit, never read forever.
        #expect(throws: ReadError(path: "/dev/zero", reason: .undecodable(.binary(byteOffset: 0)))) {
            try small.read(path: "/dev/zero").get()
        }
        #expect(throws: ReadError(path: "/dev/urandom", reason: .streamTooLarge(limit: 1024))) {
            try Reader(maxFileSize: 1024, encoding: .utf16LittleEndian).read(path: "/dev/urandom").get()
        }
        // A file read whole, exactly at the limit, and one byte over it.
        try Data(repeating: 0x41, count: 1024).write(to: big)
        #expect(try small.read(path: big.path).get().bytes.count == 1024)
        let dangling = directory.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: missing)
        #expect(throws: ReadError(path: dangling, reason: .notFound)) { try reader.read(path: dangling).get() }
    }

    /// A named pipe has no offsets to read at: it is read as a stream.
    @Test func aNamedPipeIsReadAsAStream() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipe = directory.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: pipe)
            handle?.write(Data("2023年工作总结\n管道里的报告。\n".utf8))
            try? handle?.close()
        }
        writer.start()
        let source = try reader.read(path: pipe).get()
        #expect(source.text == "2023年工作总结\n管道里的报告。\n")
    }
}
