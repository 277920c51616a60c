import Foundation

/// What `reportlint rules explain ID` prints for a writer who asks "why is this flagged": the message,
/// the reason, the canonical forms and their sources, and the rule's own examples.
public enum RuleExplanation {
    public static func text(for rule: any Rule) -> String {
        let header = rule.header
        var lines = ["\(header.id)  [\(header.kind.rawValue)，\(header.severity.chineseName)，规则包 \(header.pack)]"]
        lines.append("提示：\(header.message)")
        if let description = header.description { lines.append("说明：\(description)") }
        let types =
            header.types.map { $0.sorted { $0.rawValue < $1.rawValue }.map(\.chineseName).joined(separator: "、") } ?? "所有文种"
        lines.append("适用：\(types)")
        lines.append("可自动修正：\(rule.fixable ? "是" : "否")")
        if let formulation = rule as? FormulationRule {
            if let gate = formulation.gateDescription {
                lines.append(
                    "标“＊”的条目只在出现下列词中至少 \(gate.atLeast) 个的报告里检查" + (gate.note.map { "（\($0)）" } ?? "") + "："
                        + gate.words.joined(separator: "、"))
            }
            lines.append("规范提法：")
            for form in formulation.canonicalForms {
                let basis = [form.source, form.since.map { "\($0)起" }].compactMap { $0 }.joined(separator: "，")
                let wrong = form.wrong.isEmpty ? "" : "  ← " + form.wrong.joined(separator: "、")
                lines.append("  \(form.gated ? "＊" : "")\(form.canonical)" + (basis.isEmpty ? "" : "（\(basis)）") + wrong)
                if let note = form.note { lines.append("      \(note)") }
            }
        }
        if let table = rule as? any KnowledgeTable {
            lines.append("\(table.tableTitle)：")
            lines += table.tableLines.map { "  " + $0 }
        }
        for (title, examples) in [("正确示例（不提示）", header.examples.pass), ("错误示例（会提示）", header.examples.fail)]
        where !examples.isEmpty {
            lines.append("\(title)：")
            for example in examples {
                // Each example as a list item; the lines of a multi-line example are indented under it.
                let exampleLines = example.value.trimmingCharacters(in: .newlines).components(separatedBy: "\n")
                lines.append("  - " + exampleLines[0])
                lines += exampleLines.dropFirst().map { "    " + $0 }
            }
        }
        lines.append("定义于：\(header.location)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A rule that holds a table of dated, sourced knowledge (events, anniversaries), listed by `rules explain`.
protocol KnowledgeTable {
    var tableTitle: String { get }
    var tableLines: [String] { get }
}
