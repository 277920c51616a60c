import Foundation

/// How reports name a file: relative to `--base` (the repository root) when given, without a leading `./`.
public enum ReportPath {
    public static func display(_ path: String, base: String?) -> String {
        if let base, path != Reader.stdinPath {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let root = URL(fileURLWithPath: base).standardizedFileURL.path
            if absolute.hasPrefix(root + "/") { return String(absolute.dropFirst(root.count + 1)) }
        }
        var display = path
        while display.hasPrefix("./") { display.removeFirst(2) }
        return display
    }
}
