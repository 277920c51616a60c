/// Where an Aho-Corasick pattern may start, judged by the first one or two characters (each as the low
/// 16 bits of its scalar value), as bit sets. With a few hundred phrases most common characters begin
/// one of them, but few of their pairs do: the scan steps into the automaton only where a pattern's
/// first character is followed by its second one, or where a one-character pattern could end.
struct StartFilter: Sendable {
    /// First characters of the patterns.
    let first: [UInt64]
    /// First characters that may complete a match alone: one-character patterns, and patterns whose
    /// second character is not a whole 1–3-byte UTF-8 character.
    let alone: [UInt64]
    /// Pairs of first and second characters, hashed into `pairBits` bits.
    let pairs: [UInt64]
    /// First characters of patterns whose second character is not a whole 1–3-byte UTF-8 character: after
    /// one of these the pairs cannot tell whether a match goes on.
    let unpaired: [UInt64]
    static let pairBits = 18

    /// Nil when a pattern does not begin with a whole 1–3-byte UTF-8 character (arbitrary bytes, or
    /// a character beyond U+FFFF): then the automaton steps through every byte.
    init?(_ patterns: [[UInt8]]) {
        var first = [UInt64](repeating: 0, count: 65_536 / 64)
        var alone = first
        var unpaired = first
        var pairs = [UInt64](repeating: 0, count: (1 << StartFilter.pairBits) / 64)
        for pattern in patterns where !pattern.isEmpty {
            guard let (value, width) = AhoCorasick.character(pattern, at: 0) else { return nil }
            StartFilter.set(&first, value)
            if width < pattern.count, let (next, _) = AhoCorasick.character(pattern, at: width) {
                StartFilter.set(&pairs, StartFilter.pairSlot(value, next))
            } else {
                StartFilter.set(&alone, value)
                if width < pattern.count { StartFilter.set(&unpaired, value) }
            }
        }
        self.first = first
        self.alone = alone
        self.pairs = pairs
        self.unpaired = unpaired
    }

    /// The bit of a pair of characters (a multiplicative hash of both 16-bit values).
    @inline(__always)
    static func pairSlot(_ value: Int, _ next: Int) -> Int {
        Int((UInt32(truncatingIfNeeded: value << 16 | next) &* 0x9E37_79B1) >> UInt32(32 - pairBits))
    }

    /// Whether a set (an array, or its raw buffer in the scan) holds a character or pair slot.
    @inline(__always)
    static func has<Bits: RandomAccessCollection>(_ bits: Bits, _ slot: Int) -> Bool
    where Bits.Element == UInt64, Bits.Index == Int {
        bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    private static func set(_ bits: inout [UInt64], _ slot: Int) {
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }
}
