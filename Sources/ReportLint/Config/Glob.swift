/// Path patterns for `.reportlint.yml`: `*` matches within one path segment, `**` across segments,
/// `?` one character. A pattern without `/` matches the file name in any folder (`*要点*.txt`).
public struct Glob: Sendable, Equatable {
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// Matching costs pattern × path length in time and memory: a configuration's pattern longer than
    /// this is refused when it is read, and one that gets here anyway never matches.
    public static let maxLength = 1_024

    /// `path` is relative to the folder holding the configuration, with `/` separators.
    public func matches(_ path: String) -> Bool {
        if pattern.unicodeScalars.count > Glob.maxLength { return false }
        if !pattern.contains("/") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return Glob.match(Array(pattern.unicodeScalars), Array(name.unicodeScalars))
        }
        return Glob.match(Array(pattern.unicodeScalars), Array(path.unicodeScalars))
    }

    private static func match(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        // memo[p][t]: does pattern[p...] match text[t...]? Filled from the end.
        var memo = [[Bool]](repeating: [Bool](repeating: false, count: text.count + 1), count: pattern.count + 1)
        memo[pattern.count][text.count] = true
        for p in stride(from: pattern.count - 1, through: 0, by: -1) {
            for t in stride(from: text.count, through: 0, by: -1) {
                switch pattern[p] {
                case "*" where p + 1 < pattern.count && pattern[p + 1] == "*":
                    // `**/` may also match nothing at all.
                    let skip = p + 2 < pattern.count && pattern[p + 2] == "/" ? p + 3 : p + 2
                    memo[p][t] = memo[skip][t] || (t < text.count && memo[p][t + 1]) || memo[p + 2][t]
                case "*":
                    memo[p][t] = memo[p + 1][t] || (t < text.count && text[t] != "/" && memo[p][t + 1])
                case "?":
                    memo[p][t] = t < text.count && text[t] != "/" && memo[p + 1][t + 1]
                default:
                    memo[p][t] = t < text.count && text[t] == pattern[p] && memo[p + 1][t + 1]
                }
            }
        }
        return memo[0][0]
    }
}
