/// A text as ICU searches it: its UTF-8 bytes (what every offset refers to), the same text in UTF-16
/// made once, and checkpoints that turn a byte offset into a UTF-16 offset without walking from the start.
///
/// Every pattern of a report searches this one copy: the whole of it, or windows of it as regions whose
/// surroundings stay visible to look-arounds, so a window decides each match exactly as a search of the
/// whole text does, and no search converts text of its own.
final class SearchText: Sendable {
    let bytes: [UInt8]
    let units: [UInt16]
    /// For every `checkpointStride` bytes, the first scalar boundary at or after them and the UTF-16
    /// units before it.
    private let checkpointBytes: [Int32]
    private let checkpointUnits: [Int32]
    static let checkpointStride = 64

    /// `bytes`: valid UTF-8, as a report's text and its sentences always are.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        units = UTF16Text.units(of: bytes)
        var checkpointBytes: [Int32] = []
        var checkpointUnits: [Int32] = []
        checkpointBytes.reserveCapacity(bytes.count / SearchText.checkpointStride + 1)
        checkpointUnits.reserveCapacity(bytes.count / SearchText.checkpointStride + 1)
        var byte = 0
        var unit = 0
        var next = 0 // the next checkpoint's byte offset
        while next <= bytes.count {
            // Scalar by scalar up to the first boundary at or after `next`.
            SearchText.walk(bytes, byte: &byte, unit: &unit, to: next)
            checkpointBytes.append(Int32(byte))
            checkpointUnits.append(Int32(unit))
            next += SearchText.checkpointStride
        }
        self.checkpointBytes = checkpointBytes
        self.checkpointUnits = checkpointUnits
    }

    /// The UTF-16 offset of a byte offset on a scalar boundary.
    func unitOffset(ofByte offset: Int) -> Int {
        var index = min(offset / SearchText.checkpointStride, checkpointBytes.count - 1)
        while index > 0, Int(checkpointBytes[index]) > offset { index -= 1 }
        var byte = Int(checkpointBytes[index])
        var unit = Int(checkpointUnits[index])
        SearchText.walk(bytes, byte: &byte, unit: &unit, to: offset)
        return unit
    }

    /// Walks scalar by scalar from `byte` (counting UTF-16 `unit`s) to the first boundary at or after `target`:
    /// a four-byte sequence is two units, the others one.
    @inline(__always)
    private static func walk(_ bytes: [UInt8], byte: inout Int, unit: inout Int, to target: Int) {
        while byte < target {
            let width = UTF8Scalars.length(lead: bytes[byte])
            unit += width == 4 ? 2 : 1
            byte += width
        }
    }
}
