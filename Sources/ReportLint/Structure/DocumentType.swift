/// The report types of DOMAIN.md §1. A rule may say which types it applies to (`types:`), so a plan
/// (工作要点), which looks forward, is not asked for a problems section.
public enum DocumentType: String, Sendable, CaseIterable, Codable {
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
