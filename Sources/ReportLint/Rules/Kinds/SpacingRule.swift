/// `kind: spacing` — a stray space in body text and headings: between two Han characters, next to Chinese
/// punctuation (`一、 加强`), right after a heading's numbering (`1. 持续推进`), and between a Han character
/// and a number or a Latin word (`2021 年度`, `下降 66.7%`, `推进 5G 网络`): a 公文 writes none there
/// (GB/T 15835 practice; the opposite of what AutoCorrect enforces for web text). Inside “…” or 《…》 only a
/// space beside a 点号 (，。、；：？！) is stray: slogans and titles keep the space between their halves
/// (“贯彻党代会 奋进新征程”), and `fix` leaves quoted text alone anyway. Never next to a URL or e-mail
/// address, a multi-word English name or a code with spaces in it (`GB/T 9704-2012`, `Microsoft Office`),
/// never next to Markdown inline code, never in indentation, not in a title spaced out letter by letter
/// (政 府 工 作 报 告) or between a headline's two parallel phrases (抓好劳动力转移 促进妇女增收), and not in the
/// author, signature or date lines.
struct SpacingRuleDefinition: RuleDefinition {
    static let keys: [String] = []

    static func parse(_ fields: MappingFields) -> SpacingRuleDefinition? { SpacingRuleDefinition() }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        SpacingRule(header: header)
    }
}

public struct SpacingRule: Rule {
    public let header: RuleHeader
    public var fixable: Bool { true }

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let source = document.source
        let scalars = source.scalars
        let headings = document.headings
        var findings: [Finding] = []
        // Body, headings and the title (unless its letters are spaced out on purpose: 政 府 工 作 报 告).
        let paragraphs = document.paragraphs.filter { paragraph in
            paragraph.role == .body || paragraph.role == .heading
                || paragraph.role == .title && !isLetterSpaced(paragraph.scalars, scalars)
        }
        for paragraph in paragraphs {
            var quotes = QuoteDepth()
            let indices = paragraph.scalars
            // The first character after a heading's numbering marker (`1.` `（一）`): a space there is stray.
            var markerEnd = -1
            // (Not in Markdown, where `1. ` opens an ordered list.)
            if source.format != .markdown, let heading = paragraph.headingIndex.map({ headings[$0] }), !heading.marker.isImplicit,
                heading.marker.range.end > paragraph.range.start
            {
                markerEnd = source.scalarIndex(ofByte: heading.marker.range.end)
            }
            // (Decided once per paragraph, not at each space: a short line under the title, a headline.)
            // 一、综 合 in a statistical bulletin: the heading's words after its number, spread out too.
            let label = isSpacedLabel(markerEnd >= 0 ? markerEnd..<indices.upperBound : indices, scalars)
            let authors = paragraph.index <= 3 && isAuthorLine(indices, scalars) || label || isCreditLine(indices, scalars)
            let headline = isHeadline(paragraph, scalars)
            var index = indices.lowerBound
            while index < indices.upperBound {
                let scalar = scalars[index]
                guard CharacterClass.isSpace(scalar) else {
                    quotes.update(with: scalar)
                    index += 1
                    continue
                }
                var end = index + 1
                while end < indices.upperBound, CharacterClass.isSpace(scalars[end]) { end += 1 }
                if index > indices.lowerBound, end < indices.upperBound,
                    quotes.isInside
                        ? besidePoint(scalars[index - 1], scalars[end])
                        : index == markerEnd || isStray(index, end, indices, scalars),
                    !isByline(index, end, indices, scalars), !isBetweenIssuers(index, end, indices, scalars),
                    !authors,
                    !isBetweenSigners(index, end, indices, scalars), !isAfterEntryLabel(index, indices, scalars),
                    !headline
                        || !isHeadlineBreak(
                            index, end, indices, scalars, numbered: markerEnd >= 0, title: paragraph.role == .title),
                    !isAfterCaptionNumber(index, indices, scalars), !isAfterDateline(index, indices, scalars),
                    !isAfterPartNumber(index, indices, scalars), !isBesideSiteLabel(index, end, indices, scalars),
                    !nextToMarkdownCode(index..<end, source)
                {
                    if markerEnd >= 0, !headline, isRunInHeadingBreak(index, end, from: markerEnd, indices, scalars) {
                        // （一）强基固本，筑基石 学校将……: the space stands where the heading ended; deleting it
                        // would run the heading into its text.
                        findings.append(
                            context.finding(
                                header, at: source.byteRange(index..<end),
                                message: "\(header.message)：标题和正文之间用了空格，应另起一行（或在标题末尾加句号），不是删去空格"))
                    } else if isListSeparator(index, end, indices, scalars) {
                        // Which it is, a list or a stray space, only the writer knows: no fix either way.
                        findings.append(
                            context.finding(
                                header, at: source.byteRange(index..<end),
                                message: "\(header.message)：若是并列的词语，应改用顿号（六安、宣城、黄山），否则删去空格"))
                    } else {
                        findings.append(context.finding(header, at: source.byteRange(index..<end), suggestion: ""))
                    }
                }
                index = end
            }
        }
        return findings
    }

    /// `局长 郑创平` under a title or `镇人民政府镇长 邓迎春` over a speech: a post, a space and a name of two to
    /// four characters ending the paragraph, or a news story's `（记者 王朝朝）`.
    private func isByline(_ start: Int, _ end: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        // `（高小珂  吴坤）` closing a news story, `（通讯员 庾先文 易恒戬）` after its dateline: the writers' names,
        // set apart by spaces (deleting one would run two names together).
        // Looked for within 20 characters either side: a line of megabytes has thousands of spaces.
        if let open = scalars[max(indices.lowerBound, start - 20)..<start].lastIndex(of: "（"),
            let close = scalars[end..<min(indices.upperBound, end + 20)].firstIndex(of: "）"),
            SpacingRule.namesOnly(scalars[(open + 1)..<close], atLeast: 2)
        {
            return true
        }
        // （仪征市供销合作总社 谈媛媛）: the writer's unit, a space, the name, closing the parenthesis and the story.
        if let open = scalars[max(indices.lowerBound, start - 30)..<start].lastIndex(of: "（"),
            let close = scalars[end..<min(indices.upperBound, end + 5)].firstIndex(of: "）"), close == indices.upperBound - 1,
            (2...4).contains(close - end),
            scalars[end..<close].allSatisfy(CharacterClass.isHan), start - open > 3,
            "社局委院所站办部会队司镇乡村区县市厂校馆团处科中心".unicodeScalars.contains(scalars[start - 1])
        {
            return true
        }
        // （章 鹏）: a two-character name padded to the width of three.
        if start - 2 >= indices.lowerBound, end + 1 < indices.upperBound, scalars[start - 2] == "（", scalars[end + 1] == "）",
            CharacterClass.isHan(scalars[start - 1]), CharacterClass.isHan(scalars[end])
        {
            return true
        }
        // ……服务。 （陆勇锋 石红星） — the space before the writers' names that close the story.
        if end < indices.upperBound, scalars[end] == "（", scalars[indices.upperBound - 1] == "）",
            indices.upperBound - end <= 20, SpacingRule.namesOnly(scalars[(end + 1)..<(indices.upperBound - 1)], atLeast: 1)
        {
            return true
        }
        var nameEnd = end
        while nameEnd < indices.upperBound, CharacterClass.isHan(scalars[nameEnd]) { nameEnd += 1 }
        let closesParenthesis = nameEnd < indices.upperBound && scalars[nameEnd] == "）"
        guard nameEnd == indices.upperBound || closesParenthesis else { return false }
        let name = end..<nameEnd
        guard (2...4).contains(name.count) else { return false }
        let before = String(scalars: scalars[indices.lowerBound..<start])
        return ["长", "书记", "主任", "主席", "委员", "代表", "同志", "记者", "通讯员", "干部", "局长", "科员"].contains {
            before.hasSuffix($0)
        }
    }

    /// `目 录`, `前  言`: a short label on a line of its own, its characters spread out by spaces as typeset.
    private func isSpacedLabel(_ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        // Spaces between the characters only: 一、 工作要点 has a stray space after its number.
        guard indices.count <= 12, let first = indices.first, CharacterClass.isHan(scalars[first]),
            CharacterClass.isHan(scalars[indices.upperBound - 1])
        else { return false }
        let letters = scalars[indices].filter { $0 != " " && $0 != "\u{3000}" }
        return (2...4).contains(letters.count) && letters.allSatisfy(CharacterClass.isHan)
            && letters.count < indices.count
    }

    /// Names set apart by spaces (or ideographic spaces), at least `count` of them, each of `lengths` Han
    /// characters; with `roles`, each perhaps after its role (记者原文钊 通讯员李军鹏).
    static func namesOnly(
        _ text: ArraySlice<Unicode.Scalar>, atLeast count: Int, lengths: ClosedRange<Int> = 2...4, roles: Bool = true
    ) -> Bool {
        let names = String(scalars: text).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map { name in
            guard roles else { return name }
            return ["记者", "通讯员", "实习生", "特约记者", "见习记者"].first(where: { name.hasPrefix($0) && name.count > $0.count })
                .map { name.dropFirst($0.count) } ?? name
        }
        return names.count >= count
            && names.allSatisfy { lengths.contains($0.count) && $0.unicodeScalars.allSatisfy(CharacterClass.isHan) }
    }

    /// `周振宇 高敬东 陈剑琦` under a title: the authors' names, two or three characters each, set apart by spaces.
    private func isAuthorLine(_ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        indices.count <= 40 && SpacingRule.namesOnly(scalars[indices], atLeast: 2, lengths: 2...3, roles: false)
    }

    /// `文 | 王颖文 李希金 刘莹`, `作者：张明 李华`: a story's credit line, wherever it stands.
    private func isCreditLine(_ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard indices.count <= 40 else { return false }
        var rest = Substring(String(scalars: scalars[indices]))
        guard let credit = ["作者", "文", "图", "撰稿"].first(where: { rest.hasPrefix($0) }) else { return false }
        rest = rest.dropFirst(credit.count).drop { $0 == " " || $0 == "\u{3000}" }
        guard let mark = rest.first, "|｜/：:".contains(mark) else { return false }
        return SpacingRule.namesOnly(ArraySlice(rest.dropFirst().unicodeScalars), atLeast: 2)
    }

    /// `中共中央办公厅 国务院办公厅印发`, `中共中央 国务院`, `省委办公厅 省政府办公厅`: joint issuers are named with a
    /// space between them, as the issuing notices and 新华社 write them.
    private func isBetweenIssuers(_ start: Int, _ end: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        func ends(with word: [Unicode.Scalar]) -> Bool {
            start - word.count >= indices.lowerBound && Array(scalars[(start - word.count)..<start]) == word
        }
        func begins(with word: [Unicode.Scalar]) -> Bool {
            end + word.count <= indices.upperBound && Array(scalars[end..<(end + word.count)]) == word
        }
        return SpacingRule.issuerEnds.contains(where: ends) && SpacingRule.issuerStarts.contains(where: begins)
    }

    static let issuerEnds = ["中共中央", "办公厅", "办公室", "委员会", "人民政府", "省委", "市委", "县委", "区委"].map { Array($0.unicodeScalars) }
    static let issuerStarts = [
        "国务院", "中共", "中央", "全国人大", "省政府", "市政府", "县政府", "区政府", "省人民政府", "市人民政府",
        "县人民政府", "区人民政府", "省委", "市委", "县委", "区委",
    ].map { Array($0.unicodeScalars) }

    /// `西乡县医疗保障局　　西乡县发展和改革局`: the units of a joint signature set side by side with a run of
    /// spaces, on a short line without a mark.
    private func isBetweenSigners(_ start: Int, _ end: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard end - start >= 2 || scalars[start] == "\u{3000}", indices.count <= 60, start > indices.lowerBound,
            CharacterClass.isHan(scalars[end]), SpacingRule.unitEnds.contains(scalars[start - 1])
        else { return false }
        return !scalars[indices].contains { CharacterClass.isChinesePunctuation($0) || "，。,.;:".unicodeScalars.contains($0) }
    }

    /// The last character of a unit's name (局, 委员会, 人民政府, 公司 …).
    static let unitEnds = Set("局委会院办部厅处室所站心府司道镇乡村社行校馆团联".unicodeScalars)

    /// `新华社北京2月29日电 据国家统计局……`: a news agency's dateline (a day, then 电) set off from the story by a
    /// space, near the start of its paragraph.
    /// 本网讯 2月6日……, 本报讯 ……: a news story's dateline word, too.
    private func isAfterDateline(_ start: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        let lead = start - indices.lowerBound
        guard lead >= 3 else { return false }
        let agency =
            lead <= 30 && scalars[start - 1] == "电" && scalars[start - 2] == "日"
            && (CharacterClass.isDigit(scalars[start - 3]) || "一二三四五六七八九十".unicodeScalars.contains(scalars[start - 3]))
        // 四川发布客户端消息 12月6日上午，……: a source's 消息 before the day of the story.
        let message =
            lead <= 20 && scalars[start - 1] == "息" && scalars[start - 2] == "消" && start + 1 < indices.upperBound
            && CharacterClass.isDigit(scalars[start + 1])
        guard agency || message || lead <= 20 && scalars[start - 1] == "讯" else { return false }
        return !scalars[indices.lowerBound..<start].contains { "。，；".unicodeScalars.contains($0) }
    }

    /// 赴六安 宣城 黄山开展调研: a word of two or three characters standing alone between two spaces in a
    /// sentence: most likely a list whose 顿号 were left out, perhaps stray spaces (召开了 党组 会议).
    private func isListSeparator(_ start: Int, _ end: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        func standsAlone(from: Int, step: Int) -> Bool {
            var index = from
            var count = 0
            while index >= indices.lowerBound, index < indices.upperBound, CharacterClass.isHan(scalars[index]), count <= 3 {
                index += step
                count += 1
            }
            // Han on the far side of the next space too: 专 题学习 22 次 is a page's spacing, not a list.
            let beyond = index + step
            return (2...3).contains(count) && index >= indices.lowerBound && index < indices.upperBound
                && scalars[index] == " " && beyond >= indices.lowerBound && beyond < indices.upperBound
                && CharacterClass.isHan(scalars[beyond])
        }
        guard CharacterClass.isHan(scalars[start - 1]), CharacterClass.isHan(scalars[end]) else { return false }
        return standsAlone(from: end, step: 1) || standsAlone(from: start - 1, step: -1)
    }

    /// `第二部分 2022年度单位决算情况说明`: a part's number opening its heading, set off by a space as the
    /// budget and final-accounts templates print it.
    private func isAfterPartNumber(_ start: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard start - indices.lowerBound >= 4, start - indices.lowerBound <= 6, scalars[indices.lowerBound] == "第",
            scalars[start - 2] == "部", scalars[start - 1] == "分"
        else { return false }
        return scalars[(indices.lowerBound + 1)..<(start - 2)].allSatisfy { "一二三四五六七八九十".unicodeScalars.contains($0) }
    }

    /// `校长述职报告 篇1`, `第1篇 2024年局工会工作总结`: a web page's number for the model texts it collects, set
    /// off by a space. The label is what a writer deletes, not the space.
    private func isBesideSiteLabel(_ start: Int, _ end: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(scalar) || "一二三四五六七八九十".unicodeScalars.contains(scalar)
        }
        let after = scalars[end..<indices.upperBound]
        if after.first == "篇", (2...4).contains(after.count), after.dropFirst().allSatisfy(isNumeral) { return true }
        let before = scalars[indices.lowerBound..<start]
        return before.first == "第" && before.last == "篇" && (3...5).contains(before.count)
            && before.dropFirst().dropLast().allSatisfy(isNumeral)
    }

    /// `【概况】 2018年11月30日，……`: a yearbook entry's label opening the line, set off by a space.
    private func isAfterEntryLabel(_ start: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard start > indices.lowerBound, scalars[start - 1] == "】", scalars[indices.lowerBound] == "【" else { return false }
        return !scalars[(indices.lowerBound + 1)..<(start - 1)].contains("】")
    }

    /// `表1 访谈时间安排表`, `图2-1 机构设置`: a table's or figure's number opening its caption, set off from
    /// the caption by a space as captions are typeset.
    private func isAfterCaptionNumber(_ start: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        var index = indices.lowerBound
        if index < start, scalars[index] == "附" || scalars[index] == "续" { index += 1 }
        guard index < start, scalars[index] == "表" || scalars[index] == "图" else { return false }
        index += 1
        let digits = index
        while index < start, scalars[index].properties.numericType != nil || scalars[index] == "-" || scalars[index] == "." {
            index += 1
        }
        return index == start && index > digits
    }

    /// A title, or a short line standing alone with no sentence mark in it: a heading, numbered or not
    /// (`以党的建设为引领 筑牢思想政治基础` over its paragraph), not one run into its text.
    private func isHeadline(_ paragraph: Paragraph, _ scalars: [Unicode.Scalar]) -> Bool {
        if paragraph.role == .title { return true }
        guard paragraph.role == .heading || paragraph.role == .body, paragraph.scalars.count <= 40 else { return false }
        // 衡阳县：多措并举 扎实推进……: a headline may name its subject before a colon.
        return !scalars[paragraph.scalars].contains { "，。；！？".unicodeScalars.contains($0) }
            && scalars[paragraph.scalars].filter({ $0 == "：" }).count <= 1
    }

    /// `抓好劳动力转移 促进妇女增收`: a title or heading of two parallel phrases (four Han characters or more each, of
    /// about the same length) set apart by a space, as headlines are; not when a phrase names the document
    /// (`市水利局 工作总结`), where the space only splits a name.
    /// A space before `——` is the same break between a title and its subtitle run onto one line.
    private func isHeadlineBreak(
        _ start: Int, _ end: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar], numbered: Bool, title: Bool
    )
        -> Bool
    {
        if scalars[end] == "—" { return true }
        // A title's phrase may quote (善用“督查通报” 提升监督实效); a heading's may not (一、开展“双创建” 活动的意义
        // splits one phrase).
        func inPhrase(_ scalar: Unicode.Scalar) -> Bool {
            CharacterClass.isHan(scalar) || title && "“”《》".unicodeScalars.contains(scalar)
        }
        var first = start
        while first > indices.lowerBound, inPhrase(scalars[first - 1]) { first -= 1 }
        var last = end
        while last < indices.upperBound, inPhrase(scalars[last]) { last += 1 }
        let before = start - first
        let after = last - end
        // A numbered heading's two long phrases may differ in length (一、认真学习宣传贯彻党的二十大精神 坚持和加强党的全面领导);
        // a chain of three may have phrases of three (一、创特色 出亮点 挖掘优势“树”品牌).
        // After a subject and its colon, a title's slogan and its long phrase (衡阳县：多措并举 扎实推进……专项治理) are a
        // news headline's halves too (without the colon, 抓好转移 促进妇女收入稳步增长 keeps its finding).
        let headlineAfterColon = title && scalars[indices.lowerBound..<first].contains("：")
        let pair =
            before >= 4 && after >= 4
            && (abs(before - after) <= 2 || headlineAfterColon || numbered && min(before, after) >= 6)
        guard pair || before >= 3 && after >= 3 && isPhraseChain(indices, scalars) else { return false }
        let phrases =
            String(scalars: scalars[first..<start]) + " " + String(scalars: scalars[end..<last])
        return !["总结", "报告", "计划", "要点", "汇报", "方案", "述职"].contains { ByteSearch.contains(phrases, $0) }
    }

    /// `聚智奋进 乘势而上 积极构建现代警务模式`: three or more phrases of Han characters (quotes allowed), three or
    /// more each, set apart by single spaces (the last one may be longer: the couplet's tail).
    private func isPhraseChain(_ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        var phrases = scalars[indices].split(separator: " ", omittingEmptySubsequences: false)
        // A heading's number (一、 （一） 1.) comes before the first phrase.
        if let first = phrases.first, let number = first.lastIndex(where: { "、）.".unicodeScalars.contains($0) }) {
            phrases[0] = first[(number + 1)...]
        }
        return phrases.count >= 3
            && phrases.allSatisfy {
                $0.count >= 3 && $0.allSatisfy { CharacterClass.isHan($0) || "“”".unicodeScalars.contains($0) }
            }
    }

    /// The first space after a heading's number in a paragraph that runs on into its text: the heading's words
    /// (four or more, no sentence mark among them) before it, a sentence after it.
    private func isRunInHeadingBreak(
        _ start: Int, _ end: Int, from markerEnd: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]
    ) -> Bool {
        guard start - markerEnd >= 4, start - markerEnd <= 30,
            !scalars[markerEnd..<start].contains(where: { "。；！？ 　".unicodeScalars.contains($0) }),
            // ……第二十次会议于 2023年: a heading does not end in a preposition or a particle.
            !"于在的和与及对为从向将把被由至到是".unicodeScalars.contains(scalars[start - 1]),
            CharacterClass.isHan(scalars[start - 1]), CharacterClass.isHan(scalars[end]) || CharacterClass.isDigit(scalars[end])
        else { return false }
        let rest = scalars[end..<indices.upperBound]
        return rest.count >= 10 && rest.contains("。")
    }

    /// Inside quotes a slogan may keep a space between its halves, but never one beside a 点号 (`行动、 5A景区`).
    private func besidePoint(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        "，。、；：？！".unicodeScalars.contains(before) || "，。、；：？！".unicodeScalars.contains(after)
    }

    /// A line whose characters stand one by one between spaces (three or more such characters).
    private func isLetterSpaced(_ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        var single = 0
        for index in indices where CharacterClass.isHan(scalars[index]) {
            let before = index > indices.lowerBound ? scalars[index - 1] : " "
            let after = index + 1 < indices.upperBound ? scalars[index + 1] : " "
            if CharacterClass.isSpace(before) && CharacterClass.isSpace(after) { single += 1 }
        }
        return single >= 3
    }

    /// The space `start..<end` (inside `indices`) is stray between its neighbours.
    private func isStray(_ start: Int, _ end: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        let before = scalars[start - 1]
        let after = scalars[end]
        if CharacterClass.isHan(before) && CharacterClass.isHan(after) { return true }
        if CharacterClass.isChinesePunctuation(before) || CharacterClass.isChinesePunctuation(after) { return true }
        // Han on one side, a number or a Latin word on the other.
        if CharacterClass.isHan(before), CharacterClass.isWordish(after) {
            return !isSpacedToken(from: end, step: 1, indices, scalars) && !isAdoptionNoteBreak(end, indices, scalars)
        }
        if CharacterClass.isHan(after), CharacterClass.isWordish(before) || before == "%" || before == "‰" {
            return !isSpacedToken(from: start - 1, step: -1, indices, scalars)
        }
        // 60 % (GB/T 15835: a figure and its % are written together), in a line of Chinese.
        if CharacterClass.isDigit(before), after == "%" || after == "‰" {
            return indices.contains { CharacterClass.isHan(scalars[$0]) }
        }
        return false
    }

    /// The adoption note under a title, one dated clause after another and the space between them as published:
    /// （2023年12月18日……会议原则通过 2024年4月16日……会议修改）. The space is before a date in a paragraph that
    /// is all in parentheses and opens with a date.
    private func isAdoptionNoteBreak(_ after: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        func isDate(at index: Int) -> Bool {
            var position = index
            while position < indices.upperBound, CharacterClass.isDigit(scalars[position]) { position += 1 }
            return position - index == 4 && position < indices.upperBound && scalars[position] == "年"
        }
        guard let first = indices.first, let last = indices.last, scalars[first] == "（" || scalars[first] == "(",
            scalars[last] == "）" || scalars[last] == ")"
        else { return false }
        return isDate(at: first + 1) && isDate(at: after)
    }

    /// The run of non-space characters starting at `from` (walking by `step`) is a URL or e-mail address,
    /// or is followed by a space and more ASCII: a multi-word English name or a code with spaces
    /// (`GB/T 9704`, `Microsoft Office`), whose spacing is its own.
    private func isSpacedToken(from: Int, step: Int, _ indices: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        var index = from
        var token: [Unicode.Scalar] = []
        while indices.contains(index), !CharacterClass.isSpace(scalars[index]), scalars[index].isASCII {
            token.append(scalars[index])
            index += step
        }
        let text = String(scalars: step > 0 ? token : token.reversed())
        if text.contains("://") || text.hasPrefix("www.") || text.contains("@") { return true }
        // A space and another ASCII word beyond the token.
        guard indices.contains(index), CharacterClass.isSpace(scalars[index]) else { return false }
        let beyond = index + step
        return indices.contains(beyond) && CharacterClass.isWordish(scalars[beyond])
    }

    /// In Markdown, a space beside inline code (`运行 `reportlint` 命令`) is the writer's markup, not text.
    private func nextToMarkdownCode(_ space: Range<Int>, _ source: Source) -> Bool {
        guard source.format == .markdown else { return false }
        let range = source.byteRange(space)
        let start = source.position(ofByte: range.start)
        let end = source.position(ofByte: range.end, end: true)
        let line = source.displayScalars(start.line)
        let first = line.startIndex + start.column - 1
        let last = line.startIndex + end.column - 1
        return (first - 1 >= line.startIndex && line[first - 1] == "`") || (last < line.endIndex && line[last] == "`")
    }
}
