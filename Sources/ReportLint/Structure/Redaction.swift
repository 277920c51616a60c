/// Redactions and quotations around a stretch of text, read from the bytes (DOMAIN.md §8). Web copies of
/// reports replace names with XX, ** or 某某, or write 总书记 in place of the name; a formulation right after
/// such a stand-in (以XXX新时代中国特色社会主义思想为指导) is a placeholder problem, not a formulation
/// problem, and nothing may be written next to it. A wording inside “…” or 《…》 quotes another text.
enum Redaction {
    /// Stand-ins for a name that may directly precede a formulation.
    private static let standIns: [[UInt8]] = ["总书记", "某某"].map { Array($0.utf8) }

    /// True when the text just before `start` (spaces skipped) is a placeholder run (X x Ｘ ｘ × * ＊) or a
    /// stand-in for a name.
    static func precedes(_ start: Int, in bytes: [UInt8]) -> Bool {
        var end = start
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > 0 else { return false }
        if isPlaceholderScalar(endingAt: end, bytes) { return true }
        return standIns.contains { word in
            guard end >= word.count, Array(bytes[(end - word.count)..<end]) == word else { return false }
            // 习近平总书记 names the man: only a bare 总书记 stands in for the name.
            let before = end - word.count
            return !(before >= named.count && Array(bytes[(before - named.count)..<before]) == named)
        }
    }

    private static let named = Array("习近平".utf8)

    /// True when the text just after `end` (spaces skipped) is a placeholder run or 某某.
    static func follows(_ end: Int, in bytes: [UInt8]) -> Bool {
        var start = end
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        guard start < bytes.count else { return false }
        switch bytes[start] {
        case UInt8(ascii: "X"), UInt8(ascii: "x"), UInt8(ascii: "*"): return true
        default:
            let mou = standIns[1]
            return hasWide(at: start, bytes)
                || (start + mou.count <= bytes.count && bytes[start..<(start + mou.count)].elementsEqual(mou))
        }
    }

    /// X x * or a full-width ＊ Ｘ ｘ or × ending at `end`.
    private static func isPlaceholderScalar(endingAt end: Int, _ bytes: [UInt8]) -> Bool {
        switch bytes[end - 1] {
        case UInt8(ascii: "X"), UInt8(ascii: "x"), UInt8(ascii: "*"): return true
        default: break
        }
        if end >= 3, hasWide(at: end - 3, bytes) { return true }
        return end >= 2 && bytes[end - 2] == 0xC3 && bytes[end - 1] == 0x97 // ×
    }

    /// ＊ (EF BC 8A), Ｘ (EF BC B8), ｘ (EF BD 98) at `index`, or × (C3 97).
    private static func hasWide(at index: Int, _ bytes: [UInt8]) -> Bool {
        if index + 1 < bytes.count, bytes[index] == 0xC3, bytes[index + 1] == 0x97 { return true }
        guard index + 2 < bytes.count, bytes[index] == 0xEF else { return false }
        return (bytes[index + 1] == 0xBC && (bytes[index + 2] == 0x8A || bytes[index + 2] == 0xB8))
            || (bytes[index + 1] == 0xBD && bytes[index + 2] == 0x98)
    }

    /// True when an ASCII " or ' stands right before or after the range.
    static func touchesASCIIQuote(_ range: ByteRange, in bytes: [UInt8]) -> Bool {
        func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
        return (range.start > 0 && isQuote(bytes[range.start - 1])) || (range.end < bytes.count && isQuote(bytes[range.end]))
    }

    /// How far back a quotation is looked for: a quoted slogan or title is short, and a bound keeps the
    /// check linear on a report of one long line.
    static let quoteLookBack = 1200

    /// The quotation marks around `range` on its line: `.none`, `.inside` (within a longer “…” or 《…》) or
    /// `.exactly` (the range is the whole of a “…”, as in “两个确定”).
    enum Quoting { case none, inside, exactly }

    static func quoting(of range: ByteRange, in bytes: [UInt8]) -> Quoting {
        let open: [UInt8] = [0xE2, 0x80, 0x9C]
        let close: [UInt8] = [0xE2, 0x80, 0x9D]
        let openTitle: [UInt8] = [0xE3, 0x80, 0x8A]
        let closeTitle: [UInt8] = [0xE3, 0x80, 0x8B]
        // 〝…〞 (and the mixed “…〞 of some converted pages) quote as “…” do.
        let openVertical: [UInt8] = [0xE3, 0x80, 0x9D]
        let closeVertical: [UInt8] = [0xE3, 0x80, 0x9E]
        func has(_ mark: [UInt8], at index: Int) -> Bool {
            index >= 0 && index + 3 <= bytes.count && bytes[index] == mark[0] && bytes[index + 1] == mark[1]
                && bytes[index + 2] == mark[2]
        }
        if has(open, at: range.start - 3), has(close, at: range.end) { return .exactly }
        var closers = 0
        var titleClosers = 0
        var index = range.start - 1
        let limit = max(0, range.start - quoteLookBack)
        while index >= limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == 0xE2 || byte == 0xE3 {
                if has(close, at: index) || has(closeVertical, at: index) {
                    closers += 1
                } else if has(open, at: index) || has(openVertical, at: index) {
                    if closers == 0 { return .inside }
                    closers -= 1
                } else if has(closeTitle, at: index) {
                    titleClosers += 1
                } else if has(openTitle, at: index) {
                    if titleClosers == 0 { return .inside }
                    titleClosers -= 1
                }
            }
            index -= 1
        }
        return .none
    }
}
