import Yams

/// The built-in packs, compiled into the binary from `Rules/*.yml` (see Package.swift): a copied
/// binary needs no files beside it. A test checks that every file in Rules/ is listed here.
public enum BuiltinRules {
    public static let files: [(name: String, bytes: [UInt8])] = [
        ("common.yml", PackageResources.common_yml),
        ("report.yml", PackageResources.report_yml),
        ("summary.yml", PackageResources.summary_yml),
        ("responsibility.yml", PackageResources.responsibility_yml),
        ("plan.yml", PackageResources.plan_yml),
        ("duty.yml", PackageResources.duty_yml),
        ("statement.yml", PackageResources.statement_yml),
        ("inspection.yml", PackageResources.inspection_yml),
        ("research.yml", PackageResources.research_yml),
        ("rectification.yml", PackageResources.rectification_yml),
        ("disclosure.yml", PackageResources.disclosure_yml),
        ("events.yml", PackageResources.events_yml),
        ("words.yml", PackageResources.words_yml),
        ("identity.yml", PackageResources.identity_yml),
        ("standards.yml", PackageResources.standards_yml),
    ]

    /// JSON Schemas for rule files and `.reportlint.yml` (Rules/schema/), for editors; `init` writes them out.
    public static let rulesSchema = String(decoding: PackageResources.rules_schema_json, as: UTF8.self)
    public static let configSchema = String(decoding: PackageResources.config_schema_json, as: UTF8.self)

    /// Built-in packs are named `<builtin>/report.yml` in messages and rule locations.
    public static let pathPrefix = "<builtin>/"

    public static func isBuiltin(_ file: String) -> Bool { file.hasPrefix(pathPrefix) }

    /// The packs, parsed; a broken built-in pack is a bug, reported like any rule error. A pack whose
    /// archived tree was made from its current YAML is read from the archive (no YAML scanning at start);
    public static func packs() -> Result<[RulePack], RuleErrors> {
        packs(archive: PackageResources.packs_nodes)
    }

    /// `archive: nil` composes every pack from its YAML.
    static func packs(archive: [UInt8]?) -> Result<[RulePack], RuleErrors> {
        let archive = archive.flatMap { NodeArchive.decode($0, resolver: YAMLFile.resolver) } ?? [:]
        var packs: [RulePack] = []
        var errors: [RuleError] = []
        for file in files {
            let yaml = String(decoding: file.bytes, as: UTF8.self)
            let partial: RuleLoader.Partial
            if let entry = archive[file.name], entry.hash == NodeArchive.hash(file.bytes) {
                partial = RuleLoader.parsePartially(root: entry.root, yaml: yaml, file: pathPrefix + file.name, trusted: true)
            } else {
                partial = RuleLoader.parsePartially(yaml: yaml, file: pathPrefix + file.name)
            }
            switch RuleLoader.result(of: partial) {
            case .success(let pack): packs.append(pack)
            case .failure(let failure): errors += failure.errors
            }
        }
        return errors.isEmpty ? .success(packs) : .failure(RuleErrors(errors: errors))
    }

    /// The archive of every pack's composed tree, as `Rules/generated/packs.nodes` should hold it.
    static func archive() throws -> [UInt8] {
        var trees: [(name: String, yaml: [UInt8], root: Node?)] = []
        for file in files {
            switch YAMLFile.compose(String(decoding: file.bytes, as: UTF8.self), file: pathPrefix + file.name) {
            case .success(let root): trees.append((file.name, file.bytes, root))
            case .failure(let error): throw RuleErrors(errors: [error])
            }
        }
        return try NodeArchive.encode(trees)
    }
}
