import Foundation

/// Word's automatic numbering (word/numbering.xml): what number a numbered paragraph shows. Each list
/// (w:num) points at an abstract definition whose levels give a format (chineseCounting → 一,
/// decimal → 1, decimalEnclosedCircle → ①, …), a text pattern (`%1、`, `（%2）`) and a start value.
/// Counting follows Word: a level counts up, and the deeper levels restart after it.
struct DocxNumbering {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    var abstracts: [String: [Int: Level]] = [:]
    var lists: [String: (abstract: String, startOverrides: [Int: Int])] = [:]

    /// Per list, the current value of each level.
    typealias Counters = [String: [Int: Int]]

    mutating func render(numId: String, level: Int, counters: inout Counters) -> String {
        guard let list = lists[numId], let levels = abstracts[list.abstract], let definition = levels[level] else { return "" }
        var values = counters[numId] ?? [:]
        let start = list.startOverrides[level] ?? definition.start
        values[level] = (values[level] ?? (start - 1)) + 1
        for deeper in values.keys where deeper > level { values[deeper] = nil }
        counters[numId] = values
        guard definition.format != "bullet", definition.format != "none" else { return "" }
        // The level text is at most `maxNumberingPrefix` characters (capped when read), each number in it
        // short, and the result is capped again: a level text of 100,000 `%1` renders 64 characters, not
        // 100,000 numbers per paragraph.
        var text = definition.text
        for shown in (0...8).reversed() where text.contains("%\(shown + 1)") {
            let shownDefinition = levels[shown] ?? Level()
            let value = values[shown] ?? (list.startOverrides[shown] ?? shownDefinition.start)
            text = text.replacingOccurrences(of: "%\(shown + 1)", with: DocxNumbering.format(value, as: shownDefinition.format))
        }
        return text.count > DocxReader.maxNumberingPrefix ? String(text.prefix(DocxReader.maxNumberingPrefix)) : text
    }

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "japaneseCounting":
            return Numbering.chineseNumeral(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return NumberingForm.circled.render(value)
        case "upperLetter", "lowerLetter":
            let letter = String(UnicodeScalar(UInt8(64 + ((value - 1) % 26 + 1))))
            return format == "upperLetter" ? letter : letter.lowercased()
        case "upperRoman", "lowerRoman":
            // Past 3,999 Roman numerals grow without end (10,000,000 would be 10,000 M's): decimal instead.
            guard value < 4_000 else { return String(value) }
            let roman = DocxNumbering.roman(value)
            return format == "upperRoman" ? roman : roman.lowercased()
        case "decimalFullWidth":
            return String(String(value).unicodeScalars.map { Character(UnicodeScalar($0.value - 0x30 + 0xFF10)!) })
        default:
            return String(value)
        }
    }

    static func roman(_ value: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var result = ""
        for (number, letters) in table {
            while rest >= number {
                result += letters
                rest -= number
            }
        }
        return result
    }

    static func parse(_ data: [UInt8]) throws -> DocxNumbering {
        var numbering = DocxNumbering()
        var abstract: String?
        var level: (index: Int, definition: Level)?
        var list: String?
        var override: Int?
        try XMLScanner.scan(data) { event in
            switch event {
            case .start(let name, let attributes):
                let value = attributes["w:val"]
                switch name {
                case "w:abstractNum": abstract = attributes["w:abstractNumId"]
                case "w:lvl": if abstract != nil { level = (min(8, max(0, Int(attributes["w:ilvl"] ?? "0") ?? 0)), Level()) }
                case "w:numFmt": level?.definition.format = value ?? "decimal"
                case "w:lvlText": level?.definition.text = String((value ?? "").prefix(DocxReader.maxNumberingPrefix))
                case "w:start": level?.definition.start = value.flatMap(Int.init).map { min(max($0, 0), 10_000) } ?? 1
                case "w:num": list = attributes["w:numId"]
                case "w:abstractNumId": if let list, let value { numbering.lists[list] = (value, [:]) }
                case "w:lvlOverride": override = attributes["w:ilvl"].flatMap(Int.init)
                case "w:startOverride":
                    if let list, let override, let start = value.flatMap(Int.init) {
                        numbering.lists[list]?.startOverrides[override] = min(max(start, 0), 10_000)
                    }
                default: break
                }
            case .end(let name):
                switch name {
                case "w:lvl":
                    if let abstract, let finished = level {
                        numbering.abstracts[abstract, default: [:]][finished.index] = finished.definition
                    }
                    level = nil
                case "w:abstractNum": abstract = nil
                case "w:num": list = nil
                case "w:lvlOverride": override = nil
                default: break
                }
            case .text:
                break
            }
        }
        return numbering
    }
}
