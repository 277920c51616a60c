import Foundation

/// Collects the literal phrases of all rules into one automaton; each rule keeps the ids it got back.
public final class LiteralTableBuilder {
    private(set) var phrases: [[UInt8]] = []
    private var ids: [PhraseKey: Int] = [:]

    /// A phrase's bytes hashed in one call: an array of bytes as a key is hashed byte by byte, and the
    /// packs' some 180,000 lookups at start-up cost 15 million instructions that way.
    private struct PhraseKey: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    public init() {}

    /// The id of a phrase; the same phrase from two rules shares one id.
    public func add(_ phrase: String) -> Int {
        let bytes = Array(phrase.utf8)
        let key = PhraseKey(bytes: bytes)
        if let id = ids[key] { return id }
        phrases.append(bytes)
        ids[key] = phrases.count - 1
        return phrases.count - 1
    }

    func build() -> AhoCorasick { AhoCorasick(patterns: phrases) }
}
