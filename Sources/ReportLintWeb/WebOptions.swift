import ReportLint

/// How the server was started: where it listens and the limits that keep a shared server usable.
public struct WebOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Largest report, in bytes (the CLI's `--max-file-size`); a request body may be 1 MB more (form fields).
    public var maxFileSize = Reader.defaultMaxFileSize
    /// Longest a request may take, reading its body included.
    public var timeLimit: Duration = .seconds(30)
    /// Lint jobs at once, and how long a request waits for a free one before a 503.
    public var jobs = 2
    public var queueWait: Duration = .seconds(2)
    /// When set, every /api/ request needs `Authorization: Bearer <token>`.
    public var token: String?

    public init() {}

    /// The request body limit: the report plus room for the form around it.
    public var maxBodySize: Int { maxFileSize + 1_048_576 }
}
