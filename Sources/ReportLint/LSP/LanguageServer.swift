import Foundation

/// `reportlint lsp`: a Language Server Protocol server. It lints .txt and .md documents as the editor holds
/// them (on open and on every change, full-text sync), publishes the findings as diagnostics (rule id as
/// `code`, Chinese message, severity), offers each safe fix as a quick fix and all of them as
/// `source.fixAll.reportlint`, and reloads the configuration and rule files when they change on disk.
///
/// The server is a plain value that takes one decoded message and returns the messages to send, so tests
/// can drive it without pipes; `reportlint lsp` wires it to stdin and stdout.
public final class LanguageServer {
    /// From this size (bytes) a document's rules are checked on every free core: the writer waits for the
    /// diagnostics of each change, so a report of tens of kilobytes is worth splitting (see scripts/bench-lsp).
    static let parallelRulesFrom = 16 * 1024

    /// The file extensions linted; other documents get no diagnostics.
    public static let extensions: Set = ["txt", "md", "markdown"]

    private let options: LintOptions
    private var session: LintSession
    /// Modification dates of the configuration and rule files last used, to notice edits made on disk.
    private var ruleFileStamps: [String: Date] = [:]
    private var documents: [String: LSPDocument] = [:]
    private var encoding = PositionEncoding.utf16
    private var shutdownRequested = false
    private var initialized = false
    /// Set while a `didChange` is handled that a later one for the same document, already queued, replaces.
    private var supersededChange = false
    /// Whether the client takes `client/registerCapability` for file watching (dynamic registration).
    private var canWatchFiles = false
    /// Broken-configuration messages already shown since the rules were last loaded: each is shown once,
    /// not again for every file opened.
    private var shownFailures = Set<String>()
    /// Set once `exit` arrives: the process should end with this status.
    public private(set) var exitStatus: Int32?

    /// `options` choose the rules (`--rules`, `--config`, `--rule`); an editor lints one buffer at a time.
    public init(options: LintOptions = LintOptions()) {
        var options = options
        options.parallelRulesFrom = LanguageServer.parallelRulesFrom
        options.remembersDiscovery = false
        self.options = options
        session = LintSession(options: options)
    }

    /// Handles one message body; returns the messages to send back (responses and notifications).
    public func handle(_ body: [UInt8]) -> [JSONValue] {
        handle(batch: [body])
    }

    /// Handles the messages that arrived together, in order. A `didChange` followed in the batch by another
    /// for the same document only updates the text: only the latest version is linted (typing fast in a
    /// large report queues many versions, and linting each would fall further and further behind).
    public func handle(batch bodies: [[UInt8]]) -> [JSONValue] {
        let messages = bodies.map { (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any] }
        var lastChange: [String: Int] = [:]
        for (index, message) in messages.enumerated() where message?["method"] as? String == "textDocument/didChange" {
            if let uri = ((message?["params"] as? [String: Any])?["textDocument"] as? [String: Any])?["uri"] as? String {
                lastChange[uri] = index
            }
        }
        var replies: [JSONValue] = []
        for (index, message) in messages.enumerated() {
            guard let message else {
                replies.append(LanguageServer.error(id: .null, code: -32700, message: "JSON 解析失败"))
                continue
            }
            let uri = ((message["params"] as? [String: Any])?["textDocument"] as? [String: Any])?["uri"] as? String
            supersededChange =
                message["method"] as? String == "textDocument/didChange" && uri.map { lastChange[$0] != index } == true
            replies += handle(message: message)
            supersededChange = false
            if exitStatus != nil { break }
        }
        return replies
    }

    private func handle(message: [String: Any]) -> [JSONValue] {
        let method = message["method"] as? String
        let params = message["params"] as? [String: Any] ?? [:]
        guard let idValue = message["id"] else {
            // Before `initialize` and after `shutdown` only `exit` is heard.
            if let method, method != "exit", !initialized || shutdownRequested { return [] }
            return method.map { notification($0, params) } ?? []
        }
        let id = JSONValue(foundation: idValue)
        guard let method else { return [] } // A response to a request of ours (capability registration).
        if shutdownRequested && method != "exit" {
            return [LanguageServer.error(id: id, code: -32600, message: "服务器已在关闭")]
        }
        if !initialized && method != "initialize" {
            return [LanguageServer.error(id: id, code: -32002, message: "服务器尚未初始化（请先发送 initialize）")]
        }
        switch method {
        case "initialize":
            initialized = true
            return [response(id, initialize(params))]
        case "shutdown":
            shutdownRequested = true
            return [response(id, .null)]
        case "textDocument/codeAction": return [response(id, codeActions(params))]
        default: return [LanguageServer.error(id: id, code: -32601, message: "不支持的方法：\(method)")]
        }
    }

    private func notification(_ method: String, _ params: [String: Any]) -> [JSONValue] {
        let textDocument = params["textDocument"] as? [String: Any] ?? [:]
        let uri = textDocument["uri"] as? String ?? ""
        switch method {
        case "initialized":
            // Only a client that says it takes dynamic registration is asked; the others are covered by the
            // modification dates checked before each lint.
            return canWatchFiles ? [registerWatchers()] : []
        case "exit":
            exitStatus = shutdownRequested ? 0 : 1
            return []
        case "textDocument/didOpen":
            guard let text = textDocument["text"] as? String else { return [] }
            documents[uri] = LSPDocument(
                uri: uri, path: LanguageServer.path(of: uri), version: textDocument["version"] as? Int ?? 0,
                text: text, result: nil)
            return lint(uri)
        case "textDocument/didChange":
            // Full sync: the last change holds the whole text.
            guard documents[uri] != nil, let changes = params["contentChanges"] as? [[String: Any]],
                let text = changes.last?["text"] as? String
            else { return [] }
            documents[uri]?.text = text
            documents[uri]?.version = textDocument["version"] as? Int ?? documents[uri]!.version
            return supersededChange ? [] : lint(uri)
        case "textDocument/didSave":
            return reloadIfRulesChanged(force: LanguageServer.isRuleFile(uri)) ?? (documents[uri] != nil ? lint(uri) : [])
        case "textDocument/didClose":
            documents[uri] = nil
            return [publish(uri: uri, version: nil, diagnostics: [])]
        case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
            return reloadIfRulesChanged(force: true) ?? []
        default:
            return []
        }
    }

    // MARK: Lifecycle

    private func initialize(_ params: [String: Any]) -> JSONValue {
        let general = (params["capabilities"] as? [String: Any])?["general"] as? [String: Any]
        let offered = general?["positionEncodings"] as? [String] ?? []
        encoding = offered.contains(PositionEncoding.utf32.rawValue) ? .utf32 : .utf16
        let workspace = (params["capabilities"] as? [String: Any])?["workspace"] as? [String: Any]
        canWatchFiles = (workspace?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool == true
        return .object([
            (
                "capabilities",
                .object([
                    ("positionEncoding", .string(encoding.rawValue)),
                    ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .int(1)), ("save", .bool(true))])),
                    (
                        "codeActionProvider",
                        .object([("codeActionKinds", .array([.string("quickfix"), .string(LanguageServer.fixAllKind)]))])
                    ),
                ])
            ),
            ("serverInfo", .object([("name", .string("reportlint")), ("version", .string(ReportLintVersion.current))])),
        ])
    }

    /// Asks the client to tell us when configuration or rule files change (clients that cannot are covered
    /// by the modification dates checked before each lint).
    private func registerWatchers() -> JSONValue {
        let watchers: [JSONValue] = ["**/.reportlint.yml", "**/*.yml", "**/*.yaml"].map {
            .object([("globPattern", .string($0))])
        }
        return .object([
            ("jsonrpc", .string("2.0")), ("id", .string("reportlint-watch")), ("method", .string("client/registerCapability")),
            (
                "params",
                .object([
                    (
                        "registrations",
                        .array([
                            .object([
                                ("id", .string("reportlint-rule-files")), ("method", .string("workspace/didChangeWatchedFiles")),
                                ("registerOptions", .object([("watchers", .array(watchers))])),
                            ])
                        ])
                    )
                ])
            ),
        ])
    }

    // MARK: Linting

    private func lint(_ uri: String) -> [JSONValue] {
        if let reloaded = reloadIfRulesChanged(force: false) { return reloaded }
        return lintOne(uri)
    }

    private func lintOne(_ uri: String) -> [JSONValue] {
        guard var document = documents[uri] else { return [] }
        let path = document.lintPath
        guard LanguageServer.extensions.contains((path as NSString).pathExtension.lowercased()) else { return [] }
        var messages: [JSONValue] = []
        var findings: [Finding] = []
        rememberStamps(configFile: session.configPath(for: path), config: session.config(for: path))
        document.result = nil
        switch session.lint(bytes: Array(document.text.utf8), path: path) {
        case .rulesFailed(let failure):
            if shownFailures.insert(failure.description).inserted {
                messages.append(showMessage("ReportLint 无法加载规则或配置：\n\(failure.description)", type: 1))
            }
        case .ignored: break
        case .unreadable(let error):
            if case .empty = error.reason {} else { messages.append(showMessage(error.description, type: 2)) }
        case .linted(let result):
            document.result = result
            findings = result.findings
        }
        documents[uri] = document
        let converter = LSPConverter(document: document, encoding: encoding)
        messages.append(publish(uri: uri, version: document.version, diagnostics: findings.map(converter.diagnostic)))
        return messages
    }

    /// Recompiles the rules and lints every open document again when a configuration or rule file changed
    /// (or `force`); nil when nothing changed.
    private func reloadIfRulesChanged(force: Bool) -> [JSONValue]? {
        let changed = ruleFileStamps.contains { path, stamp in (LanguageServer.modificationDate(path) ?? .distantPast) != stamp }
        guard force || changed else { return nil }
        session = LintSession(options: options)
        ruleFileStamps = [:]
        shownFailures = []
        return documents.keys.sorted().flatMap(lintOne)
    }

    /// Even a configuration that failed to load is watched, so fixing it brings the rules back.
    private func rememberStamps(configFile: String?, config: Config?) {
        var files = ((config?.ruleFiles ?? []) + options.rulePaths).flatMap { [$0] + RuleLoader.ruleFiles(at: $0) }
        if let configFile { files.append(configFile) }
        files += config?.files.dropFirst() ?? [] // what it extends
        for file in files where ruleFileStamps[file] == nil {
            ruleFileStamps[file] = LanguageServer.modificationDate(file) ?? .distantPast
        }
    }

    // MARK: Code actions

    static let fixAllKind = "source.fixAll.reportlint"

    private func codeActions(_ params: [String: Any]) -> JSONValue {
        let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String ?? ""
        guard let document = documents[uri], let result = document.result else { return .array([]) }
        let converter = LSPConverter(document: document, encoding: encoding)
        let requested = params["range"] as? [String: Any]
        func bound(_ key: String) -> SourcePosition? {
            guard let position = requested?[key] as? [String: Any], let line = position["line"] as? Int,
                let character = position["character"] as? Int
            else { return nil }
            return converter.sourcePosition(line: line, character: character)
        }
        let from = bound("start") ?? SourcePosition(line: 1, column: 1)
        let to = bound("end") ?? SourcePosition(line: Int.max, column: Int.max)
        let source = result.document.source
        let file = Fixer.FileText(source.originalText ?? source.text)
        let safe = Fixer.choose(result.findings, in: result.document).filter {
            Fixer.fileRange(of: $0, in: source, file: file) != nil
        }

        var actions: [JSONValue] = safe.filter { $0.start <= to && from <= $0.end }.map { finding in
            let suggestion = finding.suggestion ?? ""
            let title =
                suggestion.isEmpty
                ? "删除“\(source.string(finding.range))”（\(finding.ruleId)）"
                : "改为“\(suggestion)”（\(finding.ruleId)）"
            return .object([
                ("title", .string(title)),
                ("kind", .string("quickfix")),
                ("diagnostics", .array([converter.diagnostic(finding)])),
                ("isPreferred", .bool(true)),
                ("edit", edit(uri, [(converter.range(finding), suggestion)])),
            ])
        }
        if !safe.isEmpty, let fixed = session.fix(source, path: document.lintPath) {
            if fixed.changed {
                actions.append(
                    .object([
                        ("title", .string("ReportLint：应用全部可自动修正（\(fixed.applied.count) 处）")),
                        ("kind", .string(LanguageServer.fixAllKind)),
                        ("edit", edit(uri, [(converter.wholeDocument, fixed.fixedText)])),
                    ]))
            }
        }
        return .array(actions)
    }

    private func edit(_ uri: String, _ replacements: [(range: JSONValue, text: String)]) -> JSONValue {
        .object([
            (
                "changes",
                .object([
                    (
                        uri,
                        .array(
                            replacements.map {
                                .object([("range", $0.range), ("newText", .string($0.text))])
                            })
                    )
                ])
            )
        ])
    }

    // MARK: Messages

    private func response(_ id: JSONValue, _ result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func error(id: JSONValue, code: Int, message: String) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")), ("id", id), ("error", .object([("code", .int(code)), ("message", .string(message))])),
        ])
    }

    private func publish(uri: String, version: Int?, diagnostics: [JSONValue]) -> JSONValue {
        var params: [(String, JSONValue)] = [("uri", .string(uri))]
        if let version { params.append(("version", .int(version))) }
        params.append(("diagnostics", .array(diagnostics)))
        return .object([
            ("jsonrpc", .string("2.0")), ("method", .string("textDocument/publishDiagnostics")), ("params", .object(params)),
        ])
    }

    /// `type`: 1 error, 2 warning, 3 info.
    private func showMessage(_ message: String, type: Int) -> JSONValue {
        .object([
            ("jsonrpc", .string("2.0")), ("method", .string("window/showMessage")),
            ("params", .object([("type", .int(type)), ("message", .string(message))])),
        ])
    }

    // MARK: Files

    /// The local path of a `file:` URI (percent-decoded); nil for other schemes (unsaved buffers).
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    static func isRuleFile(_ uri: String) -> Bool {
        uri.hasSuffix(".yml") || uri.hasSuffix(".yaml")
    }

    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
