/// Formats a finished run for stdout. Reporters compute nothing: they format findings and rule
/// metadata. One file per format; the CLI picks one by `--format`.
public protocol Reporter {
    func report(_ run: LintRun) -> String
}

/// A reporter whose output is written file by file while the run goes on, so that linting thousands
/// of reports never holds them all: each file's part is made while its text is still at hand. A format
/// whose totals come first (JUnit) keeps the parts, which are small, not the reports. `report(_:)` is
/// the same three steps over a whole run, so both paths print exactly the same text.
public protocol StreamingReporter: Reporter {
    /// What comes before the first file; `rules` are every rule that runs, once each, in load order.
    mutating func begin(rules: [any Rule]) -> String
    /// One file's part, in input order; `index` counts files from 0.
    mutating func file(_ outcome: FileOutcome, index: Int) -> String
    /// What comes after the last file.
    mutating func end(_ summary: LintRun.Summary, diagnostics: [String]) -> String
}

extension StreamingReporter {
    public func begin(rules: [any Rule]) -> String { "" }

    public func report(_ run: LintRun) -> String {
        var reporter = self
        var output = reporter.begin(rules: run.rules)
        for (index, outcome) in run.outcomes.enumerated() { output += reporter.file(outcome, index: index) }
        return output + reporter.end(run.summary, diagnostics: run.diagnostics)
    }
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
