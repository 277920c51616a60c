import ArgumentParser
import Foundation
import ReportLint

struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "作为语言服务器（LSP）运行：通过标准输入输出为编辑器提供诊断和快速修正。",
        discussion: """
        编辑器启动 `reportlint lsp` 并通过标准输入输出交换 JSON-RPC 消息。检查 .txt 和 .md 文件，
        打开和每次修改时发布诊断；可自动修正的问题提供快速修正；配置文件或规则文件改动后自动重新加载。
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let server = LanguageServer(options: LanguageServer.Options(rulePaths: ruleOptions.rules, includeBuiltin: !ruleOptions.noBuiltin,
                                                                    explicitConfig: ruleOptions.config, overrides: ruleOptions.overrides))
        var framer = MessageFramer()
        let input = FileHandle.standardInput
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { throw ExitCode(server.exitStatus ?? 1) } // The client went away without `exit`.
            framer.append(chunk)
            do {
                while let body = try framer.next() {
                    for message in server.handle(body) {
                        FileHandle.standardOutput.write(MessageFramer.frame(message.compact()))
                    }
                    if let status = server.exitStatus { throw ExitCode(status) }
                }
            } catch let error as MessageFramer.FramingError {
                Diagnostics.print("reportlint lsp: \(error.description)")
                throw ExitCode(2)
            }
        }
    }
}
