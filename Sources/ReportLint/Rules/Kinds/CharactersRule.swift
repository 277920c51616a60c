/// `kind: characters` — single characters that must not appear, each with the one that replaces it:
/// `pairs: 輿舆 發发 …` (the wrong character first), the 繁体字 of 《通用规范汉字表》 in a simplified report.
/// One pass over the bytes with a bitmap of the wrong characters, so a table of a thousand characters costs
/// what one literal does, at start and per report. Quotation marks do not shelter a character: a quoted
/// slogan is still written in standard characters.
struct CharactersRuleDefinition: RuleDefinition {
    static let keys = ["pairs", "source"]

    let pairs: [(wrong: Unicode.Scalar, right: Unicode.Scalar)]
    let source: String?

    static func parse(_ fields: MappingFields) -> CharactersRuleDefinition? {
        guard let text = fields.string("pairs", required: true) else { return nil }
        var pairs: [(wrong: Unicode.Scalar, right: Unicode.Scalar)] = []
        var seen = Set<Unicode.Scalar>()
        for item in text.value.split(whereSeparator: \.isWhitespace) {
            let scalars = Array(item.unicodeScalars)
            guard scalars.count == 2, scalars[0] != scalars[1], scalars[0].value <= 0xFFFF else {
                fields.reader.report(
                    .wrongType(key: "pairs", expected: "以空格分隔的两字一组，错字在前、规范字在后（如“輿舆 發发”），“\(item)”不是"),
                    at: text.location)
                return nil
            }
            guard seen.insert(scalars[0]).inserted else {
                fields.reader.report(.wrongType(key: "pairs", expected: "每个错字只出现一次，“\(scalars[0])”出现了两次"), at: text.location)
                return nil
            }
            pairs.append((scalars[0], scalars[1]))
        }
        return CharactersRuleDefinition(pairs: pairs, source: fields.string("source")?.value)
    }

    func compile(header: RuleHeader, literals: LiteralTableBuilder) -> any Rule {
        CharactersRule(header: header, pairs: pairs, source: source)
    }
}

public struct CharactersRule: Rule, KnowledgeTable {
    public let header: RuleHeader
    public var fixable: Bool { true }
    /// The characters are found in the bytes.
    public var reads: ReportParts { [] }
    let source: String?
    /// One bit per character of the Basic Multilingual Plane.
    private let bitmap: [UInt64]
    private let replacements: [UInt32: Unicode.Scalar]
    private let pairs: [(wrong: Unicode.Scalar, right: Unicode.Scalar)]

    init(header: RuleHeader, pairs: [(wrong: Unicode.Scalar, right: Unicode.Scalar)], source: String?) {
        self.header = header
        self.source = source
        self.pairs = pairs
        var bitmap = [UInt64](repeating: 0, count: 1024)
        for pair in pairs { bitmap[Int(pair.wrong.value >> 6)] |= 1 << (pair.wrong.value & 63) }
        self.bitmap = bitmap
        replacements = Dictionary(pairs.map { ($0.wrong.value, $0.right) }, uniquingKeysWith: { first, _ in first })
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let bytes = context.document.source.bytes
        var findings: [Finding] = []
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = UTF8Scalars.length(lead: lead)
            if length == 3 {
                let value = UTF8Scalars.decode(bytes, at: index).scalar.value
                if bitmap[Int(value >> 6)] & (1 << (value & 63)) != 0, let right = replacements[value] {
                    let wrong = Unicode.Scalar(value).map(String.init) ?? ""
                    findings.append(
                        context.finding(
                            header, at: ByteRange(index, index + 3), message: "\(header.message)：“\(wrong)”应为“\(right)”",
                            suggestion: String(right)))
                }
            }
            index += length
        }
        return findings
    }

    var tableTitle: String { "字表（\(pairs.count) 字，错字 → 规范字）" }

    var tableLines: [String] {
        var lines = source.map { ["依据：\($0)"] } ?? []
        let items = pairs.map { "\($0.wrong)→\($0.right)" }
        for start in stride(from: 0, to: items.count, by: 12) {
            lines.append(items[start..<min(start + 12, items.count)].joined(separator: " "))
        }
        return lines
    }
}
