import ArgumentParser
import Foundation
import ReportLint

@main
struct ReportLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportlint",
        abstract: "中文工作报告合规检查：结构、必备部分、规范提法。",
        version: ReportLintVersion.current,
        subcommands: [Lint.self, Fix.self, Outline.self, RulesCommand.self, Init.self, LSP.self]
    )

    /// Exit codes are a contract: 0 clean, 1 findings, 2 usage, configuration or rule errors.
    /// ArgumentParser uses 64 for usage errors, so we map those to 2.
    static func main() {
        keepFreedMemory()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
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

    /// Rules per configuration, for commands that lint reports.
    func cache() -> RuleSetCache {
        RuleSetCache(rulePaths: rules, includeBuiltin: !noBuiltin, explicitConfig: config)
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
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
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
