import Foundation

/// A `.reportlint.yml`: which packs and rules run, at what severity, extra rule files, document types
/// by path, and files to leave alone. Every value keeps its position for error messages.
public struct Config: Sendable {
    public enum RuleSetting: Sendable, Equatable {
        case off
        case severity(Severity)
    }

    public static let fileNames = [".reportlint.yml", ".reportlint.yaml"]
    static let keys = ["extends", "packs", "rules", "ruleFiles", "types", "ignore", "waivers"]

    /// The file it was read from; paths in it are relative to its folder.
    public let file: String
    public var packs: [String: Located<Bool>] = [:]
    public var rules: [String: Located<RuleSetting>] = [:]
    public var ruleFiles: [String] = []
    public var types: [(glob: Glob, type: DocumentType)] = []
    public var ignore: [Glob] = []
    public var waivers: [Waiver] = []
    /// The configurations named by `extends:` (each already with its own), loaded before this one: their
    /// packs, rules and rule files are merged into this one's (this file wins), their types, ignores and
    /// waivers apply after this one's, each relative to its own folder.
    public private(set) var parents: [Config] = []
    /// `extends:` as written, resolved against this file's folder, with where each was written.
    var extends: [Located<String>] = []

    /// Every file this configuration was read from: itself and what it extends.
    public var files: [String] { [file] + parents.flatMap(\.files) }

    /// This file's waivers, then those of what it extends.
    public var allWaivers: [Waiver] { waivers + parents.flatMap(\.allWaivers) }

    public var directory: String { PathText.directory(of: file) }

    init(file: String) {
        self.file = file
    }

    public static func load(path: String) -> Result<Config, RuleErrors> {
        load(path: path, chain: [])
    }

    /// `chain`: the files being extended on the way here, to stop a loop.
    static func load(path: String, chain: [String]) -> Result<Config, RuleErrors> {
        let yaml: String
        switch YAMLFile.read(path, what: "配置文件") {
        case .success(let text): yaml = text
        case .failure(let error): return .failure(RuleErrors(errors: [error]))
        }
        return parse(yaml: yaml, file: path).flatMap { config in
            config.extended(chain: chain + [RuleRepository.identity(of: path)])
        }
    }

    /// This configuration with what it `extends:` loaded and merged.
    private func extended(chain: [String]) -> Result<Config, RuleErrors> {
        guard !extends.isEmpty else { return .success(self) }
        var merged = self
        var errors: [RuleError] = []
        var packs: [String: Located<Bool>] = [:]
        var rules: [String: Located<RuleSetting>] = [:]
        var ruleFiles: [String] = []
        for target in extends {
            var path = target.value
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                path =
                    Config.fileNames.map { (path as NSString).appendingPathComponent($0) }
                    .first { FileManager.default.fileExists(atPath: $0) }
                    ?? (path as NSString).appendingPathComponent(Config.fileNames[0])
            }
            guard FileManager.default.fileExists(atPath: path) else {
                errors.append(RuleError(.badExtends("extends 指向的配置文件“\(path)”不存在"), at: target.location))
                continue
            }
            if chain.contains(RuleRepository.identity(of: path)) {
                errors.append(RuleError(.badExtends("extends 形成循环：“\(path)”已在继承链中"), at: target.location))
                continue
            }
            switch Config.load(path: path, chain: chain) {
            case .success(let parent):
                merged.parents.append(parent)
                packs.merge(parent.packs) { _, later in later }
                rules.merge(parent.rules) { _, later in later }
                ruleFiles += parent.ruleFiles
            case .failure(let failure):
                errors += failure.errors
            }
        }
        guard errors.isEmpty else { return .failure(RuleErrors(errors: errors)) }
        merged.packs = packs.merging(self.packs) { _, own in own }
        merged.rules = rules.merging(self.rules) { _, own in own }
        merged.ruleFiles = (ruleFiles + self.ruleFiles).uniqued()
        return .success(merged)
    }

    public static func parse(yaml: String, file: String) -> Result<Config, RuleErrors> {
        let reader = YAMLReader(file: file)
        var config = Config(file: file)
        let root: RuleNode?
        switch YAMLFile.read(yaml, file: file) {
        case .success(let node): root = node
        case .failure(let errors): return .failure(errors)
        }
        guard let root else { return .success(config) } // an empty file is a valid, empty configuration
        guard let fields = reader.fields(root, what: "配置文件顶层", allowed: keys) else {
            return .failure(RuleErrors(errors: reader.errors))
        }
        for (name, value, location) in entries(fields, "packs", reader) {
            guard let on = YAMLFile.boolean(value) else {
                reader.report(.wrongType(key: "packs", expected: "true 或 false"), at: location)
                continue
            }
            config.packs[name] = Located(value: on, location: location)
        }
        for (id, value, location) in entries(fields, "rules", reader) {
            if YAMLFile.boolean(value) == false {
                config.rules[id] = Located(value: .off, location: location)
            } else if let severity = Severity(rawValue: value) {
                config.rules[id] = Located(value: .severity(severity), location: location)
            } else {
                reader.report(.wrongType(key: id, expected: "off、error、warning 或 info"), at: location)
            }
        }
        config.extends = (fields.strings("extends") ?? []).map {
            Located(value: resolve($0.value, against: config.directory), location: $0.location)
        }
        config.ruleFiles = (fields.strings("ruleFiles") ?? []).map { resolve($0.value, against: config.directory) }
        for (pattern, value, location) in entries(fields, "types", reader) {
            guard let type = DocumentType(rawValue: value) else {
                reader.report(.invalidDocumentType(value), at: location)
                continue
            }
            config.types.append((Glob(pattern), type))
        }
        let ignore = fields.strings("ignore") ?? []
        for pattern in ignore where pattern.value.unicodeScalars.count > Glob.maxLength {
            reader.report(.wrongType(key: "ignore", expected: "不超过 \(Glob.maxLength) 个字符的路径模式"), at: pattern.location)
        }
        config.ignore = ignore.map { Glob($0.value) }
        config.waivers = Waiver.parse(fields)
        return reader.errors.isEmpty ? .success(config) : .failure(RuleErrors(errors: reader.errors))
    }

    /// The scalar entries of a mapping-valued key, with the position of each value.
    private static func entries(_ fields: MappingFields, _ key: String, _ reader: YAMLReader) -> [(String, String, RuleLocation)]
    {
        guard let node = fields.value(key) else { return [] }
        guard case .mapping(let mapping) = node else {
            reader.report(.wrongType(key: key, expected: "键值映射"), at: node)
            return []
        }
        return mapping.compactMap { entry in
            guard case .scalar(let name) = entry.key, case .scalar(let value) = entry.value else {
                reader.report(.wrongType(key: key, expected: "“名称: 值”形式的映射"), at: entry.value)
                return nil
            }
            return (name.string, value.string, reader.location(of: entry.value))
        }
    }

    static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// `path` relative to the configuration's folder, for glob matching.
    func relativePath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.path
        return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
    }

    /// The waiver that covers a finding of `rule` in `path`, expired ones included.
    public func waiver(for rule: String, path: String) -> Waiver? {
        let relative = relativePath(path)
        return waivers.first { $0.rule == rule && $0.path.matches(relative) }
            ?? parents.lazy.compactMap { $0.waiver(for: rule, path: path) }.first
    }

    /// The waivers that cover this finding (its rule, its file, and its text if the waiver names one),
    /// expired ones included; this file's first, then those of what it extends.
    public func waivers(for finding: Finding, path: String, source: Source) -> [Waiver] {
        let relative = relativePath(path)
        return waivers.filter { $0.rule == finding.ruleId && $0.path.matches(relative) && $0.covers(finding, in: source) }
            + parents.flatMap { $0.waivers(for: finding, path: path, source: source) }
    }

    /// The waivers whose path matches `path`.
    public func waivers(forPath path: String) -> [Waiver] {
        let relative = relativePath(path)
        return waivers.filter { $0.path.matches(relative) } + parents.flatMap { $0.waivers(forPath: path) }
    }

    public func isIgnored(_ path: String) -> Bool {
        let relative = relativePath(path)
        return ignore.contains { $0.matches(relative) } || parents.contains { $0.isIgnored(path) }
    }

    /// The document type the configuration sets for a file (the first matching glob; this file's before
    /// those of what it extends), if any.
    public func type(for path: String) -> DocumentType? {
        let relative = relativePath(path)
        return types.first { $0.glob.matches(relative) }?.type ?? parents.lazy.compactMap { $0.type(for: path) }.first
    }

    /// The nearest configuration file in `directory` or above it.
    public static func discover(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = url.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
