import Foundation
import Testing

@testable import ReportLint

@Suite("Numbering forms")
struct NumberingTests {
    func marker(_ text: String) -> NumberingMarker? {
        let bytes = Array(text.utf8)
        return Numbering.marker(in: bytes, at: 0, end: bytes.count)
    }

    @Test(arguments: [
        ("一、总体情况", NumberingForm.chineseComma, 1),
        ("十二、其他", .chineseComma, 12),
        ("二十三、其他", .chineseComma, 23),
        ("（三）深化学习", .fullParenChinese, 3),
        ("1.加强学习", .arabicDot, 1),
        ("12．加强学习", .arabicDot, 12),
        ("（4）开展活动", .fullParenArabic, 4),
        ("⑤落实制度", .circled, 5),
        ("㉑落实制度", .circled, 21),
    ])
    func standardForms(text: String, form: NumberingForm, value: Int) throws {
        let found = try #require(marker(text))
        #expect(found.form == form)
        #expect(found.form.isStandard)
        #expect(found.value == value)
    }

    @Test(arguments: [
        ("一.总体情况", NumberingForm.chineseDot, 1),
        ("一，总体情况", .chineseFullComma, 1),
        ("一 总体情况", .chineseSpace, 1),
        ("(一)深化学习", .halfParenChinese, 2),
        ("（一）、深化学习", .fullParenChineseComma, 2),
        ("1、加强学习", .arabicComma, 3),
        ("(1)开展活动", .halfParenArabic, 4),
        ("（1）、开展活动", .fullParenArabicComma, 4),
        ("①、落实", .circledComma, 5),
        ("①.落实", .circledDot, 5),
    ])
    func wrongFormsAreStillHeadingsOfTheirLevel(text: String, form: NumberingForm, level: Int) throws {
        let found = try #require(marker(text))
        #expect(found.form == form)
        #expect(!found.form.isStandard)
        #expect(found.form.level == level)
    }

    @Test(arguments: ["一年来，我局", "一是加强学习", "2023年，我局", "1.5万元用于", "十四五规划", "（此处填写）", "100.全年", "第一，", "1.2021万元"])
    func notNumbering(text: String) {
        #expect(marker(text) == nil)
    }

    /// A heading whose text opens with a year reads as a decimal at first sight: 1.2021年, 1.2021，在……
    @Test(arguments: ["1.2021年，在县委的领导下", "1.2021，在县委的领导下"])
    func headingOverAYear(text: String) throws {
        let found = try #require(marker(text))
        #expect(found.form == .arabicDot && found.value == 1)
    }

    @Test func chineseValues() {
        #expect(Numbering.chineseValue(Array("十".unicodeScalars)) == 10)
        #expect(Numbering.chineseValue(Array("十九".unicodeScalars)) == 19)
        #expect(Numbering.chineseValue(Array("九十九".unicodeScalars)) == 99)
        #expect(Numbering.chineseValue(Array("一十".unicodeScalars)) == nil)
        #expect(Numbering.chineseValue(Array("二二".unicodeScalars)) == nil)
    }
}

@Suite("Structure parser")
struct StructureParserTests {
    let report = """
        市统计局2023年党建工作总结

        市委：
        　　2023年，市统计局党组坚持以习近平新时代中国特色社会主义思想为指导。
        一、加强政治建设
        （一）深化理论学习，把准正确方向。一是落实第一议题制度；二是开展专题研讨。
        1.组织集中学习12次。
        （1）专题党课4次。
        ①书记讲党课。
        （二）严肃政治纪律
        二、存在的问题
          一是学习不够深入。二是融合不够紧密。
        三、下一步打算
        下一步，我局将继续加强学习。
        特此报告。
        中共市统计局党组
        2024年1月10日
        """

    @Test func titleAddresseeAndClosingLines() throws {
        let document = TestSupport.parse(report)
        #expect(try #require(document.title).line == 1)
        #expect(document.type == .summary)
        let roles = document.paragraphs.map { "\($0.line):\($0.role.rawValue)" }
        #expect(roles.first == "1:title")
        #expect(roles.contains("3:addressee"))
        #expect(roles.suffix(3) == ["15:closing", "16:signature", "17:date"])
        #expect(document.bodyEnd == document.paragraphs.first { $0.line == 15 }!.range.start)
    }

    @Test func headingsHaveLevelsAndNest() {
        let document = TestSupport.parse(report)
        let shape = document.headings.map { "\($0.line):\($0.level):\(document.text($0.text))" }
        #expect(
            shape == [
                "5:1:加强政治建设", "6:2:深化理论学习，把准正确方向", "7:3:组织集中学习12次", "8:4:专题党课4次",
                "9:5:书记讲党课", "10:2:严肃政治纪律", "11:1:存在的问题", "13:1:下一步打算",
            ])
        let parents = document.headings.map { $0.parent.map { document.headings[$0].line } }
        #expect(parents == [nil, 5, 6, 7, 8, 5, nil, nil])
    }

    @Test func runInHeadingTextStopsAtFirstFullStop() throws {
        let document = TestSupport.parse(report)
        let runIn = try #require(document.headings.first { $0.line == 6 })
        #expect(runIn.isRunIn)
        #expect(runIn.terminator != nil)
        let alone = try #require(document.headings.first { $0.line == 10 })
        #expect(!alone.isRunIn)
        #expect(alone.terminator == nil)
        // A one-sentence item ending in 。 is not run in: nothing follows its sentence.
        let item = try #require(document.headings.first { $0.line == 7 })
        #expect(!item.isRunIn)
        #expect(item.terminator != nil)
    }

    @Test func sectionExtentsRunToTheNextSiblingOrTheEndOfTheBody() throws {
        let document = TestSupport.parse(report)
        let first = try #require(document.headings.first { $0.line == 5 })
        let problems = try #require(document.headings.first { $0.line == 11 })
        #expect(first.extent.end == problems.extent.start)
        let last = try #require(document.headings.last)
        #expect(last.extent.end == document.bodyEnd)
        #expect(document.heading(containing: document.paragraphs.first { $0.line == 14 }!.range.start)?.line == 13)
    }

    @Test func indentedHeadingsAreFound() {
        let document = TestSupport.parse("标题\n　　一、加强学习\n    （一）理论武装\n\t1.集中学习\n")
        #expect(document.headings.map(\.level) == [1, 2, 3])
        #expect(document.headings.map(\.line) == [2, 3, 4])
    }

    @Test func seriesItemsAfterBoundariesOnly() {
        let document = TestSupport.parse(report)
        let items = document.seriesItems.map { "\($0.line):\($0.ordinal):\(document.text($0.text))" }
        #expect(items == ["6:1:落实第一议题制度", "6:2:开展专题研讨", "12:1:学习不够深入", "12:2:融合不够紧密"])
        #expect(document.seriesItems[0].headingIndex == 1)
        #expect(document.seriesItems[2].headingIndex == 6)
        // 统一是 is not an item: 一 is preceded by a character, not punctuation.
        #expect(TestSupport.parse("思想统一是前提，认识到位是基础。").seriesItems.isEmpty)
    }

    @Test func sentencesSplitAtChineseFullStops() {
        let document = TestSupport.parse("第一句。第二句！第三句？尾巴")
        let sentences = document.sentences(of: document.paragraphs[0]).map { document.text($0) }
        #expect(sentences == ["第一句。", "第二句！", "第三句？", "尾巴"])
        // Marks that share bytes with them do not end a sentence: 、 (E3 80 81), ＂ (EF BC 82), ， (EF BC 8C).
        let others = TestSupport.parse("甲、乙＂丙＂，丁。")
        #expect(others.sentences(of: others.paragraphs[0]).map { others.text($0) } == ["甲、乙＂丙＂，丁。"])
    }

    @Test func noTitleWhenTheReportStartsWithBody() {
        let document = TestSupport.parse("今年以来，我室认真落实各项部署。\n一、加强学习\n")
        #expect(document.title == nil)
        // No title to read the type from: guessed from the opening words, a summary by default.
        #expect(document.type == .summary)
        #expect(document.typeOrigin == .guessed)
        #expect(TestSupport.parse("根据工作安排，现将本人述责述廉情况报告如下。").type == .duty)
        // A work report may tell that its leaders gave theirs: that names no 述责述廉报告.
        #expect(TestSupport.parse("一年来，中心两位领导也作了述责述廉恪守政治纪律的报告，认真完成各项工作任务。").type == .summary)
        // A plan the opening follows is not the document's kind: this is a research report.
        #expect(TestSupport.parse("按照年度工作计划，我们组成调查组，对全市食品安全工作进行了调研。").type == .research)
        #expect(TestSupport.parse("根据工作安排，制定2024年工作计划如下。").type == .plan)
        // Addressed down to the units under it: a notice that forwards something, not a report.
        #expect(TestSupport.parse("各分支机构、地方学会：\n现将《2024年工作要点》印发给你们，请结合实际认真贯彻落实。\n").type == .notice)
        #expect(TestSupport.parse("各位代表：\n现在，我代表县人民政府作工作报告。\n").type == .summary)
        #expect(TestSupport.parse("市委党校获评优秀等次\n本报讯（记者 张明）记者从市委组织部获悉，市委党校获评优秀等次。\n").type == .bulletin)
        // A news lead under a headline; a report that opens with a kind word is still that kind.
        #expect(TestSupport.parse("市委党校获评优秀等次\n近日，市委、市政府召开考核总结表彰大会，市委党校获评优秀等次。\n").type == .bulletin)
        #expect(TestSupport.parse("近日，按照巡察反馈意见，现将整改落实情况报告如下。\n").type == .rectification)
        #expect(StructureParser.parse(TestSupport.source("2023年工作总结\n"), type: .plan).typeOrigin == .forced)
    }

    @Test func emptyAndBlankDocuments() {
        #expect(TestSupport.parse("").paragraphs.isEmpty)
        #expect(TestSupport.parse("\n\u{3000}\n  \n").paragraphs.isEmpty)
    }

    @Test(arguments: [
        ("2023年度机关党建工作总结", DocumentType.summary),
        ("关于2023年落实全面从严治党主体责任情况的报告", .responsibility),
        ("2023年党风廉政建设责任制情况报告", .responsibility),
        ("2024年党建工作要点", .plan),
        ("2023年工作总结和2024年工作计划", .summary),
        ("2023年度述责述廉报告", .duty),
        // Issue 18: the kinds offices really write, typed from their titles.
        ("2023年度抓基层党建工作述职报告", .statement),
        ("2023年度意识形态工作述职报告", .statement),
        ("银行客户经理履职报告", .statement),
        ("2023年度民主生活会个人对照检查材料", .inspection),
        ("2023年度组织生活会检视剖析材料", .inspection),
        ("关于全区机关单位全面从严治党主体责任落实情况的督查调研报告", .research),
        ("关于巡察反馈意见整改情况的报告", .rectification),
        ("关于2022年度审计查出问题整改情况的报告", .rectification),
        ("市档案馆2024年上半年工作总结", .summary),
        // The precision set of the tenth session: a disclosure report under another name, a self-check report.
        ("浑南区应急局2021年度政府信息公开工作报告", .disclosure),
        ("关于2023年度“三公”经费支出情况的自查报告", .summary),
        // The thirteenth blind set: a 方案 is a plan whatever it is about, a 小结 is a summary.
        ("医保基金监管稽查方案篇一", .plan),
        ("2024年安全生产专项整治工作方案（草案）", .plan),
        ("蒸湘区市场监督管理局4月份工作小结", .summary),
        // The twenty-sixth sets: a year's 工作意见 is its plan; a 信息公开报告 is the annual disclosure report;
        // 思考及建议 is a study.
        ("某市2017年教育工作意见", .plan),
        ("市统计局政府信息公开报告（2016年）", .disclosure),
        ("关于完善全县应急体系建设的思考及建议", .research),
        ("创建全国文明城市第一阶段工作小结", .summary),
        // A bulletin tells facts and asks for no section of a report.
        ("全国档案主管部门和档案馆基本情况摘要", .bulletin),
        ("第12期工作简报", .bulletin),
        ("2023年度工作总结（摘要）", .summary),
        // The seventeenth blind set: a bare 调研 before 汇报 is the work told of; 调研报告 is a kind.
        ("全县调研科技工作汇报材料", .summary),
        ("县科技局调研工作情况调研报告", .research),
        // The eighteenth precision sweep: a plan of years ahead, a report to a congress, a 研判 report.
        ("关于XX社区2026—2030年高质量发展的工作规划", .plan),
        ("青禾县“十五五”文化发展规划", .plan),
        ("关于“十四五”规划实施情况的报告", .summary),
        ("求真务实 科学发展——在中共青禾县医院第四次代表大会上的报告", .summary),
        ("2023年第三季度意识形态工作分析研判报告", .summary),
        ("本报讯1月29日，区政协召开常委会议", .bulletin),
        // The thirtieth sweep: a 讲话材料 and a 发言摘要 are speeches; 事迹 and 经验 materials are exemplars.
        ("2021年在拼搏赶超交流会上的讲话材料文稿", .speech),
        ("——我市外出考察总结座谈会发言摘要", .speech),
        ("魏某某同志事迹报告", .exemplar),
        ("最美基层好医生事迹材料", .exemplar),
        ("2023年基层党建品牌实践案例经验", .exemplar),
        ("县妇联基层党建工作经验交流材料", .exemplar),
        ("2023年度工作总结及经验做法", .summary),
        // The thirty-third sweep: final accounts, an action plan, a discussion paper.
        ("柞水县审计局2020年部门决算", .bulletin),
        ("某区全域旅游三年行动计划（2018—2020年）", .plan),
        ("镇长交流研讨材料", .speech),
        ("关于巡察反馈意见整改情况的报告", .rectification),
        // The thirty-fourth sweep: a headline telling of a meeting is news; a 发言稿范文 is a speech.
        ("区自然资源局召开“双述双评”履职汇报会", .bulletin),
        ("总结工作，谋划未来 ——青禾科技集团有限公司召开2023年工作总结分析会", .bulletin),
        ("关于召开2024年工作会议的通知", .notice),
        ("2023年工作总结会议", .summary),
        ("两学一做党员民主生活会发言稿范文一", .speech),
        ("镇雄：全县30个乡镇党（工）委书记向县委常委会述责述廉", .bulletin),
        ("县委书记2023年度向县委常委会述责述廉报告", .duty),
        // The thirty-fifth sweep: a 结题评审会 held is news too.
        ("学校举行2024—2025年度调研项目结题评审会", .bulletin),
        ("一份特殊的新年礼物——青禾市红十字会2015年工作综述", .bulletin),
        ("青禾市政协一届二次大会发言工作座谈会召开", .bulletin),
        ("推动城市管理事业高质量发展 以优异成绩迎接党的二十大胜利召开", nil),
        ("慈善事业市场化运作机制创新研究报告", .research),
    ])
    func documentTypeFromTitle(title: String, type: DocumentType?) {
        #expect(DocumentType.detect(title: title)?.type == type)
    }

    /// Without a telling title: the opening words, else two level-1 headings of a kind, else a summary;
    /// the evidence is what the `document-type` finding quotes.
    @Test func documentTypeGuessedWithEvidence() {
        #expect(DocumentType.guess(opening: "2024年全局党建工作的总体要求是：坚持……") == .init(type: .plan, evidence: "开头含“总体要求是”"))
        #expect(
            DocumentType.guess(opening: "今年以来，我局扎实推进各项工作。", headings: ["一、查摆的问题", "二、原因剖析", "三、整改措施"]).type
                == .inspection)
        #expect(DocumentType.guess(opening: "今年以来，我局扎实推进各项工作。", headings: ["一、总体要求"]).type == .summary)
        // A document the opening cites names its own kind; an opening that names this one's does.
        #expect(DocumentType.guess(opening: "按照《市委依法治市委员会2023年工作要点》要求，我局圆满完成各项任务。").type == .summary)
        #expect(DocumentType.guess(opening: "调研组走访12个乡镇，最终形成本调研报告。").type == .research)
        // A review the unit took part in (抓基层党建述职评议) is not this document's kind; the unit's own 述职 is.
        #expect(DocumentType.guess(opening: "近年来，党总支扎实开展抓基层党建述职评议，党建责任有效压实。").type == .summary)
        #expect(DocumentType.guess(opening: "年初细化分解任务，召开了述职述廉大会，将压力传导到基层单位。").type == .summary)
        #expect(DocumentType.guess(opening: "现将本人一年来的履职情况述职如下。").type == .statement)
        #expect(DocumentType.guess(opening: "现将本人抓基层党建工作述职如下。").type == .statement)
        #expect(DocumentType.guess(opening: "党总支按照部署，每年制定支部工作计划，每月开展支部学习。").type == .summary)
        #expect(DocumentType.guess(opening: "区档案局把档案数据报送作为重点工作之一，列入年度工作计划。").type == .summary)
        #expect(DocumentType.guess(opening: "机关委员会开展基层党组织书记抓党建工作述职报告会，党委成员参加。").type != .statement)
        #expect(DocumentType.detect(title: "2022公安交警政法队伍开展教育整顿心得体会")?.type == .exemplar)
        #expect(DocumentType.detect(title: "晋江市教育意见")?.type == .plan)
        #expect(DocumentType.guess(opening: "区档案局把档案数据报送作为重点工作之一，提出年度工作计划。").type == .plan)
        #expect(DocumentType.guess(opening: "现公布2022年市交通运输局信息公开工作年度报告。").type == .disclosure)
        #expect(
            DocumentType.guess(opening: "根据《县政府办公室关于2021年度政府信息公开工作年度报告编制工作的通知》要求，现将2021年度政府信息公开工作情况报告如下：")
                .type == .disclosure)
        #expect(
            DocumentType.guess(opening: "根据县政府办公室《关于做好2022年政府信息公开年度报告的通知》要求，编制本单位2022年度政务公开工作年度报告。")
                .type == .disclosure)
        // A yearbook entry and a news story's dated lead are bulletins; a report dates a period, not a day's meeting.
        #expect(DocumentType.guess(opening: "【疫情防控】自疫情发生以来，县卫健局全力以赴。").type == .bulletin)
        #expect(DocumentType.guess(opening: "1月13日上午9时，县审计局在局会议室召开2023年度工作总结暨2024年工作计划部署会。").type == .bulletin)
        #expect(DocumentType.guess(opening: "2月14日，镇残联组织召开全镇残联专职委员会议。").type == .bulletin)
        #expect(DocumentType.guess(opening: "2021年4月10日至5月10日，县委第二巡察组对我局进行了巡察。").type != .bulletin)
        #expect(DocumentType.guess(opening: "2021年8月2日，县委巡察组向我局反馈了巡察意见。").type != .bulletin)
        // The thirty-fourth sweep: a meeting's close and a visit over two days are news; a dated report is none.
        #expect(DocumentType.guess(opening: "12月16日，青禾区第六届人民代表大会第一次会议胜利闭幕。").type == .bulletin)
        #expect(DocumentType.guess(opening: "8月15日—16日，市人大常委会副主任率调研组对我市营商环境进行专题调研。").type == .bulletin)
        #expect(
            DocumentType.guess(opening: "8月15日—16日，市人大常委会副主任率调研组对我市营商环境进行专题调研，现将调研情况报告如下：").type
                == .research)
        #expect(DocumentType.guess(opening: "“十四五”时期是学院内涵建设的关键时期，为此，特制定本规划。").type == .plan)
        #expect(DocumentType.guess(opening: "市政协把优化营商环境作为重点调研课题，形成专题调研报告。").type == .research)
        #expect(DocumentType.guess(opening: "刚才，班子成员紧紧围绕会议主题作了对照检查，开展了批评和自我批评。").type == .speech)
        #expect(DocumentType.guess(opening: "各位领导，青年同事们：\n大家下午好！非常高兴参加今天的座谈会。").type == .speech)
        #expect(DocumentType.guess(opening: "本网讯 2月6日，副省长充分肯定省电力公司的工作。").type == .bulletin)
        #expect(DocumentType.guess(opening: "中新网上海6月19日电（范宇斌）建立参政议政调研基地。").type == .bulletin)
        #expect(DocumentType.guess(opening: "青禾客户端12月1日讯（通讯员 李明华）12月1日，镇人大代表向选民述职。").type == .bulletin)
        // A self-check titled only as a 报告 stays untyped (its missing sections are hints); a 报告 is a summary.
        #expect(TestSupport.parse("镇清理办公用房自查自纠报告\n按照县里要求，我镇开展了清理工作。\n").typeOrigin == .guessed)
        #expect(TestSupport.parse("镇清理办公用房自查自纠报告\n按照县里要求，我镇开展了清理工作。\n").typeEvidence == DocumentType.defaultEvidence)
        #expect(TestSupport.parse("关于2023年法治政府建设工作的报告\n按照县里要求，我镇开展了工作。\n").type == .summary)
        // A first line that is one quotation is a voice opening a news story, not a title.
        #expect(TestSupport.parse("“我本人抓党风廉政建设精力投入不够……”\n县党政一把手向纪委述责述廉。\n").title == nil)
        #expect(DocumentType.guess(opening: "【待补充】年，我局扎实推进各项工作。").type == .summary)
        #expect(DocumentType.guess(opening: "【报告要点】在乡村振兴全面推开之际，课题组开展了专题调研。").type == .research)
        #expect(DocumentType.guess(opening: "同志们：\n金牛辞旧岁，虎啸迎新春。").type == .speech)
        #expect(
            DocumentType.guess(opening: "现将2025年度主要工作完成情况、存在的问题以及2026年度重点工作计划汇报如下。").type == .summary)
        // A report to a congress says so; a disclosure report cites its format inside 《》 and names its period.
        #expect(DocumentType.guess(opening: "我代表共青团村支部第三届委员会向大会作报告，请予审议。").type == .summary)
        #expect(
            DocumentType.guess(opening: "本报告根据《中华人民共和国政府信息公开条例》的要求编制。本报告使用数据统计期限为2022年1月1日至12月31日。")
                .type == .disclosure)
        // A disclosure report lists its template's parts; a summary's name running on into its text is said.
        #expect(
            DocumentType.guess(opening: "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等部分组成。").type == .disclosure)
        #expect(
            DocumentType.guess(opening: "2019年妇女工作总结青禾社区妇联认真贯彻落实上级部署。")
                == .init(type: .summary, evidence: "开头含“工作总结”"))
        // A title ending in 报告 that names no kind is said as the evidence of a summary, not the default.
        for title in [
            "关于2017年法治政府建设工作的报告", "2023年财政预算（草案）的报告", "关于2022年预算执行情况和2023年预算草案的报告（书面）",
            "县委政法委员会关于近五年工作情况及巡察准备的汇报",
        ] {
            let report = StructureParser.parse(Source(path: "t.txt", text: "\(title)\n各位代表：现将有关情况报告如下。\n"))
            #expect(report.type == .summary && report.typeEvidence == DocumentType.plainReportEvidence, "\(title)")
            // Its findings say they check it as a summary; no note says so again.
            let notes = TestSupport.lint(report.source.text, rules: TestSupport.builtinRules).findings
            #expect(!notes.contains { $0.ruleId == "common/document-type" }, "\(title)")
        }
        let untitled = StructureParser.parse(Source(path: "t.txt", text: "今年以来，我局扎实推进各项工作。\n一、主要工作\n"))
        #expect(untitled.typeEvidence == "标题和开头都没有说明文种，默认")
        let source = Source(path: "t.txt", text: "2024年全局党建工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导。\n一、加强政治建设\n")
        let document = StructureParser.parse(source)
        #expect(document.type == .plan && document.typeOrigin == .guessed && document.typeEvidence == "开头含“总体要求是”")
    }

    /// A copy that opens with its outline has its title under it: the kind is read from that title; an opening
    /// of numbered items with a sentence among them has no title to read.
    @Test func titleUnderAnOutline() {
        let outlined = "一、主要工作\n二、存在的问题\n三、下一步工作\n县审计局2023年度述职报告\n2023年，我按照职责分工开展工作。\n一、主要工作\n"
        let document = StructureParser.parse(Source(path: "t.txt", text: outlined))
        #expect(document.type == .statement && document.typeOrigin == .title)
        let listed = "一、主要工作\n全年审计项目12个。\n二、下一步计划\n县审计局2023年度述职报告\n"
        #expect(StructureParser.parse(Source(path: "t.txt", text: listed)).typeOrigin == .guessed)
        let single = "一、主要工作\n县审计局2023年度述职报告\n"
        #expect(StructureParser.parse(Source(path: "t.txt", text: single)).typeOrigin == .guessed)
    }

    /// （一）主动公开情况：2020年，…… is a run-in heading ending at its colon; a colon ending the line is not.
    @Test func runInHeadingEndsAtAColon() {
        let source = Source(path: "t.txt", text: "一、主要工作\n（一）主动公开情况：2020年，中心网站发布信息635条。\n（二）依申请公开情况：\n")
        let headings = StructureParser.parse(source).headings
        #expect(headings.count == 3)
        #expect(headings[1].isRunIn && source.string(headings[1].text) == "主动公开情况")
        #expect(!headings[2].isRunIn)
    }

    /// The year a report is about: its title, else its date line (January–March look back a year), else
    /// an opening “2023年，”.
    @Test func reportYear() {
        func year(_ text: String) -> ReportYear? { StructureParser.parse(Source(path: "t.txt", text: text)).year }
        #expect(year("2023年党建工作总结\n全年学习12次。\n") == ReportYear(value: 2023, evidence: "标题"))
        #expect(year("党建工作总结\n全年学习12次。\n市统计局党组\n2024年1月10日\n") == ReportYear(value: 2023, evidence: "落款日期"))
        #expect(year("党建工作总结\n全年学习12次。\n市统计局党组\n2023年7月10日\n") == ReportYear(value: 2023, evidence: "落款日期"))
        #expect(year("市委：\n2022年，我室认真落实各项部署。\n") == ReportYear(value: 2022, evidence: "开头"))
        #expect(year("市委：\n今年以来，我室认真落实各项部署。\n") == nil)
        // A span of years is reported on up to its last; a year and a later number are not a span.
        let span = ReportYear(value: 2015, evidence: "标题（年份区间的末年）")
        #expect(year("县妇联2011-2015工作总结及今后五年工作思路\n全年学习12次。\n") == span)
        #expect(year("2011年至2015年工作总结\n全年学习12次。\n") == span)
        #expect(year("2011—2015年工作总结\n全年学习12次。\n") == span)
        #expect(year("2011年工作总结-2015版\n全年学习12次。\n")?.value == 2011)
        #expect(year("2011-2035年远景目标的说明\n全年学习12次。\n")?.value == 2011)
        // A speech's date line outranks the year its story opens with.
        #expect(year("——2023年9月26日在区人大常委会会议上\n主任、各位委员：\n2019年，区人大常委会任命我为局长。\n")?.value == 2023)
        // A title of one year over a body that says it reports on another: no year is trusted.
        #expect(year("区科协2024年工作总结\n2018年以来，区科协扎实工作，现将2018年工作总结如下：\n") == nil)
        #expect(year("区科协2018年工作总结\n现将2018年工作总结如下：\n")?.value == 2018)
        #expect(year("2024年镇工作总结\n2024年，全镇扎实工作。现将2023年建设情况报告如下：\n")?.value == 2024)
        #expect(year("区科协2018年工作总结\n现将我会2018年工作总结如下：\n")?.value == 2018)
    }
}

/// Issue 18: a report and its Markdown twin give the same findings, placeholders included (组织学习*次、
/// 集中学习*次 is two blanks, not emphasis); a file with no Chinese prose is skipped as not a report.
@Suite("Real-report precision")
struct RealReportPrecisionTests {
    func findings(_ name: String) throws -> [String] {
        let url = TestSupport.fixturesDirectory.appendingPathComponent(name)
        let source = try Reader().decode(Array(try Data(contentsOf: url)), path: name).get()
        return Linter(rules: try TestSupport.rules(builtin: true)).lint(source).findings
            .map { "\($0.ruleId)@\($0.start.line):\($0.start.column)-\($0.end.column)" }
    }

    @Test func markdownAndTextTwinsGiveTheSameFindings() throws {
        let text = try findings("markdown-placeholders.txt")
        #expect(text.filter { $0.hasPrefix("common/placeholder") }.count == 4)
        #expect(try findings("markdown-placeholders.md") == text)
    }

    @Test func aFileWithNoChineseProseIsNotAReport() throws {
        #expect(ReportProse.notAReport(Array("MIT License\nPermission is hereby granted.\n".utf8)) == "没有中文内容")
        let english = String(repeating: "ReportLint checks reports written in Chinese. ", count: 10)
        #expect(ReportProse.notAReport(Array(("# 中文报告检查\n" + english).utf8)) != nil)
        #expect(ReportProse.notAReport(Array("总结\nXX。XX。\n".utf8)) == nil)
        #expect(ReportProse.notAReport(Array("熟练使用Excel表格统计数据。".utf8)) == nil)
        let result = Linter(rules: try TestSupport.rules(builtin: true)).lint(Source(path: "LICENSE.txt", text: "MIT License\n"))
        #expect(result.isNotAReport && result.findings.isEmpty)
        let forced = Linter(rules: try TestSupport.rules(builtin: true)).lint(
            Source(path: "LICENSE.txt", text: "MIT License\n"), type: .summary)
        #expect(!forced.isNotAReport && !forced.findings.isEmpty)
        // A title naming a kind of report makes it one, whatever follows.
        let titled = "2023年工作总结\n" + String(repeating: "a\n", count: 500)
        #expect(!Linter(rules: try TestSupport.rules(builtin: true)).lint(Source(path: "r.txt", text: titled)).isNotAReport)
    }
}
