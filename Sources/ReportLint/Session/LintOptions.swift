import Foundation

/// Everything a run is asked to do, as the command line, the language server or the web service says it:
/// which rules, which files, how findings are gated and when the run fails.
public struct LintOptions: Sendable {
    /// `--rules` files or folders, the built-in packs on or off, `--config`, and `--rule ID:LEVEL` overrides.
    public var rulePaths: [String] = []
    public var includeBuiltin = true
    public var explicitConfig: String?
    public var overrides: [String: Config.RuleSetting] = [:]
    /// False: no `.reportlint.yml` is looked for above a file; only `explicitConfig` applies (a server whose
    /// rules are what its command line says, whatever folder it runs in).
    public var discoversConfiguration = true
    /// True: the configuration found for a folder is remembered for the session (a run of many files asks
    /// the file system once per folder, not once per file). An editor turns it off: a `.reportlint.yml`
    /// created while it runs must govern the next lint.
    public var remembersDiscovery = true
    /// Whether the built-in rules keep their examples: only `rules test` and `rules explain` read them, and
    /// leaving them out is a quarter of a lint run's start-up.
    public var keepsExamples = false

    /// `--type`: wins over the configuration and the title.
    public var type: DocumentType?

    /// Which files of a folder are linted, and whether links out of it are followed.
    public var include: [Glob] = InputCollector.defaultInclude
    public var exclude: [Glob] = []
    public var followSymlinks = false
    /// `--changed-since REF`: only files git says changed since REF.
    public var changedSince: String?
    /// `--stdin-filename`: standard input is governed, read and named as this file.
    public var stdinFilename: String?

    /// `--baseline`: findings it knows are counted, not reported; `--write-baseline` records this run's findings.
    public var baselineFile: String?
    public var writeBaselineFile: String?
    /// `--quiet`: findings below error are dropped after waivers and the baseline have seen them.
    public var errorsOnly = false
    /// `--base`: the repository root that report paths (and a version 1 baseline) are relative to.
    public var base: String?

    /// When the run fails (exit 1).
    public var failOn: FailThreshold = .error
    public var maxWarnings: Int?

    public var reader = Reader()
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// From this size (bytes) one text's rules are checked on every free core (an editor waits for each change).
    public var parallelRulesFrom = Linter.defaultParallelRulesFrom
    public var timings: RuleTimings?

    public init() {}
}
