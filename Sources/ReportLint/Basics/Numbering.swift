/// Heading numbering per GB/T 9704-2012 §7.3.3, plus the wrong forms drafts use, recognised so
/// that a heading written `1、` is still a heading (and a numbering rule can flag its form).
public enum NumberingForm: String, Sendable, CaseIterable, Codable {
    // The standard forms, one per level.
    case chineseComma = "一、"
    case fullParenChinese = "（一）"
    case arabicDot = "1."
    case fullParenArabic = "（1）"
    case circled = "①"
    // Wrong forms seen in drafts.
    case chineseDot = "一."
    case chineseFullComma = "一，"
    case chineseSpace = "一 "
    case halfParenChinese = "(一)"
    /// 〔一〕: the brackets of a document number's year, not of a sequence number.
    case bracketChinese = "〔一〕"
    case fullParenChineseComma = "（一）、"
    case arabicComma = "1、"
    case halfParenArabic = "(1)"
    case fullParenArabicComma = "（1）、"
    case circledComma = "①、"
    case circledDot = "①."

    public var level: Int {
        switch self {
        case .chineseComma, .chineseDot, .chineseFullComma, .chineseSpace: return 1
        case .fullParenChinese, .halfParenChinese, .fullParenChineseComma, .bracketChinese: return 2
        case .arabicDot, .arabicComma: return 3
        case .fullParenArabic, .halfParenArabic, .fullParenArabicComma: return 4
        case .circled, .circledComma, .circledDot: return 5
        }
    }

    public var isStandard: Bool {
        switch self {
        case .chineseComma, .fullParenChinese, .arabicDot, .fullParenArabic, .circled: return true
        default: return false
        }
    }

    /// The standard form of the same level.
    public var standard: NumberingForm {
        [.chineseComma, .fullParenChinese, .arabicDot, .fullParenArabic, .circled][level - 1]
    }
}

/// A numbering found at the start of a paragraph: `（三）` is form `.fullParenChinese`, value 3.
public struct NumberingMarker: Sendable, Hashable {
    public let form: NumberingForm
    public let value: Int
    /// The marker with its punctuation, e.g. the bytes of `（三）` or `1.`; empty when implicit.
    public let range: ByteRange
    /// A heading level from a Word style or Markdown `#`, with no number written: `form` is the standard
    /// form of that level and `value` means nothing, so numbering checks leave it alone.
    public var isImplicit = false
}

enum Numbering {
    /// Reads a numbering marker at `start` (the first non-space byte of a paragraph), or nil.
    static func marker(in bytes: [UInt8], at start: Int, end: Int) -> NumberingMarker? {
        var cursor = ScalarCursor(bytes: bytes, position: start, end: end)
        guard let first = cursor.peek() else { return nil }

        if first == "（" || first == "(" {
            let fullWidth = first == "（"
            cursor.advance()
            let chinese = cursor.chineseNumber()
            let arabic = chinese == nil ? cursor.arabicNumber() : nil
            guard let value = chinese ?? arabic, let close = cursor.peek(),
                close == (fullWidth ? "）" : ")")
            else { return nil }
            cursor.advance()
            let trailingComma = fullWidth && cursor.peek() == "、"
            if trailingComma { cursor.advance() }
            let form: NumberingForm
            switch (chinese != nil, fullWidth, trailingComma) {
            case (true, true, false): form = .fullParenChinese
            case (true, true, true): form = .fullParenChineseComma
            case (true, false, _): form = .halfParenChinese
            case (false, true, false): form = .fullParenArabic
            case (false, true, true): form = .fullParenArabicComma
            case (false, false, _): form = .halfParenArabic
            }
            return NumberingMarker(form: form, value: value, range: ByteRange(start, cursor.position))
        }

        if first == "〔" {
            cursor.advance()
            guard let value = cursor.chineseNumber(), cursor.peek() == "〕" else { return nil }
            cursor.advance()
            return NumberingMarker(form: .bracketChinese, value: value, range: ByteRange(start, cursor.position))
        }

        if let circled = circledValue(first) {
            cursor.advance()
            var form = NumberingForm.circled
            if cursor.peek() == "、" {
                form = .circledComma
                cursor.advance()
            } else if cursor.peek() == "." || cursor.peek() == "．" {
                form = .circledDot
                cursor.advance()
            }
            return NumberingMarker(form: form, value: circled, range: ByteRange(start, cursor.position))
        }

        if let value = cursor.chineseNumber() {
            let form: NumberingForm
            switch cursor.peek() {
            case "、": form = .chineseComma
            case ".", "．": form = .chineseDot
            case "，": form = .chineseFullComma
            case " ", "\u{3000}": form = .chineseSpace
            default: return nil
            }
            cursor.advance()
            return NumberingMarker(form: form, value: value, range: ByteRange(start, cursor.position))
        }

        if let value = cursor.arabicNumber() {
            let form: NumberingForm
            switch cursor.peek() {
            case ".", "．": form = .arabicDot
            case "、": form = .arabicComma
            default: return nil
            }
            cursor.advance()
            // `1.5万元` is a decimal, not a heading; `1.2021，在县委……` or `1.2021年` is a heading over a year, and so is
            // a later item of a list that starts with its year (3、2022年元旦春节走访……).
            if let next = cursor.peek(), next.properties.numericType != nil, next.isASCII, !opensYear(cursor),
                !(form == .arabicComma && value >= 2 && startsWithYear(cursor))
            {
                return nil
            }
            return NumberingMarker(form: form, value: value, range: ByteRange(start, cursor.position))
        }
        return nil
    }

    /// Four digits of a year (19xx, 20xx) here, then a comma, or 年 (年度) and a comma: a sentence opening with
    /// its year (a title run after a list number, 1、2022年工作总结, is not taken for a heading).
    static func opensYear(_ cursor: ScalarCursor) -> Bool {
        guard var probe = afterYearDigits(cursor) else { return false }
        for word in ["年", "度"] where probe.peek() == word.unicodeScalars.first { probe.advance() }
        return probe.peek() == "，" || probe.peek() == ","
    }

    /// Four digits of a year (19xx, 20xx) here, then 年.
    static func startsWithYear(_ cursor: ScalarCursor) -> Bool {
        afterYearDigits(cursor)?.peek() == "年"
    }

    /// The cursor past four digits of a year (19xx, 20xx) here, or nil.
    private static func afterYearDigits(_ cursor: ScalarCursor) -> ScalarCursor? {
        var probe = cursor
        var digits: [Unicode.Scalar] = []
        while let scalar = probe.peek(), scalar.isASCII, scalar.properties.numericType != nil, digits.count < 5 {
            digits.append(scalar)
            probe.advance()
        }
        let century = digits.prefix(2)
        guard digits.count == 4, century.elementsEqual(["2", "0"]) || century.elementsEqual(["1", "9"]) else { return nil }
        return probe
    }

    static func circledValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x2460...0x2473: return Int(scalar.value - 0x2460) + 1 // ①–⑳
        case 0x3251...0x325F: return Int(scalar.value - 0x3251) + 21 // ㉑–㉟
        default: return nil
        }
    }

    static func chineseDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        case "十": return 10
        default: return nil
        }
    }

    /// The value of a Chinese number from 1 to 99 written the usual way (十一, 二十, 二十三), or nil.
    static func chineseValue(_ scalars: [Unicode.Scalar]) -> Int? {
        let digits = scalars.compactMap(chineseDigit)
        guard digits.count == scalars.count, !digits.isEmpty else { return nil }
        switch digits.count {
        case 1:
            return digits[0]
        case 2 where digits[0] == 10 && digits[1] < 10:
            return 10 + digits[1] // 十一
        case 2 where digits[0] > 1 && digits[0] < 10 && digits[1] == 10:
            return digits[0] * 10 // 二十
        case 3 where digits[0] > 1 && digits[0] < 10 && digits[1] == 10 && digits[2] < 10:
            return digits[0] * 10 + digits[2] // 二十三
        default:
            return nil
        }
    }
}

extension NumberingForm {
    /// The marker this form gives a value: `.fullParenChinese` and 3 give `（三）`.
    public func render(_ value: Int) -> String {
        let chinese = Numbering.chineseNumeral(value)
        switch self {
        case .chineseComma: return chinese + "、"
        case .chineseDot: return chinese + "."
        case .chineseFullComma: return chinese + "，"
        case .chineseSpace: return chinese + " "
        case .fullParenChinese: return "（\(chinese)）"
        case .halfParenChinese: return "(\(chinese))"
        case .bracketChinese: return "〔\(chinese)〕"
        case .fullParenChineseComma: return "（\(chinese)）、"
        case .arabicDot: return "\(value)."
        case .arabicComma: return "\(value)、"
        case .fullParenArabic: return "（\(value)）"
        case .halfParenArabic: return "(\(value))"
        case .fullParenArabicComma: return "（\(value)）、"
        case .circled, .circledComma, .circledDot:
            // ①–⑳ and ㉑–㉟ exist; any other value (0 from a hostile Word file, 36+) is written in brackets.
            let scalar: Unicode.Scalar? =
                switch value {
                case 1...20: Unicode.Scalar(0x2460 + UInt32(value) - 1)
                case 21...35: Unicode.Scalar(0x3251 + UInt32(value) - 21)
                default: nil
                }
            let mark = scalar.map { String($0) } ?? "(\(value))"
            return mark + (self == .circledComma ? "、" : self == .circledDot ? "." : "")
        }
    }
}

extension Numbering {
    /// 1 → 一, 12 → 十二, 20 → 二十, 23 → 二十三 (1 … 99).
    static func chineseNumeral(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 1...9: return digits[value]
        case 10...19: return "十" + digits[value - 10]
        case 20...99: return digits[value / 10] + "十" + digits[value % 10]
        default: return String(value)
        }
    }
}
