/// A unified diff of a fixed report against the original. Fixes never add or remove lines, so lines
/// pair one to one; hunks carry three lines of context, as `diff -u` does.
public enum UnifiedDiff {
    public static func make(original: String, fixed: String, path: String, context: Int = 3) -> String {
        let before = lines(original)
        let after = lines(fixed)
        guard before.count == after.count else {
            return "--- \(path)\n+++ \(path)\n@@ 行数发生变化，无法显示差异 @@\n"
        }
        let changed = before.indices.filter { before[$0] != after[$0] }
        guard !changed.isEmpty else { return "" }
        // Group changed lines whose context windows touch into hunks.
        var hunks: [ClosedRange<Int>] = []
        for line in changed {
            let window = max(0, line - context)...min(before.count - 1, line + context)
            if let last = hunks.last, window.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                hunks.append(window)
            }
        }
        // Like git: a/ and b/ prefixes for relative paths, absolute paths as they are.
        let (old, new) = path.hasPrefix("/") ? (path, path) : ("a/\(path)", "b/\(path)")
        var output = "--- \(old)\n+++ \(new)\n"
        for hunk in hunks {
            let count = hunk.count
            output += "@@ -\(hunk.lowerBound + 1),\(count) +\(hunk.lowerBound + 1),\(count) @@\n"
            for line in hunk {
                if before[line] == after[line] {
                    output += " \(before[line])\n"
                } else {
                    output += "-\(before[line])\n+\(after[line])\n"
                }
            }
        }
        return output
    }

    /// Lines without their terminators (CRLF, CR or LF).
    static func lines(_ text: String) -> [String] {
        let converter = PositionConverter(bytes: Array(text.utf8))
        let bytes = Array(text.utf8)
        return (1...converter.lineCount).map { line in
            let range = converter.lineRange(line)
            return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
        }
    }
}
