import Foundation
import Testing

@testable import ReportLint

@Suite("ICU regex: the C API behind every rule pattern")
struct ICURegexTests {
    /// Text mixing one-, two-, three- and four-byte scalars, as reports with 𠀀 rare characters do.
    static let mixed = "a é 中文，第一𠀀条 “引号” 2024年 ok 𝔸"

    @Test func utf16IsWhatSwiftMakes() {
        let bytes = Array(Self.mixed.utf8)
        var units: [UInt16] = []
        bytes.withUnsafeBufferPointer { UTF16Text.append($0, 0..<bytes.count, to: &units) }
        #expect(units == Array(Self.mixed.utf16))
    }

    /// Every scalar boundary in UTF-16 maps back to the same boundary in UTF-8, walking forward once.
    @Test func cursorMapsEveryScalarBoundary() {
        let units = Array(Self.mixed.utf16)
        var (unitOffset, byteOffset) = (0, 0)
        var cursor = UTF16Text.Cursor()
        units.withUnsafeBufferPointer { buffer in
            for scalar in Self.mixed.unicodeScalars {
                #expect(cursor.utf8Offset(of: unitOffset, in: buffer) == byteOffset)
                unitOffset += scalar.utf16.count
                byteOffset += scalar.utf8.count
            }
            #expect(cursor.utf8Offset(of: unitOffset, in: buffer) == byteOffset)
            // Asked for an earlier offset, it starts again rather than walking off.
            #expect(cursor.utf8Offset(of: 2, in: buffer) == 2)
        }
    }

    /// A report's shared search text finds the UTF-16 offset of every scalar boundary from its checkpoints,
    /// on a text long enough to cross many of them, scalars of every width straddling their strides.
    @Test func searchTextMapsEveryByteBoundary() {
        let text = String(repeating: Self.mixed, count: 20)
        let search = SearchText(bytes: Array(text.utf8))
        #expect(search.units == Array(text.utf16))
        var (unitOffset, byteOffset) = (0, 0)
        for scalar in text.unicodeScalars {
            #expect(search.unitOffset(ofByte: byteOffset) == unitOffset, "at byte \(byteOffset)")
            unitOffset += scalar.utf16.count
            byteOffset += scalar.utf8.count
        }
        #expect(search.unitOffset(ofByte: byteOffset) == unitOffset)
        #expect(SearchText(bytes: []).unitOffset(ofByte: 0) == 0)
    }

    /// A stray byte becomes one unit, so the way back still lands on the bytes after it.
    @Test func invalidBytesKeepOffsets() {
        let bytes: [UInt8] = [0x61, 0xE4, 0x62, 0xFF] + Array("中".utf8)
        var units: [UInt16] = []
        bytes.withUnsafeBufferPointer { UTF16Text.append($0, 0..<bytes.count, to: &units) }
        #expect(units == [0x61, 0x1A, 0x62, 0x1A, 0x4E2D])
        var cursor = UTF16Text.Cursor()
        units.withUnsafeBufferPointer { #expect(cursor.utf8Offset(of: 4, in: $0) == 4) }
    }

    @Test func matchesAreByteRangesOfTheText() throws {
        let pattern = try RegexPattern.compile("第[一二]𠀀?条").get()
        let text = "前言𠀀：第一𠀀条和第二条。"
        let expected = ["第一𠀀条", "第二条"]
        let found = pattern.matches(in: text).map { String(decoding: Array(text.utf8)[$0.start..<$0.end], as: UTF8.self) }
        #expect(found == expected)
    }

    /// In a region, a look-behind still sees the text before it (transparent bounds), and `^` is not the
    /// region's start (non-anchoring bounds).
    @Test func regionsKeepTheirSurroundings() throws {
        let regex = try #require(ICURegex("(?<!习近平)新时代", multiline: false))
        let anchored = try #require(ICURegex("^新时代", multiline: false))
        let units = Array("习近平新时代，新时代".utf16)
        var starts: [Int] = []
        var anchoredStarts: [Int] = []
        units.withUnsafeBufferPointer { buffer in
            _ = regex.search(buffer, region: 3..<10, seconds: 1) { start, _ in
                starts.append(start)
                return true
            }
            _ = anchored.search(buffer, region: 3..<10, seconds: 1) { start, _ in
                anchoredStarts.append(start)
                return true
            }
        }
        #expect(starts == [7])
        #expect(anchoredStarts.isEmpty)
    }

    /// A backtracking search stops at its step limit, whatever the machine's load, and says so.
    @Test func aRunawaySearchStopsAtItsLimit() throws {
        let regex = try #require(ICURegex("(a|aa)*c", multiline: false))
        let units = Array(String(repeating: "a", count: 40).utf16)
        let outcome = units.withUnsafeBufferPointer { regex.search($0, seconds: 0.005) { _, _ in true } }
        #expect(outcome == .timedOut)
        let quick = Array("aac".utf16)
        #expect(quick.withUnsafeBufferPointer { regex.search($0, seconds: 0.005) { _, _ in true } } == .completed)
    }

    @Test func refusedAndEmptyPatterns() {
        #expect(ICURegex("(未闭合", multiline: false) == nil)
        #expect(ICURegex("a*", multiline: false)?.matchesEmptyText() == true)
        #expect(ICURegex("a+", multiline: false)?.matchesEmptyText() == false)
        guard case .failure(let error) = RegexPattern.compile("x?") else {
            Issue.record("x? was accepted")
            return
        }
        #expect(error == .matchesEmpty)
    }
}
