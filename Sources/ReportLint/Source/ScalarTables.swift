/// A report's text as scalars: each scalar, the byte offset where each starts, and an index by kilobyte.
/// Built once per report, and only when a rule walks characters (see `Source.scalars`).
struct ScalarTables: Sendable {
    let scalars: [Unicode.Scalar]
    /// The byte offset of each scalar, plus one entry for the end of the text.
    let starts: [Int32]
    /// For every block of 1 KB (`1 << blockShift` bytes), the index of the first scalar starting in or after it: byte
    /// offset → scalar index searches only one block's scalars instead of the whole report's, which
    /// on a 5 MB report is the difference between cache misses and cache hits.
    private let blocks: [Int32]
    private static let blockShift = 10

    init(_ bytes: [UInt8]) {
        let (scalars, starts) = ScalarTables.decode(bytes)
        var blocks: [Int32] = []
        blocks.reserveCapacity(bytes.count >> ScalarTables.blockShift + 2)
        for (index, start) in starts.enumerated() {
            while blocks.count << ScalarTables.blockShift <= Int(start) { blocks.append(Int32(index)) }
        }
        blocks.append(Int32(scalars.count))
        self.scalars = scalars
        self.starts = starts
        self.blocks = blocks
    }

    /// How many scalars start before a byte offset.
    func firstScalar(atOrAfter offset: Int) -> Int {
        var (low, high) = searchBounds(offset)
        while low < high {
            let middle = (low + high) / 2
            if Int(starts[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the scalar starting at (or holding) a byte offset.
    func scalarIndex(ofByte offset: Int) -> Int {
        var (low, high) = searchBounds(offset)
        while low < high {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// Scalar indices between which both searches above end for `offset`: from the last scalar starting
    /// before its block to the first starting after it.
    private func searchBounds(_ offset: Int) -> (Int, Int) {
        let block = offset >> ScalarTables.blockShift
        guard offset >= 0, block + 1 < blocks.count else { return (0, scalars.count) }
        return (max(0, Int(blocks[block]) - 1), min(scalars.count, Int(blocks[block + 1]) + 1))
    }

    /// Every scalar of valid UTF-8 and the byte offset where each starts (plus the end), decoded
    /// straight from the bytes into arrays of the right size: this runs over every byte of every report.
    static func decode(_ bytes: [UInt8]) -> ([Unicode.Scalar], [Int32]) {
        bytes.withUnsafeBufferPointer { input in
            // Count first (every byte that does not continue a sequence starts a scalar) so both arrays
            // are allocated once at their size, then fill both in one pass.
            var count = 0
            for byte in input { count &+= byte & 0xC0 != 0x80 ? 1 : 0 }
            var starts: [Int32] = []
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalarBuffer, scalarCount in
                starts = [Int32](unsafeUninitializedCapacity: count + 1) { startBuffer, startCount in
                    var offset = 0
                    var index = 0
                    while index < count {
                        let lead = UInt32(input[offset])
                        startBuffer[index] = Int32(offset)
                        var value = lead
                        var width = 1
                        if lead >= 0xF0 {
                            value =
                                (lead & 0x07) << 18 | UInt32(input[offset + 1] & 0x3F) << 12
                                | UInt32(input[offset + 2] & 0x3F) << 6 | UInt32(input[offset + 3] & 0x3F)
                            width = 4
                        } else if lead >= 0xE0 {
                            value = (lead & 0x0F) << 12 | UInt32(input[offset + 1] & 0x3F) << 6 | UInt32(input[offset + 2] & 0x3F)
                            width = 3
                        } else if lead >= 0xC0 {
                            value = (lead & 0x1F) << 6 | UInt32(input[offset + 1] & 0x3F)
                            width = 2
                        }
                        // The bytes came from a Swift String: valid UTF-8, so every value is a scalar.
                        scalarBuffer[index] = Unicode.Scalar(value) ?? "\u{FFFD}"
                        offset += width
                        index += 1
                    }
                    startBuffer[count] = Int32(input.count)
                    startCount = count + 1
                }
                scalarCount = count
            }
            return (scalars, starts)
        }
    }
}
