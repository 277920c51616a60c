/// A small JSON value with ordered object keys, so output is stable and reads in a sensible order
/// (Foundation's encoder sorts keys alphabetically or not at all).
public indirect enum JSONValue: Equatable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// Pretty-printed with two-space indentation; non-ASCII text is written as is (UTF-8).
    public func serialized(indent: Int = 0) -> String {
        var output = ""
        write(into: &output, indent: indent)
        return output
    }

    /// `"key": value` as one member line of an object written in pieces, `level` indentation steps in.
    public static func member(_ key: String, _ value: JSONValue, level: Int) -> String {
        var output = String(repeating: "  ", count: level)
        writeString(key, into: &output)
        output += ": "
        value.write(into: &output, indent: level)
        return output
    }

    /// On one line, for protocols (LSP messages) rather than people.
    public func compact() -> String {
        var output = ""
        writeCompact(into: &output)
        return output
    }

    private func writeCompact(into output: inout String) {
        switch self {
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.writeCompact(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeString(key, into: &output)
                output += ":"
                value.writeCompact(into: &output)
            }
            output += "}"
        default:
            write(into: &output, indent: 0)
        }
    }

    private static let paddings = (0..<12).map { String(repeating: "  ", count: $0) }

    /// Two spaces per level; made once for the usual depths (this runs for every value written).
    private static func padding(_ level: Int) -> String {
        level < paddings.count ? paddings[level] : String(repeating: "  ", count: level)
    }

    private func write(into output: inout String, indent: Int) {
        switch self {
        case .string(let value): JSONValue.writeString(value, into: &output)
        case .int(let value): output += String(value)
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            let padding = JSONValue.padding(indent + 1)
            let closing = JSONValue.padding(indent)
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += padding
                item.write(into: &output, indent: indent + 1)
                output += index + 1 < items.count ? ",\n" : "\n"
            }
            output += closing + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            let padding = JSONValue.padding(indent + 1)
            let closing = JSONValue.padding(indent)
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += padding
                JSONValue.writeString(key, into: &output)
                output += ": "
                value.write(into: &output, indent: indent + 1)
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            output += closing + "}"
        }
    }

    /// True when a string holds a character JSON output escapes: a control, a quote, a backslash, or
    /// U+2028/U+2029 (UTF-8 E2 80 A8/A9), which some JavaScript parsers reject unescaped.
    private static func needsEscaping(_ value: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            if (byte == 0xA8 || byte == 0xA9) && previous == (0xE2, 0x80) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    static func writeString(_ value: String, into output: inout String) {
        output += "\""
        // Most strings need no escaping: append them whole rather than scalar by scalar.
        if !needsEscaping(value) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
