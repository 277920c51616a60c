/// The `mixed-numerals` and `mixed-ordinals` checks of `NumberRule`: counts in Arabic figures and in Chinese
/// numerals in one sentence, and 第1 beside 第一 for the same thing in one report.
extension NumberRule {
    /// `六个强化、六个聚焦`: the numeral and its 个 with a two-character word, a 顿号, and the same numeral and 个
    /// again (before or after): the parts of a formula, not counts (八个社区图书馆、八个农家书屋 are counts).
    private func isFormula(_ numeral: [Unicode.Scalar], at index: Int, measure: Range<Int>, _ text: NumberText) -> Bool {
        guard text.at(measure.lowerBound) == "个" else { return false }
        let key = numeral + ["个"]
        let width = key.count + 3 // the numeral, 个, two characters and the 顿号
        return text.at(index + width - 1) == "、" && text.starts(with: key, at: index + width)
            || text.at(index - 1) == "、" && text.starts(with: key, at: index - width)
    }

    func mixedNumerals(_ context: RuleContext, _ text: NumberText) -> [Problem] {
        let source = context.document.source
        let hits = PunctuationRule.merge(words.map { context.hits($0) })
        guard !hits.isEmpty else { return [] }
        var starts: [Int] = []
        starts.reserveCapacity(hits.count)
        for hit in hits where starts.last.map({ source.scalarIndex(ofByte: hit.start) != $0 }) ?? true {
            starts.append(source.scalarIndex(ofByte: hit.start))
        }
        let runs = context.digitRuns
        var problems: [Problem] = []
        // Per sentence: its first count in figures, and its first with 个.
        var counted: (sentence: Range<Int>, arabic: Range<Int>?, withGe: Range<Int>?)?
        var lastEnd = -1
        for hit in starts where hit >= lastEnd {
            // The whole numeral (三十 of 三十余场) and its measure.
            var index = hit
            while let before = text.at(index - 1), NumberRule.chineseNumerals.contains(before) { index -= 1 }
            var end = hit
            while let scalar = text.at(end), NumberRule.chineseNumerals.contains(scalar) { end += 1 }
            let numeral = Array(text.scalars[index..<end])
            guard !numeral.contains("零"), let measure = countMeasure(after: end, text, arabic: false),
                // 第三次 (an ordinal), 人大二次会议 (a session's name), 三番五次, 几十次, 上百次, 近四百名, 约三千人
                // (approximate); “天鸽”“帕卡”“玛娃”三场台风, 张三、李四等两名: a sum of the names just listed, not a count.
                !"第届委周初每番星大协会几数上近约逾”》等".unicodeScalars.contains(text.at(index - 1) ?? " "),
                // 二期工程, 二次创业: a lone 二 before a measure names an ordinal; two of a thing are 两.
                numeral != ["二"],
                // 七八次, 三五场: two neighbouring numerals make an approximate number, written in Chinese.
                !(numeral.count == 2 && numeral.allSatisfy { $0 != "十" && $0 != "百" && $0 != "千" }),
                numeral != ["百"], numeral != ["千"],
                // 一 counts only people (一名干警); 一次性, 一批, 一个中心 are words.
                numeral != ["一"] || text.at(measure.lowerBound) == "名",
                // 三个多月, 两个半月: an approximate span of time, not a count beside 48个.
                !(text.at(measure.lowerBound) == "个" && "多余半".unicodeScalars.contains(text.at(measure.upperBound) ?? " ")
                    && "月小星钟".unicodeScalars.contains(text.at(measure.upperBound + 1) ?? " ")),
                // 六个强化、六个聚焦: the same numeral and 个 again across a 顿号 names the parts of a formula.
                !isFormula(numeral, at: index, measure: measure, text),
                // 三个“务必”, 两个“维护”: a numeral and 个 before a quoted word name a formula, not a count.
                !(text.at(measure.lowerBound) == "个" && text.at(measure.upperBound) == "“")
            else { continue }
            lastEnd = measure.upperBound
            if counted == nil || !counted!.sentence.contains(index) {
                let sentence = text.sentence(around: index)
                var arabic: Range<Int>?
                var withGe: Range<Int>?
                var low = 0
                var high = runs.count
                while low < high {
                    let middle = (low + high) / 2
                    if runs[middle].lower < sentence.lowerBound { low = middle + 1 } else { high = middle }
                }
                while low < runs.count, runs[low].lower < sentence.upperBound, withGe == nil {
                    if let found = countMeasure(after: runs[low].upper, text, arabic: true), text.isNumberStart(runs[low].lower) {
                        let count = runs[low].lower..<found.upperBound
                        if arabic == nil { arabic = count }
                        if text.at(found.lowerBound) == "个" { withGe = count }
                    }
                    low += 1
                }
                counted = (sentence, arabic, withGe)
            }
            // 个 is too much a word of slogans (两个结合, 四个全面): a count only beside figures with 个.
            let other = text.at(measure.lowerBound) == "个" ? counted!.withGe : counted!.arabic
            guard let arabic = other, !text.isQuoted(index, from: counted!.sentence.lowerBound) else { continue }
            // 两 is how two is said (进行两次排查 beside 318户): a slip only beside a figure of the same measure (庭审2次、参观两次).
            if numeral == ["两"], !text.string(arabic).hasSuffix(text.string(end..<measure.upperBound)) { continue }
            let shown = text.string(arabic)
            let chinese = text.string(index..<measure.upperBound)
            var message = "“\(chinese)”与“\(shown)”在同一句中，计数宜统一用阿拉伯数字"
            if let value = Numbering.chineseValue(numeral.map { $0 == "两" ? "二" : $0 }) {
                message += "（“\(value)\(text.string(end..<measure.upperBound))”）"
            }
            problems.append((index..<measure.upperBound, message, nil))
        }
        return problems
    }

    /// The measure word of a count right after `index` (after 余 or 多 for figures), or nil.
    private func countMeasure(after index: Int, _ text: NumberText, arabic: Bool) -> Range<Int>? {
        var start = index
        if let mark = text.at(start), mark == "余" || mark == "多" { start += 1 }
        // 6小时 is a count in figures as much as 6天.
        if arabic, text.at(start) == "小", text.at(start + 1) == "时" { return start..<(start + 2) }
        guard let measure = text.at(start), (arabic ? NumberRule.arabicMeasures : NumberRule.countMeasures).contains(measure)
        else { return nil }
        for word in NumberRule.notCounts where word[0] == measure && text.starts(with: word, at: start) { return nil }
        return start..<(start + (measure == "人" && text.at(start + 1) == "次" ? 2 : 1))
    }

    // MARK: ordinals

    /// Not 条, 款, 章, 节: laws are cited in Chinese numerals (《条例》第三十二条) whatever the report's own style.
    static let ordinalMeasures = ["季度", "阶段", "部分", "次", "批", "期", "轮", "名", "组", "周", "篇", "课", "站", "场"]
        .map { Array($0.unicodeScalars) }
    static let namedOrdinals = ["全会", "全体会议", "代表大会", "全国", "主题教育"].map { Array($0.unicodeScalars) }

    func mixedOrdinals(_ hits: [Int], _ text: NumberText) -> [Problem] {
        // Per measure word, the ordinals in figures and in Chinese numerals.
        var forms: [String: (arabic: [Range<Int>], chinese: [Range<Int>])] = [:]
        var order: [String] = []
        for hit in hits {
            var end = hit + 1
            let arabic = text.at(end).map(CharacterClass.isDigit) == true
            while let scalar = text.at(end), arabic ? CharacterClass.isDigit(scalar) : NumberRule.chineseNumerals.contains(scalar)
            {
                end += 1
            }
            guard end > hit + 1, let measure = NumberRule.ordinalMeasures.first(where: { text.starts(with: $0, at: end) }) else {
                continue
            }
            let after = end + measure.count
            if !arabic {
                if NumberRule.namedOrdinals.contains(where: { text.starts(with: $0, at: after) }) { continue }
                // 十四届全国人大第二次会议: a meeting's name after 届.
                if (max(0, hit - 8)..<hit).contains(where: { text.scalars[$0] == "届" }) { continue }
                if text.isQuoted(hit, from: text.lineStart(hit)) { continue }
            }
            let key = String(scalars: measure)
            if forms[key] == nil {
                order.append(key)
                forms[key] = ([], [])
            }
            if arabic { forms[key]!.arabic.append(hit..<after) } else { forms[key]!.chinese.append(hit..<after) }
        }
        var problems: [Problem] = []
        for key in order {
            let (arabic, chinese) = forms[key]!
            guard !arabic.isEmpty, !chinese.isEmpty else { continue }
            // The less used form is the slip; on a tie, the one that comes second.
            let flagArabic =
                arabic.count < chinese.count || arabic.count == chinese.count && arabic[0].lowerBound > chinese[0].lowerBound
            let (flagged, kept) = flagArabic ? (arabic, chinese[0]) : (chinese, arabic[0])
            for range in flagged {
                problems.append((range, "“\(text.string(range))”与“\(text.string(kept))”，同一份报告应统一", nil))
            }
        }
        return problems.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: plan periods
}
