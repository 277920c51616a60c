/// Byte-level tests for the Chinese punctuation the parser cares about. All are 3 bytes in UTF-8.
enum Marks {
    // UTF-8 of the marks, as tuples of byte values: compared inline in hot loops.
    static let fullStop: (UInt8, UInt8, UInt8) = (0xE3, 0x80, 0x82) // 。
    static let exclamation: (UInt8, UInt8, UInt8) = (0xEF, 0xBC, 0x81) // ！
    static let question: (UInt8, UInt8, UInt8) = (0xEF, 0xBC, 0x9F) // ？
    static let semicolon: (UInt8, UInt8, UInt8) = (0xEF, 0xBC, 0x9B) // ；
    static let comma: (UInt8, UInt8, UInt8) = (0xEF, 0xBC, 0x8C) // ，
    static let colon: (UInt8, UInt8, UInt8) = (0xEF, 0xBC, 0x9A) // ：
    static let ideographicSpace: (UInt8, UInt8, UInt8) = (0xE3, 0x80, 0x80) // 　
    static let shi: (UInt8, UInt8, UInt8) = (0xE6, 0x98, 0xAF) // 是

    @inline(__always)
    static func has(_ mark: (UInt8, UInt8, UInt8), in bytes: [UInt8], at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == mark.0 && bytes[index + 1] == mark.1 && bytes[index + 2] == mark.2
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

    /// +1 at an opening “ 《 （, -1 at a closing ” 》 ）, else 0.
    static func bracketDepthChange(_ bytes: [UInt8], at index: Int) -> Int {
        guard index + 2 < bytes.count else { return 0 }
        switch (bytes[index], bytes[index + 1], bytes[index + 2]) {
        case (0xE2, 0x80, 0x9C), (0xE3, 0x80, 0x8A), (0xEF, 0xBC, 0x88): return 1
        case (0xE2, 0x80, 0x9D), (0xE3, 0x80, 0x8B), (0xEF, 0xBC, 0x89): return -1
        default: return 0
        }
    }

    /// Punctuation after which `一是` starts a series item: 。；：，！？ and the paragraph start, and their
    /// half-width forms (`……不够强,二是` is still an item, whose comma the punctuation rules report).
    /// Before an item's number: a clause mark, or a blank that hides the end of the sentence before
    /// (优良率*二是: the figure, its % and the 。 were taken out of a template together).
    static let seriesBoundaries: Set<Unicode.Scalar> = ["。", "；", "：", "，", "！", "？", ":", ";", ",", "!", "?", "*", "＊", "×"]
}
