import Foundation

/// How LSP counts characters on a line. Our columns count Unicode scalars, which is LSP's `utf-32`;
/// clients that cannot take it get UTF-16 code units, the protocol's default.
public enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// An open document: the editor's text (not the file on disk), its version, and the last lint result,
/// kept so code actions answer from what the diagnostics showed.
struct LSPDocument {
    let uri: String
    /// The file path the URI names (for the configuration and the format); nil for unsaved buffers.
    let path: String?
    var version: Int
    var text: String
    var result: LintResult?

    /// The path linting uses: the file's, or for an unsaved buffer a name in the server's folder (so that
    /// folder's configuration applies), with its extension if the URI has one, else `.txt`.
    var lintPath: String {
        if let path { return path }
        let name = uri.split(separator: "/").last.map(String.init) ?? "untitled"
        let known = LanguageServer.extensions.contains((name as NSString).pathExtension.lowercased())
        return FileManager.default.currentDirectoryPath + "/" + (known ? name : "untitled.txt")
    }

    /// The scalars of each line of `text`, split as every position in the report is (`PositionConverter`).
    func lineScalars() -> [ArraySlice<Unicode.Scalar>] {
        let scalars = Array(text.unicodeScalars)
        return PositionConverter.lineBounds(scalars).map { scalars[$0] }
    }
}

/// Turns findings into LSP diagnostics and code actions for one document.
struct LSPConverter {
    let lines: [ArraySlice<Unicode.Scalar>]
    let encoding: PositionEncoding

    init(document: LSPDocument, encoding: PositionEncoding) {
        self.lines = document.lineScalars()
        self.encoding = encoding
    }

    /// An LSP position (0-based line, character in the negotiated unit) for our 1-based line and scalar column.
    func position(_ position: SourcePosition) -> JSONValue {
        let line = max(0, position.line - 1)
        var character = max(0, position.column - 1)
        if encoding == .utf16, line < lines.count {
            character = lines[line].prefix(character).reduce(0) { $0 + UTF16.width($1) } + max(0, character - lines[line].count)
        }
        return .object([("line", .int(line)), ("character", .int(character))])
    }

    func range(_ finding: Finding) -> JSONValue {
        .object([("start", position(finding.start)), ("end", position(finding.end))])
    }

    func diagnostic(_ finding: Finding) -> JSONValue {
        var data: [(String, JSONValue)] = [("fixable", .bool(finding.fixable))]
        if let suggestion = finding.suggestion { data.append(("suggestion", .string(suggestion))) }
        return .object([
            ("range", range(finding)),
            ("severity", .int(LSPConverter.severity(finding.severity))),
            ("code", .string(finding.ruleId)),
            ("source", .string("reportlint")),
            ("message", .string(finding.message)),
            ("data", .object(data)),
        ])
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    /// The range from the start of the document to its end, for an edit that replaces everything.
    var wholeDocument: JSONValue {
        let lastLine = max(0, lines.count - 1)
        let lastColumn = lines.isEmpty ? 1 : lines[lastLine].count + 1
        return .object([
            ("start", position(SourcePosition(line: 1, column: 1))),
            ("end", position(SourcePosition(line: lastLine + 1, column: lastColumn))),
        ])
    }

    /// LSP position to ours, for the range a code action request asks about.
    func sourcePosition(line: Int, character: Int) -> SourcePosition {
        guard encoding == .utf16, line < lines.count else { return SourcePosition(line: line + 1, column: character + 1) }
        var units = 0
        var column = 1
        for scalar in lines[line] {
            if units >= character { break }
            units += UTF16.width(scalar)
            column += 1
        }
        return SourcePosition(line: line + 1, column: column)
    }
}
