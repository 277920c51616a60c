/// `check: year-order` of `kind: number`: a span of years that ends where it starts or before it
/// (`2024-2024第一学期`, `三年提升工程（2024—2024年）`, `2025至2023年`). A school year spans two calendar
/// years and a plan of several years ends after it starts, so the second year was mistyped or copied from an
/// old draft. A span into a month of the same year (`2019年至2019年12月`), a year's start or end
/// (`2019年至2019年底`) and codes (`GB/T 2024-2024`) are left alone.
enum YearSpan {
    static let joiners = Set("—-－~〜～至到".unicodeScalars)
    /// What may follow the second year for the span to be a span of whole years (学年, 第一学期, 年）, 年的).
    static let partOfYear = Set("0123456789初底末中上下前后一二三四".unicodeScalars)

    static func problem(_ run: DigitRun, _ text: NumberText) -> NumberRule.Problem? {
        // Not after a code, nor after any space (GB/T 2024-2024, 学期 2024-2025 spaced by a web copy).
        guard run.count == 4, !run.isDecimal, text.isNumberStart(run.lower), let first = text.year(run.range),
            !text.continuesCode(before: run.lower), text.at(run.lower - 1).map(CharacterClass.isSpace) != true
        else { return nil }
        var joiner = run.upper
        if text.at(joiner) == "年" { joiner += 1 }
        guard let mark = text.at(joiner), joiners.contains(mark) else { return nil }
        var secondStart = joiner + 1
        if mark == "—", text.at(secondStart) == "—" { secondStart += 1 }
        var secondEnd = secondStart
        while let scalar = text.at(secondEnd), CharacterClass.isDigit(scalar) { secondEnd += 1 }
        guard secondEnd - secondStart == 4, let second = text.year(secondStart..<secondEnd), second <= first,
            let after = text.at(secondEnd), after != "."
        else { return nil }
        if after == "年", let next = text.at(secondEnd + 1), partOfYear.contains(next) { return nil }
        guard CharacterClass.isHan(after) || "）)”".unicodeScalars.contains(after) else { return nil }
        let written = text.string(run.lower..<secondEnd)
        let message =
            second == first
            ? "“\(written)”起止是同一年，请核对（学年、多年规划跨两个以上年份）"
            : "“\(written)”的结束年份早于开始年份，请核对"
        return (run.lower..<secondEnd, message, nil)
    }
}
