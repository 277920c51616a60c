import CICURegex

/// One ICU regular expression, searched through ICU's C API (the same engine and flags as
/// NSRegularExpression on Linux, which is a thin layer over it). Going direct saves most of a search's
/// cost: NSRegularExpression copies a Swift string to UTF-16 on every search, and its progress watch
/// calls back into Swift at every start position. Here the text is UTF-16 made once by the caller, and a
/// runaway search is stopped by ICU's own step limit, counted inside the engine.
///
/// The compiled prototype is never searched itself: each search clones it (the clone shares the compiled
/// pattern), so searches on many threads never share a matcher.
final class ICURegex: @unchecked Sendable { // `prototype` is only cloned after init, which ICU allows from any thread
    private let prototype: OpaquePointer

    /// ICU steps (10,000 turns of its matching loop each) per second of search: `(a|aa)*c` on 40 a's took
    /// 0.27 ms a step on the 2-core machine the benchmarks run on. A limit in steps stops the same search at
    /// the same point on a busy machine as on an idle one.
    static let stepsPerSecond = 3_700.0

    /// Nil when ICU refuses the pattern.
    init?(_ pattern: String, multiline: Bool) {
        let units = Array(pattern.utf16)
        var status: Int32 = 0
        var parseError = CICUParseError()
        let flags = multiline ? UInt32(CICU_REGEX_MULTILINE) : 0
        let opened = units.withUnsafeBufferPointer { buffer in
            swift_uregex_open(buffer.baseAddress ?? ICURegex.empty, Int32(buffer.count), flags, &parseError, &status)
        }
        guard let opened else { return nil }
        guard status <= 0 else {
            swift_uregex_close(opened)
            return nil
        }
        prototype = opened
    }

    deinit { swift_uregex_close(prototype) }

    enum Outcome: Equatable {
        case completed
        /// `found` returned false.
        case stopped
        /// The step limit was reached (or ICU gave up for lack of backtracking stack).
        case timedOut
    }

    /// Calls `found` with the UTF-16 offsets (in `text`) of every non-empty match inside `region` (nil:
    /// all of `text`), in order, until it returns false. With a region, the text around it stays visible to
    /// look-arounds and `^`/`$` (transparent, non-anchoring bounds), as in a search of the whole text.
    func search(
        _ text: UnsafeBufferPointer<UInt16>, region: Range<Int>? = nil, seconds: Double, _ found: (Int, Int) -> Bool
    ) -> Outcome {
        search(text, regions: region.map { [$0] }, remaining: { seconds }, { _, start, end in found(start, end) })
    }

    /// The same over several regions (disjoint, in order) with one matcher: cloning a matcher for each
    /// window around a guard hit cost more than searching most windows. `found` also gets the region's index.
    func search(
        _ text: UnsafeBufferPointer<UInt16>, regions: [Range<Int>]?, remaining: () -> Double, _ found: (Int, Int, Int) -> Bool
    ) -> Outcome {
        guard text.count < Int(Int32.max) else { return .timedOut }
        var status: Int32 = 0
        guard let matcher = swift_uregex_clone(prototype, &status), status <= 0 else { return .timedOut }
        defer { swift_uregex_close(matcher) }
        swift_uregex_setText(matcher, text.baseAddress ?? ICURegex.empty, Int32(text.count), &status)
        if regions != nil {
            swift_uregex_useTransparentBounds(matcher, 1, &status)
            swift_uregex_useAnchoringBounds(matcher, 0, &status)
        }
        let searched: [Range<Int>?] = regions ?? [nil]
        for (index, region) in searched.enumerated() {
            if let region { swift_uregex_setRegion(matcher, Int32(region.lowerBound), Int32(region.upperBound), &status) }
            // A limit of 0 would mean none.
            let seconds = remaining()
            swift_uregex_setTimeLimit(matcher, Int32(max(1, min(seconds * ICURegex.stepsPerSecond, 1e9))), &status)
            guard status <= 0, seconds > 0 || index == 0 else { return .timedOut }
            while swift_uregex_findNext(matcher, &status) != 0, status <= 0 {
                let start = Int(swift_uregex_start(matcher, 0, &status))
                let end = Int(swift_uregex_end(matcher, 0, &status))
                if end > start, !found(index, start, end) { return .stopped }
            }
            if status > 0 { return .timedOut }
        }
        return .completed
    }

    /// Whether the pattern matches the empty text (it would then match at every position of every report).
    func matchesEmptyText() -> Bool {
        var status: Int32 = 0
        guard let matcher = swift_uregex_clone(prototype, &status), status <= 0 else { return false }
        defer { swift_uregex_close(matcher) }
        swift_uregex_setText(matcher, ICURegex.empty, 0, &status)
        swift_uregex_setTimeLimit(matcher, Int32(ICURegex.stepsPerSecond), &status)
        return swift_uregex_findNext(matcher, &status) != 0 && status <= 0
    }

    /// ICU refuses a null text or pattern, even an empty one.
    private nonisolated(unsafe) static let empty = UnsafePointer(UnsafeMutablePointer<UInt16>.allocate(capacity: 1))
}
