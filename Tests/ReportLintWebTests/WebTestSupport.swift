import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ReportLint
import ReportLintWeb
import Testing

/// A server over the built-in rules, its log lines, and request helpers.
final class WebHarness: Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var fixtures: URL { packageRoot.appendingPathComponent("Fixtures") }

    let server: WebServer
    private let log = LogSink()

    init(options: WebOptions = WebOptions(), configPath: String? = nil) throws {
        let service = try ReportService.load(
            configPath: configPath, rulePaths: [], includeBuiltin: true,
            maxFileSize: options.maxFileSize
        ).get()
        let sink = log
        server = WebServer(service: service, options: options, log: { line in sink.append(line) })
    }

    var logLines: [String] { log.lines }

    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await server.application().test(.router, body)
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}

/// The server's log lines, kept for the test to read.
final class LogSink: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

/// A `multipart/form-data` body as browsers and curl write it.
struct Multipart {
    let boundary = "----reportlint-test-boundary-7MA4YWxkTrZu0gW"
    var body: [UInt8] = []

    mutating func file(_ name: String, filename: String, _ bytes: [UInt8], type: String = "application/octet-stream") {
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n"
                .utf8)
        body += bytes + Array("\r\n".utf8)
    }

    mutating func field(_ name: String, _ value: String) {
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    var finished: [UInt8] { body + Array("--\(boundary)--\r\n".utf8) }
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    static func upload(_ filename: String, _ bytes: [UInt8], fields: [(String, String)] = []) -> (
        body: ByteBuffer, headers: HTTPFields
    ) {
        var form = Multipart()
        for (name, value) in fields { form.field(name, value) }
        form.file("file", filename: filename, bytes)
        return (ByteBuffer(bytes: form.finished), [.contentType: form.contentType])
    }
}

extension TestClientProtocol {
    func post(
        _ uri: String, upload filename: String, _ bytes: [UInt8], fields: [(String, String)] = [],
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        let (body, headers) = Multipart.upload(filename, bytes, fields: fields)
        var all = headers
        all.append(contentsOf: extra)
        return try await execute(uri: uri, method: .post, headers: all, body: body)
    }

    func post(_ uri: String, json object: [String: Any], headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let data = try JSONSerialization.data(withJSONObject: object)
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extra)
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: Array(data)))
    }

    /// The server still answers (after a bad request).
    func expectHealthy() async throws {
        let response = try await execute(uri: "/api/health", method: .get)
        #expect(response.status == .ok)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    var errorMessage: String? {
        (json["error"] as? [String: Any])?["message"] as? String
    }
}
