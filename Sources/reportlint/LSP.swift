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
        let server = LanguageServer(options: ruleOptions.lintOptions())
        var framer = MessageFramer()
        let input = FileHandle.standardInput
        while true {
            let chunk = input.availableData
            if chunk.isEmpty { throw ExitCode(server.exitStatus ?? 1) } // The client went away without `exit`.
            framer.append(chunk)
            // Whatever else has already arrived is taken too, so queued edits are handled as one batch
            // (only the latest version of a document is linted); up to a few megabytes, so that an oversized
            // body's header is read and the body dropped as it arrives, never gathered whole.
            var ready = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            while framer.pendingCount < 4 * 1_048_576, poll(&ready, 1, 0) > 0, ready.revents & Int16(POLLIN) != 0 {
                let more = input.availableData
                if more.isEmpty { break }
                framer.append(more)
            }
            var batch: [[UInt8]] = []
            while true {
                do {
                    guard let body = try framer.next() else { break }
                    batch.append(body)
                } catch MessageFramer.FramingError.bodyTooLarge(let length) {
                    // Answered and skipped; the connection goes on.
                    let error = MessageFramer.FramingError.bodyTooLarge(length).description
                    Diagnostics.print("reportlint lsp: \(error)")
                    FileHandle.standardOutput.write(
                        MessageFramer.frame(
                            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"\#(error)"}}"#))
                } catch let error as MessageFramer.FramingError {
                    Diagnostics.print("reportlint lsp: \(error.description)")
                    throw ExitCode(2)
                }
            }
            for message in server.handle(batch: batch) {
                FileHandle.standardOutput.write(MessageFramer.frame(message.compact()))
            }
            if let status = server.exitStatus { throw ExitCode(status) }
        }
    }
}
