/// The scalars of a report with the small questions the number rules ask about them.
struct NumberText {
    let scalars: [Unicode.Scalar]

    func at(_ index: Int) -> Unicode.Scalar? { index >= 0 && index < scalars.count ? scalars[index] : nil }

    func string(_ range: Range<Int>) -> String { String(scalars: scalars[range]) }

    /// The value of a run of ASCII digits (nil past 18 digits or with anything else in it).
    func value(_ range: Range<Int>) -> Int? {
        guard range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let digit = Int(scalars[index].value) - 0x30
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The value of a run of digits that can be a year, 1949–2099.
    func year(_ range: Range<Int>) -> Int? {
        guard let value = value(range), (1949...2099).contains(value) else { return nil }
        return value
    }

    /// The number at `index` belongs to a code or a date: a letter, digit, slash, dot, underscore, hash, colon or
    /// joiner stands right before it, or one space before (GB/T 15834-2011, 2024-01-05, GB/T 9704-2012).
    func continuesCode(before index: Int) -> Bool {
        func isCode(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return CharacterClass.isLatinLetter(scalar) || CharacterClass.isDigit(scalar)
                || "/-._#:".unicodeScalars.contains(scalar)
        }
        guard let before = at(index - 1) else { return false }
        return isCode(before) || CharacterClass.isSpace(before) && isCode(at(index - 2))
    }

    func starts(with word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for offset in word.indices where scalars[index + offset] != word[offset] { return false }
        return true
    }

    /// No digit, decimal point, letter or joiner glued before the number (so it is a number of its own).
    func isNumberStart(_ index: Int) -> Bool {
        guard let before = at(index - 1) else { return true }
        switch before {
        case ".", "．", "/", "_", "-": return false
        default: return !(CharacterClass.isDigit(before) || CharacterClass.isLatinLetter(before))
        }
    }

    /// Where the number ending before `index` starts (digits and decimal points).
    func numberStart(before index: Int) -> Int {
        var start = index
        while let scalar = at(start - 1), CharacterClass.isDigit(scalar) || scalar == "." { start -= 1 }
        return start
    }

    /// A clause opens before `index`: a line start, punctuation, or a preposition of time (于, 在, 自, 截至).
    func opensClause(before index: Int) -> Bool {
        guard let before = at(index - 1) else { return true }
        switch before {
        case "\n", "\r", "。", "，", "；", "：", "、", "（", "“", "—", "～", " ", "　", "于", "在", "自", "从", "至", "到", "止": return true
        default: return false
        }
    }

    /// The sentence holding `index`: between 。！？； or line ends.
    func sentence(around index: Int) -> Range<Int> {
        var start = index
        while let scalar = at(start - 1), !NumberText.sentenceEnds.contains(scalar) { start -= 1 }
        var end = index
        while let scalar = at(end), !NumberText.sentenceEnds.contains(scalar) { end += 1 }
        return start..<end
    }

    static let sentenceEnds = Set("。！？；\n\r".unicodeScalars)

    func lineStart(_ index: Int) -> Int {
        var start = index
        while let scalar = at(start - 1), scalar != "\n", scalar != "\r" { start -= 1 }
        return start
    }

    /// Inside “…” counted from `from` (a sentence or line start).
    func isQuoted(_ index: Int, from: Int) -> Bool {
        var depth = 0
        for position in from..<index {
            if scalars[position] == "“" { depth += 1 } else if scalars[position] == "”" { depth = max(0, depth - 1) }
        }
        return depth > 0
    }
}
