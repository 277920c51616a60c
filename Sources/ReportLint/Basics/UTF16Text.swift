/// UTF-16 code units of UTF-8 text for ICU, and the way back to UTF-8 offsets.
enum UTF16Text {
    /// The UTF-16 of all of `bytes`: what whole-text searches share, made once per text rather than per search.
    static func units(of bytes: [UInt8]) -> [UInt16] {
        var units: [UInt16] = []
        // A Han character is three bytes and one unit; ASCII one and one.
        units.reserveCapacity(bytes.count / 2 + 16)
        bytes.withUnsafeBufferPointer { append($0, 0..<$0.count, to: &units) }
        return units
    }

    /// Appends the UTF-16 of `bytes[range]`, valid UTF-8 as every Swift string's bytes are. A byte that
    /// does not belong to a whole sequence becomes U+001A (substitute), one unit per byte, so that the way
    /// back (`Cursor`) still counts one byte for it.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to units: inout [UInt16]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                units.append(UInt16(lead))
                index += 1
                continue
            }
            let length = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            guard length > 1, index + length <= range.upperBound,
                (1..<length).allSatisfy({ bytes[index + $0] & 0xC0 == 0x80 })
            else {
                units.append(0x1A)
                index += 1
                continue
            }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            if value >= 0x10000 {
                value -= 0x10000
                units.append(UInt16(0xD800 + (value >> 10)))
                units.append(UInt16(0xDC00 + (value & 0x3FF)))
            } else {
                units.append(UInt16(value))
            }
            index += length
        }
    }

    /// Converts increasing UTF-16 offsets into UTF-8 offsets by walking forward once.
    struct Cursor {
        private var unit = 0
        private var byte = 0
        private let origin: (unit: Int, byte: Int)

        /// Starting at a known pair of offsets (a window's start); offsets before it are never asked for.
        init(unit: Int = 0, byte: Int = 0) {
            origin = (unit, byte)
            (self.unit, self.byte) = origin
        }

        mutating func utf8Offset(of target: Int, in units: UnsafeBufferPointer<UInt16>) -> Int {
            if target < unit { (unit, byte) = origin }
            while unit < target {
                let value = units[unit]
                // A surrogate is half of a four-byte scalar.
                byte += value < 0x80 ? 1 : value < 0x800 ? 2 : (0xD800...0xDFFF).contains(value) ? 2 : 3
                unit += 1
            }
            return byte
        }
    }
}
