import ArgumentParser
import Foundation
import ReportLint

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查报告。",
        discussion: """
            PATH 可以是文件（.txt、.md、.docx）、目录（递归查找，按名称排序）、通配符（如 'reports/*.txt'，引号中的也会展开）或 -（标准输入）；不给时检查当前目录。
            退出码：0 没有达到 --fail-on 级别的问题；1 有（或警告超过 --max-warnings）；2 命令行、配置、规则或文件读取错误。
            """
    )

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "输出格式：text、json、sarif、junit、github、checkstyle、gitlab 或 html（可在浏览器中查看和打印的单个网页）。")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "达到哪个级别时退出码为 1：error、warning、info 或 never。")
    var failOn: FailThreshold = .error

    @Option(name: .customLong("max-warnings"), help: ArgumentHelp("警告超过这个数时退出码为 1。", valueName: "N"))
    var maxWarnings: Int?

    @Option(help: DocumentType.optionHelp)
    var type: DocumentType?

    @Option(help: ArgumentHelp("仓库根目录：sarif、junit、github、checkstyle、gitlab 中的路径相对于它（基线中的路径总是相对于基线文件所在目录）。", valueName: "PATH"))
    var base: String?

    @Option(help: ArgumentHelp("只报告不在这个基线文件中的新问题。", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("把当前的问题写入基线文件。", valueName: "FILE"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("目录中要检查的文件（可多次使用），默认 *.txt、*.md、*.docx。", valueName: "GLOB"))
    var include: [String] = []

    @Option(help: ArgumentHelp("目录中不检查的文件（可多次使用）。", valueName: "GLOB"))
    var exclude: [String] = []

    @Option(name: .customLong("changed-since"), help: ArgumentHelp("只检查自这个 git 提交以来改动过的文件。", valueName: "REF"))
    var changedSince: String?

    @Option(help: ArgumentHelp("并行检查的线程数，默认为 CPU 核数。", valueName: "N"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("单个文件的大小上限（MB）。", valueName: "MB"))
    var maxFileSize = Reader.defaultMaxFileSize / 1_048_576

    @Option(help: "文本文件的编码（不自动识别）：UTF-8、GB18030、UTF-16LE 或 UTF-16BE。")
    var encoding: TextEncoding?

    @Flag(name: .customLong("follow-symlinks"), help: "遍历目录时也跟随指向目录之外的符号链接（默认跳过并提示）。")
    var followSymlinks = false

    @Flag(help: "检查结束后在标准错误输出上列出各规则和各阶段所用的时间（所有文件、所有线程合计）。")
    var timings = false

    @Option(
        name: .customLong("stdin-filename"),
        help: ArgumentHelp("标准输入（-）当作这个文件检查：按扩展名读作文本、Markdown 或 Word，输出中用这个名字，按它所在目录查找配置。", valueName: "NAME"))
    var stdinFilename: String?

    @Flag(name: [.customShort("q"), .long], help: "只报告错误（error），不报告警告和提示；退出码也只看错误。")
    var quiet = false

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("把结果写入这个文件，而不是标准输出。", valueName: "FILE"))
    var output: String?

    @Flag(inversion: .prefixedNo, help: "text 格式是否用颜色（默认：标准输出是终端时用；NO_COLOR 非空时不用，FORCE_COLOR 时用）。")
    var color: Bool?

    @Option(
        name: .customLong("print-config"), help: ArgumentHelp("不检查，只以 JSON 打印对这个文件生效的配置：配置文件、规则包、各规则级别、文种、豁免。", valueName: "FILE")
    )
    var printConfig: String?

    @Argument(help: ArgumentHelp("要检查的报告，默认为当前目录。", valueName: "PATH"))
    var paths: [String] = []

    func validate() throws {
        if paths.contains("") { throw ValidationError("路径不能为空字符串。") }
        if maxFileSize < 1 || maxFileSize > 1_048_576 { throw ValidationError("--max-file-size 应为 1 到 1048576 之间的整数（MB）。") }
        if jobs < 1 { throw ValidationError("--jobs 应为正整数。") }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings 不能为负数。") }
        if let stdinFilename {
            if stdinFilename.isEmpty { throw ValidationError("--stdin-filename 不能为空字符串。") }
            if !paths.contains("-") { throw ValidationError("--stdin-filename 只用于标准输入：请在路径中写 -。") }
        }
    }

    func run() throws {
        if let printConfig {
            let planned = try ruleOptions.session().resolveOrExit([printConfig])[0]
            print(EffectiveConfig.json(for: printConfig, rules: planned.rules, config: planned.config), terminator: "")
            return
        }
        var options = ruleOptions.lintOptions()
        options.type = type
        options.include = include.isEmpty ? InputCollector.defaultInclude : include.map(Glob.init)
        options.exclude = exclude.map(Glob.init)
        options.followSymlinks = followSymlinks
        options.changedSince = changedSince
        options.stdinFilename = stdinFilename
        options.baselineFile = baseline
        options.writeBaselineFile = writeBaseline
        options.errorsOnly = quiet
        options.base = base
        options.failOn = failOn
        options.maxWarnings = maxWarnings
        options.reader = Reader(maxFileSize: maxFileSize * 1_048_576, encoding: encoding)
        options.threads = jobs
        try LintInvocation(options: options, paths: paths, format: format, output: output, color: color, timings: timings).run()
    }
}

/// Standard output (or the `--output` file) written in blocks of about 64 KB rather than one write per file.
final class StandardOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    init(path: String? = nil) throws {
        guard let path else {
            descriptor = STDOUT_FILENO
            return
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            Diagnostics.print("\(path): 错误: 无法写入输出文件（\(String(cString: strerror(errno)))）")
            throw ExitCode(2)
        }
    }

    deinit {
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 65_536 { flush() }
    }

    func flush() {
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break } // a closed pipe: nothing more can be written
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `检查中 120/500` on stderr while a large batch runs on an interactive terminal; nothing when stderr
/// is not a terminal or `CI` is set, so logs stay clean.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let lock = NSLock()
    private var lastShown = -1

    init?(total: Int) {
        guard total > 50, isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["CI"] == nil else { return nil }
        self.total = total
    }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = done * 100 / total
        guard percent != lastShown else { return }
        lastShown = percent
        FileHandle.standardError.write(Data("\r检查中 \(done)/\(total)".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
