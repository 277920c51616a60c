/// What a summary of one year (title `2023年……工作总结`) may not say, for `check: year`: that it reports on
/// another year's work (`现将2022年度工作具体汇报如下`, a heading `2022年度工作完成情况`), or a date line in
/// the year before (a summary of 2021 dated 2020年12月7日). Both are the marks of an old summary under a new
/// title. The next year may be named: the plan that follows a summary.
enum YearSummary {
    /// A title of a summary of one year: it says 总结 or 述职 and names that year, or that year and the next,
    /// and no span of years. A 政府工作报告 is named by the year it is given in and reviews the one before.
    static func covers(_ title: String, year: Int) -> Bool {
        guard ["总结", "述职"].contains(where: { ByteSearch.contains(title, $0) }),
            !["以来", "远景", "规划", "纲要", "工作报告"].contains(where: { ByteSearch.contains(title, $0) })
        else { return false }
        return ReportYear.years(in: title).allSatisfy { $0.year == year || $0.year == year + 1 }
    }

    /// A title that sums up one year and plans another a year or more away (民政局2019年工作总结及2023年工作计划):
    /// the plan's year and where it starts (in scalars of the title). A half-year's summary and plan share
    /// their year (2023年上半年工作总结及下半年工作计划); the plan of a summary is for the next year.
    static func distantPlanYear(in title: String) -> (summary: Int, plan: Int, offset: Int, length: Int)? {
        let years = ReportYear.years(in: title)
        guard years.count == 2, years[1].year != years[0].year, years[1].year != years[0].year + 1 else { return nil }
        let scalars = Array(title.unicodeScalars)
        let between = String(scalars: scalars[(years[0].offset + years[0].length)..<years[1].offset])
        let after = String(scalars: scalars[(years[1].offset + years[1].length)...])
        guard ByteSearch.contains(between, "总结"),
            ["计划", "打算", "思路", "要点", "安排", "谋划"].contains(where: { ByteSearch.contains(after, $0) })
        else { return nil }
        return (years[0].year, years[1].year, years[1].offset, years[1].length)
    }

    /// Headings and `现将……如下` sentences that name the work of a year other than the title's (and its next).
    /// `leads`: where 现将 occurs.
    static func otherYearsReported(_ context: RuleContext, leads: [ByteRange], titleYear: Int) -> [(ByteRange, Int)] {
        let document = context.document
        var found: [(ByteRange, Int)] = []
        func keep(_ year: (year: Int, range: ByteRange)) {
            if year.year != titleYear && year.year != titleYear + 1 { found.append((year.range, year.year)) }
        }
        let bytes = document.source.bytes
        for heading in document.headings {
            // Only a heading that opens with 20 can name a year's work: two bytes tell, before any text is made.
            guard heading.text.count >= 8, bytes[heading.text.start] == UInt8(ascii: "2"),
                bytes[heading.text.start + 1] == UInt8(ascii: "0")
            else { continue }
            let text = document.text(heading.text)
            guard let year = ReportYear.years(in: text).first, year.offset == 0,
                headingWork.contains(String(text.unicodeScalars.dropFirst(year.length)))
            else { continue }
            keep((year.year, ByteRange(heading.text.start, heading.text.start + year.bytes)))
        }
        for hit in leads {
            guard let paragraph = document.paragraph(containing: hit.start), paragraph.role == .body,
                let sentence = document.sentences(of: paragraph).first(where: { $0.contains(hit) })
            else { continue }
            let text = document.text(ByteRange(hit.end, sentence.end))
            guard let year = ReportYear.years(in: text).first, year.offset == 0, ByteSearch.contains(text, "如下") else { continue }
            let after = String(text.unicodeScalars.dropFirst(year.length))
            guard
                ["年工作", "年的工作", "年主要工作", "年度工作", "年度的工作", "年度主要工作"].contains(where: after.hasPrefix)
                    || reportsYearsWork(after)
            else { continue }
            keep((year.year, ByteRange(hit.end, hit.end + year.bytes)))
        }
        return found
    }

    /// 制发《2022年政务公开工作实施方案》 in a summary of 2023: the year's own plan issued under last year's
    /// name (the name kept from an old summary). Only a plan the unit itself issues (制发, 印发, 出台 …), whose
    /// name opens with the year before the title's and ends as a plan does, and that does not look back on that
    /// year (a 考核 or 总结 of it is issued in the next).
    static func earlierPlansIssued(_ bytes: [UInt8], titleYear: Int) -> [ByteRange] {
        let name = Array("《\(titleYear - 1)年".utf8)
        var found: [ByteRange] = []
        for hit in ByteSearch.ranges(of: name, in: bytes) {
            guard issuingVerbs.contains(where: { IdentityRule.ends(at: hit.start, with: $0, bytes) }) else { continue }
            // The 》 that closes the name, starting within 60 characters and on the same line.
            let window = ByteRange(hit.end, min(bytes.count, hit.end + 60 * 3 - 1 + closing.count))
            guard let close = ByteSearch.firstRange(of: closing, in: bytes, within: window),
                !bytes[hit.end..<close.start].contains(0x0A)
            else { continue }
            let title = String(decoding: bytes[hit.end..<close.start], as: UTF8.self)
            let plan = title.hasSuffix("的通知") ? String(title.dropLast(3)) : title
            // 《2022年度绩效考核实施方案》 issued early in 2023 looks back on 2022's work, as it should.
            guard planEndings.contains(where: { plan.hasSuffix($0) }),
                !lookingBack.contains(where: { plan.contains($0) })
            else { continue }
            found.append(ByteRange(hit.start + "《".utf8.count, hit.end - "年".utf8.count))
        }
        return found
    }

    /// The start of the summed-up year itself still expected (预计2015年元月份完成搬迁 in a summary of 2015, written
    /// at its end): the year of the next one, kept from an old draft or mistyped. Only 预计 and 将于-like words,
    /// which look ahead; a plan told as history (年初计划2015年一季度开工) is not looked at. The year's range.
    static func earlyDatesStillExpected(_ bytes: [UInt8], titleYear: Int) -> [ByteRange] {
        let year = Array("\(titleYear)年".utf8)
        var found: [ByteRange] = []
        for hit in ByteSearch.ranges(of: year, in: bytes) {
            let after = hit.end
            guard expectingWords.contains(where: { ByteSearch.has($0, endingAt: hit.start, in: bytes) }),
                yearStart.contains(where: { ByteSearch.has($0, at: after, in: bytes) }),
                // 1月 but not 10月–12月.
                !(bytes[after] == UInt8(ascii: "1") && after + 1 < bytes.count && (0x30...0x39).contains(bytes[after + 1]))
            else { continue }
            found.append(ByteRange(hit.start, hit.start + 4))
        }
        return found
    }

    static let expectingWords = ["预计", "将于", "拟于", "计划于"].map { Array($0.utf8) }
    static let yearStart = ["元月", "1月", "一月", "年初", "初", "第一季度", "一季度", "春节"].map { Array($0.utf8) }

    static let issuingVerbs = ["制发", "印发", "出台", "制定", "下发", "编制", "制订"]
    static let lookingBack = ["考核", "考评", "评估", "评议", "评价", "总结", "检查", "验收", "决算", "审计", "述职", "整改"]
    static let planEndings = ["工作要点", "实施方案", "工作方案", "工作计划", "工作安排", "任务清单", "责任清单"]
    private static let closing = Array("》".utf8)

    /// `年建设运行情况报告如下`: the year's own work or state reported (…情况/工作 报告/汇报/总结 如下), in a
    /// short span, not the follow-up of an earlier year's inspection (2022年巡察反馈问题整改情况) nor a span of
    /// years (以来).
    static func reportsYearsWork(_ after: String) -> Bool {
        guard after.hasPrefix("年"), ByteSearch.contains(after, "如下"), let end = after.range(of: "如下") else { return false }
        let span = after[..<end.lowerBound]
        return span.unicodeScalars.count <= 16 && ["情况", "工作"].contains(where: { span.contains($0) })
            && ["报告", "汇报", "总结"].contains(where: { span.hasSuffix($0) })
            && !["以来", "整改", "问题", "反馈", "巡视", "巡察", "督查", "督察", "审计", "检查", "考核", "评估", "和", "及", "、"]
                .contains(where: { span.contains($0) })
    }

    /// The date line at the end, or one under the title (（2020年12月7日）, as a report given at a meeting is
    /// dated), when it falls in the year before the title's.
    static func earlierDate(_ document: Document, titleYear: Int) -> (ByteRange, Int)? {
        var dates = document.paragraphs.filter { $0.role == .date }.suffix(1).map(\.range)
        if let title = document.titleIndex {
            for paragraph in document.paragraphs.dropFirst(title + 1).prefix(4) where paragraph.range.count <= 40 {
                let text = document.text(paragraph.range)
                var inner = paragraph.range
                if text.hasPrefix("（") && text.hasSuffix("）") || text.hasPrefix("(") && text.hasSuffix(")") {
                    let open = text.hasPrefix("（") ? 3 : 1
                    inner = ByteRange(paragraph.range.start + open, paragraph.range.end - open)
                }
                if StructureParser.isDate(document.text(inner)) { dates.append(inner) }
            }
        }
        for range in dates {
            guard let year = ReportYear.years(in: document.text(range)).first, year.offset == 0, year.year == titleYear - 1 else {
                continue
            }
            return (ByteRange(range.start, range.start + year.bytes), year.year)
        }
        return nil
    }

    /// What a heading that names a year's work says after the year.
    static let headingWork: Set<String> = [
        "年工作", "年度工作", "年主要工作", "年度主要工作", "年工作完成情况", "年度工作完成情况", "年工作开展情况",
        "年度工作开展情况", "年工作总结", "年度工作总结", "年工作回顾", "年度工作回顾", "年工作情况", "年度工作情况",
        "年主要工作完成情况", "年度主要工作完成情况", "年工作成效", "年度工作成效",
    ]
    static let lead = "现将"
}
