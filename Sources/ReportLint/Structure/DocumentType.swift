/// The report types of DOMAIN.md §1. A rule may say which types it applies to (`types:`), so a plan
/// (工作要点), which looks forward, is not asked for a problems section.
public enum DocumentType: String, Sendable, CaseIterable, Codable {
    /// How a report's type was decided.
    public enum Origin: String, Sendable {
        case title
        /// From the opening words, or summary by default: rules are run as for that type, and the
        /// `document-type` rule tells the writer.
        case guessed
        /// `--type` or the configuration.
        case forced
    }

    case summary
    case responsibility
    case plan
    case duty

    public var chineseName: String {
        switch self {
        case .summary: return "工作总结"
        case .responsibility: return "责任制情况报告"
        case .plan: return "工作要点/计划"
        case .duty: return "述责述廉报告"
        }
    }

    /// The type suggested by a report's opening words when it has no telling title (述责述廉 reports
    /// and plans name themselves there); otherwise a summary, the commonest shape.
    public static func guess(opening: String) -> DocumentType {
        if ["述责述廉", "述职述廉", "述职", "请予评议"].contains(where: opening.contains) { return .duty }
        if ["工作要点", "总体要求是", "工作计划"].contains(where: opening.contains) { return .plan }
        if ["主体责任情况", "责任制情况", "落实主体责任"].contains(where: opening.contains) { return .responsibility }
        return .summary
    }

    /// The type named by a title, checked most specific first: `2023年工作总结和2024年工作计划`
    /// is a summary, because 总结 outranks 计划.
    public static func detect(title: String) -> DocumentType? {
        let rules: [(DocumentType, [String])] = [
            (.duty, ["述责述廉", "述职述廉", "述职报告", "述责报告", "述廉报告"]),
            (.responsibility, ["主体责任", "责任制"]),
            (.summary, ["总结"]),
            (.plan, ["工作要点", "工作计划", "工作安排", "工作思路"]),
            (.summary, ["情况报告", "情况的报告", "完成情况", "工作报告"]),
        ]
        for (type, words) in rules where words.contains(where: title.contains) {
            return type
        }
        return nil
    }
}
