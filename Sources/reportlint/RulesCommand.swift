import ArgumentParser
import Foundation
import ReportLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "规则：检查规则文件、列出、解释、运行示例。",
        subcommands: [Validate.self, List.self, Explain.self, Test.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查规则文件或 .reportlint.yml（不检查报告）。within 可引用内置规则的部分，除非用 --no-builtin。"
        )

        @Flag(name: .customLong("no-builtin"), help: "不加载内置规则。")
        var noBuiltin = false

        @Argument(help: ArgumentHelp("规则文件或目录。", valueName: "FILE"))
        var files: [String] = []

        func validate() throws {
            if files.isEmpty { throw ValidationError("请给出规则文件。") }
        }

        func run() throws {
            // A .reportlint.yml among the files is checked as a configuration, with the rule files it names.
            let configs = files.filter { Config.fileNames.contains(($0 as NSString).lastPathComponent) }
            let ruleFiles = files.filter { !configs.contains($0) }
            for path in configs {
                switch Config.load(path: path).flatMap({ RuleRepository.load(rulePaths: [], includeBuiltin: !noBuiltin, config: $0) }) {
                case .success: print("\(path): 有效的配置文件")
                case .failure(let failure):
                    Diagnostics.print(failure.description)
                    throw ExitCode(2)
                }
            }
            guard !ruleFiles.isEmpty else { return }
            let compiled = try RuleOptions.load(rulePaths: ruleFiles, includeBuiltin: !noBuiltin)
            for pack in compiled.packs where !BuiltinRules.isBuiltin(pack.file) {
                print("\(pack.file): 有效，规则包“\(pack.name)”，\(pack.rules.count) 条规则")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出规则：id、类型、级别、规则包、适用文种、能否自动修正。")

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let compiled = try ruleOptions.load()
            let rows = compiled.rules.map { rule -> [String] in
                let header = rule.header
                let types = header.types.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "all"
                return [header.id, header.kind.rawValue, header.severity.rawValue, header.pack, types, rule.fixable ? "yes" : "no"]
            }
            let table = [["ID", "KIND", "SEVERITY", "PACK", "TYPES", "FIXABLE"]] + rows
            let widths = (0..<6).map { column in table.map { $0[column].count }.max() ?? 0 }
            for row in table {
                print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "解释一条规则：为什么提示、依据、示例。")

        @OptionGroup var ruleOptions: RuleOptions

        @Argument(help: ArgumentHelp("规则 id，如 common/formulation。", valueName: "ID"))
        var id: String

        func run() throws {
            let compiled = try ruleOptions.load()
            guard let rule = compiled.rules.first(where: { $0.header.id == id }) else {
                let ids = compiled.rules.map(\.header.id)
                let nearest = ids.min { a, b in a.commonPrefix(with: id).count > b.commonPrefix(with: id).count }
                Diagnostics.print("错误: 没有规则“\(id)”" + (nearest.map { "，是否想找“\($0)”？" } ?? "") + "（reportlint rules list 列出全部）")
                throw ExitCode(2)
            }
            print(RuleExplanation.text(for: rule), terminator: "")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "运行规则的 examples：每个 fail 示例必须触发该规则，每个 pass 示例不得触发。",
            discussion: "不给 FILE 时测试内置规则；给出 FILE 时只测试这些文件中的规则。"
        )

        @Flag(name: .customLong("no-builtin"), help: "不加载内置规则（给出的规则若用 within 引用内置部分则会报错）。")
        var noBuiltin = false

        @Argument(help: ArgumentHelp("规则文件或目录。", valueName: "FILE"))
        var files: [String] = []

        func run() throws {
            let compiled = try RuleOptions.load(rulePaths: files, includeBuiltin: !noBuiltin || files.isEmpty)
            let testBuiltin = files.isEmpty
            let outcome = ExampleRunner.run(compiled) { BuiltinRules.isBuiltin($0.location.file) == testBuiltin }
            outcome.failures.forEach { Diagnostics.print($0.description) }
            for id in outcome.untested { Diagnostics.print("警告: 规则 \(id) 没有 fail 示例，无法证明它能触发") }
            print("\(outcome.rulesTested) 条规则，\(outcome.examplesRun) 个示例，\(outcome.failures.count) 个失败。")
            if !outcome.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
