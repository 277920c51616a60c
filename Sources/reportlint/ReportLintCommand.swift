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
    // Every command names itself (`commandName:`): ArgumentParser otherwise derives the name from the type
    // through `String(describing:)`, a walk of the runtime's conformance tables that cost every start 12M
    // instructions.

    /// Exit codes are a contract: 0 clean, 1 findings, 2 usage, configuration or rule errors.
    /// ArgumentParser uses 64 for usage errors, so we map those to 2.
    static func main() {
        keepFreedMemory()
        if let quick = QuickLint.invocation(Array(CommandLine.arguments.dropFirst())) {
            do { try quick.run() } catch { exit(withError: error) }
        }
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
        let trimThreshold: Int32 = -1
        let mmapThreshold: Int32 = -3 // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD in <malloc.h>
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

    @Option(
        name: .customLong("rule"),
        help: ArgumentHelp("规则的级别或关闭，优先于配置文件（可多次使用），如 common/stray-space:off、common/numbering:error。", valueName: "ID:LEVEL"))
    var ruleSettings: [String] = []

    func validate() throws {
        for setting in ruleSettings where RuleSetCache.override(setting) == nil {
            throw ValidationError("--rule 应写成“规则 id:级别”，级别为 off、error、warning 或 info，如 common/stray-space:off（收到“\(setting)”）")
        }
    }

    var overrides: [String: Config.RuleSetting] {
        Dictionary(ruleSettings.compactMap(RuleSetCache.override), uniquingKeysWith: { _, last in last })
    }

    /// The session options these choose (the other options are the command's own).
    func lintOptions() -> LintOptions {
        var options = LintOptions()
        options.rulePaths = rules
        options.includeBuiltin = !noBuiltin
        options.explicitConfig = config
        options.overrides = overrides
        return options
    }

    /// A session with these rules, its remarks printed on stderr.
    func session(_ configure: (inout LintOptions) -> Void = { _ in }) -> LintSession {
        var options = lintOptions()
        configure(&options)
        return LintSession(options: options, onDiagnostic: Diagnostics.print)
    }

    /// The rules that govern the current folder: `--config` or the nearest `.reportlint.yml` above it,
    /// applied to the built-in packs and `--rules` (what `rules list` and `rules explain` show).
    func resolveHere() throws -> LintSession.PlannedFile {
        try session { $0.keepsExamples = true }.resolveOrExit(["-"])[0]
    }

    /// Loads and compiles rules with the configuration at `configPath` (if any), or prints every
    /// configuration and rule error and exits 2.
    static func load(rulePaths: [String], includeBuiltin: Bool, configPath: String? = nil) throws -> CompiledRules {
        var options = LintOptions()
        options.rulePaths = rulePaths
        options.includeBuiltin = includeBuiltin
        options.explicitConfig = configPath
        options.keepsExamples = true
        return try LintSession(options: options, onDiagnostic: Diagnostics.print).resolveOrExit(["-"])[0].rules
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
extension DocumentType: ExpressibleByArgument {
    /// The help of `--type` for lint, fix, outline and annotate, naming every type: a new type is listed by itself.
    static var optionHelp: ArgumentHelp {
        let names = allCases.map(\.rawValue)
        return ArgumentHelp("指定文种（不从标题判断）：\(names.dropLast().joined(separator: "、")) 或 \(names.last ?? "")。")
    }
}
extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        guard let encoding = TextEncoding.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
            return nil
        }
        self = encoding
    }
}
