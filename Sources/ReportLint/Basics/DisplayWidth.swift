/// Terminal display width: East Asian Wide and Fullwidth characters take two columns, so a caret
/// under Chinese text must count them twice. Ambiguous-width marks (“ ” ①) count as one, as in
/// most terminals outside CJK locales.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Most of a report: printable ASCII and the CJK ideographs, which hold no marks; the general category
        // (an ICU lookup) is asked only for the rest.
        if value >= 0x20 && value < 0x7F { return 1 }
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return 0 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    static func of<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        scalars.reduce(0) { $0 + of($1) }
    }
}
