import Foundation

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
    /// `examples: false` leaves the rules' examples out where the archive allows (a lint run never runs them).
    public static func packs(examples: Bool = true) -> Result<[RulePack], RuleErrors> {
        packs(archive: PackageResources.packs_nodes, examples: examples)
    }

    /// `archive: nil` composes every pack from its YAML. The files are read on every core, the largest
    /// first (words.yml is half of all the YAML): on two cores start-up is a fifth shorter.
    static func packs(archive: [UInt8]?, examples: Bool = true) -> Result<[RulePack], RuleErrors> {
        let entries = archive.flatMap(NodeArchive.entries) ?? [:]
        let bytes = archive ?? []
        let order = files.indices.sorted { files[$0].bytes.count > files[$1].bytes.count }
        let results = ResultSlots<Result<RulePack, RuleErrors>>(count: files.count)
        let trees = ResultSlots<RuleNode>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: order.count) { step in
            let file = files[order[step]]
            let (partial, tree) = partial(file, entry: entries[file.name], archive: bytes, examples: examples)
            results[order[step]] = RuleLoader.result(of: partial)
            trees[order[step]] = tree
        }
        // Taking the trees apart node by node is a fifth of a one-report run's work, and nothing reads them
        // any more: it is done on another thread while the rules compile (a lint run may end before it is).
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(trees) {} }
        var packs: [RulePack] = []
        var errors: [RuleError] = []
        for result in results.values {
            switch result {
            case .success(let pack): packs.append(pack)
            case .failure(let failure): errors += failure.errors
            }
        }
        return errors.isEmpty ? .success(packs) : .failure(RuleErrors(errors: errors))
    }

    /// One pack, from its archived tree when that was made from the file's current bytes; the tree is
    /// returned for the caller to release.
    private static func partial(
        _ file: (name: String, bytes: [UInt8]), entry: NodeArchive.Entry?, archive: [UInt8], examples: Bool
    ) -> (RuleLoader.Partial, RuleNode?) {
        if let entry, entry.hash == NodeArchive.hash(file.bytes),
            let root = NodeArchive.root(of: entry, in: archive, skippingExamples: !examples)
        {
            // The YAML's text is made only if a warning needs its lines (`yaml` is an autoclosure).
            return (
                RuleLoader.parsePartially(
                    root: root, yaml: String(decoding: file.bytes, as: UTF8.self), file: pathPrefix + file.name, trusted: true),
                root
            )
        }
        return (RuleLoader.parsePartially(yaml: String(decoding: file.bytes, as: UTF8.self), file: pathPrefix + file.name), nil)
    }

    /// The archive of every pack's composed tree, as `Rules/generated/packs.nodes` should hold it.
    static func archive() throws -> [UInt8] {
        var trees: [(name: String, yaml: [UInt8], root: RuleNode?)] = []
        for file in files {
            switch YAMLFile.read(String(decoding: file.bytes, as: UTF8.self), file: pathPrefix + file.name) {
            case .success(let root): trees.append((file.name, file.bytes, root))
            case .failure(let errors): throw errors
            }
        }
        return try NodeArchive.encode(trees)
    }
}
