import Foundation

/// The rules for each linted file: its `.reportlint.yml` (given with `--config`, or the nearest one
/// above the file) applied to the built-in packs and the `--rules` files. Compiled once per configuration.
/// Safe to share between threads (a server resolves for concurrent requests): the cache is locked.
public final class RuleSetCache: @unchecked Sendable { // `byConfig` and `discovered` are guarded by `lock`
    public struct Resolved {
        public let rules: CompiledRules
        public let config: Config?
    }

    private let rulePaths: [String]
    private let includeBuiltin: Bool
    private let explicitConfig: String?
    private let overrides: [String: Config.RuleSetting]
    private let discovers: Bool
    private let remembersDiscovery: Bool
    private let examples: Bool
    private var byConfig: [String: Result<Resolved, RuleErrors>] = [:]
    /// The configuration found for each folder asked about (nil: none), when `remembersDiscovery`.
    private var discovered: [String: String?] = [:]
    private let lock = NSLock()

    /// `overrides`: severities or `off` per rule id from the command line (`--rule ID:off`), over every configuration.
    /// `discovers`: false when no `.reportlint.yml` is looked for above a file (only `explicitConfig` applies).
    /// `remembersDiscovery`: what was found for a folder holds for the cache's life.
    /// `examples`: false when the rules only lint (the built-in rules' examples are then not read).
    public init(
        rulePaths: [String], includeBuiltin: Bool, explicitConfig: String?, overrides: [String: Config.RuleSetting] = [:],
        discovers: Bool = true, remembersDiscovery: Bool = true, examples: Bool = true
    ) {
        self.examples = examples
        self.discovers = discovers
        self.remembersDiscovery = remembersDiscovery
        self.rulePaths = rulePaths
        self.includeBuiltin = includeBuiltin
        self.explicitConfig = explicitConfig
        self.overrides = overrides
    }

    /// `ID:off`, `ID:error`, `ID:warning` or `ID:info`, as `--rule` takes it; nil when malformed.
    public static func override(_ argument: String) -> (id: String, setting: Config.RuleSetting)? {
        guard let colon = argument.lastIndex(of: ":") else { return nil }
        let id = String(argument[..<colon])
        let value = String(argument[argument.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        if value == "off" { return (id, .off) }
        return Severity(rawValue: value).map { (id, .severity($0)) }
    }

    /// The configuration file that governs `path` (`-` means the current folder), if any.
    public func configPath(for path: String) -> String? {
        if let explicitConfig { return explicitConfig }
        guard discovers else { return nil }
        let directory = path == "-" ? FileManager.default.currentDirectoryPath : PathText.directory(of: path)
        let folder = directory.isEmpty ? "." : directory
        guard remembersDiscovery else { return Config.discover(from: folder) }
        if let known = lock.withLock({ discovered[folder] }) { return known }
        let found = Config.discover(from: folder)
        lock.withLock { discovered[folder] = found }
        return found
    }

    public func resolve(for path: String) -> Result<Resolved, RuleErrors> {
        let configFile = configPath(for: path)
        let key = configFile ?? ""
        lock.lock()
        defer { lock.unlock() }
        if let cached = byConfig[key] { return cached }
        let result: Result<Resolved, RuleErrors>
        if let configFile {
            result = Config.load(path: configFile).flatMap { config in
                RuleRepository.load(
                    rulePaths: rulePaths, includeBuiltin: includeBuiltin, config: config, overrides: overrides, examples: examples
                )
                .map { Resolved(rules: $0, config: config) }
            }
        } else {
            result = RuleRepository.load(
                rulePaths: rulePaths, includeBuiltin: includeBuiltin, overrides: overrides, examples: examples
            )
            .map { Resolved(rules: $0, config: nil) }
        }
        byConfig[key] = result
        return result
    }
}
