import Testing

@testable import ReportLint

@Suite("Positions")
struct PositionConverterTests {
    @Test func lineEndingsLFCRLFAndCR() {
        let source = TestSupport.source("a\nb\r\nc\rd")
        #expect(source.positions.lineCount == 4)
        #expect(source.position(ofByte: 0) == SourcePosition(line: 1, column: 1))
        #expect(source.position(ofByte: 2) == SourcePosition(line: 2, column: 1))
        #expect(source.position(ofByte: 5) == SourcePosition(line: 3, column: 1))
        #expect(source.position(ofByte: 7) == SourcePosition(line: 4, column: 1))
        #expect(source.positions.lineRange(2) == ByteRange(2, 3))
    }

    /// Text with LF only takes a faster path: the same line tables, empty lines and a final LF included.
    @Test func lineFeedOnlyText() {
        let lines = PositionConverter(bytes: Array("一\n\nb\n".utf8))
        #expect(lines.lineStarts == [0, 4, 5, 7])
        #expect(lines.lineEnds == [3, 4, 6, 7])
        let single = PositionConverter(bytes: Array("无换行".utf8))
        #expect(single.lineStarts == [0] && single.lineEnds == [9])
        #expect(PositionConverter(bytes: []).lineCount == 1)
    }

    /// Strings made from scalars (encoded to UTF-8 directly) equal those the standard library makes, for
    /// scalars of every width.
    @Test func stringsFromScalars() {
        var generator = SeededGenerator(seed: 7)
        let widths: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
        for _ in 0..<200 {
            let scalars = (0..<Int(generator.next() % 12)).compactMap { _ -> Unicode.Scalar? in
                let range = widths[Int(generator.next() % UInt64(widths.count))]
                return Unicode.Scalar(range.lowerBound + UInt32(generator.next() % UInt64(range.count)))
            }
            var expected = ""
            expected.unicodeScalars.append(contentsOf: scalars)
            #expect(String(scalars: scalars) == expected)
            #expect(Array(String(scalars: scalars).unicodeScalars) == scalars)
        }
        #expect(String(scalars: "党建𠀀a".unicodeScalars.dropFirst()) == "建𠀀a")
    }

    @Test func columnsCountScalarsNotBytes() {
        let source = TestSupport.source("一、政治建设\n（一）学习𠀀好")
        #expect(source.position(ofByte: Array("一、".utf8).count) == SourcePosition(line: 1, column: 3))
        #expect(source.position(ofByte: Array("一、政治建设\n（一）学习𠀀".utf8).count) == SourcePosition(line: 2, column: 7))
    }

    @Test func offsetAtEndOfText() {
        let source = TestSupport.source("报告\n")
        #expect(source.position(ofByte: 7) == SourcePosition(line: 2, column: 1))
        #expect(source.position(ofByte: 6) == SourcePosition(line: 1, column: 3))
    }
}

/// The inverse of a position, and the line rule over scalars.
extension PositionConverterTests {
    @Test(arguments: ["一、总体情况\n今年，全局（含下属单位）完成🎉任务。\r\n二是\r三是", "", "\n\n", "abc", "中\r\n\r\n文"])
    func byteOffsetInvertsEveryPosition(text: String) {
        let source = Source(path: "t.txt", text: text)
        let converter = source.positions
        var offset = 0
        let bytes = Array(text.utf8)
        while offset <= bytes.count {
            let position = source.position(ofByte: offset)
            let lineEnd = converter.lineRange(position.line).end
            // Every scalar start and every line end maps back to itself (the LF of a CRLF is no position).
            if offset == bytes.count || offset == lineEnd || (offset < lineEnd && bytes[offset] & 0xC0 != 0x80) {
                #expect(
                    converter.byteOffset(line: position.line, column: position.column) == offset,
                    "offset \(offset) of \(text.debugDescription)")
            }
            offset += 1
        }
        #expect(converter.byteOffset(line: 0, column: 1) == nil)
        #expect(converter.byteOffset(line: converter.lineCount + 1, column: 1) == nil)
        #expect(
            converter.byteOffset(line: 1, column: 10_000) == converter.lineRange(1).end, "a column past the end is the line's end"
        )
    }

    @Test func scalarLinesSplitAsBytesDo() {
        let text = "甲\r\n乙\r丙\n\n丁"
        let scalars = Array(text.unicodeScalars)
        let lines = PositionConverter.lineBounds(scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(lines == ["甲", "乙", "丙", "", "丁"])
        #expect(lines.count == Source(path: "t.txt", text: text).positions.lineCount)
    }
}
