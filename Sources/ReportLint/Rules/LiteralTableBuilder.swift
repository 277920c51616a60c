import Foundation

/// Collects the literal phrases of all rules into one automaton; each rule keeps the ids it got back.
public final class LiteralTableBuilder {
    private(set) var phrases: [[UInt8]] = []
    private var ids: [[UInt8]: Int] = [:]

    public init() {}

    /// The id of a phrase; the same phrase from two rules shares one id.
    public func add(_ phrase: String) -> Int {
        let bytes = Array(phrase.utf8)
        if let id = ids[bytes] { return id }
        phrases.append(bytes)
        ids[bytes] = phrases.count - 1
        return phrases.count - 1
    }

    func build() -> AhoCorasick { AhoCorasick(patterns: phrases) }
}
