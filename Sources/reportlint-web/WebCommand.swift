import ArgumentParser
import Foundation
import Hummingbird
import ReportLint
import ReportLintWeb

/// `reportlint-web`: the office web service. One server for a department, with the department's rules.
@main
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportlint-web",
        abstract: "ReportLint 网页服务：在浏览器中上传或粘贴报告，查看并修正问题；同时提供 HTTP 接口。",
        discussion: "默认只在本机 127.0.0.1 上监听；要让局域网访问，请用 --host 0.0.0.0（建议同时设 --token）。"
    )

    @Option(help: "监听地址（默认只在本机）。")
    var host = "127.0.0.1"

    @Option(help: "端口。")
    var port = 8080

    @Option(help: ArgumentHelp("配置文件（.reportlint.yml）：本单位的规则包、规则级别和规则文件。不给时只用内置规则。", valueName: "FILE"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("添加规则文件或规则目录（*.yml），可多次使用。", valueName: "PATH"))
    var rules: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "不使用内置规则。")
    var noBuiltin = false

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("单个报告的大小上限（MB），与命令行相同。", valueName: "MB"))
    var maxFileSize = Reader.defaultMaxFileSize / 1_048_576

    @Option(help: ArgumentHelp("每个请求的时间上限（秒）。", valueName: "SECONDS"))
    var timeout = 30

    @Option(help: ArgumentHelp("同时检查的报告数上限，默认为 CPU 核数；超出的请求最多等待 --queue-wait 秒，之后返回 503。", valueName: "N"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("queue-wait"), help: ArgumentHelp("请求等待空闲检查位置的最长时间（秒）。", valueName: "SECONDS"))
    var queueWait = 2.0

    @Option(
        help: ArgumentHelp(
            "访问令牌：设置后，接口请求须带 Authorization: Bearer 令牌。也可用环境变量 REPORTLINT_WEB_TOKEN（不会出现在进程列表中）。", valueName: "TOKEN"))
    var token: String?

    func validate() throws {
        if maxFileSize < 1 || maxFileSize > 1_048_576 { throw ValidationError("--max-file-size 应为 1 到 1048576 之间的整数（MB）。") }
        if !(1...65535).contains(port) && port != 0 { throw ValidationError("--port 应为 1 到 65535 之间的整数。") }
        if timeout < 1 { throw ValidationError("--timeout 应为正整数（秒）。") }
        if jobs < 1 { throw ValidationError("--jobs 应为正整数。") }
        if queueWait < 0 { throw ValidationError("--queue-wait 不能为负数。") }
    }

    func run() async throws {
        let service: ReportService
        switch ReportService.load(
            configPath: config, rulePaths: rules, includeBuiltin: !noBuiltin,
            maxFileSize: maxFileSize * 1_048_576)
        {
        case .success(let loaded): service = loaded
        case .failure(let failure):
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            throw ExitCode(2)
        }
        var options = WebOptions()
        options.host = host
        options.port = port
        options.maxFileSize = maxFileSize * 1_048_576
        options.timeLimit = .seconds(timeout)
        options.jobs = jobs
        options.queueWait = .milliseconds(Int(queueWait * 1000))
        options.token = token ?? ProcessInfo.processInfo.environment["REPORTLINT_WEB_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let server = WebServer(service: service, options: options)
        let host = self.host
        let rulesCount = service.rules.rules.count
        let app = server.application { port in
            WebServer.standardErrorLog(
                "reportlint-web \(ReportLintVersion.current) 已启动：http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                    + "（规则 \(rulesCount) 条" + (service.configFile.map { "，配置 \($0)" } ?? "，内置规则") + "；"
                    + (LegacyConverter.soffice() == nil ? "未找到 LibreOffice，不接受 .doc/.wps" : "可读 .doc/.wps/.rtf/.odt") + "）")
        }
        try await app.runService()
    }
}
