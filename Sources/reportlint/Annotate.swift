import ArgumentParser
import Foundation
import ReportLint

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "生成审阅稿（.docx）：每个问题是一条 Word 批注，可安全修正的问题标为修订，原文件不变。",
        discussion: """
            报告.docx（或 .txt、.md、.doc、.wps、.rtf、.odt）→ 同一目录下的 报告.审阅.docx。批注的作者是 ReportLint，写明问题、改法和规则；\
            修订全部接受后与 reportlint fix 的结果相同，全部拒绝后与原文相同。.docx 原有的样式、编号、表格、页眉、图片、域、批注和修订都保留。
            .txt、.md 生成新的 Word 文档（按 GB/T 9704 的字体和版式），.doc、.wps、.rtf、.odt 需要安装 LibreOffice 才能读取。
            退出码：0 全部写成；2 命令行、配置、规则错误，或有文件未能读取或写入（其余文件照常写出）。
            """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("审阅稿写到这里：一个报告时是文件名，多个报告时是已有的目录。默认与报告同目录，名为“报告.审阅.docx”。", valueName: "PATH"))
    var output: String?

    @Option(help: DocumentType.optionHelp)
    var type: DocumentType?

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("单个文件的大小上限（MB）。", valueName: "MB"))
    var maxFileSize = Reader.defaultMaxFileSize / 1_048_576

    @Option(help: "文本文件的编码（不自动识别）：UTF-8、GB18030、UTF-16LE 或 UTF-16BE。")
    var encoding: TextEncoding?

    @Argument(help: ArgumentHelp("要审阅的报告文件或目录（目录中递归查找 .txt、.md、.docx、.doc、.wps、.rtf、.odt）。", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请给出要审阅的报告文件或目录。") }
        if paths.contains("-") { throw ValidationError("annotate 不能读标准输入，请给出文件。") }
        if maxFileSize < 1 || maxFileSize > 1_048_576 { throw ValidationError("--max-file-size 应为 1 到 1048576 之间的整数（MB）。") }
    }

    func run() throws {
        let session = ruleOptions.session { options in
            options.type = type
            options.reader = Reader(maxFileSize: maxFileSize * 1_048_576, encoding: encoding)
        }
        // Reviewed copies found in a folder are not reviewed again.
        let planned = try session.planOrExit(paths).files.filter {
            !ReviewedCopy.isReviewedCopy($0.path) || paths.contains($0.path)
        }
        var outputFolder: String?
        if let output {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
            if planned.count > 1 || (exists && isDirectory.boolValue) {
                guard exists && isDirectory.boolValue else {
                    Diagnostics.print("错误: 有多个报告时 --output 应是已有的目录（收到“\(Diagnostics.path(output))”）")
                    throw ExitCode(2)
                }
                outputFolder = output
            }
        }
        let reader = session.options.reader
        var failed = false
        var written = 0
        var targets = Set<String>()
        for file in planned {
            let path = file.path
            let target =
                outputFolder.map {
                    ($0 as NSString).appendingPathComponent((ReviewedCopy.outputPath(for: path) as NSString).lastPathComponent)
                }
                ?? output ?? ReviewedCopy.outputPath(for: path)
            // 报告.doc and 报告.docx side by side would both become 报告.审阅.docx: the first one wins.
            guard targets.insert(URL(fileURLWithPath: target).standardizedFileURL.path).inserted else {
                Diagnostics.print(
                    "\(Diagnostics.path(path)): 错误: 审阅稿 \(Diagnostics.path(target)) 已由本次的另一个文件写出，未覆盖；请单独审阅这个文件并用 --output 指定名称")
                failed = true
                continue
            }
            let bytes: [UInt8]
            switch BoundedFile.read(path, limit: reader.maxFileSize) {
            case .success(let read): bytes = read
            case .failure(let failure):
                Diagnostics.print("\(Diagnostics.path(path)): 错误: \(failure)")
                failed = true
                continue
            }
            let review = session.review(bytes: bytes, as: file)
            let saved = review.flatMap { review in
                ReviewedCopy.write(review.outcome.bytes, to: target, original: path).map { review }
            }
            switch saved {
            case .success(let review):
                written += 1
                for note in review.lint.notes { Diagnostics.print("\(Diagnostics.path(path)): 注意: \(note)") }
                let outcome = review.outcome
                var line = "\(path) → \(target)：\(outcome.comments) 条批注，\(outcome.trackedChanges) 处修订"
                if outcome.untracked > 0 { line += "（另有 \(outcome.untracked) 处修正无法标为修订，已在批注中说明）" }
                print(TerminalText.escape(line))
            case .failure(let failure):
                Diagnostics.print("\(Diagnostics.path(path)): 错误: \(failure.message)")
                failed = true
            }
        }
        if planned.count > 1 { print("已写出 \(written) 份审阅稿" + (failed ? "，\(planned.count - written) 个文件未能完成，见上面的错误。" : "。")) }
        if failed { throw ExitCode(2) }
    }
}
