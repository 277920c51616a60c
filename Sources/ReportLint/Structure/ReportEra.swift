/// The latest year an undated report's text shows, for the `since:` checks when `ReportYear` finds no year
/// in its title, date line or opening: a page that puts `XX年` over a report of 2014, or a report that names
/// no year at all but studies 党的十七届六中全会精神, was written long before a phrase of 2017 existed.
/// Read from the whole text: every year written out (`1999年`, `2014年度`) and every dated name cited in
/// it, each taken at the last year a report could cite it as current work. The latest of them is the
/// estimate, so one recent year anywhere (2023年, “十四五”) keeps the report recent: an old name quoted in
/// passing in a new report only ever makes a `since:` rule silent, never report. The outdated formulations
/// that `common/formulation` checks (以习近平同志为总书记的党中央, 系列重要讲话精神) are no markers: a
/// report must not be dated by the very words it is checked for.
enum ReportEra {
    /// Dated names, the first year a report names them and the last year it cites them as current.
    /// Congresses: from the year before one met (reports 迎接 it) until the next one met.
    typealias Marker = (words: [String], from: Int, until: Int)

    static let markers: [Marker] = [
        // 党的十六大 met in November 2002, 十七大 in October 2007, 十八大 in November 2012, 十九大 in October
        // 2017, 二十大 in October 2022.
        (["党的十五大"], 1996, 2002),
        (["党的十六大", "党的十六届"], 2001, 2007),
        (["党的十七大", "党的十七届"], 2006, 2012),
        (["党的十八大", "党的十八届"], 2011, 2017),
        (["党的十九大", "党的十九届"], 2016, 2022),
        (["党的二十大", "党的二十届"], 2021, 2027),
        // 在农村开展“三个代表”重要思想学习教育活动 (2003–2005); 保持共产党员先进性教育活动 (January 2005 – June 2006).
        (["三个代表”重要思想学习教育", "三个代表重要思想学习教育"], 2003, 2005),
        (["保持共产党员先进性教育活动"], 2004, 2006),
        // 深入学习实践科学发展观活动 (September 2008 – February 2010); 创先争优活动 (April 2010 – 2012).
        (["学习实践科学发展观活动"], 2008, 2010),
        (["创先争优活动"], 2010, 2012),
        // “深入贯彻落实科学发展观” was the slogan of the 17th Congress (2007); after the 18th (November 2012)
        // reports cite 科学发展观 only in the list 以邓小平理论、“三个代表”重要思想、科学发展观为指导.
        (["践行科学发展观", "贯彻落实科学发展观", "学习实践科学发展观"], 2003, 2013),
        // 党的群众路线教育实践活动 (June 2013 – October 2014).
        (["群众路线教育实践活动"], 2013, 2014),
        // 新型农村社会养老保险 merged into 城乡居民基本养老保险 (国发〔2014〕8号, February 2014).
        (["新型农村社会养老保险", "新型农村养老保险"], 2009, 2014),
        // The five-year plans, cited as current until their last year.
        (["十一五"], 2004, 2010), (["十二五"], 2009, 2015), (["十三五"], 2014, 2020), (["十四五"], 2019, 2025),
        (["十五五"], 2024, 2030),
    ]

    /// The earliest year the report can be of, or nil when its text shows no year: the latest year written in
    /// it, and each dated name at the first year a report could name it (党的二十大 from 2021, when reports
    /// began to 迎接 it). An outdated-since rule asks this: 党的二十大 in an undated text does not make it a
    /// report of 2024, where `latestYear` (the latest it could be of) says 2027.
    static func earliestYear(in source: Source) -> Int? { year(in: source, dating: { $0.from }) }

    /// The latest year the text shows, or nil when it shows none.
    static func latestYear(in source: Source) -> Int? { year(in: source, dating: { $0.until }) }

    /// The latest of the years written in the text and the years `dating` gives the dated names in it.
    private static func year(in source: Source, dating: (Marker) -> Int) -> Int? {
        var year = latestWrittenYear(source.bytes)
        let text = source.text
        for marker in markers where dating(marker) > (year ?? 0) {
            if marker.words.contains(where: { ByteSearch.contains(text, $0) }) { year = dating(marker) }
        }
        return year
    }

    /// Words before a year the work is still to reach (核桃冲水库将于2018年1月完工 in a report of 2017).
    static let plannedWords: [[UInt8]] = ["将于", "预计", "力争", "争取", "计划于", "有望于"].map { Array($0.utf8) }

    /// Whether one of `plannedWords` ends right before `start`.
    static func isPlanned(before start: Int, in bytes: [UInt8]) -> Bool {
        plannedWords.contains { word in start >= word.count && bytes[(start - word.count)..<start].elementsEqual(word) }
    }

    /// The latest `1949年`–`2099年` written in figures (not part of a longer number), not one the work is planned for.
    static func latestWrittenYear(_ bytes: [UInt8]) -> Int? {
        let year: [UInt8] = Array("年".utf8)
        var latest: Int?
        var index = 4
        while index + year.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == year[0], bytes[index + 1] == year[1], bytes[index + 2] == year[2] else { continue }
            let digits = bytes[(index - 4)..<index]
            guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            if index >= 5, bytes[index - 5] >= 0x30, bytes[index - 5] <= 0x39 { continue }
            let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            if (1949...2099).contains(value), value > (latest ?? 0), !isPlanned(before: index - 4, in: bytes) { latest = value }
        }
        return latest
    }
}
