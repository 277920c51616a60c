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
}
