import Foundation

/// The words that tell a bulletin or a news story from a report: a bulletin's title endings, a news story's
/// lead and byline words and its dated first sentence. A bulletin asks for none of a report's sections.
extension DocumentType {
    /// Title endings of a bulletin.
    static let bulletinEndings = [
        "简报", "简讯", "快讯", "快报", "新闻稿", "信息稿", "通讯稿", "摘要", "公报", "年报", "审计结果", "审计结果公告",
        // ……红十字会2015年工作综述: a year's work told as a feature story.
        "综述",
        // A budget's or final accounts' public statement: tables and their notes, no report's sections.
        "部门决算", "决算公开说明", "决算说明", "预算公开说明", "预算说明",
    ]
    /// Words of a news story's lead or byline (本报讯, 记者从……获悉): a bulletin whatever its title.
    static let newsWords = [
        "本报讯", "本网讯", "讯（记者", "讯(记者", "讯（通讯员", "讯(通讯员", "日电（", "日电(", "记者从", "（记者", "通讯员",
    ]
    /// The news words that outrank an opening's words of a report's kind; not 通讯员, as a publicity summary tells
    /// of its own 通讯员队伍.
    static let decisiveNewsWords = newsWords.filter { $0 != "通讯员" }
    /// How a news story's first sentence opens (a report opens with its year or its subject).
    static let newsLeads = ["近日，", "日前，", "近日,", "日前,"]

    /// The evidence that an opening is a yearbook entry (a label in 【】 before its text) or a news story (a
    /// day's date, then who held or did what: 2月14日，镇残联组织召开……), or nil. A report dates a period
    /// (2021年4月至5月，巡察组对我局进行了巡察) or its own year, not a day's meeting.
    static func newsLead(_ opening: String) -> String? {
        let firstLine = opening.prefix { $0 != "\n" }
        if firstLine.hasPrefix("【"), let close = firstLine.firstIndex(of: "】"),
            firstLine.distance(from: firstLine.startIndex, to: close) <= 12, firstLine.index(after: close) != firstLine.endIndex,
            // 【待补充】 is a blank; 【报告要点】, 【摘要】 label a study's summary.
            !["待", "填写", "补充", "要点", "摘要", "提要"].contains(where: { firstLine[..<close].contains($0) })
        {
            return "开头是年鉴条目“\(firstLine[...close])”"
        }
        // ……率调研组进行专题调研。现将调研情况报告如下：the report itself, dated.
        if firstLine.contains("如下") { return nil }
        let line = String(firstLine.prefix(80))
        guard let match = datedLead.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
            let range = Range(match.range, in: line)
        else { return nil }
        let sentence = line[range.upperBound...].prefix { $0 != "。" }
        guard newsVerbs.contains(where: { sentence.contains($0) }) else { return nil }
        return "开头是新闻导语“\(line[range])”"
    }

    /// A day's date (and hour) opening a line, then its comma: 1月13日上午9时，2021年8月2日，
    static let datedLead = try! NSRegularExpression(
        pattern:
            #"^(?:20\d\d年)?\d{1,2}月\d{1,2}日(?:[—－\-至到~～]{1,2}(?:\d{1,2}月)?\d{1,2}日)?(?:上午|下午|晚上|晚)?(?:\d{1,2}(?:时|点|:\d\d)(?:\d{1,2}分)?)?[，,]"#
    )
    /// 12月16日，……第六届人民代表大会第一次会议胜利闭幕; 8月15日—16日，……率调研组……
    static let newsVerbs = ["召开", "举行", "举办", "组织召开", "开展了", "召集", "主持召开", "闭幕", "开幕", "率调研组"]

    /// A news headline telling of a meeting, whatever report was given at it.
    static func tellsOfAMeeting(_ headline: String) -> Bool {
        // ……座谈会召开, ……大会隆重举行: the meeting's news told by its verb at the end (not a slogan's 以优异成绩
        // 迎接党的二十大胜利召开: the meeting named must be a 会).
        if let verb = ["隆重举行", "胜利闭幕", "召开", "举行", "开幕", "闭幕"].first(where: { headline.hasSuffix($0) }),
            headline.dropLast(verb.count).hasSuffix("会"), !["迎接", "喜迎"].contains(where: { headline.contains($0) })
        {
            return true
        }
        // 区自然资源局召开“双述双评”履职汇报会: the verb, then the meeting ending the headline.
        if let held = headline.range(of: "召开") ?? headline.range(of: "举行") ?? headline.range(of: "举办"),
            headline.distance(from: held.upperBound, to: headline.endIndex) <= 40,
            ["会", "会议", "大会"].contains(where: { headline.hasSuffix($0) }), !headline.hasPrefix("关于")
        {
            return true
        }
        // 全县30个乡镇党委书记向县委常委会述责述廉: who reported to whom, not the report (……述责述廉报告).
        return headline.contains("向") && ["述职", "述责述廉", "述职述廉", "述廉"].contains(where: { headline.hasSuffix($0) })
    }
}
