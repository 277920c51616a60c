/// How deep inside “…” and 《…》 a scan is, so rules leave quoted slogans and titles alone.
struct QuoteDepth {
    private var quotes = 0
    private var titles = 0

    var isInside: Bool { quotes > 0 || titles > 0 }
    /// Inside “…” (at any depth of 《…》 too).
    var isQuoted: Bool { quotes > 0 }

    mutating func update(with scalar: Unicode.Scalar) {
        switch scalar {
        case "“", "〝": quotes += 1
        case "”", "〞": quotes = max(0, quotes - 1)
        case "《": titles += 1
        case "》": titles = max(0, titles - 1)
        default: break
        }
    }

    /// Whether `offset` is inside “…” or 《…》 opened earlier on its own line.
    static func isInside(at offset: Int, lineOf bytes: [UInt8]) -> Bool {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        var depth = QuoteDepth()
        for scalar in String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars { depth.update(with: scalar) }
        return depth.isInside
    }
}
