import ReportLint

/// Why a request was refused, with the HTTP status and the Chinese message the writer sees. Read errors
/// carry the CLI's own message (`ReadError.message`), so a file refused here is refused in the same words.
public struct WebError: Error, Sendable, Equatable {
    public let status: Int
    public let message: String
    /// Seconds after which to try again (503).
    public var retryAfter: Int?

    public init(status: Int, message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// A report that could not be read: 413 when too large, 422 otherwise (the request was well formed,
    /// its file was not).
    static func read(_ error: ReadError) -> WebError {
        switch error.reason {
        case .tooLarge, .streamTooLarge: return WebError(status: 413, message: error.message)
        case .legacy(.notInstalled): return WebError(status: 415, message: error.message)
        default: return WebError(status: 422, message: error.message)
        }
    }

    static func bodyTooLarge(limit: Int) -> WebError {
        WebError(status: 413, message: ReadError(path: "", reason: .streamTooLarge(limit: limit)).message)
    }

    static let emptyBody = WebError(
        status: 400, message: "请求体为空：请上传报告文件（multipart/form-data 的 file 字段），或以 JSON 提交 {\"text\": \"……\"}")

    static func unsupportedContentType(_ type: String?) -> WebError {
        WebError(status: 415, message: "不支持的内容类型“\(type ?? "（未给出）")”：请用 multipart/form-data 上传文件，或用 application/json 提交文字")
    }

    static func badJSON(_ detail: String) -> WebError {
        WebError(status: 400, message: "请求体不是有效的 JSON：\(detail)")
    }

    static func badField(_ message: String) -> WebError {
        WebError(status: 400, message: message)
    }

    static let busy = WebError(status: 503, message: "服务器正忙（同时检查的报告已达上限），请稍后再试", retryAfter: 2)

    static func timedOut(seconds: Int) -> WebError {
        WebError(status: 503, message: "检查超过 \(seconds) 秒未完成，已放弃；请稍后再试，或把报告分成几部分", retryAfter: 5)
    }

    static let unauthorized = WebError(status: 401, message: "需要访问令牌：请在请求头 Authorization: Bearer 令牌 中给出（向管理员索取）")
    static let notFound = WebError(status: 404, message: "没有这个地址")
    static let methodNotAllowed = WebError(status: 405, message: "这个地址不支持该请求方法")
}
