/// `kind: repeated-word` — a word written twice in a row by mistake: `全体全体`, `总书记总书记`,
/// `党委、党委`. Only units of two or more Han characters are looked at, so the reduplications of single
/// characters that Chinese uses (天天, 层层压实, 红红脸、出出汗, 实实在在, 家家户户) never count; nor do
/// 一个一个, 一步一步 (一 + measure, twice), the verbs of `allow:` doubled to soften them (研究研究), or
/// anything inside “…”, nor a repeat joined by 、 inside 《…》. The second copy (with its 顿号) is removed by `fix`.
struct RepeatedWordRuleDefinition: RuleDefinition {
    static let keys = ["allow"]

    let allow: [Located<String>]

    static func parse(_ fields: MappingFields) -> RepeatedWordRuleDefinition? {
        RepeatedWordRuleDefinition(allow: fields.strings("allow") ?? [])
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        RepeatedWordRule(header: header, allow: Set(allow.map { Array($0.value.unicodeScalars) }))
    }
}

public struct RepeatedWordRule: Rule {
    public let header: RuleHeader
    let allow: Set<[Unicode.Scalar]>
    public var fixable: Bool { true }
    public var reads: ReportParts { .scalars }

    /// The longest unit looked at, in characters.
    static let maxUnit = 6

    public func check(_ context: RuleContext) -> [Finding] {
        let source = context.document.source
        let scalars = source.scalars
        var findings: [Finding] = []
        for (unit, second) in repeats(in: scalars) {
            let word = String(scalars: scalars[unit])
            findings.append(
                context.finding(
                    header, at: source.byteRange(second),
                    message: "\(header.message)：“\(word)”连写了两次", suggestion: ""))
        }
        return findings
    }

    /// Each repeat as the first unit and the span to delete (the second copy, with a 顿号 before it).
    /// A repeat starts where two characters come again 2 to 7 places on (a unit of 2 to 6, with or without a
    /// 顿号 between): eight positions at a time are tested for that with vector compares, and only the few
    /// positions that pass are looked at closely.
    func repeats(in scalars: [Unicode.Scalar]) -> [(Range<Int>, Range<Int>)] {
        var result: [(Range<Int>, Range<Int>)] = []
        let count = scalars.count
        var next = 0
        scalars.withUnsafeBufferPointer { s in
            func look(at index: Int) {
                guard index >= next, let found = repetition(at: index, s),
                    !isQuoted(found.0.lowerBound, joined: found.1.count > found.0.count, s)
                else { return }
                result.append(found)
                next = found.1.upperBound
            }
            var block = 0
            if let base = s.baseAddress.map(UnsafeRawPointer.init) {
                func load(_ index: Int) -> SIMD8<UInt32> {
                    base.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<UInt32>.self)
                }
                // The last vector load reads positions block + 8 ..< block + 16.
                while block + 16 <= count {
                    let first = load(block)
                    let second = load(block + 1)
                    var mask = (first .== load(block + 2)) .& (second .== load(block + 3))
                    for distance in 3...7 {
                        mask .|= (first .== load(block + distance)) .& (second .== load(block + distance + 1))
                    }
                    if any(mask) {
                        for lane in 0..<8 where mask[lane] { look(at: block + lane) }
                    }
                    block += 8
                }
            }
            for index in block..<count { look(at: index) }
        }
        return result
    }

    /// The repeat starting at `index`, if one does.
    func repetition(at index: Int, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> (Range<Int>, Range<Int>)? {
        let count = s.count
        let first = s[index]
        guard CharacterClass.isHan(first) else { return nil }
        for length in 2...RepeatedWordRule.maxUnit {
            let gap = index + length < count && s[index + length] == "、" ? 1 : 0
            let second = index + length + gap
            guard second + length <= count else { break }
            guard s[second] == first else { continue }
            var same = true
            for offset in 0..<length where s[index + offset] != s[second + offset] || !CharacterClass.isHan(s[index + offset]) {
                same = false
                break
            }
            guard same else { continue }
            let unit = Array(s[index..<(index + length)])
            if isReduplication(unit) { continue }
            // 消防救援支队支队长, 交警大队大队长: the unit, then its head's title (支队长); nothing doubled.
            if gap == 0, second + length < count, s[second + length] == "长" { continue }
            // 监督常委、常委之间; 书记和党员、党员和党员: the second copy opens a phrase of its own.
            if gap == 1, second + length < count, starts(s, at: second + length, withAnyOf: RepeatedWordRule.phraseHeads) {
                continue
            }
            // 党建带群建、群建促党建; 创新创业教育学部、教育学部; 市政府、市政府办公室: the first copy ends a longer
            // item, or the second begins the name of an office, so two items meet at the word. A doubled item
            // stands alone, or after a word or two (在县委、县委的领导下, 12个党委、党委).
            if gap == 1, longerBefore(index, s) || starts(s, at: second + length, withAnyOf: RepeatedWordRule.officeWords) {
                continue
            }
            // 审查互查互评, 检查自查自纠, 一边查边改: 互X互Y, 自X自Y, 边X边Y read across two words.
            if gap == 0, length == 2, RepeatedWordRule.pairPrefixes.contains(s[index + 1]),
                !RepeatedWordRule.wordsEndingInPrefix.contains(unit), second + length < count,
                CharacterClass.isHan(s[second + length])
            {
                continue
            }
            return (index..<(index + length), (index + length)..<(second + length))
        }
        return nil
    }

    /// Inside “…” of its line, or inside 《…》 for a repeat joined by 、: counted back to the line start, only for
    /// a repeat found. A document's name does not double a word (《……门诊共济保障保障机制实施细则》 is a
    /// slip), but it may list one twice (《党委、党委委员工作规则》).
    func isQuoted(_ index: Int, joined: Bool, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var start = index
        while start > 0, s[start - 1] != "\n", s[start - 1] != "\r" { start -= 1 }
        var depth = QuoteDepth()
        for position in start..<index { depth.update(with: s[position]) }
        return joined ? depth.isInside : depth.isQuoted
    }

    /// Characters that open the halves of 互X互Y, 自X自Y, 边X边Y and 共X共Y (构建共建共治共享), and the words that
    /// end in one of them (相互相互 is a slip all the same).
    static let pairPrefixes: Set<Unicode.Scalar> = ["互", "自", "边", "共"]
    static let wordsEndingInPrefix: Set<[Unicode.Scalar]> = Set(
        [
            "相互", "交互", "各自", "亲自", "独自", "擅自", "来自", "源自", "身边", "周边", "旁边", "一边", "两边", "这边", "那边",
            "公共", "总共", "一共", "中共",
        ]
        .map { Array($0.unicodeScalars) })

    /// Two Han characters or more right before the first copy, the last no function word: the copy ends a
    /// longer item (创新创业|教育学部), not a word or two before it (在|县委, 12个|党委).
    private func longerBefore(_ index: Int, _ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard index >= 2, CharacterClass.isHan(s[index - 1]), CharacterClass.isHan(s[index - 2]) else { return false }
        return !RepeatedWordRule.functionCharacters.contains(s[index - 1])
    }

    /// Measure words after 一 in a phrase said twice to mean one by one (一个问题一个问题, 一项任务一项任务).
    static let measures = Set("个项件条家户村步次批人张笔处所名位块片环".unicodeScalars)

    static let functionCharacters = Set("在对和与及的是由把被向从为将同跟了等个".unicodeScalars)
    /// What follows a body's name to name one of its offices or groups (市政府|办公室, 县委|组织部, 界别|小组).
    static let officeWords = ["办公室", "办公厅", "办", "机关", "组织部", "宣传部", "统战部", "委员会", "直属", "所属", "小组"].map {
        Array($0.unicodeScalars)
    }

    /// Words that, after the second copy of `X、X`, show it begins a new phrase (X之间, X和Y).
    private static let phraseHeads = ["之间", "相互", "互相", "间", "和", "与", "及", "同", "跟", "对"].map { Array($0.unicodeScalars) }

    /// Whether one of `words` is written at `index`.
    private func starts(_ s: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, withAnyOf words: [[Unicode.Scalar]]) -> Bool {
        words.contains { word in
            index + word.count <= s.count && word.indices.allSatisfy { s[index + $0] == word[$0] }
        }
    }

    /// A doubled unit that is Chinese grammar, not a slip.
    private func isReduplication(_ unit: [Unicode.Scalar]) -> Bool {
        // 一个一个, 一步一步, 一次一次: 一 and a measure, repeated; so is 一个问题一个问题 (one by one).
        if unit.count == 2, unit[0] == "一" { return true }
        if unit.count > 2, unit[0] == "一", RepeatedWordRule.measures.contains(unit[1]) { return true }
        // 天天天天 and the like: a single character over and over.
        if unit.allSatisfy({ $0 == unit[0] }) { return true }
        return allow.contains(unit)
    }
}
