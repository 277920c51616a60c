import Foundation

/// The rules for each linted file: its `.reportlint.yml` (given with `--config`, or the nearest one
/// above the file) applied to the built-in packs and the `--rules` files. Compiled once per configuration.
public final class RuleSetCache {
    public struct Resolved {
        public let rules: CompiledRules
        public let config: Config?
    }

    private let rulePaths: [String]
    private let includeBuiltin: Bool
    private let explicitConfig: String?
    private var byConfig: [String: Result<Resolved, RuleErrors>] = [:]

    public init(rulePaths: [String], includeBuiltin: Bool, explicitConfig: String?) {
        self.rulePaths = rulePaths
        self.includeBuiltin = includeBuiltin
        self.explicitConfig = explicitConfig
    }

    /// The configuration file that governs `path` (`-` means the current folder), if any.
    public func configPath(for path: String) -> String? {
        if let explicitConfig { return explicitConfig }
        let directory = path == "-" ? FileManager.default.currentDirectoryPath : PathText.directory(of: path)
        return Config.discover(from: directory.isEmpty ? "." : directory)
    }

    public func resolve(for path: String) -> Result<Resolved, RuleErrors> {
        let configFile = configPath(for: path)
        let key = configFile ?? ""
        if let cached = byConfig[key] { return cached }
        let result: Result<Resolved, RuleErrors>
        if let configFile {
            result = Config.load(path: configFile).flatMap { config in
                RuleRepository.load(rulePaths: rulePaths, includeBuiltin: includeBuiltin, config: config)
                    .map { Resolved(rules: $0, config: config) }
            }
        } else {
            result = RuleRepository.load(rulePaths: rulePaths, includeBuiltin: includeBuiltin).map { Resolved(rules: $0, config: nil) }
        }
        byConfig[key] = result
        return result
    }
}
