/// A few characters a rule looks for, as a filter on the low byte of the scalar value: 256 flags that
/// let a scan skip ordinary characters in a tight loop. Rules that visit every character of a report
/// (punctuation, paired marks) spend most of their time in this loop.
struct ScalarFilter: Sendable {
    private let lowBytes: [Bool]

    init(_ scalars: String) {
        var lowBytes = [Bool](repeating: false, count: 256)
        for scalar in scalars.unicodeScalars { lowBytes[Int(scalar.value & 0xFF)] = true }
        self.lowBytes = lowBytes
    }

    /// The first index from `index` up to `end` whose scalar may be one of the filter's (it may not: the
    /// caller checks exactly), or `end`.
    func next(from index: Int, to end: Int, in scalars: [Unicode.Scalar]) -> Int {
        // Raw buffers: no bounds checks or reference counting in the loop.
        scalars.withUnsafeBufferPointer { scalars in
            lowBytes.withUnsafeBufferPointer { table in
                var index = index
                while index < end, !table[Int(scalars[index].value & 0xFF)] { index += 1 }
                return index
            }
        }
    }
}
