import ArgumentParser
import Foundation
import ReportLint

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "自动修正可安全修正的问题（空格、标点、规范提法等），保持编码、BOM、换行和权限不变。",
        discussion: """
            只修改规则标出的文字，不跨段落，不改动引号“…”和书名号《…》里的内容。修正后重新检查，直到没有可修正的问题。
            Word 文件（.docx）不会被改写：请按 lint 的提示在 Word 中修改。
            退出码：0 完成（或无需修正）；1 用 --check 时有可修正的问题；2 命令行、配置、规则或文件读写错误。
            """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "只显示统一格式的差异（diff -u），不写入文件。")
    var diff = false

    @Flag(name: .customLong("dry-run"), help: "只列出会做的修改，不写入文件。")
    var dryRun = false

    @Flag(help: "只检查：列出会做的修改，不写入文件；有可修正的问题时退出码为 1（用于 CI 和 pre-commit）。")
    var check = false

    @Option(help: ArgumentHelp("只修正这条规则的问题（可多次使用）。", valueName: "RULE-ID"))
    var only: [String] = []

    @Option(help: DocumentType.optionHelp)
    var type: DocumentType?

    @Argument(help: ArgumentHelp("要修正的报告文件或目录（.txt、.md；目录中递归查找）。", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出要修正的报告文件或目录。") }
        if paths.contains("-") { throw ValidationError("fix 不能修正标准输入，请给出文件。") }
    }

    func run() throws {
        // Plain text and Markdown only: a Word file is never rewritten.
        let session = ruleOptions.session { options in
            options.type = type
            options.include = [Glob("*.txt"), Glob("*.md"), Glob("*.markdown")]
        }
        let planned = try session.planOrExit(paths).files
        let known = Set(planned.flatMap { $0.rules.rules.map(\.header.id) })
        for id in only where !known.contains(id) {
            Diagnostics.print("错误: --only 指定的规则“\(id)”不存在（reportlint rules list 列出全部）")
            throw ExitCode(2)
        }
        let reader = Reader()
        var failed = false
        var changedFiles = 0
        var fixCount = 0
        var failedWrites = 0
        var wordFiles = 0
        let writes = !diff && !dryRun && !check
        for file in planned {
            let path = file.path
            if (path as NSString).pathExtension.lowercased() == "docx" {
                Diagnostics.print("\(Diagnostics.path(path)): 注意: 不修改 Word 文件；请按 lint 的提示在 Word 中修改")
                wordFiles += 1
                continue
            }
            let source: Source
            let snapshot: FixWriter.Snapshot
            switch FixWriter.read(path: path, reader: reader) {
            case .success(let read): (source, snapshot) = read
            case .failure(let error):
                Diagnostics.print("\(Diagnostics.path(error.path)): 错误: \(error.message)")
                failed = true
                continue
            }
            let result = session.fix(source, as: file, only: only.isEmpty ? nil : Set(only))
            guard result.changed else { continue }
            if !writes {
                changedFiles += 1
                fixCount += result.applied.count
            }
            if diff {
                print(UnifiedDiff.make(original: result.originalText, fixed: result.fixedText, path: path), terminator: "")
                continue
            }
            for fix in result.applied {
                let before = fix.original.isEmpty ? "（空）" : "“\(fix.original)”"
                let after = fix.replacement.isEmpty ? "删除" : "“\(fix.replacement)”"
                print(TerminalText.escape("\(path):\(fix.line):\(fix.column): \(before) → \(after) [\(fix.ruleId)]"))
            }
            if !writes { continue }
            switch FixWriter.write(result.fixedText, like: source, snapshot: snapshot) {
            case .success(let notes):
                changedFiles += 1
                fixCount += result.applied.count
                if snapshot.isSymbolicLink {
                    Diagnostics.print("\(Diagnostics.path(path)): 注意: 这是符号链接，已修正它指向的文件 \(snapshot.target)，链接本身保留")
                }
                for note in notes { Diagnostics.print("\(Diagnostics.path(path)): 注意: \(note)") }
            case .failure(let failure):
                Diagnostics.print(failure.description)
                failed = true
                failedWrites += 1
            }
        }
        if !diff {
            let verb = writes ? "已修正" : "可修正"
            if changedFiles > 0 {
                print("\(verb) \(changedFiles) 个文件中的 \(fixCount) 处问题。")
            } else if failedWrites == 0 && wordFiles > 0 && wordFiles == planned.count {
                print("没有修改：Word 文件（.docx）不会被改写，请按 reportlint lint 的提示在 Word 中修改。")
            } else if failedWrites == 0 {
                print("没有可自动修正的问题。" + (wordFiles > 0 ? "（另有 \(wordFiles) 个 Word 文件未修改：请在 Word 中修改。）" : ""))
            }
            if failedWrites > 0 { print("\(failedWrites) 个文件未能写入，见上面的错误；这些文件保持原样。") }
        }
        if failed { throw ExitCode(2) }
        if check && changedFiles > 0 { throw ExitCode(1) }
    }
}
