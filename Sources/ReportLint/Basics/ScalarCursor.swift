/// Walks Unicode scalars over UTF-8 bytes without building strings.
struct ScalarCursor {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    func peek() -> Unicode.Scalar? {
        guard position < end else { return nil }
        return UTF8Scalars.decode(bytes, at: position).scalar
    }

    mutating func advance() {
        guard position < end else { return }
        position += UTF8Scalars.decode(bytes, at: position).length
    }

    /// Consumes a Chinese number (一 … 九十九) if one is here.
    mutating func chineseNumber() -> Int? {
        var scalars: [Unicode.Scalar] = []
        var probe = self
        while let scalar = probe.peek(), Numbering.chineseDigit(scalar) != nil, scalars.count < 3 {
            scalars.append(scalar)
            probe.advance()
        }
        guard let value = Numbering.chineseValue(scalars) else { return nil }
        self = probe
        return value
    }

    /// Consumes one or two ASCII digits (1 … 99) if here and not part of a longer number.
    mutating func arabicNumber() -> Int? {
        var value = 0
        var count = 0
        var probe = self
        while let scalar = probe.peek(), scalar.isASCII, let digit = Int(String(scalar)), count < 3 {
            value = value * 10 + digit
            count += 1
            probe.advance()
        }
        guard count >= 1, count <= 2, value >= 1 else { return nil }
        self = probe
        return value
    }
}
