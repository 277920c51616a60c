import Foundation

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
    private let edgeStart: [Int32] // per state: first edge in `edgeBytes`/`edgeTargets`
    private let edgeCount: [UInt16]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let failure: [Int32]
    /// Patterns ending at each state, its own and those reached by failure links, in one list.
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// Where a pattern may start, by the first one or two characters: at the root the scan passes over
    /// the rest a whole character per check instead of stepping the automaton through each byte.
    private let starts: StartFilter?
    /// Per state: the character (low 16 bits of its scalar) when the state's path is exactly one whole
    /// 1–3-byte character, else -1. Such a state is where the scan mostly sits (nearly every character of
    /// a report begins some phrase); when no phrase begins with that character and the next one, nothing
    /// is half matched any more and the scan goes back to passing over characters.
    private let singleCharacter: [Int32]

    /// Empty patterns are ignored (the rule loader rejects them with a position). Built from flat arrays
    /// (no dictionary per state): 10,000 phrases make some 100,000 states, and start-up is paid every run.
    public init(patterns: [[UInt8]]) {
        self.patterns = patterns
        // 1. The trie. Patterns are inserted in sorted order, so each shares with the one before exactly
        //    their common prefix (the states on `path`), and every state's children are made in
        //    increasing byte order. States are numbered as made; state 0 is the root.
        let order = AhoCorasick.sortedIndices(patterns)
        var parent: [Int32] = [0]
        var byte: [UInt8] = [0]
        var depth: [Int32] = [0]
        var own: [(state: Int32, pattern: Int32)] = []
        var path: [Int32] = [0]
        var previous: [UInt8] = []
        for id in order {
            let pattern = patterns[id]
            var common = 0
            while common < min(pattern.count, previous.count), pattern[common] == previous[common] { common += 1 }
            path.removeLast(path.count - 1 - common)
            for next in pattern[common...] {
                parent.append(path.last!)
                byte.append(next)
                depth.append(Int32(path.count))
                path.append(Int32(parent.count - 1))
            }
            own.append((path.last!, Int32(id)))
            previous = pattern
        }
        let stateCount = parent.count

        // 2. Edges grouped by parent (a counting sort keeps each state's children in byte order).
        var edgeCount = [UInt16](repeating: 0, count: stateCount)
        for state in 1..<max(1, stateCount) { edgeCount[Int(parent[state])] += 1 }
        var edgeStart = [Int32](repeating: 0, count: stateCount)
        var total: Int32 = 0
        for state in 0..<stateCount {
            edgeStart[state] = total
            total += Int32(edgeCount[state])
        }
        var edgeBytes = [UInt8](repeating: 0, count: Int(total))
        var edgeTargets = [Int32](repeating: 0, count: Int(total))
        var filled = edgeStart
        var rootTable = [Int32](repeating: 0, count: 256)
        for state in 1..<max(1, stateCount) {
            let from = Int(parent[state])
            edgeBytes[Int(filled[from])] = byte[state]
            edgeTargets[Int(filled[from])] = Int32(state)
            filled[from] += 1
            if from == 0 { rootTable[Int(byte[state])] = Int32(state) }
        }
        func child(of state: Int, _ next: UInt8) -> Int? {
            if state == 0 { return rootTable[Int(next)] == 0 ? nil : Int(rootTable[Int(next)]) }
            let first = Int(edgeStart[state])
            for edge in first..<(first + Int(edgeCount[state])) where edgeBytes[edge] == next { return Int(edgeTargets[edge]) }
            return nil
        }

        // 3. Failure links breadth-first (states by depth: a state's fallback is shallower).
        var perDepth = [Int](repeating: 0, count: Int(depth.max() ?? 0) + 2)
        for state in 1..<max(1, stateCount) { perDepth[Int(depth[state]) + 1] += 1 }
        for level in 1..<perDepth.count { perDepth[level] += perDepth[level - 1] }
        var breadthFirst = [Int](repeating: 0, count: max(0, stateCount - 1))
        for state in 1..<max(1, stateCount) {
            breadthFirst[perDepth[Int(depth[state])]] = state
            perDepth[Int(depth[state])] += 1
        }
        var failure = [Int32](repeating: 0, count: stateCount)
        for state in breadthFirst where parent[state] != 0 {
            var fallback = Int(failure[Int(parent[state])])
            while true {
                if let target = child(of: fallback, byte[state]) {
                    failure[state] = Int32(target)
                    break
                }
                if fallback == 0 { break }
                fallback = Int(failure[fallback])
            }
        }

        // 4. Outputs: a state's own patterns, then those of its fallback (all shorter, so never the
        //    same), merged in pattern order; one flat list, each state's run found through `outputStart`.
        own.sort { ($0.state, $0.pattern) < ($1.state, $1.pattern) }
        var ownStart = [Int32](repeating: 0, count: stateCount + 1)
        for entry in own { ownStart[Int(entry.state) + 1] += 1 }
        for state in 0..<stateCount { ownStart[state + 1] += ownStart[state] }
        //    Counted first and filled in place (no array per state: a trie of 10,000 phrases has some
        //    100,000 states, and start-up is paid every run).
        var outputCount = [Int32](repeating: 0, count: stateCount)
        for state in breadthFirst {
            outputCount[state] = ownStart[state + 1] - ownStart[state] + outputCount[Int(failure[state])]
        }
        var outputStart = [Int32](repeating: 0, count: stateCount + 1)
        for state in 0..<stateCount { outputStart[state + 1] = outputStart[state] + outputCount[state] }
        var outputs = [Int32](repeating: 0, count: Int(outputStart[stateCount]))
        for state in breadthFirst where outputCount[state] > 0 {
            var next = Int(outputStart[state])
            for entry in own[Int(ownStart[state])..<Int(ownStart[state + 1])] {
                outputs[next] = entry.pattern
                next += 1
            }
            let fallback = Int(failure[state])
            let inherited = Int(outputStart[fallback])..<Int(outputStart[fallback + 1])
            for output in inherited { // element by element: a slice of `outputs` would copy it whole
                outputs[next] = outputs[output]
                next += 1
            }
            if ownStart[state + 1] > ownStart[state] && !inherited.isEmpty {
                outputs[Int(outputStart[state])..<Int(outputStart[state + 1])].sort()
            }
        }
        self.rootTable = rootTable
        self.edgeStart = edgeStart
        self.edgeCount = edgeCount
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.failure = failure
        self.outputStart = outputStart
        self.outputs = outputs

        self.starts = StartFilter(patterns)
        // The first character's lead byte and the scalar bits read so far, down the first three levels.
        var lead = [UInt8](repeating: 0, count: stateCount)
        var bits = [Int32](repeating: 0, count: stateCount)
        var singleCharacter = [Int32](repeating: -1, count: stateCount)
        for state in breadthFirst where depth[state] <= 3 {
            let first = depth[state] == 1 ? byte[state] : lead[Int(parent[state])]
            let width: Int32 = first < 0x80 ? 1 : first >= 0xE0 && first < 0xF0 ? 3 : first >= 0xC0 && first < 0xE0 ? 2 : 0
            lead[state] = first
            if depth[state] == 1 {
                bits[state] = Int32(first) & (width == 1 ? 0x7F : width == 2 ? 0x1F : 0x0F)
            } else {
                bits[state] = bits[Int(parent[state])] << 6 | Int32(byte[state] & 0x3F)
            }
            if width == depth[state] { singleCharacter[state] = bits[state] }
        }
        self.singleCharacter = singleCharacter
    }

    /// The indices of the non-empty patterns in byte order. Each is keyed by its first eight bytes read as
    /// one big-endian number, so nearly every comparison is of two integers; memcmp on raw buffers settles
    /// ties. With 10,000 phrases the generic comparison of arrays was a good part of start-up.
    private static func sortedIndices(_ patterns: [[UInt8]]) -> [Int] {
        let lengths = patterns.map(\.count)
        let starts = lengths.reduce(into: [0]) { $0.append($0.last! + $1) }
        let joined = patterns.flatMap { $0 }
        return joined.withUnsafeBufferPointer { bytes in
            func prefix(_ index: Int) -> UInt64 {
                var key: UInt64 = 0
                for offset in 0..<8 {
                    key <<= 8
                    if offset < lengths[index] { key |= UInt64(bytes[starts[index] + offset]) }
                }
                return key
            }
            var keyed = patterns.indices.filter { lengths[$0] > 0 }.map { (key: prefix($0), index: $0) }
            keyed.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                let common = min(lengths[a.index], lengths[b.index])
                let order = memcmp(bytes.baseAddress! + starts[a.index], bytes.baseAddress! + starts[b.index], common)
                return order != 0 ? order < 0 : lengths[a.index] < lengths[b.index]
            }
            return keyed.map(\.index)
        }
    }

    /// The low 16 bits of the scalar value of the 1-, 2- or 3-byte UTF-8 character at `index`, and its
    /// width; nil for anything else (4-byte, a stray continuation byte, a cut sequence).
    @inline(__always)
    static func character<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Bytes.Index) -> (Int, Int)?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = Int(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead >= 0xE0 && lead < 0xF0 {
            guard index + 2 < bytes.endIndex else { return nil }
            let second = Int(bytes[index + 1])
            let third = Int(bytes[index + 2])
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

    // swift-format-ignore
    // Thirteen buffers are opened flat, not as a pyramid: the loop is read more easily at one indentation.
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
        (starts?.first ?? []).withUnsafeBufferPointer { first in
        (starts?.alone ?? []).withUnsafeBufferPointer { alone in
        (starts?.pairs ?? []).withUnsafeBufferPointer { pairs in
        (starts?.unpaired ?? []).withUnsafeBufferPointer { unpaired in
        singleCharacter.withUnsafeBufferPointer { singleCharacter in
            var state = 0
            var index = 0
            while index < input.count {
                if state == 0 && !first.isEmpty {
                    // Nothing is half matched: pass over the characters where no pattern starts, those
                    // that begin none and those whose pair with the next character begins none.
                    while index < input.count {
                        // A three-byte character (nearly all of a Chinese report) that begins no pattern
                        // is passed in one check of four bytes read at once.
                        if index + 4 <= input.count {
                            let word = UInt32(littleEndian: UnsafeRawPointer(input.baseAddress! + index).loadUnaligned(as: UInt32.self))
                            if word & 0x00C0_C0F0 == 0x0080_80E0
                                && !StartFilter.has(first, Int((word & 0x0F) << 12 | (word >> 2) & 0x0FC0 | (word >> 16) & 0x3F)) {
                                index += 3
                                continue
                            }
                        }
                        guard let (value, width) = AhoCorasick.character(input, at: index) else { break }
                        if StartFilter.has(first, value) {
                            if StartFilter.has(alone, value) { break }
                            guard index + width < input.count, let (next, _) = AhoCorasick.character(input, at: index + width),
                                  !StartFilter.has(pairs, StartFilter.pairSlot(value, next)) else { break }
                        }
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
                // One whole character read and no phrase begins with it and the next: back to the root.
                let character = Int(singleCharacter[state])
                if character >= 0 && !first.isEmpty && index < input.count && !StartFilter.has(unpaired, character),
                    let (next, _) = AhoCorasick.character(input, at: index),
                    !StartFilter.has(pairs, StartFilter.pairSlot(character, next)) {
                    state = 0
                }
            }
        }}}}}}}}}}}}}
    }

    public func matches(in bytes: [UInt8]) -> [Match] {
        var result: [Match] = []
        scan(bytes) { result.append($0) }
        return result
    }
}
