import Foundation

/// Substring tests on UTF-8 bytes. Foundation's `String.contains(_:)` compares with Unicode folding
/// through CFString, several microseconds a call; the document-type words are tried dozens of times on
/// every report's opening, where that was a tenth of the whole check of a 10 KB report.
enum ByteSearch {
    static func contains(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
                // memchr finds each candidate first byte; memcmp checks the rest (glibc hides memmem).
                let last = haystack.count - needle.count
                var from = 0
                while from <= last, let found = memchr(base + from, Int32(first), last - from + 1) {
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { return true }
                    from = offset + 1
                }
                return false
            }
        }
    }

    /// Whether `word` stands at byte `index` of `bytes`; false when it would run past either end (callers look
    /// a word or two before and past a hit).
    static func has(_ word: [UInt8], at index: Int, in bytes: [UInt8]) -> Bool {
        index >= 0 && index + word.count <= bytes.count && bytes[index..<(index + word.count)].elementsEqual(word)
    }

    /// Whether `word` ends at byte `end` of `bytes`.
    static func has(_ word: [UInt8], endingAt end: Int, in bytes: [UInt8]) -> Bool {
        has(word, at: end - word.count, in: bytes)
    }

    /// Every occurrence of `word` in `bytes`, left to right (overlapping ones too).
    static func ranges(of word: [UInt8], in bytes: [UInt8]) -> [ByteRange] {
        var found: [ByteRange] = []
        var from = 0
        while let range = firstRange(of: word, in: bytes, within: ByteRange(from, bytes.count)) {
            found.append(range)
            from = range.start + 1
        }
        return found
    }

    /// The first occurrence of `word` in `bytes[range]`, as a byte range; nil when there is none.
    /// memchr looks for the word's last byte: in Chinese text a character's lead byte is one of a few
    /// (E4–E9), its last byte one of 64, so far fewer candidates reach memcmp.
    static func firstRange(of word: [UInt8], in bytes: [UInt8], within range: ByteRange) -> ByteRange? {
        guard !word.isEmpty, range.start >= 0, range.end <= bytes.count, range.end - range.start >= word.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            word.withUnsafeBufferPointer { needle in
                let base = haystack.baseAddress!
                var from = range.start + needle.count - 1
                while from < range.end, let found = memchr(base + from, Int32(needle[needle.count - 1]), range.end - from) {
                    let end = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                    if memcmp(base + end - needle.count, needle.baseAddress!, needle.count) == 0 {
                        return ByteRange(end - needle.count, end)
                    }
                    from = end
                }
                return nil
            }
        }
    }
}
