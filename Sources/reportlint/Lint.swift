import ArgumentParser
import Foundation
import ReportLint

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查报告。",
        discussion: """
        PATH 可以是文件、目录（递归查找 *.txt，按名称排序）或 -（标准输入）。
        退出码：0 没有达到 --fail-on 级别的问题；1 有；2 命令行、规则或文件读取错误。
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "输出格式：text 或 json。")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "达到哪个级别时退出码为 1：error、warning、info 或 never。")
    var failOn: FailThreshold = .error

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("单个文件的大小上限（MB）。", valueName: "MB"))
    var maxFileSize = Reader.defaultMaxFileSize / 1_048_576

    @Option(help: "指定文种（不从标题判断）：summary、responsibility、plan 或 duty。")
    var type: DocumentType?

    @Argument(help: ArgumentHelp("要检查的报告。", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出要检查的报告文件或目录。") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size 应为正整数（MB）。") }
    }

    func run() throws {
        let collected = InputCollector.collect(paths)
        collected.warnings.forEach { Diagnostics.print("警告: \($0)") }
        let all = try ruleOptions.resolve(collected.paths)
        let planned = all.filter { path, resolved in path == "-" || !(resolved.config?.isIgnored(path) ?? false) }
        if planned.count < all.count {
            Diagnostics.print("注意: 按配置文件的 ignore 跳过了 \(all.count - planned.count) 个文件")
        }

        let reader = Reader(maxFileSize: maxFileSize * 1_048_576)
        let outcomes: [FileOutcome] = planned.map { path, resolved in
            let read = path == "-" ? reader.readStandardInput() : reader.read(path: path)
            switch read {
            case .success(let source):
                let result = Linter(rules: resolved.rules).lint(source, type: type ?? resolved.config?.type(for: path))
                result.notes.forEach { Diagnostics.print("\(result.path): 注意: \($0)") }
                return .linted(result)
            case .failure(let error):
                Diagnostics.print("\(error.path): 错误: \(error.message)")
                return .failed(error)
            }
        }
        let rules = try planned.first?.resolved.rules ?? ruleOptions.resolve(["."])[0].resolved.rules
        let run = LintRun(outcomes: outcomes, rules: rules)
        let color = format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        FileHandle.standardOutput.write(Data(format.reporter(color: color).report(run).utf8))
        let code = run.exitCode(failOn: failOn)
        if code != 0 { throw ExitCode(code) }
    }
}
