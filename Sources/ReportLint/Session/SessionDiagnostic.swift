/// A remark about the run that is not a finding (a skipped file, an expired waiver, an unreadable file):
/// the command line prints it on stderr, the language server and the web service show it.
public struct SessionDiagnostic: Sendable, CustomStringConvertible {
    public enum Level: String, Sendable {
        case note = "注意"
        case warning = "警告"
        case error = "错误"
    }

    public let level: Level
    /// The file or location it is about, if any (printed before the level).
    public let place: String?
    public let message: String
    /// True when `message` is already the whole line (a rule file's warning names its file and level itself).
    private let isWhole: Bool

    public init(_ level: Level, _ message: String, place: String? = nil) {
        self.level = level
        self.place = place
        self.message = message
        isWhole = false
    }

    private init(whole: String, level: Level) {
        self.level = level
        place = nil
        message = whole
        isWhole = true
    }

    /// A remark already written out in full (a rule file's warning, a waiver's location and level).
    public static func written(_ text: String, level: Level = .warning) -> SessionDiagnostic {
        SessionDiagnostic(whole: text, level: level)
    }

    /// `place: 级别: message`, the place with its control characters escaped (a file name cannot forge a line).
    public var description: String {
        if isWhole { return message }
        return (place.map { TerminalText.escape($0) + ": " } ?? "") + "\(level.rawValue): \(message)"
    }
}
