import ArgumentParser
import Foundation
import ReportLint

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "写出带注释的 .reportlint.yml、自定义规则文件 rules/my-unit.yml，以及供编辑器使用的 JSON Schema。"
    )

    @Option(help: ArgumentHelp("写到哪个目录。", valueName: "DIR"))
    var directory = "."

    @Flag(help: "覆盖已有的文件。")
    var force = false

    @Flag(help: "只写出（更新）.reportlint/ 中的 JSON Schema，不动配置文件和规则文件（升级 reportlint 后使用）。")
    var schemas = false

    func run() throws {
        if schemas {
            for (relative, content) in Starter.schemaFiles {
                let path = (directory as NSString).appendingPathComponent(relative)
                try FileManager.default.createDirectory(atPath: PathText.directory(of: path), withIntermediateDirectories: true)
                let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                if old == content {
                    print("未改变 \(path)")
                    continue
                }
                try content.write(toFile: path, atomically: true, encoding: .utf8)
                print(old == nil ? "已写入 \(path)" : "已更新 \(path)")
            }
            return
        }
        let files = Starter.files
        let paths = files.map { (directory as NSString).appendingPathComponent($0.path) }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty && !force {
            for path in existing { Diagnostics.print("\(path): 错误: 文件已存在，未覆盖（用 --force 覆盖）") }
            throw ExitCode(2)
        }
        for (path, (_, content)) in zip(paths, files) {
            try FileManager.default.createDirectory(
                atPath: PathText.directory(of: path),
                withIntermediateDirectories: true)
            try content.write(toFile: path, atomically: true, encoding: .utf8)
            print("已写入 \(path)")
        }
        print("下一步：reportlint rules validate \(paths[0]) \(paths[1])；reportlint rules test \(paths[1])")
    }
}
