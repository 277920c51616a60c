import ArgumentParser
import Foundation
import ReportLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "规则文件：检查、列出。",
        subcommands: [Validate.self, List.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查规则文件（不检查报告）。within 可引用内置规则的部分，除非用 --no-builtin。"
        )

        @Flag(name: .customLong("no-builtin"), help: "不加载内置规则。")
        var noBuiltin = false

        @Argument(help: ArgumentHelp("规则文件或目录。", valueName: "FILE"))
        var files: [String] = []

        func validate() throws {
            if files.isEmpty { throw ValidationError("请给出规则文件。") }
        }

        func run() throws {
            switch RuleRepository.load(rulePaths: files, includeBuiltin: !noBuiltin) {
            case .success(let compiled):
                let own = compiled.packs.filter { !$0.file.hasPrefix("<builtin>") }
                for pack in own {
                    print("\(pack.file): 有效，规则包“\(pack.name)”，\(pack.rules.count) 条规则")
                }
            case .failure(let failure):
                Diagnostics.print(failure.description)
                throw ExitCode(2)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出规则：id、类型、级别、规则包、适用文种。")

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let compiled = try ruleOptions.load()
            let rows = compiled.rules.map { rule -> [String] in
                let header = rule.header
                let types = header.types.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "all"
                return [header.id, header.kind.rawValue, header.severity.rawValue, header.pack, types]
            }
            let table = [["ID", "KIND", "SEVERITY", "PACK", "TYPES"]] + rows
            let widths = (0..<5).map { column in table.map { $0[column].count }.max() ?? 0 }
            for row in table {
                print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
    }
}
