/// Formats a finished run for stdout. Reporters compute nothing: they format findings and rule
/// metadata. One file per format; the CLI picks one by `--format`.
public protocol Reporter {
    func report(_ run: LintRun) -> String
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json

    public func reporter(color: Bool = false) -> any Reporter {
        switch self {
        case .text: return TextReporter(color: color)
        case .json: return JSONReporter()
        }
    }
}
