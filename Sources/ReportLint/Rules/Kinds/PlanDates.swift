/// What a plan of one year (title `2023年工作计划`) may not say, for `check: year`: a date it still expects or
/// aims at that was over before the plan's year began (`预计2022年12月开工` in a plan for 2023): the mark of an
/// old plan copied under a new title.
enum PlanDates {
    /// Words that look ahead to a date written right after them.
    static let expecting = ["预计", "计划于", "拟于", "将于", "力争", "争取", "确保", "预期"].map { Array($0.utf8) }
    static let yearUnit = Array("年".utf8)

    /// The years (four digits and 年) right after a word of `expecting`, earlier than `planYear`.
    static func pastTargets(_ bytes: [UInt8], planYear: Int) -> [(range: ByteRange, year: Int)] {
        var found: [(range: ByteRange, year: Int)] = []
        for word in expecting {
            for hit in ByteSearch.ranges(of: word, in: bytes) {
                let year = ByteRange(hit.end, hit.end + 4)
                guard year.end <= bytes.count, let value = EventsRule.yearDigits(endingAt: year.end, bytes), value < planYear,
                    ByteSearch.has(PlanDates.yearUnit, at: year.end, in: bytes)
                else { continue }
                found.append((year, value))
            }
        }
        return found.sorted { $0.range < $1.range }
    }
}
