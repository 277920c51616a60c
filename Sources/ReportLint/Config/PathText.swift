import Foundation

/// Path arithmetic on the text of a path, as NSString's `deletingLastPathComponent` does it, without
/// NSString: on Linux (Foundation in Swift 6.3) that traps on one-character paths such as `.`, `x` or
/// `-`, so `reportlint lint x` or a run with nothing to lint crashed.
public enum PathText {
    /// The folder part of a path as written: `a/b.txt` → `a`, `b.txt` → ``, `/b` → `/`, `a/b/` → `a`.
    public static func directory(of path: String) -> String {
        var scalars = Substring(path)
        while scalars.count > 1, scalars.hasSuffix("/") { scalars = scalars.dropLast() }
        guard let slash = scalars.lastIndex(of: "/") else { return "" }
        if slash == scalars.startIndex { return "/" }
        var directory = scalars[..<slash]
        while directory.count > 1, directory.hasSuffix("/") { directory = directory.dropLast() }
        return String(directory)
    }

    /// `path` relative to `directory` (both made absolute from the current folder), with `..` where it lies
    /// outside: `reports/a.txt` from `.` is `reports/a.txt`, from `sub` it is `../reports/a.txt`.
    public static func relative(_ path: String, to directory: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.pathComponents
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The argument itself when it is a folder, else the nearest existing folder above it (for a file or a pattern).
    public static func existingFolder(_ argument: String) -> String {
        var path = argument
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return path }
            let parent = directory(of: path)
            if parent.isEmpty || parent == path { return parent.isEmpty ? "." : parent }
            path = parent
        }
    }
}
