/// The fixes `Fixer` applied over several passes, as edits of the original text: each pass's ranges are
/// in that pass's text, so the passes are replayed with every byte remembering where it came from, and
/// whatever differs at the end is one edit (a fix of pass 2 inside the text pass 1 inserted merges
/// with it). Edits are trimmed to the scalars that really change (党的二十大会议精神 → 党的二十大精神
/// deletes 会议 and inserts nothing), never overlap and are in text order. Applying them all to the
/// original gives `Fixer.Result.fixedText`.
public enum FixEdits {
    public struct Edit: Equatable, Sendable {
        /// Bytes of the original text replaced.
        public let range: ByteRange
        public let replacement: String
    }

    public static func edits(original: String, applied: [Fixer.AppliedFix]) -> [Edit] {
        let originalBytes = Array(original.utf8)
        var bytes = originalBytes
        var origins: [Int32] = Array(0..<Int32(bytes.count)) // -1: inserted by a fix
        let passes = Dictionary(grouping: applied, by: \.pass)
        for pass in passes.keys.sorted() {
            for fix in passes[pass]!.sorted(by: { $0.range.start > $1.range.start }) {
                guard fix.range.start <= fix.range.end, fix.range.end <= bytes.count else { continue }
                let replacement = Array(fix.replacement.utf8)
                bytes.replaceSubrange(fix.range.start..<fix.range.end, with: replacement)
                origins.replaceSubrange(fix.range.start..<fix.range.end, with: [Int32](repeating: -1, count: replacement.count))
            }
        }
        var edits: [Edit] = []
        var nextOriginal = 0
        var inserted: [UInt8] = []
        func close(at end: Int) {
            if nextOriginal < end || !inserted.isEmpty {
                edits.append(trimmed(originalBytes, ByteRange(nextOriginal, end), inserted))
            }
            inserted = []
        }
        for (index, origin) in origins.enumerated() {
            if origin < 0 {
                inserted.append(bytes[index])
                continue
            }
            close(at: Int(origin))
            nextOriginal = Int(origin) + 1
        }
        close(at: originalBytes.count)
        return edits.filter { !$0.range.isEmpty || !$0.replacement.isEmpty }
    }

    /// The edit without the scalars it leaves as they were at either end.
    static func trimmed(_ original: [UInt8], _ range: ByteRange, _ inserted: [UInt8]) -> Edit {
        let removed = Array(String(decoding: original[range.start..<range.end], as: UTF8.self).unicodeScalars)
        let added = Array(String(decoding: inserted, as: UTF8.self).unicodeScalars)
        var prefix = 0
        while prefix < removed.count, prefix < added.count, removed[prefix] == added[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < removed.count - prefix, suffix < added.count - prefix,
            removed[removed.count - 1 - suffix] == added[added.count - 1 - suffix]
        { suffix += 1 }
        func utf8Length(_ scalars: ArraySlice<Unicode.Scalar>) -> Int { scalars.reduce(0) { $0 + UTF8.width($1) } }
        let start = range.start + utf8Length(removed[..<prefix])
        let end = range.end - utf8Length(removed[(removed.count - suffix)...])
        var replacement = ""
        replacement.unicodeScalars.append(contentsOf: added[prefix..<(added.count - suffix)])
        return Edit(range: ByteRange(start, end), replacement: replacement)
    }

    /// The original text with the edits applied.
    public static func apply(_ edits: [Edit], to original: String) -> String {
        var bytes = Array(original.utf8)
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
