/// Character classes the punctuation, spacing and placeholder rules share.
public enum CharacterClass {
    /// A Han character (CJK unified ideographs and their extensions, compatibility ideographs, 〇).
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x30000...0x3134F,
            0xF900...0xFAFF, 0x3007:
            return true
        default:
            return false
        }
    }

    /// Full-width Chinese punctuation (GB/T 15834).
    public static func isChinesePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        "，。、；：？！“”‘’（）《》【】〈〉…—·「」『』".unicodeScalars.contains(scalar)
    }

    /// A Han character or Chinese punctuation: the context in which half-width marks are wrong.
    public static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        isHan(scalar) || isChinesePunctuation(scalar)
    }

    /// Spaces that can stray into Chinese text: ASCII space and tab, the ideographic space, no-break space.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}"
    }

    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    public static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("ａ"..."ｚ").contains(scalar)
            || ("Ａ"..."Ｚ").contains(scalar)
    }

    /// A digit or a Latin letter: part of a number, a word or a code written in them.
    public static func isWordish(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || isLatinLetter(scalar)
    }
}
