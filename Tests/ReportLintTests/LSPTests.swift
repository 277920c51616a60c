import Foundation
import Testing

@testable import ReportLint

/// `reportlint lsp` end to end: the built binary driven with JSON-RPC messages over pipes, as an editor does.
@Suite("Language server", .serialized)
struct LSPTests {
    static func uri(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    /// Diagnostics as `rule@line:column-endLine:endColumn` in our 1-based terms.
    static func brief(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.map { diagnostic in
            let range = diagnostic["range"] as! [String: [String: Int]]
            return "\(diagnostic["code"]!)@\(range["start"]!["line"]! + 1):\(range["start"]!["character"]! + 1)"
                + "-\(range["end"]!["line"]! + 1):\(range["end"]!["character"]! + 1)"
        }
    }

    @Test func publishesTheFixtureFindingsOnOpen() throws {
        let client = try LSPClient()
        defer { client.stop() }
        let initialized = try client.initialize()
        #expect((initialized["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-16")
        for name in ["draft-punctuation.txt", "summary-missing-problems.txt", "markdown-report.md"] {
            let path = TestSupport.fixturesDirectory.appendingPathComponent(name).path
            client.open(path, text: try String(contentsOfFile: path, encoding: .utf8))
            let published = try client.diagnostics(for: Self.uri(path))
            let expectedFile = TestSupport.fixturesDirectory.appendingPathComponent(
                name.hasSuffix(".md")
                    ? name + ".expected.json"
                    : (name as NSString).deletingPathExtension + ".expected.json")
            let expected = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: expectedFile)) as? [String: Any])
            let findings = expected["findings"] as! [[String: Any]]
            #expect(
                Self.brief(published.diagnostics)
                    == findings.map { "\($0["rule"]!)@\($0["line"]!):\($0["column"]!)-\($0["endLine"]!):\($0["endColumn"]!)" },
                "\(name)")
            #expect(published.diagnostics.map { $0["message"] as? String } == findings.map { $0["message"] as? String })
            #expect(
                published.diagnostics.map { $0["severity"] as? Int }
                    == findings.map { ["error": 1, "warning": 2, "info": 3][$0["severity"] as! String] })
            #expect(published.diagnostics.allSatisfy { $0["source"] as? String == "reportlint" })
            #expect(published.version == 1)
        }
        try client.shutdown()
        #expect(client.waitForExit() == 0)
    }

    @Test func changesRelintAndCodeActionsFix() throws {
        let client = try LSPClient()
        defer { client.stop() }
        _ = try client.initialize()
        let uri = "file:///tmp/reportlint-lsp-\(UUID().uuidString)/草稿.txt"
        client.open(uri: uri, text: "市档案馆2023年工作总结\n全年开展活动XX次,成效明显。\n")
        let first = try client.diagnostics(for: uri)
        #expect(Self.brief(first.diagnostics).contains("common/placeholder@2:7-2:9"))
        #expect(Self.brief(first.diagnostics).contains("common/half-width-punctuation@2:10-2:11"))

        // A quick fix for the half-width comma, and a fix-all action.
        let actions =
            try client.request(
                "textDocument/codeAction",
                [
                    "textDocument": ["uri": uri],
                    "range": ["start": ["line": 1, "character": 9], "end": ["line": 1, "character": 10]],
                    "context": ["diagnostics": []],
                ]) as? [[String: Any]] ?? []
        let quickFix = try #require(actions.first { $0["kind"] as? String == "quickfix" })
        #expect(quickFix["title"] as? String == "改为“，”（common/half-width-punctuation）")
        let edits = ((quickFix["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[uri]
        #expect(edits?.first?["newText"] as? String == "，")
        #expect(actions.contains { $0["kind"] as? String == "source.fixAll.reportlint" })

        client.change(uri: uri, version: 2, text: "市档案馆2023年工作总结\n全年开展活动12次，成效明显。\n")
        let second = try client.diagnostics(for: uri)
        #expect(second.version == 2)
        #expect(
            !Self.brief(second.diagnostics).contains { $0.hasPrefix("common/placeholder") || $0.hasPrefix("common/half-width") })

        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        #expect(try client.diagnostics(for: uri).diagnostics.isEmpty)
        // Exit without shutdown is an error exit, as the protocol says.
        client.notify("exit", [:])
        #expect(client.waitForExit() == 1)
    }

    @Test func positionsAreUTF16UnlessTheClientTakesUTF32() throws {
        // 𠀀 is outside the BMP: one scalar, two UTF-16 units.
        let text = "县志办2023年工作总结\n𠀀全年召开会议XX次。\n"
        for (offered, expected) in [
            ([String](), "common/placeholder@2:9-2:11"), (["utf-32", "utf-16"], "common/placeholder@2:8-2:10"),
        ] {
            let client = try LSPClient()
            defer { client.stop() }
            let result = try client.initialize(positionEncodings: offered)
            #expect(
                (result["capabilities"] as? [String: Any])?["positionEncoding"] as? String
                    == (offered.isEmpty ? "utf-16" : "utf-32"))
            client.open(uri: "untitled:Untitled-1", text: text)
            #expect(Self.brief(try client.diagnostics(for: "untitled:Untitled-1").diagnostics).contains(expected))
        }
    }

    @Test func configurationChangesAreReloaded() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("报告.txt").path
        let config = directory.appendingPathComponent(".reportlint.yml").path
        let text = "区统计局2023年工作总结\n全年开展调查XX次。\n"
        try text.write(toFile: report, atomically: true, encoding: .utf8)

        let client = try LSPClient()
        defer { client.stop() }
        _ = try client.initialize()
        client.open(report, text: text)
        #expect(
            Self.brief(try client.diagnostics(for: Self.uri(report)).diagnostics).contains { $0.hasPrefix("common/placeholder@") }
        )

        // A new configuration turns the rule off; the client reports the change.
        try "rules:\n  common/placeholder: off\n".write(toFile: config, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": Self.uri(config), "type": 1]]])
        #expect(
            !Self.brief(try client.diagnostics(for: Self.uri(report)).diagnostics).contains {
                $0.hasPrefix("common/placeholder@")
            })

        // Edited on disk without a notification: noticed by its date at the next change.
        try "rules:\n  common/placeholder: warning\n".write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: config)
        client.change(uri: Self.uri(report), version: 2, text: text)
        let placeholder = try client.diagnostics(for: Self.uri(report)).diagnostics.first {
            $0["code"] as? String == "common/placeholder"
        }
        #expect(placeholder?["severity"] as? Int == 2)

        // A broken configuration is shown to the writer, with its file and line.
        try "rules:\n  common/placeholder: loud\n".write(toFile: config, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": Self.uri(config), "type": 2]]])
        let shown = try client.waitFor { $0["method"] as? String == "window/showMessage" }
        #expect(((shown["params"] as? [String: Any])?["message"] as? String)?.contains(".reportlint.yml:2:") == true)
    }

    @Test func framingHandlesAnyChunking() throws {
        let messages = [#"{"jsonrpc":"2.0","method":"a"}"#, #"{"jsonrpc":"2.0","method":"中文"}"#]
        let bytes = messages.map { MessageFramer.frame($0) }.reduce(Data(), +)
        for chunkSize in [1, 3, 7, bytes.count] {
            var framer = MessageFramer()
            var bodies: [String] = []
            var offset = 0
            while offset < bytes.count {
                framer.append(bytes[offset..<min(bytes.count, offset + chunkSize)])
                offset += chunkSize
                while let body = try framer.next() { bodies.append(String(decoding: body, as: UTF8.self)) }
            }
            #expect(bodies == messages, "chunk size \(chunkSize)")
        }
        var broken = MessageFramer()
        broken.append(Array("Content-Type: x\r\n\r\n{}".utf8))
        #expect(throws: MessageFramer.FramingError.self) { try broken.next() }
    }

    @Test func unknownRequestsGetAnErrorNotSilence() {
        let server = LanguageServer()
        _ = server.handle(Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8))
        let replies = server.handle(Array(#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#.utf8))
        #expect(
            replies.map { $0.compact() } == [
                #"{"jsonrpc":"2.0","id":7,"error":{"code":-32601,"message":"不支持的方法：textDocument/hover"}}"#
            ])
        #expect(server.handle(Array("not json".utf8)).first?.compact().contains("-32700") == true)
    }
}

/// An editor stand-in: starts `reportlint lsp`, writes framed messages to its stdin and collects what it
/// writes on stdout on a reader thread, so every wait has a timeout instead of hanging the suite.
final class LSPClient: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var received: [[String: Any]] = []
    private var nextId = 1

    init(arguments: [String] = []) throws {
        process.executableURL = CLITests.binary
        process.arguments = ["lsp"] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            var framer = MessageFramer()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                framer.append(chunk)
                while let body = try? framer.next() {
                    guard let message = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { continue }
                    condition.lock()
                    received.append(message)
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }

    /// The server's process id (to read its memory from /proc).
    var processIdentifier: Int32 { process.processIdentifier }

    /// Bytes written as they are, framed or not.
    func sendRaw(_ data: Data) {
        input.fileHandleForWriting.write(data)
    }

    func send(_ message: [String: Any]) {
        let body = try! JSONSerialization.data(withJSONObject: message)
        input.fileHandleForWriting.write(MessageFramer.frame(String(decoding: body, as: UTF8.self)))
    }

    func notify(_ method: String, _ params: [String: Any]) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    struct Timeout: Error {}

    /// Takes the first received message matching `predicate` (waiting up to 30 s for it).
    func waitFor(_ predicate: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(30)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: predicate) { return received.remove(at: index) }
            if !condition.wait(until: deadline) { throw Timeout() }
        }
    }

    /// Whether a message matching `predicate` has been received (without waiting).
    func hasReceived(_ predicate: ([String: Any]) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return received.contains(where: predicate)
    }

    func request(_ method: String, _ params: [String: Any]) throws -> Any? {
        let id = nextId
        nextId += 1
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        let response = try waitFor { $0["id"] as? Int == id && $0["method"] == nil }
        return response["result"]
    }

    func initialize(positionEncodings: [String] = []) throws -> [String: Any] {
        let capabilities: [String: Any] = positionEncodings.isEmpty ? [:] : ["general": ["positionEncodings": positionEncodings]]
        let result =
            try request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities])
            as? [String: Any] ?? [:]
        notify("initialized", [:])
        return result
    }

    func open(_ path: String, text: String) {
        open(uri: LSPTests.uri(path), text: text)
    }

    func open(uri: String, text: String) {
        let language = uri.hasSuffix(".md") ? "markdown" : "plaintext"
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": language, "version": 1, "text": text]])
    }

    func change(uri: String, version: Int, text: String) {
        notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
    }

    func diagnostics(for uri: String) throws -> (version: Int?, diagnostics: [[String: Any]]) {
        let message = try waitFor {
            $0["method"] as? String == "textDocument/publishDiagnostics"
                && ($0["params"] as? [String: Any])?["uri"] as? String == uri
        }
        let params = message["params"] as! [String: Any]
        return (params["version"] as? Int, params["diagnostics"] as? [[String: Any]] ?? [])
    }

    func shutdown() throws {
        _ = try request("shutdown", [:])
        notify("exit", [:])
    }

    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { process.terminate() }
        try? input.fileHandleForWriting.close()
    }
}

/// Issue 24, item 12: the language server with clients of every kind.
@Suite("Language server: registration and broken configurations", .serialized)
struct LSPClientKindsTests {
    @Test func watchesFilesOnlyWhenTheClientTakesDynamicRegistration() throws {
        for dynamic in [false, true] {
            let client = try LSPClient()
            defer { client.stop() }
            let capabilities: [String: Any] =
                dynamic ? ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]] : [:]
            _ = try client.request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities])
            client.notify("initialized", [:])
            let uri = "file:///tmp/reportlint-lsp-\(UUID().uuidString)/a.txt"
            client.open(uri: uri, text: "2023年工作总结\n开展活动XX次。\n")
            _ = try client.diagnostics(for: uri) // messages are handled in order: `initialized` is done
            #expect(
                client.hasReceived { $0["method"] as? String == "client/registerCapability" } == dynamic,
                "dynamic registration \(dynamic)")
        }
    }

    @Test func aBrokenConfigurationIsShownOnceNotPerFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "rules:\n  common/placeholder: loud\n".write(
            to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let client = try LSPClient()
        defer { client.stop() }
        _ = try client.initialize()
        for name in ["a.txt", "b.txt", "c.txt"] {
            let path = directory.appendingPathComponent(name).path
            client.open(path, text: "2023年工作总结\n开展活动XX次。\n")
            _ = try client.diagnostics(for: LSPTests.uri(path))
        }
        var shown = 0
        while client.hasReceived({ $0["method"] as? String == "window/showMessage" }) {
            _ = try client.waitFor { $0["method"] as? String == "window/showMessage" }
            shown += 1
        }
        #expect(shown == 1)
    }
}

extension LSPClientKindsTests {
    /// `reportlint lsp --rule ID:off` applies as it does for lint.
    @Test func ruleSettingsApplyToTheServer() throws {
        let client = try LSPClient(arguments: ["--rule", "common/placeholder:off"])
        defer { client.stop() }
        _ = try client.initialize()
        let uri = "file:///tmp/reportlint-lsp-\(UUID().uuidString)/a.txt"
        client.open(uri: uri, text: "2023年工作总结\n开展活动XX次,成效明显。\n")
        let codes = try client.diagnostics(for: uri).diagnostics.compactMap { $0["code"] as? String }
        #expect(!codes.contains("common/placeholder") && codes.contains("common/half-width-punctuation"))
    }
}
