/// Text from reports, file names and rule files made safe for a terminal or a CI log: control
/// characters (C0 except tab, DEL, C1), and the bidirectional overrides that reorder what is shown, are
/// written as visible escapes, so an ESC sequence, an OSC 8 link or a BEL in a report is printed, not
/// obeyed, and a file name with a newline cannot start a new line (a forged `::error` workflow command).
public enum TerminalText {
    /// True for the scalars that are escaped.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true // bidi embeddings, overrides and isolates
        default: return false
        }
    }

    /// `\n`, `\r`, `\x1B`, `\u{202E}`…; `keepNewlines` leaves line feeds alone (messages of several lines).
    public static func escape(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !(keepNewlines && $0 == "\n") }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar), !(keepNewlines && scalar == "\n") else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return result
    }

    /// One scalar shown in its place in a source excerpt, keeping the caret alignment: a C0 control as
    /// its Control Pictures symbol (␛ for ESC), the others as �.
    public static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard isUnsafe(scalar) else { return scalar }
        if scalar.value < 0x20 { return Unicode.Scalar(0x2400 + scalar.value)! }
        if scalar.value == 0x7F { return "\u{2421}" }
        return "\u{FFFD}"
    }

    /// A diagnostic for stderr: controls escaped (line feeds kept, they separate messages), and a line
    /// that would read as a GitHub Actions workflow command (`::error …`) has its colons escaped.
    public static func diagnostic(_ message: String) -> String {
        let escaped = escape(message, keepNewlines: true)
        guard escaped.contains("::") else { return escaped }
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("::") else { return String(line) }
            return String(line[..<trimmed.startIndex]) + "\\:\\:" + trimmed.dropFirst(2)
        }.joined(separator: "\n")
    }
}
