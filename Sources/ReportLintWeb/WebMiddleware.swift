import Foundation
import HTTPTypes
import Hummingbird

/// One line per request on the log: time, client, method, path (no query), status, milliseconds. Never
/// the report's text or file name. Errors the router throws (an unknown path) become Chinese JSON here,
/// so every answer goes through the security headers below.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let log: @Sendable (String) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            let webError: WebError =
                error.status == .notFound
                ? .notFound
                : error.status == .methodNotAllowed
                    ? .methodNotAllowed
                    : WebError(status: error.status.code, message: "请求无法处理（HTTP \(error.status.code)）")
            response = WebResponses.error(webError)
        } catch {
            response = WebResponses.error(WebError(status: 500, message: "服务器内部错误"))
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log(
            "\(WebLog.timestamp()) \(context.clientAddress) \(request.method.rawValue) \(WebLog.clean(request.uri.path)) "
                + "\(response.status.code) \(String(format: "%.1f", milliseconds))ms")
        return response
    }
}

enum WebLog {
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    /// A path as the log shows it: at most 200 characters, control characters escaped (a request cannot
    /// forge a log line).
    static func clean(_ path: String) -> String {
        var output = ""
        for scalar in path.unicodeScalars.prefix(200) {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                output += "\\x" + String(scalar.value, radix: 16, uppercase: true)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// Headers on every answer: a strict content security policy (scripts and styles only from this server,
/// no inline code, no other origin), no framing, no sniffing, no referrer; API answers are not cached.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = SecurityHeadersMiddleware.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// `--token`: every /api/ request but the health check needs `Authorization: Bearer <token>`. The page
/// itself holds no data and loads without it, then asks the writer for the token.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard let token, request.uri.path.hasPrefix("/api/"), request.uri.path != "/api/health" else {
            return try await next(request, context)
        }
        let given = request.headers[.authorization].flatMap { value -> String? in
            value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        }
        guard let given, TokenMiddleware.equal(Array(given.utf8), Array(token.utf8)) else {
            var response = WebResponses.error(.unauthorized)
            response.headers[.wwwAuthenticate] = "Bearer realm=\"reportlint\""
            return response
        }
        return try await next(request, context)
    }

    /// Compares in time that depends on the lengths only, not on where the first difference is.
    static func equal(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}
