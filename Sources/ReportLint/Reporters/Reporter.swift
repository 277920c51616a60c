/// Formats a finished run for stdout. Reporters compute nothing: they format findings and rule
/// metadata. One file per format; the CLI picks one by `--format`.
public protocol Reporter {
    func report(_ run: LintRun) -> String
}

/// What the CLI tells reporters besides the run.
public struct ReporterOptions: Sendable {
    /// Colour text output (an interactive terminal without NO_COLOR).
    public var color = false
    /// The repository root: machine formats name files relative to it (`--base`).
    public var base: String?

    public init(color: Bool = false, base: String? = nil) {
        self.color = color
        self.base = base
    }
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case junit
    case github
    case checkstyle
    case gitlab
    case html

    public func reporter(_ options: ReporterOptions = ReporterOptions()) -> any Reporter {
        switch self {
        case .text: return TextReporter(color: options.color)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(base: options.base)
        case .junit: return JUnitReporter(base: options.base)
        case .github: return GitHubReporter(base: options.base)
        case .checkstyle: return CheckstyleReporter(base: options.base)
        case .gitlab: return GitLabReporter(base: options.base)
        case .html: return HTMLReporter(base: options.base)
        }
    }
}
