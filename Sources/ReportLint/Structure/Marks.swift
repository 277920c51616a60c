/// Byte-level tests for the Chinese punctuation the parser cares about. All are 3 bytes in UTF-8.
enum Marks {
    static let fullStop = Array("。".utf8)
    static let exclamation = Array("！".utf8)
    static let question = Array("？".utf8)
    static let semicolon = Array("；".utf8)
    static let ideographicSpace = Array("\u{3000}".utf8)
    static let shi = Array("是".utf8)

    static func has(_ mark: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + mark.count <= bytes.count else { return false }
        for offset in 0..<mark.count where bytes[index + offset] != mark[offset] { return false }
        return true
    }

    /// 。！？ end a sentence.
    static func isSentenceEnd(_ bytes: [UInt8], at index: Int) -> Bool {
        has(fullStop, in: bytes, at: index) || has(exclamation, in: bytes, at: index) || has(question, in: bytes, at: index)
    }

    /// 。！？； end the lead words of a series item.
    static func isClauseEnd(_ bytes: [UInt8], at index: Int) -> Bool {
        isSentenceEnd(bytes, at: index) || has(semicolon, in: bytes, at: index)
    }

    /// ASCII white space, a no-break space or the ideographic space 　 (U+3000); returns its length, or 0.
    static func spaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2 // no-break space
        default: return has(ideographicSpace, in: bytes, at: index) ? 3 : 0
        }
    }

    /// Punctuation after which `一是` starts a series item: 。；：，！？ and the paragraph start.
    static let seriesBoundaries: Set<Unicode.Scalar> = ["。", "；", "：", "，", "！", "？", ":", ";"]
}
