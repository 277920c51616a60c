import ArgumentParser
import Foundation
import ReportLint

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "自动修正可安全修正的问题（空格、标点、规范提法等），保持编码、BOM、换行和权限不变。",
        discussion: """
        只修改规则标出的文字，不跨段落，不改动引号“…”和书名号《…》里的内容。修正后重新检查，直到没有可修正的问题。
        退出码：0 完成（或无需修正）；2 命令行、配置、规则或文件读写错误。
        """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "只显示统一格式的差异（diff -u），不写入文件。")
    var diff = false

    @Flag(name: .customLong("dry-run"), help: "只列出会做的修改，不写入文件。")
    var dryRun = false

    @Option(help: ArgumentHelp("只修正这条规则的问题（可多次使用）。", valueName: "RULE-ID"))
    var only: [String] = []

    @Option(help: "指定文种（不从标题判断）：summary、responsibility、plan 或 duty。")
    var type: DocumentType?

    @Argument(help: ArgumentHelp("要修正的报告文件或目录（*.txt）。", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出要修正的报告文件或目录。") }
        if paths.contains("-") { throw ValidationError("fix 不能修正标准输入，请给出文件。") }
    }

    func run() throws {
        // Plain text and Markdown only: a Word file is never rewritten.
        let collected = InputCollector(include: [Glob("*.txt"), Glob("*.md"), Glob("*.markdown")]).collect(paths)
        collected.warnings.forEach { Diagnostics.print("警告: \($0)") }
        let planned = try ruleOptions.resolve(collected.paths)
        let known = Set(planned.flatMap { $0.resolved.rules.rules.map(\.header.id) })
        for id in only where !known.contains(id) {
            Diagnostics.print("错误: --only 指定的规则“\(id)”不存在（reportlint rules list 列出全部）")
            throw ExitCode(2)
        }
        let reader = Reader()
        var failed = false
        var changedFiles = 0
        var fixCount = 0
        var failedWrites = 0
        for (path, resolved) in planned where !(resolved.config?.isIgnored(path) ?? false) {
            if (path as NSString).pathExtension.lowercased() == "docx" {
                Diagnostics.print("\(Diagnostics.path(path)): 注意: 不修改 Word 文件；请按 lint 的提示在 Word 中修改")
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
            let result = Fixer.fix(source, linter: Linter(rules: resolved.rules), type: type ?? resolved.config?.type(for: path),
                                   only: only.isEmpty ? nil : Set(only))
            guard result.changed else { continue }
            if diff || dryRun {
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
            if dryRun { continue }
            switch FixWriter.write(result.fixedText, like: source, snapshot: snapshot) {
            case .success(let notes):
                changedFiles += 1
                fixCount += result.applied.count
                if snapshot.isSymbolicLink {
                    Diagnostics.print("\(Diagnostics.path(path)): 注意: 这是符号链接，已修正它指向的文件 \(snapshot.target)，链接本身保留")
                }
                notes.forEach { Diagnostics.print("\(Diagnostics.path(path)): 注意: \($0)") }
            case .failure(let failure):
                Diagnostics.print(failure.description)
                failed = true
                failedWrites += 1
            }
        }
        if !diff {
            let verb = dryRun ? "可修正" : "已修正"
            if changedFiles > 0 || failedWrites == 0 {
                print(changedFiles == 0 ? "没有可自动修正的问题。" : "\(verb) \(changedFiles) 个文件中的 \(fixCount) 处问题。")
            }
            if failedWrites > 0 { print("\(failedWrites) 个文件未能写入，见上面的错误；这些文件保持原样。") }
        }
        if failed { throw ExitCode(2) }
    }
}
