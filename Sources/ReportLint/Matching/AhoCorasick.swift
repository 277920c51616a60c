/// All literal phrases of all rules in one automaton over UTF-8 bytes, built once per run.
/// One pass over a report finds every occurrence of every phrase, overlapping ones included.
///
/// Layout: the root has a dense 256-entry table (most bytes of Chinese text leave the root at once);
/// other states keep their edges sorted in one flat array and are searched linearly, since a trie state
/// over UTF-8 rarely has more than a handful of edges.
public struct AhoCorasick: Sendable {
    public struct Match: Hashable, Sendable {
        public let pattern: Int
        public let range: ByteRange
    }

    public let patterns: [[UInt8]]
    private let rootTable: [Int32]
    private let edgeStart: [Int32]     // per state: first edge in `edgeBytes`/`edgeTargets`
    private let edgeCount: [UInt16]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let failure: [Int32]
    /// Patterns ending at each state, its own and those reached by failure links, in one list.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// The first characters of the patterns, as bits indexed by the low 16 bits of the scalar value: at
    /// the root the scan passes over characters that start no pattern, a whole character per check,
    /// instead of stepping the automaton through each of its bytes. Nil when a pattern does not begin
    /// with a whole UTF-8 character (arbitrary bytes): then every byte is stepped.
    private let firstCharacters: [UInt64]?

    /// Empty patterns are ignored (the rule loader rejects them with a position).
    public init(patterns: [[UInt8]]) {
        self.patterns = patterns
        // 1. Build the trie with dictionaries (only at start-up).
        var children: [[UInt8: Int]] = [[:]]
        var own: [[Int]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                if let next = children[state][byte] {
                    state = next
                } else {
                    children.append([:])
                    own.append([])
                    children[state][byte] = children.count - 1
                    state = children.count - 1
                }
            }
            own[state].append(id)
        }
        let stateCount = children.count

        // 2. Failure links breadth-first; outputs merged along them.
        var failure = [Int32](repeating: 0, count: stateCount)
        var merged = own
        var queue: [Int] = []
        for (_, child) in children[0] { queue.append(child) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in children[state] {
                var fallback = Int(failure[state])
                while fallback != 0, children[fallback][byte] == nil { fallback = Int(failure[fallback]) }
                let target = children[fallback][byte] ?? 0
                failure[child] = Int32(target == child ? 0 : target)
                queue.append(child)
            }
        }
        for state in queue { merged[state] += merged[Int(failure[state])].filter { !merged[state].contains($0) } }

        // 3. Flatten.
        var rootTable = [Int32](repeating: 0, count: 256)
        for (byte, child) in children[0] { rootTable[Int(byte)] = Int32(child) }
        var edgeStart = [Int32](repeating: 0, count: stateCount)
        var edgeCount = [UInt16](repeating: 0, count: stateCount)
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        var outputStart = [Int32](repeating: 0, count: stateCount + 1)
        var outputs: [Int32] = []
        for state in 0..<stateCount {
            edgeStart[state] = Int32(edgeBytes.count)
            edgeCount[state] = UInt16(children[state].count)
            for (byte, child) in children[state].sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(Int32(child))
            }
            outputStart[state] = Int32(outputs.count)
            outputs += merged[state].sorted().map(Int32.init)
        }
        outputStart[stateCount] = Int32(outputs.count)
        self.rootTable = rootTable
        self.edgeStart = edgeStart
        self.edgeCount = edgeCount
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.failure = failure
        self.outputStart = outputStart
        self.outputs = outputs

        var firstCharacters: [UInt64]? = [UInt64](repeating: 0, count: 65_536 / 64)
        for pattern in patterns where !pattern.isEmpty {
            guard let (value, _) = AhoCorasick.character(pattern, at: 0) else { firstCharacters = nil; break }
            firstCharacters![value >> 6] |= 1 << UInt64(value & 63)
        }
        self.firstCharacters = firstCharacters
    }

    /// The low 16 bits of the scalar value of the 1-, 2- or 3-byte UTF-8 character at `index`, and its
    /// width; nil for anything else (4-byte, a stray continuation byte, a cut sequence).
    @inline(__always)
    private static func character<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Bytes.Index) -> (Int, Int)?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = Int(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead >= 0xE0 && lead < 0xF0 {
            guard index + 2 < bytes.endIndex else { return nil }
            let second = Int(bytes[index + 1]), third = Int(bytes[index + 2])
            guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
            return ((lead & 0x0F) << 12 | (second & 0x3F) << 6 | (third & 0x3F), 3)
        }
        if lead >= 0xC0 && lead < 0xE0 {
            guard index + 1 < bytes.endIndex else { return nil }
            let second = Int(bytes[index + 1])
            guard second & 0xC0 == 0x80 else { return nil }
            return ((lead & 0x1F) << 6 | (second & 0x3F), 2)
        }
        return nil
    }

    /// Calls `found` for every occurrence of every pattern, in order of their end offsets.
    /// This loop sees every byte of every report: it works on raw buffers (no bounds checks, no
    /// reference counting), which doubles its speed.
    public func scan(_ bytes: [UInt8], _ found: (Match) -> Void) {
        guard !outputs.isEmpty else { return }
        bytes.withUnsafeBufferPointer { input in
        rootTable.withUnsafeBufferPointer { rootTable in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeCount.withUnsafeBufferPointer { edgeCount in
        edgeBytes.withUnsafeBufferPointer { edgeBytes in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        failure.withUnsafeBufferPointer { failure in
        outputStart.withUnsafeBufferPointer { outputStart in
        (firstCharacters ?? []).withUnsafeBufferPointer { firstCharacters in
            var state = 0
            var index = 0
            while index < input.count {
                if state == 0 && !firstCharacters.isEmpty {
                    // Nothing is half matched: pass over characters no pattern starts with.
                    while index < input.count, let (value, width) = AhoCorasick.character(input, at: index),
                          firstCharacters[value >> 6] & (1 << UInt64(value & 63)) == 0 {
                        index += width
                    }
                    if index >= input.count { break }
                }
                let byte = input[index]
                // One step of the automaton: follow an edge, or fall back along failure links.
                while true {
                    if state == 0 {
                        state = Int(rootTable[Int(byte)])
                        break
                    }
                    let first = Int(edgeStart[state])
                    let last = first + Int(edgeCount[state])
                    var edge = first
                    while edge < last, edgeBytes[edge] != byte { edge += 1 }
                    if edge < last {
                        state = Int(edgeTargets[edge])
                        break
                    }
                    state = Int(failure[state])
                }
                let firstOutput = Int(outputStart[state])
                let lastOutput = Int(outputStart[state + 1])
                for output in firstOutput..<lastOutput {
                    let pattern = Int(outputs[output])
                    found(Match(pattern: pattern, range: ByteRange(index + 1 - patterns[pattern].count, index + 1)))
                }
                index += 1
            }
        }}}}}}}}}
    }


    public func matches(in bytes: [UInt8]) -> [Match] {
        var result: [Match] = []
        scan(bytes) { result.append($0) }
        return result
    }
}
