import Foundation

/// The year a report is about, and where it was read: the title (2023年党建工作总结), else the date line at
/// the end (2024年1月5日 — a summary of 2023 is dated early 2024, so the year before when the date is in
/// January–March), else a sentence opening the body (2023年，在……). Rules that depend on dates (an
/// outdated formulation, an event that had not happened yet) stay silent when no year is found.
public struct ReportYear: Sendable, Equatable {
    public let value: Int
    /// 标题 / 落款日期 / 开头
    public let evidence: String

    static func find(in source: Source, titleIndex: Int?) -> ReportYear? {
        let opening = StructureParser.paragraphLines(source, limit: StructureParser.frontMatterLimit)
        if let titleIndex, titleIndex < opening.count {
            let title = source.string(opening[titleIndex].range)
            if let year = firstYear(in: title) {
                // 农业农村局工作总结及2021年工作计划: the year is the plan's; the summary looks back on the one before.
                if namesOnlyThePlansYear(year, in: title) { return ReportYear(value: year - 1, evidence: "标题（计划年份的前一年）") }
                // 妇联2011-2015工作总结: a span of years is reported on up to its last.
                if let last = spanEnd(from: year, in: title) { return ReportYear(value: last, evidence: "标题（年份区间的末年）") }
                // 现将2018年工作总结如下 under a title of 2024 (a page's own title over a copy) in an opening that
                // never names 2024: which year is meant nobody can tell, and the date checks keep quiet
                // (year-consistency reports the clash).
                let lines = opening.dropFirst(titleIndex + 1).prefix(3).map { source.string($0.range) }
                if lines.contains(where: { statedYear(in: $0).map { $0 != year } ?? false }),
                    !lines.contains(where: { ByteSearch.contains($0, "\(year)年") })
                {
                    return nil
                }
                return ReportYear(value: year, evidence: "标题")
            }
        }
        if let year = dateLineYear(source) { return year }
        // ——2023年9月26日在……会议上: a speech's date line under its title outranks a year its story opens
        // with (2019年，区人大常委会任命我为……).
        for line in opening where line.range.end - line.range.start <= 120 {
            let text = source.string(line.range)
            if text.hasPrefix("—"), let year = firstYear(in: text), let dated = dayDated(year, in: text) { return dated }
        }
        // The latest year a line before names: a story that tells of 2024年工作谋划会 and then opens a paragraph
        // with 2023年， looks back from 2024, and its 今年 is not 2023 (a goal for 2035 says nothing of that).
        var latestBefore = 0
        for line in opening.prefix(StructureParser.frontMatterLimit) {
            // 48 bytes hold the 16 scalars `openingYearSpan` reads (2023年上半年， is 19 bytes).
            let text = source.string(ByteRange(line.range.start, min(line.range.end, line.range.start + 48)))
            if let year = openingYear(text) {
                return (year + 1...year + 2).contains(latestBefore) ? nil : ReportYear(value: year, evidence: "开头")
            }
            if line.range.end - line.range.start <= 4_000 {
                latestBefore = max(latestBefore, years(in: source.string(line.range)).map(\.year).max() ?? 0)
            }
        }
        // A short opening line naming a year: 2019年的工作回顾, or the date of a speech
        // (——2020年1月5日在……会议上), which looks back on the year before when it falls in January–March.
        for line in opening where line.range.end - line.range.start <= 120 {
            let text = source.string(line.range)
            // 现将社区2014年以来的工作汇报如下: the start of a span up to now, not the year reported on.
            guard let year = firstYear(in: text), !ByteSearch.contains(text, "\(year)年以来"),
                !ByteSearch.contains(text, "\(year)年来")
            else { continue }
            return dayDated(year, in: text) ?? ReportYear(value: year, evidence: "开头")
        }
        return nil
    }

    /// The year a line dated to the day (2020年1月5日) reports on: the year before when the date falls in
    /// January–March (a speech or summary given early in the year looks back); nil without a month and 日.
    private static func dayDated(_ year: Int, in text: String) -> ReportYear? {
        guard let month = month(after: year, in: text), ByteSearch.contains(text, "日") else { return nil }
        return ReportYear(value: month <= 3 ? year - 1 : year, evidence: "开头的日期")
    }

    /// Whether a title names a summary and, after it, a plan whose year is the only one written (工作总结及2021年
    /// 工作计划, 工作总结和2023年工作打算).
    static func namesOnlyThePlansYear(_ year: Int, in title: String) -> Bool {
        guard let yearRange = title.range(of: "\(year)年"), let summary = title.range(of: "总结"),
            summary.upperBound <= yearRange.lowerBound
        else { return false }
        let after = title[yearRange.upperBound...].drop { $0 == "度" }
        return ["工作计划", "工作思路", "工作打算", "工作安排", "工作要点", "计划", "打算"].contains { after.hasPrefix($0) }
    }

    /// The year in `现将2018年工作总结如下` (the year a report says it reports on), if a line says so.
    static func statedYear(in line: String) -> Int? {
        // Found in bytes: the lines are whole paragraphs, and Foundation's search folds every character.
        let bytes = Array(line.utf8)
        guard let lead = ByteSearch.firstRange(of: statedLead, in: bytes, within: ByteRange(0, bytes.count)) else { return nil }
        let after = String(String(decoding: bytes[lead.end..<min(bytes.count, lead.end + 12 * 4)], as: UTF8.self).prefix(12))
        guard let year = firstYear(in: after), let yearRange = after.range(of: "\(year)年"),
            after.distance(from: after.startIndex, to: yearRange.lowerBound) <= 4
        else { return nil }
        return year
    }

    private static let statedLead = Array("现将".utf8)

    /// The later year of a span starting at `year` (2011-2015, 2011年至2015年, 2016—2020年), if the title has one.
    static func spanEnd(from year: Int, in title: String) -> Int? {
        guard let start = title.range(of: String(year)) else { return nil }
        var rest = title[start.upperBound...].drop { $0 == "年" || $0 == " " }
        guard let mark = rest.first, "-—–～~至到".contains(mark) else { return nil }
        rest = rest.dropFirst().drop { $0 == "—" || $0 == " " }
        guard let last = Int(rest.prefix(4)), rest.prefix(4).count == 4, rest.dropFirst(4).first?.isNumber != true,
            last > year, last - year <= 10
        else { return nil }
        return last
    }

    /// Whether the title or opening lines write the year masked (20xx年, 20XX年, 20**年): a template or a copy
    /// with its dates taken out, of a year nobody can tell.
    static func isMasked(in source: Source) -> Bool {
        let opening = StructureParser.paragraphLines(source, limit: StructureParser.frontMatterLimit)
        return opening.prefix(3).contains { line in
            let scalars = Array(source.string(line.range).unicodeScalars.prefix(80))
            return scalars.indices.dropFirst(4).contains { index in
                scalars[index] == "年" && scalars[index - 4] == "2" && scalars[index - 3] == "0"
                    && maskScalars.contains(scalars[index - 2]) && maskScalars.contains(scalars[index - 1])
            }
        }
    }

    static let maskScalars = Set("xX×*＊ｘＸ".unicodeScalars)

    /// The month of a `2020年1月` right after the year, if written.
    static func month(after year: Int, in text: String) -> Int? {
        guard let range = text.range(of: "\(year)年") else { return nil }
        let digits = text[range.upperBound...].prefix(while: \.isNumber)
        guard !digits.isEmpty, text[range.upperBound...].dropFirst(digits.count).first == "月" else { return nil }
        return Int(digits)
    }

    /// The date among the last three non-blank lines. A report dated in the first quarter looks back on
    /// the year before (工作总结 and 述职 are written in January); a plan dated then looks at its own year,
    /// but reading it as the year before only makes the date checks more lenient.
    private static func dateLineYear(_ source: Source) -> ReportYear? {
        var seen = 0
        var line = source.positions.lineCount
        while line >= 1, seen < 3 {
            let range = source.positions.lineRange(line)
            line -= 1
            guard range.end > range.start, range.end - range.start <= 60 else { continue }
            let text = source.string(range).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            seen += 1
            guard StructureParser.isDate(text), let year = Int(text.prefix(4)) else { continue }
            let month = Int(text.drop(while: { $0 != "年" }).dropFirst().prefix(while: \.isNumber)) ?? 12
            return ReportYear(value: month <= 3 ? year - 1 : year, evidence: "落款日期")
        }
        return nil
    }

    /// The first 4-digit year 2000–2099 in a text; never the year of a document number (黔人社通〔2021〕72号).
    static func firstYear(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 4 else { return nil }
        for start in 0...(scalars.count - 4) where scalars[start] == "2" && scalars[start + 1] == "0" {
            let digits = scalars[start..<start + 4]
            if digits.allSatisfy({ ("0"..."9").contains($0) }),
                start + 4 == scalars.count || !("0"..."9").contains(scalars[start + 4]),
                start == 0 || !("0"..."9").contains(scalars[start - 1]),
                start == 0 || !"〔[［".unicodeScalars.contains(scalars[start - 1])
            {
                return Int(String(scalars: digits))
            }
        }
        return nil
    }

    /// `2022年，` or `2022年度，` (or 以来) opening a sentence: the year the sentence reports on.
    static func openingYear(_ sentence: String) -> Int? {
        openingYearSpan(sentence)?.year
    }

    /// `2022年，`, `2022年度，` or `2019 年，` (a web copy's spaces) opening a sentence: the year, and how
    /// many UTF-8 bytes the year and its 年 take.
    static func openingYearSpan(_ sentence: String) -> (year: Int, bytes: Int)? {
        let scalars = Array(sentence.unicodeScalars.prefix(16))
        guard let first = years(in: String(scalars: scalars)).first, first.offset == 0 else { return nil }
        var next = first.length + 1 // past 年
        if next < scalars.count, scalars[next] == "度" { next += 1 }
        // 2021年上半年，: a part of that year opens the sentence just as well.
        for part in ["上半年", "下半年", "前三季度", "第一季度", "一季度"]
        where scalars[next...].starts(with: part.unicodeScalars) {
            next += part.unicodeScalars.count
            break
        }
        while next < scalars.count, scalars[next] == " " { next += 1 }
        guard next < scalars.count, scalars[next] == "，" || scalars[next] == "," else { return nil }
        return (first.year, first.bytes)
    }

    /// The years 2000–2099 written in a text: the year, where it starts (in scalars), how many scalars it
    /// takes with the spaces before its 年 (its `length`, 年 excluded) and its bytes with 年; only years
    /// followed by 年 (spaces between allowed), never a longer number.
    static func years(in text: String) -> [(year: Int, offset: Int, length: Int, bytes: Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(year: Int, offset: Int, length: Int, bytes: Int)] = []
        var index = 0
        func isDigit(_ at: Int) -> Bool { at >= 0 && at < scalars.count && ("0"..."9").contains(scalars[at]) }
        while index + 4 < scalars.count {
            guard scalars[index] == "2", scalars[index + 1] == "0", isDigit(index + 2), isDigit(index + 3),
                !isDigit(index - 1), !isDigit(index + 4)
            else {
                index += 1
                continue
            }
            var next = index + 4
            while next < scalars.count, scalars[next] == " " { next += 1 }
            if next < scalars.count, scalars[next] == "年" {
                let value = Int(String(scalars: scalars[index..<(index + 4)]))!
                result.append((value, index, next - index, next - index + 3))
            }
            index = next
        }
        return result
    }
}
