import ArgumentParser
import Foundation
import ReportLint

struct Outline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "显示引擎看到的报告结构：标题、各级编号标题、一是/二是事项、各部分在哪里找到。"
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "输出格式：text 或 json。")
    var format: Format = .text

    /// Only the formats an outline has (`--help` lists these, not the lint formats).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: DocumentType.optionHelp)
    var type: DocumentType?

    @Argument(help: ArgumentHelp("报告文件，或 -（标准输入）。", valueName: "FILE"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("请给出报告文件。") }
    }

    func run() throws {
        let session = ruleOptions.session { $0.type = type }
        var texts: [String] = []
        var objects: [JSONValue] = []
        var failed = false
        for file in try session.resolveOrExit(files) {
            switch session.lintUngated(file) {
            case .linted(let result):
                let outline = OutlineRenderer(result: result, rules: file.rules)
                texts.append(outline.text())
                objects.append(outline.json())
            case .failed(let error):
                Diagnostics.print("\(Diagnostics.path(error.path)): 错误: \(error.message)")
                objects.append(JSONReporter.file(.failed(error)))
                failed = true
            }
        }
        let output =
            format == .json
            ? JSONValue.object([("files", .array(objects))]).serialized() + "\n"
            : texts.joined(separator: "\n")
        FileHandle.standardOutput.write(Data(output.utf8))
        if failed { throw ExitCode(2) }
    }
}
