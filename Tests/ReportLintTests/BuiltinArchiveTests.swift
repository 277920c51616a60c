import Foundation
import Testing
import Yams

@testable import ReportLint

/// The built-in packs' archived node trees (`Rules/generated/packs.nodes`) against their YAML: the archive
/// must be the one the YAML gives today (`REPORTLINT_RECORD=1 swift test --filter BuiltinArchiveTests`
/// writes it again), and loading from it must give exactly what composing the YAML gives.
@Suite("Built-in packs' archive")
struct BuiltinArchiveTests {
    static let path = TestSupport.packageRoot.appendingPathComponent("Rules/generated/packs.nodes")

    @Test func archiveMatchesTheYAML() throws {
        let expected = try BuiltinRules.archive()
        if ProcessInfo.processInfo.environment["REPORTLINT_RECORD"] == "1" {
            try Data(expected).write(to: BuiltinArchiveTests.path, options: .atomic)
        }
        let onDisk = try Data(contentsOf: BuiltinArchiveTests.path)
        // Booleans, not the arrays: on a failure the testing library describes and diffs both operands,
        // which for 800 KB of bytes ran for more than ten minutes.
        let fileIsCurrent = Array(onDisk) == expected
        let embeddedIsCurrent = PackageResources.packs_nodes == expected
        #expect(
            fileIsCurrent, "Rules/generated/packs.nodes is stale: REPORTLINT_RECORD=1 swift test --filter BuiltinArchiveTests")
        #expect(embeddedIsCurrent, "the binary embeds a stale archive: rebuild")
    }

    /// Decoding gives the trees read from the YAML, and encoding them again the same bytes: every string,
    /// style, line and column survives.
    @Test func decodedTreesAreTheComposedOnes() throws {
        let archive = try BuiltinRules.archive()
        let decoded = try #require(NodeArchive.decode(archive))
        #expect(decoded.count == BuiltinRules.files.count)
        let again = try NodeArchive.encode(
            BuiltinRules.files.map { file in
                (file.name, file.bytes, decoded[file.name]?.root)
            })
        let sameBytes = again == archive
        #expect(sameBytes)
        // Each tree as the composer gives it (a failure prints only the file's name, not 100,000 nodes).
        for file in BuiltinRules.files {
            let composed = try YAMLFile.read(String(decoding: file.bytes, as: UTF8.self), file: file.name).get()
            let same = decoded[file.name]?.root == composed
            #expect(same, "\(file.name)")
        }
        // Spot checks against Yams' own nodes.
        let common = try #require(decoded["common.yml"]?.root)
        let composed = try #require(try Yams.compose(yaml: String(decoding: PackageResources.common_yml, as: UTF8.self), .basic))
        guard case .mapping(let mapping) = common, case .sequence(let rules)? = mapping["rules"], let first = rules.first,
            case .mapping(let rule) = first
        else {
            Issue.record("common.yml is no mapping with a list of rules")
            return
        }
        let composedFirst = composed["rules"]?.sequence?.first
        #expect(rule["id"]?.string == composedFirst?["id"]?.string)
        #expect(first.mark?.line == composedFirst?.mark?.line && first.mark?.column == composedFirst?.mark?.column)
        #expect(rules.count == composed["rules"]?.sequence?.count)
    }

    /// The packs read from the archive and from the YAML: the same rules, locations, examples and warnings,
    /// and the same findings on every fixture.
    @Test func archivedPacksAreTheComposedOnes() throws {
        let archived = try BuiltinRules.packs().get()
        let composed = try BuiltinRules.packs(archive: nil).get()
        #expect(Self.describe(archived) == Self.describe(composed))
        let fromArchive = try CompiledRules.compile(archived).get()
        let fromYAML = try CompiledRules.compile(composed).get()
        #expect(RuleListing.json(fromArchive) == RuleListing.json(fromYAML))
        // The rules are compiled from what `describe` compared; linting the five largest fixtures with both
        // checks the compiled rules too (all fixtures, twice, in a debug build took minutes).
        let directory = TestSupport.fixturesDirectory
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }
            .map { ($0, try Data(contentsOf: directory.appendingPathComponent($0)).count) }
            .sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(5).map(\.0)
        #expect(fixtures.count == 5)
        for name in fixtures {
            // The fixtures in other encodings are read by the reader's tests; these compare the rules.
            let data = try Data(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(name))
            guard let text = String(data: data, encoding: .utf8) else { continue }
            let one = TestSupport.lint(text, rules: fromArchive).findings.map {
                "\($0.ruleId)@\($0.start.line):\($0.start.column) \($0.message)"
            }
            let other = TestSupport.lint(text, rules: fromYAML).findings.map {
                "\($0.ruleId)@\($0.start.line):\($0.start.column) \($0.message)"
            }
            #expect(one == other, "\(name)")
        }
    }

    /// A lint run reads the packs without their examples: the same rules as with them, no example at all, and
    /// the same findings on the largest fixture. The YAML fallback keeps its examples.
    @Test func packsWithoutExamplesAreTheSameRules() throws {
        let full = try BuiltinRules.packs().get()
        let lean = try BuiltinRules.packs(examples: false).get()
        #expect(Self.describe(lean, examples: false) == Self.describe(full, examples: false))
        let leftOver = lean.flatMap(\.rules).filter { !$0.header.examples.pass.isEmpty || !$0.header.examples.fail.isEmpty }
        #expect(leftOver.isEmpty, "\(leftOver.map(\.header.id))")
        #expect(full.flatMap(\.rules).filter { !$0.header.examples.fail.isEmpty }.count > 80)
        let leanRules = try CompiledRules.compile(lean).get()
        let fullRules = try CompiledRules.compile(full).get()
        var findings = 0
        // The fixtures written to trip the knowledge rules, and one full draft.
        for name in ["knowledge-slips.txt", "knowledge-words-events.txt", "draft-unfinished.txt", "standards-defects.txt"] {
            let data = try Data(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(name))
            let text = try #require(String(data: data, encoding: .utf8))
            let one = TestSupport.lint(text, rules: leanRules).findings.map { "\($0.ruleId)@\($0.start.line):\($0.start.column)" }
            let other = TestSupport.lint(text, rules: fullRules).findings.map {
                "\($0.ruleId)@\($0.start.line):\($0.start.column)"
            }
            #expect(one == other, "\(name)")
            findings += one.count
        }
        #expect(findings > 20)
        #expect(Self.describe(try BuiltinRules.packs(archive: [], examples: false).get()) == Self.describe(full))
    }

    /// A pack edited after the archive was made is read from its YAML; a damaged archive is not read at all.
    @Test func staleOrDamagedArchiveFallsBackToTheYAML() throws {
        let composed = Self.describe(try BuiltinRules.packs(archive: nil).get())
        // An archive whose trees were made from other bytes: its hashes do not match, none is used.
        let stale = try YAMLFile.read("pack: stale\nrules: []\n", file: "stale.yml").get()
        let other = try NodeArchive.encode(BuiltinRules.files.map { file in (file.name, file.bytes + Array("\n".utf8), stale) })
        #expect(Self.describe(try BuiltinRules.packs(archive: other).get()) == composed)
        let archive = try BuiltinRules.archive()
        #expect(NodeArchive.decode(Array(archive.dropLast(3))) == nil)
        #expect(NodeArchive.decode(Array("RLN1".utf8) + [0xFF, 0xFF]) == nil)
        // One file "a" whose tree is the plain scalar "x" at 1:1 (numbers are base-47 digits, `!` zero, `"` one;
        // the hash 0): read whole, damaged when its tree is cut short.
        let tree = Array(#"S""""x"#.utf8)
        let file = Array(#""a!1"#.utf8) + [0x21 + UInt8(tree.count)] + tree
        let scalar = NodeArchive.decode(Array("RLN6".utf8) + [0x22] + file)
        #expect(scalar?["a"]?.root?.string == "x" && scalar?["a"]?.root?.mark == RuleNode.NodeMark(line: 1, column: 1))
        #expect(NodeArchive.decode(Array("RLN6".utf8) + [0x22] + file.dropLast()) == nil)
        // An unresolved alias is no tree to archive.
        #expect(throws: NodeArchive.EncodingError.unsupported("alias")) {
            try NodeArchive.encode([("a", [], RuleNode.alias(nil))])
        }
        // The archive is text the build embeds as a string literal.
        #expect(String(validating: archive, as: UTF8.self) != nil)
        #expect(!archive.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F })
        #expect(Self.describe(try BuiltinRules.packs(archive: Array(archive.dropLast(3))).get()) == composed)
        #expect(Self.describe(try BuiltinRules.packs(archive: []).get()) == composed)
    }

    /// Everything a pack holds that the loader read, as text.
    /// Each pack and rule as a line; `examples: false` leaves the examples out.
    static func describe(_ packs: [RulePack], examples withExamples: Bool = true) -> [String] {
        packs.flatMap { pack in
            ["\(pack.name) \(pack.file) \(pack.description ?? "-") warnings: \(pack.warnings.map(\.description))"]
                + pack.rules.map { spec in
                    let header = spec.header
                    let examples =
                        withExamples
                        ? (header.examples.pass + header.examples.fail).map {
                            "\($0.value)@\($0.location.line):\($0.location.column)"
                        } : []
                    return
                        "\(header.id) \(header.kind) \(header.severity) \(header.message) \(header.location.line):\(header.location.column) "
                        + "\(header.types.map { $0.map(\.rawValue).sorted() } ?? []) \(header.description ?? "-") \(examples) "
                        + "within: \(spec.definition.within.map { "\($0.value)@\($0.location.line)" } ?? "-")"
                }
        }
    }
}
