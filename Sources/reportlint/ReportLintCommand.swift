import ArgumentParser
import Foundation
import ReportLint

@main
struct ReportLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportlint",
        abstract: "中文工作报告合规检查：结构、必备部分、规范提法。",
        version: ReportLintVersion.current,
        subcommands: [Lint.self, Fix.self, Annotate.self, Outline.self, RulesCommand.self, Init.self, LSP.self]
    )

    /// Exit codes are a contract: 0 clean, 1 findings, 2 usage, configuration or rule errors.
    /// ArgumentParser uses 64 for usage errors, so we map those to 2.
    static func main() {
        keepFreedMemory()
        if let mistake = unknownSubcommand(Array(CommandLine.arguments.dropFirst()), of: ReportLintCommand.self) {
            Diagnostics.print(mistake)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // Help and usage errors in Chinese; a completion script is printed as it is.
            let generating = CommandLine.arguments.contains { $0.hasPrefix("--generate-completion-script") }
            if code == .success && !generating {
                print(Chinese.translate(fullMessage(for: error)))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Chinese.translate(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A mistyped subcommand (`reportlint lnit`, `reportlint rules lsit`), with the nearest one: ArgumentParser
/// would only say "Unexpected argument".
func unknownSubcommand(_ arguments: [String], of command: ParsableCommand.Type, path: String = "reportlint") -> String? {
    let subcommands = command.configuration.subcommands
    guard !subcommands.isEmpty, let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = subcommands.map { $0._commandName }
    if let index = names.firstIndex(of: first) {
        return unknownSubcommand(Array(arguments.dropFirst()), of: subcommands[index], path: "\(path) \(first)")
    }
    guard first != "help" else { return nil }
    var suggestion = Suggestions.nearest(to: first, in: names).map { "，是否想写“\(path) \($0)”？" } ?? "。"
    if command == ReportLintCommand.self, FileManager.default.fileExists(atPath: first) {
        suggestion = "，要检查这个文件请写“reportlint lint \(first)”。"
    }
    return "错误: 未知的命令“\(first)”\(suggestion)可用的命令：\(names.joined(separator: ", "))（\(path) --help 查看说明）"
}

/// Each report allocates a few arrays its size and frees them when done. By default glibc gives large
/// blocks back to the system at once and the next report faults fresh pages in again, which on a
/// batch of large reports costs about a twentieth of the run; kept, they are reused.
private func keepFreedMemory() {
    #if os(Linux)
    let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3 // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD in <malloc.h>
    _ = glibcMallopt(mmapThreshold, 32 << 20)
    _ = glibcMallopt(trimThreshold, 256 << 20)
    #endif
}

#if os(Linux)
// <malloc.h> is not part of the Glibc module Swift imports.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// The options that choose the rules, shared by every command that runs them.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("添加规则文件或规则目录（*.yml），可多次使用。", valueName: "PATH"))
    var rules: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "不使用内置规则，只用 --rules 给出的规则。")
    var noBuiltin = false

    @Option(name: .long, help: ArgumentHelp("配置文件；不给时从每个报告所在目录向上查找 .reportlint.yml。", valueName: "FILE"))
    var config: String?

    @Option(name: .customLong("rule"), help: ArgumentHelp("规则的级别或关闭，优先于配置文件（可多次使用），如 common/stray-space:off、common/numbering:error。", valueName: "ID:LEVEL"))
    var ruleSettings: [String] = []

    func validate() throws {
        for setting in ruleSettings where RuleSetCache.override(setting) == nil {
            throw ValidationError("--rule 应写成“规则 id:级别”，级别为 off、error、warning 或 info，如 common/stray-space:off（收到“\(setting)”）")
        }
    }

    var overrides: [String: Config.RuleSetting] {
        Dictionary(ruleSettings.compactMap(RuleSetCache.override), uniquingKeysWith: { _, last in last })
    }

    /// Rules per configuration, for commands that lint reports.
    func cache() -> RuleSetCache {
        RuleSetCache(rulePaths: rules, includeBuiltin: !noBuiltin, explicitConfig: config, overrides: overrides)
    }

    /// The rules that govern each path, or every configuration and rule error printed and exit 2.
    func resolve(_ paths: [String]) throws -> [(path: String, resolved: RuleSetCache.Resolved)] {
        let cache = cache()
        var resolved: [(String, RuleSetCache.Resolved)] = []
        var reported = Set<String>()
        var failed = false
        for path in paths {
            switch cache.resolve(for: path) {
            case .success(let rules):
                // An id given with --rule must name a rule (checked once per rule set).
                if reported.insert("rule-ids:\(rules.config?.file ?? "")").inserted {
                    let ids = rules.rules.rules.map(\.header.id)
                    for id in overrides.keys.sorted() where !ids.contains(id) {
                        Diagnostics.print("错误: --rule 指定的规则“\(id)”不存在" + (Suggestions.nearest(to: id, in: ids).map { "，是否想写“\($0)”？" } ?? "")
                                          + "（reportlint rules list 列出全部）")
                        throw ExitCode(2)
                    }
                }
                resolved.append((path, rules))
                // Warnings of the rule files (a folded list item), once per rule file.
                for warning in rules.rules.warnings where reported.insert(warning.description).inserted {
                    Diagnostics.print(warning.description)
                }
            case .failure(let failure):
                failed = true
                if reported.insert(failure.description).inserted { Diagnostics.print(failure.description) }
            }
        }
        if failed { throw ExitCode(2) }
        return resolved
    }

    /// The rules that govern the current folder: `--config` or the nearest `.reportlint.yml` above it,
    /// applied to the built-in packs and `--rules` (what `rules list` and `rules explain` show).
    func resolveHere() throws -> RuleSetCache.Resolved {
        try resolve(["-"])[0].resolved
    }

    /// Loads and compiles rules with the configuration at `configPath` (if any), or prints every
    /// configuration and rule error and exits 2.
    static func load(rulePaths: [String], includeBuiltin: Bool, configPath: String? = nil) throws -> CompiledRules {
        switch RuleSetCache(rulePaths: rulePaths, includeBuiltin: includeBuiltin, explicitConfig: configPath).resolve(for: "-").map(\.rules) {
        case .success(let compiled):
            compiled.warnings.forEach { Diagnostics.print($0.description) }
            return compiled
        case .failure(let failure):
            Diagnostics.print(failure.description)
            throw ExitCode(2)
        }
    }
}

enum Diagnostics {
    /// Control characters from file names, reports and rule files are escaped (a file name cannot forge
    /// a `::error` line in a CI log, nor send escape sequences to the terminal).
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((TerminalText.diagnostic(message) + "\n").utf8))
    }

    /// A path in a one-line message: its newlines escaped too.
    static func path(_ path: String) -> String {
        TerminalText.escape(path)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}
extension DocumentType: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        guard let encoding = TextEncoding.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else { return nil }
        self = encoding
    }
}
