/// `kind: placeholder` — text a writer meant to fill in: runs of `*` `＊` (`*次`, `**市`), runs of
/// X/x/×（`XXX新时代`, `20XX年`, `×月×日`), blanks of underscores (`__`, `＿＿`, `____名`), and the
/// `phrases`/`patterns` of the rule (某某, 【待补充】, （此处填写…）, 某区) unless inside one of `except` (某区域).
/// Runs a character apart are one
/// finding (`XX届X中X会`). Not a placeholder: a letter inside a Latin word (Excel), × between numbers (3×4),
/// the X of a formula (“4+X”主题党日), or an underscore joining ASCII words (file_name). Stars between two Han
/// characters that are not before a measure word (`主动***息`) mask letters of a word, as web copies of
/// reports do: they get their own message (a masked word, not a blank figure); so does a 总书记 standing
/// where a copy dropped the name (总书记新时代中国特色社会主义思想), which nothing may fill in, and every
/// `unnamedTitle` before the report first writes the name (贯彻总书记关于……的重要论述 with no 习近平 earlier:
/// a bare 总书记 after the name refers back to it, one before cannot).
struct PlaceholderRuleDefinition: RuleDefinition {
    static let keys = ["phrases", "patterns", "except", "namelessTitles", "unnamedTitle"]
    static let unnamedKeys = ["title", "name", "notAfter", "surname", "wordsEndingInSurname"]

    /// A title that must follow its holder's name at its first use in a report.
    struct UnnamedTitle: Sendable {
        let title: String
        let name: String
        /// Words right before the title that make it someone else's or a full style (中央, 胡锦涛).
        let notAfter: [String]
        /// The holder's surname right before the title names the holder (习总书记), unless the character
        /// ends one of `wordsEndingInSurname` (学习总书记: 学习 is a verb, the title stands alone).
        var surname: String?
        var wordsEndingInSurname: [String] = []

        /// True when the title ending at `start` is preceded by the holder's surname, not by a word ending in it.
        func followsSurname(_ start: Int, in bytes: [UInt8]) -> Bool {
            guard let surname, IdentityRule.ends(at: start, with: surname, bytes) else { return false }
            return !wordsEndingInSurname.contains { IdentityRule.ends(at: start, with: $0, bytes) }
        }
    }

    let phrases: [Located<String>]
    let patterns: [RegexPattern]
    let exceptions: [Located<String>]
    let namelessTitles: [Located<String>]
    var unnamedTitle: UnnamedTitle?

    static func parse(_ fields: MappingFields) -> PlaceholderRuleDefinition? {
        var definition = PlaceholderRuleDefinition(
            phrases: fields.strings("phrases") ?? [], patterns: fields.patterns("patterns") ?? [],
            exceptions: fields.strings("except") ?? [], namelessTitles: fields.strings("namelessTitles") ?? [])
        if let node = fields.value("unnamedTitle"),
            let unnamed = fields.reader.fields(node, what: "unnamedTitle", allowed: unnamedKeys),
            let title = unnamed.string("title", required: true), let name = unnamed.string("name", required: true)
        {
            definition.unnamedTitle = UnnamedTitle(
                title: title.value, name: name.value, notAfter: (unnamed.strings("notAfter") ?? []).map(\.value),
                surname: unnamed.string("surname")?.value,
                wordsEndingInSurname: (unnamed.strings("wordsEndingInSurname") ?? []).map(\.value))
        }
        return definition
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        PlaceholderRule(
            header: header, literals: phrases.map { literals.add($0.value) },
            patterns: patterns.map { GuardedPattern($0, literals: literals) },
            exceptions: exceptions.map { literals.add($0.value) }, namelessTitles: namelessTitles.map { literals.add($0.value) },
            unnamedTitle: unnamedTitle.map { ($0, literals.add($0.title), literals.add($0.name)) })
    }
}

public struct PlaceholderRule: Rule {
    public let header: RuleHeader
    let literals: [Int]
    let patterns: [GuardedPattern]
    /// Words a phrase hit may lie inside without being a placeholder (某区 in 某区域).
    var exceptions: [Int] = []
    /// Formulations whose name a copy dropped, leaving the title (总书记新时代中国特色社会主义思想): the title is
    /// reported, with its own message, and nothing is filled in.
    var namelessTitles: [Int] = []
    /// The title that must follow its holder's name at its first use, with the literals of title and name.
    var unnamedTitle: (title: PlaceholderRuleDefinition.UnnamedTitle, titleLiteral: Int, nameLiteral: Int)?
    /// Runs of placeholder characters are found among the scalars; nothing of the structure.
    public var reads: ReportParts { .scalars }

    public func check(_ context: RuleContext) -> [Finding] {
        let source = context.document.source
        var ranges = runs(in: source)
        let excused = exceptions.flatMap { context.hits($0) }
        let bytes = source.bytes
        for literal in literals {
            for hit in context.hits(literal) {
                if excused.contains(where: { $0.contains(hit) }) { continue }
                // 某区 inside 某某区: the 某某 it follows is the placeholder.
                if hit.start >= 3, Array(bytes[hit.start..<(hit.start + 3)]) == PlaceholderRule.mou,
                    Array(bytes[(hit.start - 3)..<hit.start]) == PlaceholderRule.mou,
                    Array(bytes[(hit.start + 3)..<min(hit.end, hit.start + 6)]) != PlaceholderRule.mou
                {
                    continue
                }
                ranges.append(hit)
            }
        }
        for guarded in patterns where guarded.mayMatch(context) {
            ranges += guarded.matches(context) { context.regexTimedOut(header, guarded.pattern) }
        }
        var nameless = Set<ByteRange>()
        for literal in namelessTitles {
            for hit in context.hits(literal) where !excused.contains(where: { $0.contains(hit) }) {
                if let title = PlaceholderRule.titles.lazy.compactMap({ ByteSearch.firstRange(of: $0, in: bytes, within: hit) })
                    .first
                {
                    nameless.insert(title)
                }
            }
        }
        let unnamed = Set(unnamedTitles(context))
        ranges += nameless
        ranges += unnamed
        let scalars = source.scalars
        return ByteRange.merged(ranges).map { range in
            if let masked = maskedWord(range, source, scalars) {
                return context.finding(
                    header, at: range,
                    message: "有字被“*”遮住：“\(masked)”，是被隐去的字词，不是待填的数字，请补全原文")
            }
            let text = source.string(range)
            if unnamed.contains(range), !nameless.contains(range), let title = unnamedTitle?.title {
                return context.finding(
                    header, at: range,
                    message: "“\(text)”前面没有写出姓名，全文在此之前也没有写过（应为“\(title.name)\(title.title)”），疑为转载时隐去了姓名，请补全原文")
            }
            if nameless.contains(range) {
                return context.finding(
                    header, at: range, message: "“\(text)”前缺姓名，疑为转载时隐去的字词（如“习近平新时代中国特色社会主义思想”），请补全原文")
            }
            return context.finding(header, at: range, message: "\(header.message)：“\(text)”")
        }
    }

    /// The uses of `unnamedTitle` before the name is first written: each is a name left out (转载时隐去), not
    /// only the first. Not one right after a higher office (中共中央总书记、国家主席习近平: the name follows).
    private func unnamedTitles(_ context: RuleContext) -> [ByteRange] {
        guard let unnamed = unnamedTitle else { return [] }
        let bytes = context.document.source.bytes
        // Hits come in text order: every title looked at stands before the first name.
        let firstName = context.hits(unnamed.nameLiteral).first?.start ?? Int.max
        var found: [ByteRange] = []
        for hit in context.hits(unnamed.titleLiteral) {
            guard hit.end <= firstName else { break }
            if unnamed.title.notAfter.contains(where: { IdentityRule.ends(at: hit.start, with: $0, bytes) }) { continue }
            if unnamed.title.followsSurname(hit.start, in: bytes) { continue }
            if Redaction.precedes(hit.start, in: bytes) { continue }
            // 中共中央总书记、国家主席习近平: the name right after the style.
            if firstName - hit.end <= 12 * 3 { break }
            found.append(hit)
        }
        return found
    }

    private static let mou = Array("某".utf8)
    private static let titles = [Array("总书记".utf8), Array("主席".utf8)]

    /// Measure words after which a run of stars is a figure left blank (`*次`), not letters masked.
    /// What follows a masked figure: a measure, or 强 佳 大 星 成 of 十强县, 十佳, 党的二十大, 五星级, 三成.
    private static let measures = Set(
        ("年月日号届期次个项件名人位户家所座条份篇场批轮元万亿千百多余亩平米公吨辆台套本册张页字时天周岁分秒笔类种级倍例起组"
            + "棵株匹盏块栋幢眼趟遍宗桩只强佳大星成").unicodeScalars)

    /// The word around a run of stars between two Han characters (`主动***息`), or nil.
    private func maskedWord(_ range: ByteRange, _ source: Source, _ scalars: [Unicode.Scalar]) -> String? {
        let indices = source.scalarIndices(range)
        guard indices.lowerBound > 0, indices.upperBound < scalars.count,
            scalars[indices].allSatisfy({ $0 == "*" || $0 == "＊" }),
            CharacterClass.isHan(scalars[indices.lowerBound - 1]), CharacterClass.isHan(scalars[indices.upperBound]),
            !PlaceholderRule.measures.contains(scalars[indices.upperBound]),
            // 第*批, 前*名: an ordinal's figure.
            scalars[indices.lowerBound - 1] != "第", scalars[indices.lowerBound - 1] != "前"
        else { return nil }
        var start = indices.lowerBound - 1
        while start > 0, start > indices.lowerBound - 4, CharacterClass.isHan(scalars[start - 1]) { start -= 1 }
        var end = indices.upperBound + 1
        while end < scalars.count, end < indices.upperBound + 3, CharacterClass.isHan(scalars[end]) { end += 1 }
        return String(scalars: scalars[start..<end])
    }

    /// Runs of placeholder characters, joined when one character apart.
    func runs(in source: Source) -> [ByteRange] {
        let scalars = source.scalars
        var runs: [Range<Int>] = []
        var index = 0
        // A run of X letters is judged as a whole (by its neighbours): judged once, not once per letter,
        // so 200,000 x in a row take one pass rather than 200,000 scans of the run.
        var letterRun: (range: Range<Int>, placeholder: Bool)?
        func placeholder(at index: Int) -> Bool {
            guard PlaceholderRule.letters.contains(scalars[index]) else { return isPlaceholder(at: index, scalars) }
            if let run = letterRun, run.range.contains(index) { return run.placeholder }
            var end = index + 1
            while end < scalars.count, PlaceholderRule.letters.contains(scalars[end]) { end += 1 }
            let verdict = isPlaceholder(at: index, scalars)
            letterRun = (index..<end, verdict)
            return verdict
        }
        while index < scalars.count {
            index = PlaceholderRule.candidates.next(from: index, to: scalars.count, in: scalars)
            guard index < scalars.count else { break }
            guard placeholder(at: index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, placeholder(at: end) { end += 1 }
            if let last = runs.last, index - last.upperBound <= 1, !CharacterClass.isSpace(scalars[last.upperBound]),
                scalars[last.upperBound] != "\n"
            {
                runs[runs.count - 1] = last.lowerBound..<end
            } else {
                runs.append(index..<end)
            }
            index = end
        }
        return runs.map(source.byteRange)
    }

    /// The characters a placeholder run can be made of: the scan skips everything else.
    private static let candidates = ScalarFilter("*＊XxＸｘ×_＿")
    private static let letters = Set("XxＸｘ×".unicodeScalars)

    private func isPlaceholder(at index: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let scalar = scalars[index]
        switch scalar {
        case "*", "＊", "＿":
            return true
        case "_":
            // A blank, unless it joins two ASCII words or figures (file_name, v1_2).
            if index + 1 < scalars.count, scalars[index + 1] == "_" || index > 0 && scalars[index - 1] == "_" { return true }
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + 1 < scalars.count ? scalars[index + 1] : " "
            return !(before.isASCII && before.properties.isAlphabetic || CharacterClass.isDigit(before))
                || !(after.isASCII && after.properties.isAlphabetic || CharacterClass.isDigit(after))
        case "X", "x", "Ｘ", "ｘ", "×":
            // Scan the whole run of such letters, then look at its neighbours.
            var start = index
            while start > 0, "XxＸｘ×".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
            var end = index + 1
            while end < scalars.count, "XxＸｘ×".unicodeScalars.contains(scalars[end]) { end += 1 }
            let before = neighbour(scalars, from: start - 1, step: -1)
            let after = neighbour(scalars, from: end, step: 1)
            if let before, CharacterClass.isLatinLetter(before) { return false }
            if let after, CharacterClass.isLatinLetter(after) { return false }
            // 4+X, 1+X: a formula with a variable part, not a blank.
            if let before, "+＋".unicodeScalars.contains(before) { return false }
            if let after, "+＋".unicodeScalars.contains(after) { return false }
            // 3×4, 3 x 4: a multiplication sign between numbers.
            if let before, let after, CharacterClass.isDigit(before), CharacterClass.isDigit(after), end - start == 1 {
                return false
            }
            // 0.2×现状规模: a lone × after a figure multiplies it by what follows.
            if scalars[start] == "×", end - start == 1, let before, CharacterClass.isDigit(before) { return false }
            // X8226; : what a web copy left of a numeric character reference (&#x8226;), not a blank.
            if end - start == 1, PlaceholderRule.entityRemains(scalars, after: end) { return false }
            return true
        default:
            return false
        }
    }

    /// Two to six ASCII digits and a semicolon from `index`: the number of a character reference.
    private static func entityRemains(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        var end = index
        while end < scalars.count, end - index <= 6, ("0"..."9").contains(scalars[end]) { end += 1 }
        return (2...6).contains(end - index) && end < scalars.count && scalars[end] == ";"
    }

    /// The nearest scalar in a direction, skipping ASCII spaces (so `3 × 4` is seen as 3×4).
    private func neighbour(_ scalars: [Unicode.Scalar], from index: Int, step: Int) -> Unicode.Scalar? {
        var index = index
        while index >= 0, index < scalars.count, scalars[index] == " " { index += step }
        return index >= 0 && index < scalars.count ? scalars[index] : nil
    }
}
