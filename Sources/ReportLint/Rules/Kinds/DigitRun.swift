/// A run of ASCII digits (with a decimal point between digits), in scalar indices.
struct DigitRun: Sendable {
    let lower: Int
    let upper: Int
    let isDecimal: Bool
    /// The digits before any decimal point.
    var count: Int { upper - lower }
    var range: Range<Int> { lower..<upper }

    /// Every run of digits in a report, found once per report and shared by the number rules.
    static func all(in scalars: [Unicode.Scalar]) -> [DigitRun] {
        var runs: [DigitRun] = []
        let filter = ScalarFilter("0123456789")
        var index = filter.next(from: 0, to: scalars.count, in: scalars)
        while index < scalars.count {
            let value = scalars[index].value
            guard value >= 0x30, value <= 0x39 else {
                index = filter.next(from: index + 1, to: scalars.count, in: scalars)
                continue
            }
            var end = index + 1
            while end < scalars.count, scalars[end].value >= 0x30, scalars[end].value <= 0x39 { end += 1 }
            var isDecimal = false
            var next = end
            if end + 1 < scalars.count, scalars[end] == ".", scalars[end + 1].value >= 0x30, scalars[end + 1].value <= 0x39 {
                isDecimal = true
                next = end + 1
                while next < scalars.count, scalars[next].value >= 0x30, scalars[next].value <= 0x39 { next += 1 }
            }
            runs.append(DigitRun(lower: index, upper: isDecimal ? next : end, isDecimal: isDecimal))
            index = filter.next(from: next, to: scalars.count, in: scalars)
        }
        return runs
    }
}
