import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import ReportLint

/// The office web service: the page at `/`, its static files, and the API (`/api/lint`, `/api/review`,
/// `/api/fix`, `/api/annotate`, `/api/rules`, `/api/health`). Every request that reads a report goes through the same
/// steps: read the body (size limit), parse it (multipart or JSON), read the report (the CLI's checks and
/// messages), lint or fix it in a job slot — all under one time limit.
public struct WebServer: Sendable {
    public let service: ReportService
    public let options: WebOptions
    public let limiter: JobLimiter
    let log: @Sendable (String) -> Void

    public init(
        service: ReportService, options: WebOptions, log: @escaping @Sendable (String) -> Void = WebServer.standardErrorLog
    ) {
        self.service = service
        self.options = options
        self.limiter = JobLimiter(limit: options.jobs, wait: options.queueWait)
        self.log = log
    }

    public static let standardErrorLog: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public func router() -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: RequestLogMiddleware(log: log))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: TokenMiddleware(token: options.token))

        let assets = WebAssets()
        router.get("/") { _, _ in assets.response(.page) }
        router.get("/static/app.js") { _, _ in assets.response(.script) }
        router.get("/static/app.css") { _, _ in assets.response(.style) }
        router.get("/static/report.css") { _, _ in assets.response(.reportStyle) }
        router.get("/api/health") { [limiter] _, _ in
            WebResponses.json(
                JSONValue.object([
                    ("status", .string("ok")), ("version", .string(ReportLintVersion.current)),
                    ("jobs", .int(limiter.active)),
                ]).serialized() + "\n")
        }
        router.get("/api/rules") { [service] _, _ in WebResponses.json(service.rulesJSON()) }
        router.post("/api/lint") { request, _ in await handle(request) { input throws(WebError) in try await lint(input) } }
        router.post("/api/review") { request, _ in await handle(request) { input throws(WebError) in try await review(input) } }
        router.post("/api/fix") { request, _ in await handle(request) { input throws(WebError) in try await fix(input) } }
        // The report routes take POST only: other methods get 405 with Allow, through the same headers.
        for path in ["/api/lint", "/api/review", "/api/fix", "/api/annotate"] {
            router.get(RouterPath(path)) { _, _ in
                var response = WebResponses.error(.methodNotAllowed)
                response.headers[.allow] = "POST"
                return response
            }
        }
        router.post("/api/annotate") { request, _ in await handle(request) { input throws(WebError) in try await annotate(input) }
        }
        return router
    }

    /// The application, listening on `options.host` and `options.port`. Hummingbird's own logger only
    /// speaks of errors; the request log is ours.
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "reportlint-web")
        logger.logLevel = .error
        var http = HTTP1Channel.Configuration()
        // A connection that sends nothing for this long is closed (a client that opens and stalls).
        http.idleTimeout = .seconds(Int64(max(1, options.timeLimit.components.seconds)))
        return Application(
            router: router(),
            server: .http1(configuration: http),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    // MARK: Routes

    private func lint(_ input: ReportInput) async throws(WebError) -> Response {
        let service = self.service
        let report: Result<String, WebError> = try await job {
            service.read(input).flatMap { read in
                service.lint(read.source, type: input.type).map { WebResponses.lintReport($0, rules: service.rules) }
            }
        }
        return WebResponses.json(try report.get())
    }

    private func review(_ input: ReportInput) async throws(WebError) -> Response {
        let service = self.service
        let body: Result<String, WebError> = try await job {
            service.read(input).flatMap { read in
                service.lint(read.working, type: input.type).map { WebResponses.review($0, read: read, rules: service.rules) }
            }
        }
        return WebResponses.json(try body.get())
    }

    private func fix(_ input: ReportInput) async throws(WebError) -> Response {
        let service = self.service
        let body: Result<String, WebError> = try await job {
            service.read(input).flatMap { read in
                service.fix(read.working, input: input).map { WebResponses.fix($0, name: read.working.path) }
            }
        }
        return WebResponses.json(try body.get())
    }

    private func annotate(_ input: ReportInput) async throws(WebError) -> Response {
        let service = self.service
        let (bytes, name, comments, changes) = try await job { service.annotate(input) }.get()
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                .contentDisposition: WebServer.attachment(name),
                HTTPField.Name("X-ReportLint-Comments")!: String(comments),
                HTTPField.Name("X-ReportLint-Tracked-Changes")!: String(changes),
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `attachment` with an ASCII fall-back name and the real one in RFC 5987 form (报告.审阅.docx).
    static func attachment(_ name: String) -> String {
        let encoded =
            name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? "review.docx"
        return "attachment; filename=\"review.docx\"; filename*=UTF-8''\(encoded)"
    }

    // MARK: The steps every report request takes

    /// Reads and parses the body and runs `route`, all within the time limit; any refusal becomes its 4xx
    /// or 503 in Chinese.
    private func handle(_ request: Request, _ route: @escaping @Sendable (ReportInput) async throws(WebError) -> Response) async
        -> Response
    {
        let limit = options.maxBodySize
        let seconds = Int(options.timeLimit.components.seconds)
        return await WebServer.withDeadline(options.timeLimit, timedOut: WebResponses.error(.timedOut(seconds: seconds))) {
            do {
                let body = try await WebServer.collect(request, limit: limit)
                let input = try ReportInputParser.parse(body: body, contentType: request.headers[.contentType])
                return try await route(input)
            } catch let error as WebError {
                return WebResponses.error(error)
            } catch {
                return WebResponses.error(WebError(status: 500, message: "服务器内部错误"))
            }
        }
    }

    /// The body, refused at once when its declared length is over the limit, else counted as it comes.
    static func collect(_ request: Request, limit: Int) async throws(WebError) -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw WebError.bodyTooLarge(limit: limit - 1_048_576)
        }
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= limit else { throw WebError.bodyTooLarge(limit: limit - 1_048_576) }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as WebError {
            throw error
        } catch {
            throw WebError(status: 400, message: "请求体没有读完（连接中断或超时）")
        }
        return bytes
    }

    /// Runs synchronous library work in a job slot; busy → 503, cancelled (deadline) → the deadline's answer.
    private func job<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async throws(WebError) -> Value {
        do {
            return try await limiter.run(work)
        } catch let error as WebError {
            throw error
        } catch {
            throw WebError.timedOut(seconds: Int(options.timeLimit.components.seconds))
        }
    }

    /// `operation`'s response, or `timedOut` once `limit` has passed (the operation is cancelled; a lint job
    /// already running finishes in its slot, unanswered).
    static func withDeadline(
        _ limit: Duration, timedOut: Response,
        _ operation: @escaping @Sendable () async -> Response
    ) async -> Response {
        let delivery = Delivery<Response>()
        let response = try? await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Response, any Error>) in
            delivery.set(continuation)
            let work = Task {
                let response = await operation()
                delivery.resume(.success(response))
            }
            let timer = Task {
                try await Task.sleep(for: limit)
                work.cancel()
                delivery.resume(.success(timedOut))
            }
            Task {
                _ = await work.value
                timer.cancel()
            }
        }
        return response ?? timedOut
    }
}
