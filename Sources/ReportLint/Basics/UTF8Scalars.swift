/// Decoding single scalars from UTF-8 bytes that are known to be valid.
enum UTF8Scalars {
    static func decode(_ bytes: [UInt8], at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0:
            length = 3
            value = UInt32(lead & 0x0F)
        default:
            length = 4
            value = UInt32(lead & 0x07)
        }
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The length of the sequence a lead byte starts (1 for a stray continuation byte).
    static func length(lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0..<0xF0: return 3
        case 0xC0..<0xE0: return 2
        default: return 1
        }
    }

    /// How many scalars start in `bytes[from..<to]` (every byte that does not continue a sequence starts one).
    /// Eight bytes at a time: a continuation byte is one whose top bit is set and whose next bit is not.
    static func count(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < end else { return 0 }
            var continuations = 0
            var index = start
            while index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            while index < end {
                continuations &+= buffer[index] & 0xC0 == 0x80 ? 1 : 0
                index += 1
            }
            return end - start - continuations
        }
    }

    /// The start of the scalar that ends just before `index`.
    static func previousStart(_ bytes: [UInt8], before index: Int) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }
}
