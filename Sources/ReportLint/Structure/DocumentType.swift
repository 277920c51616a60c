import Foundation

/// The kinds of documents offices write (DOMAIN.md §1 and §8). Each type is a profile in the rule packs:
/// rules say which types they apply to (`types:`), so a plan (工作要点), which looks forward, is not asked
/// for a problems section, and a 对照检查材料 is asked for 原因剖析 instead of 党的政治建设.
public enum DocumentType: String, Sendable, CaseIterable, Codable {
    /// How a report's type was decided.
    public enum Origin: String, Sendable {
        case title
        /// From the opening words or the headings, or summary by default: rules are run as for that type,
        /// and the `document-type` rule tells the writer on what evidence.
        case guessed
        /// `--type` or the configuration.
        case forced
    }

    /// A type and the words that decided it (“标题含‘述职报告’”), for the `document-type` finding.
    public struct Detection: Sendable, Equatable {
        public let type: DocumentType
        public let evidence: String
    }

    /// 工作总结 (also 半年总结, 工作情况报告).
    case summary
    /// 落实全面从严治党主体责任 / 党风廉政建设责任制情况报告.
    case responsibility
    /// 工作要点, 工作计划 (forward-looking).
    case plan
    /// 述责述廉报告 of a leader.
    case duty
    /// 述职报告: 抓基层党建工作述职, 意识形态工作述职, a person's 述职.
    case statement
    /// 民主生活会 / 组织生活会 对照检查材料: 查摆问题, 原因剖析, 整改措施.
    case inspection
    /// 调研报告: 基本情况, 存在问题, 对策建议.
    case research
    /// 巡视巡察、审计整改情况报告.
    case rectification
    /// 政府信息公开工作年度报告: the six parts of the State Council's template, no party-building blocks.
    case disclosure
    /// A 通知 (关于做好2023年工作总结的通知): it asks for reports and is none itself, so no section of a
    /// report is asked of it; its text is checked like any other.
    case notice
    /// A speech (在全县……工作会议上的讲话, 表态发言, 致辞): it may review the year's work, but it is no report,
    /// so no section of one (存在的问题, 下一步打算, the guiding thought) is asked of it.
    case speech
    /// A bulletin (工作简报, 新闻稿, 统计摘要, 公报): it tells facts and news, and asks nothing of a report's
    /// sections; its text is checked like any other.
    case bulletin
    /// An exemplar (先进事迹材料, 经验交流材料, 典型案例): it tells what one person or unit did well, for others to
    /// learn from; no section of a report is asked of it.
    case exemplar

    public var chineseName: String {
        switch self {
        case .summary: return "工作总结"
        case .responsibility: return "责任制情况报告"
        case .plan: return "工作要点/计划"
        case .duty: return "述责述廉报告"
        case .statement: return "述职报告"
        case .inspection: return "对照检查材料"
        case .research: return "调研报告"
        case .rectification: return "整改情况报告"
        case .disclosure: return "政府信息公开年度报告"
        case .notice: return "通知"
        case .speech: return "讲话稿"
        case .bulletin: return "信息简报"
        case .exemplar: return "事迹/经验材料"
        }
    }

    /// Title words, most specific first: `2023年工作总结和2024年工作计划` is a summary because 总结
    /// outranks 计划; `关于主体责任落实情况的督查调研报告` is a research report because 调研报告 outranks
    /// 主体责任; `民主生活会对照检查材料` is an inspection whatever else it names.
    static let titleWords: [(DocumentType, [String])] = [
        (
            .disclosure,
            [
                "信息公开工作年度报告", "信息公开年度报告", "信息公开年度工作报告", "信息公开年报", "信息公开工作年报", "政务公开工作年度报告",
                "信息公开工作报告", "信息公开报告", "政务公开报告",
            ]
        ),
        (.inspection, ["对照检查", "检视剖析", "检视材料", "对照检视", "个人检视", "剖析材料", "查摆材料"]),
        (.duty, ["述责述廉", "述职述廉", "述职述责", "述责报告", "述廉报告"]),
        (.statement, ["述职报告", "述职", "履职报告"]),
        (
            .research,
            [
                "调研报告", "调查报告", "调研情况报告", "专题调研", "调研与思考", "调查与思考", "调研", "思考及建议", "思考与建议",
                "研究报告",
                "思考和建议", "对策建议",
            ]
        ),
        (
            .rectification,
            [
                "整改情况", "整改进展", "整改落实情况", "整改工作情况", "整改报告", "整改工作总结",
                "整顿工作进展", "整顿工作情况", "整顿情况",
            ]
        ),
        (.responsibility, ["主体责任", "责任制"]),
        (.summary, ["总结", "小结"]),
        (
            .exemplar,
            [
                "事迹材料", "事迹报告", "先进事迹", "主要事迹", "典型事迹", "经验材料", "经验交流", "典型经验", "实践案例", "典型案例",
                "案例经验",
                // 教育整顿心得体会, 读后感: a writer's reflections, checked as such material is (no report's sections).
                "心得体会", "学习体会", "学习心得", "读后感", "观后感",
            ]
        ),
        (.plan, ["工作要点", "工作计划", "工作安排", "工作思路", "要点", "实施方案", "工作规划", "目标责任书", "工作谋划", "工作意见", "实施意见", "行动计划", "行动方案"]),
        // 重点工作分工的意见, 主要目标任务分解: who does which of the year's tasks, sent down to the units as a
        // notice is; it reviews nothing and tells no problems.
        (.notice, ["任务分解", "分工的意见", "分工方案", "责任分工"]),
        (
            .summary,
            [
                "情况报告", "情况的报告", "完成情况", "工作报告", "年度报告", "工作汇报", "情况汇报", "自查报告", "自评报告",
                "大会上的报告", "研判报告", "汇报材料",
            ]
        ),
    ]

    /// A label after a title's name: （草案）, (1), 篇一, 2. Compiled once: titles are read for every report.
    static let trailingLabel = try! NSRegularExpression(
        pattern: #"(?:（[^（）]{1,8}）|\([^()]{1,8}\)|(?:篇|范文)[一二三四五六七八九十]+|范文|[0-9]+)$"#)

    /// A list number opening a line, before a word (not a year or a figure).
    static let listNumber = try! NSRegularExpression(pattern: #"^[0-9]{1,2}[、.．](?=\p{Han})"#)

    /// Title endings of a speech.
    static let speechEndings = [
        "讲话", "讲话稿", "讲话提纲", "讲话材料", "讲话文稿", "讲话材料文稿", "讲话摘要", "讲话要点", "发言", "发言稿", "发言摘要", "发言提纲",
        "发言材料",
        "研讨材料", "研讨发言材料",
        "致辞",
    ]
    /// The title words of an inspection: its 发言 is no speech.
    static let inspectionTitleWords = titleWords.first { $0.0 == .inspection }?.1 ?? []

    /// The type named by a title, and the word that named it. A title ending in 讲话 or 发言 names a speech; one
    /// ending in 通知 names a notice, whatever
    /// report it is about (关于做好2023年工作总结的通知), unless it issues one (关于印发2024年工作要点的通知):
    /// then the body is that document, typed by the words after 印发.
    public static func detect(title: String) -> Detection? {
        // 政 府 工 作 报 告: a title spaced out letter by letter is read without its spaces.
        var title = lettersSpacedOut(title) ? title.filter { !$0.isWhitespace } : title
        // 1、大学团委工作调研报告: a page's list number before the title.
        if let match = listNumber.firstMatch(in: title, range: NSRange(title.startIndex..., in: title)),
            let range = Range(match.range, in: title)
        {
            title = String(title[range.upperBound...])
        }
        // 2023年度校长述职报告。 : a full stop after a title does not hide its kind.
        let words = Array(title.reversed().drop(while: { $0.isWhitespace || $0 == "。" }).reversed())
        if words.suffix(2).elementsEqual("通知") {
            let issuing = String(words.dropLast(2))
            for verb in ["印发", "转发", "下发"] {
                guard let range = issuing.firstRange(of: verb) else { continue }
                if let issued = detect(title: String(issuing[range.upperBound...])) { return issued }
            }
            return Detection(type: .notice, evidence: "标题是通知")
        }
        // The title without a label after it (（草案）, 篇一, （2023年）).
        let written = String(words)
        let unlabelled = trailingLabel.stringByReplacingMatches(
            in: written, range: NSRange(written.startIndex..., in: written), withTemplate: "")
        // 在……会议上的交流发言：“聚”出乡村振兴新路子: the kind is named before a headline after the colon.
        let named = unlabelled.split(separator: "：", maxSplits: 1).first.map(String.init) ?? unlabelled
        // A speech whatever year's work it reviews (在2023年工作总结大会上的讲话), unless it is the 发言 of a
        // 民主生活会 (对照检查发言).
        if let ending = speechEndings.first(where: { unlabelled.hasSuffix($0) || named.hasSuffix($0) }),
            !inspectionTitleWords.contains(where: { ByteSearch.contains(title, $0) })
        {
            return Detection(type: .speech, evidence: "标题以“\(ending)”结尾")
        }
        // 傲岩争春春长在——记……小学教师王某某: the subtitle of a profile (not ——记者 of a news story).
        if ["—记", "--记"].contains(where: { ByteSearch.contains(title, $0) }), !ByteSearch.contains(title, "记者") {
            return Detection(type: .exemplar, evidence: "标题是“——记……”")
        }
        // The last part of a title with a subtitle (……——某公司召开2023年工作总结分析会).
        let headline = unlabelled.components(separatedBy: "——").last ?? unlabelled
        if tellsOfAMeeting(headline) { return Detection(type: .bulletin, evidence: "标题是会议消息“\(headline)”") }
        for (type, words) in titleWords {
            // 全县调研科技工作汇报材料: a bare 调研 before a work report's own name (汇报, 总结) is what the report
            // tells of, not its kind.
            if let word = words.first(where: { ByteSearch.contains(title, $0) }),
                word != "调研" || !["汇报", "总结"].contains(where: { ByteSearch.contains(title, $0) })
            {
                return Detection(type: type, evidence: "标题含“\(word)”")
            }
        }
        // 医保基金监管稽查方案, 工作方案（草案）, …方案篇一: a plan of work, whatever it is about.
        let name = unlabelled
        if name.hasSuffix("方案") { return Detection(type: .plan, evidence: "标题以“方案”结尾") }
        // 社区2026—2030年高质量发展规划: a plan of the years ahead (a 规划实施情况的报告 is typed above).
        if name.hasSuffix("规划") { return Detection(type: .plan, evidence: "标题以“规划”结尾") }
        // 晋江市教育意见, 关于……的指导意见: tasks for the year ahead, set out as a plan's are.
        if name.hasSuffix("意见") { return Detection(type: .plan, evidence: "标题以“意见”结尾") }
        // 本报讯1月29日，区政协召开……: a news story's lead taken for its title.
        if let word = newsWords.first(where: { ByteSearch.contains(title, $0) }) {
            return Detection(type: .bulletin, evidence: "标题含“\(word)”")
        }
        // 2022年度全国档案主管部门和档案馆基本情况摘要, 第12期工作简报, 统计公报.
        if let ending = bulletinEndings.first(where: { name.hasSuffix($0) }) {
            return Detection(type: .bulletin, evidence: "标题以“\(ending)”结尾")
        }
        return nil
    }

    /// A title of Han characters each followed by a space (政 府 工 作 报 告), at least four of them.
    static func lettersSpacedOut(_ title: String) -> Bool {
        let characters = Array(title.trimmingCharacters(in: .whitespaces))
        guard characters.count >= 7 else { return false }
        for (index, character) in characters.enumerated() {
            let isSpace = character == " " || character == "\u{3000}"
            if index % 2 == 1 ? !isSpace : isSpace { return false }
        }
        return true
    }

    /// Opening words that name the document where its title does not (or where it has none).
    /// 民主生活会 alone names no kind: a rectification report tells of the 专题民主生活会 it held.
    static let openingWords: [(DocumentType, [String])] = [
        (
            .disclosure,
            [
                "公开工作年度报告", "政府信息公开年度报告", "本报告中所列数据", "本年度报告中所列数据", "政府信息公开工作报告",
                "信息公开工作情况报告如下", "工作年度报告格式", "数据统计期限", "数据的统计期限", "主动公开政府信息情况", "本年报",
            ]
        ),
        (.inspection, ["对照检查", "检视剖析", "查摆问题", "对照检视"]),
        // Words of a 述责述廉 that speaks for itself: a work report may tell that its leaders 作了述责述廉.
        (
            .duty,
            [
                "述责述廉情况报告如下", "述职述廉情况报告如下", "述责述廉报告如下", "述职述廉报告如下", "述责述廉如下", "述职述廉如下",
                "进行述责述廉", "进行述职述廉", "述责述廉：", "述职述廉：", "请予评议",
            ]
        ),
        (.statement, ["述职如下", "述职报告", "履职情况报告如下", "抓基层党建工作情况报告如下", "抓党建工作情况报告如下", "述职"]),
        (
            .rectification,
            [
                "整改情况报告如下", "整改工作情况报告如下", "整改进展情况", "反馈意见整改", "巡察反馈", "巡视反馈", "审计整改",
                "问题的整改情况", "问题整改情况",
            ]
        ),
        (
            .research,
            [
                "调研情况报告如下", "开展了专题调研", "进行了专题调研", "调研报告如下", "调查，情况如下", "调研，情况如下", "经调研",
                "调研发现", "通过调研和",
                "调查情况报告如下", "调查情况汇报如下", "形成本调研报告", "形成了本调研报告", "形成本报告如下",
                "组成调查组", "组成调研组", "成立调研组", "成立调查组", "课题组", "形成专题调研报告", "形成调研报告",
            ]
        ),
        (
            .plan,
            [
                "工作要点", "总体要求是", "工作计划", "总体思路是", "指导思想是", "总体目标是", "主要目标是",
                // ……特制定本规划: a plan's preamble says what it is.
                "制定本规划", "编制本规划", "研制本规划", "制订本规划", "制定本方案", "制订本方案",
            ]
        ),
        (.responsibility, ["主体责任情况", "责任制情况", "落实主体责任"]),
        // A report to a congress: 我代表……委员会向大会作报告，请予审议.
        (.summary, ["向大会作工作报告", "向大会作报告", "向大会报告工作"]),
    ]

    /// Verbs before a plan the opening follows rather than is (按照年度工作计划，我们组成调查组).
    /// So is a plan made every year (每年制定支部工作计划): the opening tells of plans, it is none; 制定2024年工作计划如下
    /// is the plan itself.
    /// So is one a task was put into (列入年度工作计划).
    static let followingVerbs = ["按照", "根据", "依据", "对照", "结合", "落实", "围绕", "每年制定", "每年制订", "列入", "纳入", "写入"]

    /// Verbs before an inspection that members made in turn at a meeting (班子成员相继作对照检查): the opening of a
    /// news story about the meeting, not the 对照检查 itself (which may well tell that it was 认真撰写).
    static let meetingVerbs = ["相继作", "分别作", "逐一作", "依次作"]

    /// True when some occurrence of `word` in `opening` comes right after one of `meetingVerbs`.
    static func madeAtAMeeting(_ word: String, in opening: String) -> Bool {
        meetingVerbs.contains { ByteSearch.contains(opening, $0 + word) }
    }

    /// An opening that reports on work done as well as planning the next (工作总结, 完成情况、存在的问题以及
    /// 2026年度重点工作计划): a summary with its plan, not a plan.
    static func looksBack(_ opening: String) -> Bool {
        ["工作总结", "完成情况", "工作回顾"].contains { ByteSearch.contains(opening, $0) }
    }

    /// True when every occurrence of `word` in `opening` has a following verb at most ten characters before it.
    static func onlyFollowed(_ word: String, in opening: String) -> Bool {
        var rest = opening[...]
        var found = false
        while let range = rest.range(of: word) {
            found = true
            let before = opening[opening.startIndex..<range.lowerBound].suffix(10)
            if !followingVerbs.contains(where: { before.contains($0) }) { return false }
            rest = rest[range.upperBound...]
        }
        return found
    }

    /// Level-1 headings that name a kind on their own: the parts of the State Council's template for the
    /// annual disclosure report (国办公开办函〔2021〕30号) are worded alike in every such report.
    static let decisiveHeadingWords: [(DocumentType, [String])] = [
        (.disclosure, ["主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议"])
    ]

    /// Words of level-1 headings that tell a document's kind when neither title nor opening does.
    static let headingWords: [(DocumentType, [String])] = [
        (.inspection, ["原因剖析", "问题产生的原因", "根源剖析", "整改措施", "查摆的问题", "检视问题"]),
        (.research, ["对策建议", "意见建议", "几点建议", "对策和建议", "基本情况"]),
        (.rectification, ["整改落实情况", "整改工作开展情况", "整改进展"]),
        (.plan, ["总体要求", "指导思想", "主要任务", "重点任务", "保障措施", "工作要求"]),
    ]

    /// 述职 as the name of a meeting or a review, longest first.
    static let meetingsOfStatements = ["述职述廉大会", "述职述廉会议", "述职报告会", "述职评议", "述职大会", "述职会议", "述职测评"]

    /// The type suggested by a report's opening words, else by its level-1 headings; a summary, the
    /// commonest shape, when nothing tells. `headings` are the texts of the level-1 headings.
    public static func guess(opening: String, headings: [String] = []) -> Detection {
        // 各分支机构、地方学会：…… — addressed down to the units under it: a notice (it forwards or asks for
        // reports), not a report.
        // (各位代表： opens a speech or a government work report: that is no address to units.)
        if opening.hasPrefix("各"), !opening.hasPrefix("各位"), let colon = opening.firstIndex(of: "："),
            opening.distance(from: opening.startIndex, to: colon) <= 30,
            !opening[..<colon].contains(where: { "。，；".contains($0) })
        {
            return Detection(type: .notice, evidence: "开头是主送单位“\(opening[...colon])”")
        }
        // 【新冠肺炎疫情防控】自…… — a yearbook entry; 1月13日上午，县审计局召开…… — a news story's dated lead.
        if let lead = newsLead(opening) { return Detection(type: .bulletin, evidence: lead) }
        // 本报讯, （记者……）: a news story, whatever report it tells of (向大会作报告).
        if let word = decisiveNewsWords.first(where: { ByteSearch.contains(opening, $0) }) {
            return Detection(type: .bulletin, evidence: "开头含“\(word)”")
        }
        // 同志们： opens a speech to a meeting.
        if opening.hasPrefix("同志们：") || opening.hasPrefix("同志们，") {
            return Detection(type: .speech, evidence: "开头是称呼“同志们”")
        }
        // 刚才，班子成员作了对照检查……: a leader's words at a meeting, after what was just said.
        if opening.hasPrefix("刚才，") || opening.hasPrefix("刚才,") {
            return Detection(type: .speech, evidence: "开头是讲话的“刚才，”")
        }
        // A document the opening cites (《……2023年工作要点》) names its own kind, not this one's.
        let opening = Bracketed.removing("《", "》", from: opening)
        // 抓基层党建述职评议, 召开了述职述廉大会: a review or a meeting the unit held or took part in, not this
        // document's kind.
        let withoutReviews = meetingsOfStatements.reduce(opening) { $0.replacingOccurrences(of: $1, with: "") }
        for (type, words) in openingWords {
            if let word = words.first(where: { word in
                ByteSearch.contains(type == .statement ? withoutReviews : opening, word)
                    && !(type == .plan && (onlyFollowed(word, in: opening) || looksBack(opening)))
                    && !(type == .inspection && madeAtAMeeting(word, in: opening))
            }) {
                return Detection(type: type, evidence: "开头含“\(word)”")
            }
        }
        if let word = newsWords.first(where: { ByteSearch.contains(opening, $0) }) {
            return Detection(type: .bulletin, evidence: "开头含“\(word)”")
        }
        // 近日，市委、市政府召开……大会: a news lead under a headline, when no word of a report's kind came first.
        if let lead = newsLeads.first(where: { opening.hasPrefix($0) || ByteSearch.contains(opening, "\n" + $0) }) {
            return Detection(type: .bulletin, evidence: "开头是新闻导语“\(lead)”")
        }
        for (type, words) in decisiveHeadingWords {
            if let heading = headings.first(where: { heading in words.contains(where: heading.contains) }) {
                return Detection(type: type, evidence: "标题“\(heading)”")
            }
        }
        for (type, words) in headingWords {
            let matching = headings.filter { heading in words.contains { ByteSearch.contains(heading, $0) } }
            // Two headings of a kind (原因剖析 and 整改措施; 总体要求 and 主要任务): one alone is too weak.
            if matching.count >= 2 {
                return Detection(type: type, evidence: "标题“\(matching[0])”“\(matching[1])”")
            }
        }
        // A summary's name in a first line that runs on into its text (2019年妇女工作总结海尾社区妇联……): the
        // default, but said on its evidence.
        if ByteSearch.contains(opening, "工作总结") { return Detection(type: .summary, evidence: "开头含“工作总结”") }
        // 尊敬的各位领导，同志们： or 各位领导，青年同事们： with no word of a 述职 or a report after it: words spoken to
        // a meeting.
        if let salutation = opening.split(separator: "\n").first,
            // (Not 各位代表：, which opens a government's work report to its congress as well.)
            salutation.hasPrefix("尊敬的") || salutation.hasPrefix("各位领导"),
            salutation.count <= 30, salutation.hasSuffix("：") || salutation.hasSuffix(":")
        {
            return Detection(type: .speech, evidence: "开头是称呼“\(salutation)”")
        }
        return Detection(type: .summary, evidence: defaultEvidence)
    }

    static let defaultEvidence = "标题和开头都没有说明文种，默认"

    /// A title that ends in 报告 (关于2017年法治政府建设工作的报告, ……预算草案的报告（书面）) but names no kind: a
    /// report of work, so checked as a summary when its opening tells nothing else.
    /// Why a title that ends in 报告 (关于……预算执行情况的报告) or ……的汇报 is checked as a summary.
    static let plainReportEvidence = "标题只说是“报告”或“汇报”，未说明哪一种"

    static func endsInReport(title: String) -> Bool {
        let written = String(title.reversed().drop(while: \.isWhitespace).reversed())
        let name = trailingLabel.stringByReplacingMatches(
            in: written, range: NSRange(written.startIndex..., in: written), withTemplate: "")
        // 清理办公用房自查自纠报告: a self-check may well find nothing to correct and plan nothing further; it
        // stays untyped, its missing sections hints. (自查报告 and 自评报告 are title words of a summary, typed
        // before this is asked.)
        return (name.hasSuffix("报告") || name.hasSuffix("的汇报")) && !["自查自纠报告", "自检报告"].contains { name.hasSuffix($0) }
    }
}
