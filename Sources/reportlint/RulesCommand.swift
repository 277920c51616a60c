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
            commandName: "validate",
            abstract: "检查规则文件或 .reportlint.yml（不检查报告）。within 可引用内置规则的部分，除非用 --no-builtin。",
            discussion: """
                不给 FILE 时检查当前目录向上找到的 .reportlint.yml（或 --config 给出的配置）及其规则文件。
                给出规则文件时，它们与所在配置的规则文件一起编译，within 可以引用本单位其他规则文件中的部分。
                """
        )

        @Flag(name: .customLong("no-builtin"), help: "不加载内置规则。")
        var noBuiltin = false

        @Option(name: .long, help: ArgumentHelp("配置文件；不给时从当前目录向上查找 .reportlint.yml。", valueName: "FILE"))
        var config: String?

        @Argument(help: ArgumentHelp("规则文件或目录，或 .reportlint.yml。", valueName: "FILE"))
        var files: [String] = []

        func run() throws {
            // A .reportlint.yml among the files is checked as a configuration, with the rule files it names.
            var configs = files.filter { Config.fileNames.contains(($0 as NSString).lastPathComponent) }
            let ruleFiles = files.filter { !configs.contains($0) }
            if let config, !configs.contains(config) { configs.append(config) }
            let governing = config ?? Config.discover(from: ".")
            if files.isEmpty && configs.isEmpty {
                guard let governing else {
                    Diagnostics.print("错误: 请给出规则文件；当前目录及其上级目录中没有 .reportlint.yml")
                    throw ExitCode(2)
                }
                configs = [governing]
            }
            for path in configs {
                switch Config.load(path: path).flatMap({
                    RuleRepository.load(rulePaths: [], includeBuiltin: !noBuiltin, config: $0)
                }) {
                case .success(let compiled):
                    let own = compiled.packs.filter { !BuiltinRules.isBuiltin($0.file) }
                    print(
                        "\(path): 有效的配置文件"
                            + (own.isEmpty ? "" : "，规则文件 \(own.count) 个、规则 \(own.map(\.rules.count).reduce(0, +)) 条"))
                case .failure(let failure):
                    Diagnostics.print(failure.description)
                    throw ExitCode(2)
                }
            }
            guard !ruleFiles.isEmpty else { return }
            let compiled = try RuleOptions.load(rulePaths: ruleFiles, includeBuiltin: !noBuiltin, configPath: governing)
            let named = Set(ruleFiles.flatMap(RuleLoader.ruleFiles(at:)).map(RuleRepository.identity(of:)))
            for pack in compiled.packs where named.contains(RuleRepository.identity(of: pack.file)) {
                print("\(pack.file): 有效，规则包“\(pack.name)”，\(pack.rules.count) 条规则")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "列出规则：id、类型、级别、规则包、适用文种、能否自动修正。",
            discussion: "列出当前目录适用的规则：内置规则包、.reportlint.yml（或 --config）中的规则文件和 --rules，级别按配置（关闭的显示 off）。"
        )

        @OptionGroup var ruleOptions: RuleOptions

        @Option(help: "输出格式：text（表格）或 json。")
        var format: ListFormat = .text

        enum ListFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func run() throws {
            let compiled = try ruleOptions.resolveHere().rules
            print(format == .json ? RuleListing.json(compiled) : RuleListing.table(compiled), terminator: "")
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "explain", abstract: "解释一条规则：为什么提示、依据、示例。")

        @OptionGroup var ruleOptions: RuleOptions

        @Argument(help: ArgumentHelp("规则 id，如 common/formulation。", valueName: "ID"))
        var id: String

        func run() throws {
            let compiled = try ruleOptions.resolveHere().rules
            guard let rule = compiled.rules.first(where: { $0.header.id == id }) else {
                let nearest = Suggestions.nearest(to: id, in: compiled.rules.map(\.header.id))
                Diagnostics.print("错误: 没有规则“\(id)”" + (nearest.map { "，是否想找“\($0)”？" } ?? "") + "（reportlint rules list 列出全部）")
                throw ExitCode(2)
            }
            print(RuleExplanation.text(for: rule), terminator: "")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "运行规则的 examples：每个 fail 示例必须触发该规则，每个 pass 示例不得触发。",
            discussion: """
                不给 FILE 时测试当前目录适用的全部规则：内置规则包和 .reportlint.yml（或 --config）中的规则文件。
                给出 FILE 时只测试这些文件中的规则（与配置中的规则文件一起编译，within 照常可用）。
                """
        )

        @Flag(name: .customLong("no-builtin"), help: "不加载内置规则（给出的规则若用 within 引用内置部分则会报错）。")
        var noBuiltin = false

        @Option(name: .long, help: ArgumentHelp("配置文件；不给时从当前目录向上查找 .reportlint.yml。", valueName: "FILE"))
        var config: String?

        @Argument(help: ArgumentHelp("规则文件或目录。", valueName: "FILE"))
        var files: [String] = []

        func run() throws {
            let governing = config ?? Config.discover(from: ".")
            let compiled = try RuleOptions.load(
                rulePaths: files, includeBuiltin: !noBuiltin || files.isEmpty, configPath: governing)
            let named = Set(files.flatMap(RuleLoader.ruleFiles(at:)).map(RuleRepository.identity(of:)))
            let outcome = ExampleRunner.run(compiled) {
                files.isEmpty || named.contains(RuleRepository.identity(of: $0.location.file))
            }
            for failure in outcome.failures { Diagnostics.print(failure.description) }
            for id in outcome.untested { Diagnostics.print("警告: 规则 \(id) 没有 fail 示例，无法证明它能触发") }
            print("\(outcome.rulesTested) 条规则，\(outcome.examplesRun) 个示例，\(outcome.failures.count) 个失败。")
            if !outcome.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
