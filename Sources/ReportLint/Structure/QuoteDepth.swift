/// How deep inside “…” and 《…》 a scan is, so rules leave quoted slogans and titles alone.
struct QuoteDepth {
    private var quotes = 0
    private var titles = 0

    var isInside: Bool { quotes > 0 || titles > 0 }

    mutating func update(with scalar: Unicode.Scalar) {
        switch scalar {
        case "“", "〝": quotes += 1
        case "”", "〞": quotes = max(0, quotes - 1)
        case "《": titles += 1
        case "》": titles = max(0, titles - 1)
        default: break
        }
    }
}
