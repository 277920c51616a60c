import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportLint
import Testing
import ZIPFoundation

@testable import ReportLintWeb

/// Every bad input gets its 4xx with the CLI's Chinese message, and the server goes on answering.
@Suite("Web service: bad input and limits", .serialized)
struct WebBadInputTests {
    /// What the CLI says about these bytes read as this file.
    func cliMessage(_ bytes: [UInt8], name: String) throws -> String {
        guard case .failure(let error) = Reader().decode(bytes, path: name) else {
            Issue.record("\(name) was readable")
            return ""
        }
        return error.message
    }

    @Test func unreadableUploadsGetTheCLIsMessage() async throws {
        // A zip bomb whose headers claim 100 bytes: only counting while inflating catches it.
        let page = "<w:p><w:r><w:t>党建工作总结</w:t></w:r></w:p>"
        let chunk = Data(String(repeating: page, count: 65_536 / page.utf8.count + 1).utf8)
        let total = 66 * 1_048_576
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate)
        { position, size in
            let start = Int(position) % chunk.count
            return start + size <= chunk.count
                ? chunk.subdata(in: start..<start + size)
                : (chunk.subdata(in: start..<chunk.count) + chunk).prefix(size)
        }
        var bomb = Array(archive.data!)
        for (signature, offset) in [([UInt8]([0x50, 0x4B, 0x03, 0x04]), 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            var index = 0
            while index + 4 <= bomb.count {
                if Array(bomb[index..<index + 4]) == signature {
                    bomb.replaceSubrange((index + offset)..<(index + offset + 4), with: [100, 0, 0, 0])
                }
                index += 1
            }
        }
        let cases: [(String, [UInt8], String)] = [
            ("损坏.docx", Array("这不是 zip 文件".utf8), "不是有效的 .docx 文件（不是 zip 压缩包）"),
            ("炸弹.docx", bomb, "可能是 zip 炸弹"),
            ("乱码.txt", Array("2023年工作总结".utf8) + [0xFF, 0xFE, 0xFD, 0x80, 0x81, 0xFF], "编码无法识别"),
            ("图片.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A, 0x0A], "不是文本文件"),
            ("空白.txt", Array(" \n\n  \n".utf8), "文件为空"),
            ("空.txt", [], "文件为空"),
        ]
        try await WebHarness().test { client in
            for (name, bytes, expected) in cases {
                for route in ["/api/lint", "/api/review", "/api/fix"] {
                    let response = try await client.post(route, upload: name, bytes)
                    #expect(response.status == .unprocessableContent, "\(name) \(route)")
                    let message = try #require(response.errorMessage)
                    #expect(message.contains(expected), "\(name): \(message)")
                    #expect(message == (try cliMessage(bytes, name: name)))
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                    try await client.expectHealthy()
                }
            }
        }
    }

    @Test func malformedRequestsGetA4xx() async throws {
        let text = Array("2023年工作总结\n认真学习。\n".utf8)
        try await WebHarness().test { client in
            func check(_ response: TestResponse, _ status: HTTPResponse.Status, _ expected: String) async throws {
                #expect(response.status == status, "\(expected): \(response.status)")
                #expect(response.errorMessage?.contains(expected) == true, "\(String(describing: response.errorMessage))")
                try await client.expectHealthy()
            }
            try await check(
                try await client.execute(uri: "/api/lint", method: .post, headers: [.contentType: "application/json"]),
                .badRequest, "请求体为空")
            try await check(
                try await client.execute(
                    uri: "/api/lint", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(bytes: text)),
                .unsupportedMediaType, "不支持的内容类型“text/plain”")
            try await check(
                try await client.execute(uri: "/api/lint", method: .post, body: ByteBuffer(bytes: text)),
                .unsupportedMediaType, "不支持的内容类型“（未给出）”")
            try await check(
                try await client.execute(
                    uri: "/api/lint", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: "{\"text\": ")), .badRequest, "不是有效的 JSON")
            try await check(
                try await client.execute(
                    uri: "/api/lint", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(bytes: [0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D])),
                .badRequest, "不是有效的 JSON")
            try await check(try await client.post("/api/lint", json: ["name": "a.txt"]), .badRequest, "缺少文字字段 text")
            try await check(
                try await client.post("/api/lint", json: ["text": "2023年工作总结", "type": "novel"]), .badRequest, "文种“novel”无效")
            try await check(
                try await client.post("/api/lint", json: ["text": "2023年工作总结", "outlineLevels": ["x": 1]]), .badRequest,
                "outlineLevels")
            try await check(
                try await client.post("/api/fix", json: ["text": "2023年工作总结", "fix": ["rule": 3]]), .badRequest, "fix 应为")
            try await check(
                try await client.execute(
                    uri: "/api/lint", method: .post, headers: [.contentType: "multipart/form-data"],
                    body: ByteBuffer(bytes: text)), .badRequest, "缺少 boundary")
            var truncated = Multipart()
            truncated.file("file", filename: "a.txt", text)
            try await check(
                try await client.execute(
                    uri: "/api/lint", method: .post, headers: [.contentType: truncated.contentType],
                    body: ByteBuffer(bytes: truncated.body)), .badRequest, "请求体格式错误")
            var noFile = Multipart()
            noFile.field("type", "plan")
            try await check(
                try await client.execute(
                    uri: "/api/lint", method: .post, headers: [.contentType: noFile.contentType],
                    body: ByteBuffer(bytes: noFile.finished)), .badRequest, "请在 file 字段上传")
            // Without LibreOffice an older Word file cannot be read (with it, see WebAnnotateTests).
            if LegacyConverter.soffice() == nil {
                try await check(
                    try await client.post("/api/lint", upload: "旧文件.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
                    .unsupportedMediaType, "没有找到 LibreOffice")
            }
            try await check(try await client.execute(uri: "/api/nothing", method: .get), .notFound, "没有这个地址")
            for path in ["/api/lint", "/api/review", "/api/fix", "/api/annotate"] {
                let wrongMethod = try await client.execute(uri: path, method: .get)
                #expect(wrongMethod.status == .methodNotAllowed)
                #expect(wrongMethod.headers[.allow] == "POST")
                #expect(wrongMethod.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    @Test func tooLargeIsRefusedWithTheCLIsLimitMessage() async throws {
        var options = WebOptions()
        options.maxFileSize = 1_048_576
        let report = Array(String(repeating: "认真学习，深入领会。\n", count: 40_000).utf8) // about 1.2 MB
        try await WebHarness(options: options).test { client in
            // Over the file limit but within the body's room for the form: the reader's own message.
            let file = try await client.post("/api/lint", upload: "大.txt", report)
            #expect(file.status == .contentTooLarge)
            #expect(file.errorMessage == ReadError(path: "", reason: .tooLarge(size: report.count, limit: 1_048_576)).message)
            // Over the body limit: refused before it is read.
            let huge = [UInt8](repeating: 0x41, count: 2_200_000)
            let body = try await client.post("/api/lint", upload: "大.txt", huge)
            #expect(body.status == .contentTooLarge)
            #expect(body.errorMessage?.contains("输入超过大小上限（1.0 MB）") == true)
            try await client.expectHealthy()
        }
    }

    @Test func aTokenGuardsTheAPIButNotThePage() async throws {
        var options = WebOptions()
        options.token = "s3cret-令牌"
        try await WebHarness(options: options).test { client in
            let text: [String: Any] = ["text": "2023年工作总结\n认真学习。\n"]
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/static/app.js", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/health", method: .get).status == .ok)
            let missing = try await client.post("/api/lint", json: text)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(missing.errorMessage?.contains("需要访问令牌") == true)
            #expect(
                try await client.post("/api/lint", json: text, headers: [.authorization: "Bearer s3cret"]).status == .unauthorized
            )
            #expect(try await client.execute(uri: "/api/rules", method: .get).status == .unauthorized)
            #expect(try await client.post("/api/lint", json: text, headers: [.authorization: "Bearer s3cret-令牌"]).status == .ok)
        }
    }

    @Test func beyondTheJobLimitARequestWaitsThenGets503() async throws {
        var options = WebOptions()
        options.jobs = 1
        options.queueWait = .milliseconds(200)
        let harness = try WebHarness(options: options)
        let gate = DispatchSemaphore(value: 0)
        // Hold the only slot.
        let holder = Task { try await harness.server.limiter.run { gate.wait() } }
        while harness.server.limiter.active == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await harness.test { client in
            let busy = try await client.post("/api/lint", json: ["text": "2023年工作总结\n认真学习。\n"])
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == "2")
            #expect(busy.errorMessage?.contains("服务器正忙") == true)
            gate.signal()
            try await holder.value
            let free = try await client.post("/api/lint", json: ["text": "2023年工作总结\n认真学习。\n"])
            #expect(free.status == .ok)
        }
    }

    @Test func aRequestPastItsTimeLimitGetsAnAnswer() async throws {
        var options = WebOptions()
        options.jobs = 1
        options.queueWait = .seconds(10)
        options.timeLimit = .seconds(1)
        let harness = try WebHarness(options: options)
        let gate = DispatchSemaphore(value: 0)
        let holder = Task { try await harness.server.limiter.run { gate.wait() } }
        while harness.server.limiter.active == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await harness.test { client in
            let started = ContinuousClock.now
            let late = try await client.post("/api/lint", json: ["text": "2023年工作总结\n认真学习。\n"])
            #expect(late.status == .serviceUnavailable)
            #expect(late.errorMessage?.contains("检查超过 1 秒未完成") == true)
            #expect(ContinuousClock.now - started < .seconds(5))
            gate.signal()
            try await holder.value
            #expect(try await client.post("/api/lint", json: ["text": "2023年工作总结\n认真学习。\n"]).status == .ok)
        }
    }

    @Test func oneLogLinePerRequestWithoutTheReport() async throws {
        let harness = try WebHarness()
        let secret = "机密的独特句子九九八十一"
        try await harness.test { client in
            _ = try await client.post("/api/lint", json: ["text": "2023年工作总结\n\(secret)。\n", "name": "绝密文件名.txt"])
            _ = try await client.post("/api/review", upload: "绝密文件名.txt", Array("2023年工作总结\n\(secret)。\n".utf8))
            _ = try await client.execute(uri: "/api/nothing%1B[31m", method: .get)
            _ = try await client.execute(uri: "/", method: .get)
        }
        let lines = harness.logLines
        #expect(lines.count == 4)
        #expect(lines[0].contains(" POST /api/lint 200 ") && lines[1].contains(" POST /api/review 200 "))
        #expect(lines[2].contains(" GET /api/nothing%1B[31m 404 "))
        #expect(lines[3].contains(" GET / 200 "))
        #expect(!lines.joined().contains(secret) && !lines.joined().contains("绝密文件名"))
        #expect(!lines.joined().contains("\u{1B}"))
        // A control character that reaches the log is escaped, so a path cannot forge or colour a log line.
        #expect(WebLog.clean("/a\u{1B}[31m\nfake 200") == "/a\\x1B[31m\\xAfake 200")
    }
}
