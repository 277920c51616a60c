import Foundation
import Testing

@testable import ReportLint

@Suite("Configuration (.reportlint.yml)")
struct ConfigTests {
    func config(_ yaml: String) throws -> Config {
        try Config.parse(yaml: yaml, file: "/project/.reportlint.yml").get()
    }

    func errors(_ yaml: String) -> [RuleError] {
        if case .failure(let failure) = Config.parse(yaml: yaml, file: ".reportlint.yml") { return failure.errors }
        return []
    }

    @Test func readsEverySetting() throws {
        let parsed = try config(
            """
            packs: {plan: false}
            rules:
              common/stray-space: off
              common/numbering: error
            ruleFiles: [rules/mine.yml]
            types: {"*要点*.txt": plan}
            ignore: ["drafts/**"]
            """)
        #expect(parsed.packs["plan"]?.value == false)
        #expect(parsed.rules["common/stray-space"]?.value == .off)
        #expect(parsed.rules["common/numbering"]?.value == .severity(.error))
        #expect(parsed.ruleFiles == ["/project/rules/mine.yml"])
        #expect(parsed.type(for: "/project/a/2024年工作要点.txt") == .plan)
        #expect(parsed.type(for: "/project/a/总结.txt") == nil)
        #expect(parsed.isIgnored("/project/drafts/x/y.txt"))
        #expect(!parsed.isIgnored("/project/final/y.txt"))
    }

    @Test func emptyFileIsAnEmptyConfiguration() throws {
        #expect(try config("").rules.isEmpty)
    }

    @Test func errorsArePositioned() {
        let found = errors("packs:\n  plan: maybe\nrules:\n  common/numbering: fatal\ntypes:\n  x: memo\nextra: 1\n")
        #expect(found.map(\.location.line) == [2, 4, 6, 7])
        #expect(found.map(\.location.column) == [9, 21, 6, 1])
        #expect(found[3].problem == .unknownKey("extra", suggestion: nil, allowed: Config.keys))
    }

    @Test func waiversNeedAReasonAndAValidDate() throws {
        let parsed = try config(
            "waivers:\n  - {rule: common/stray-space, path: \"legacy/**\", reason: 历史文件, expires: 2999-12-31}\n")
        let waiver = try #require(parsed.waivers.first)
        #expect(parsed.waiver(for: "common/stray-space", path: "/project/legacy/a.txt")?.reason == "历史文件")
        #expect(parsed.waiver(for: "common/stray-space", path: "/project/new/a.txt") == nil)
        #expect(!waiver.isExpired(today: "2026-11-25"))
        #expect(waiver.isExpired(today: "3000-01-01"))
        let found = errors("waivers:\n  - {rule: common/stray-space}\n  - {rule: x/y, reason: r, expires: 2026-13-01}\n")
        #expect(found.map(\.problem) == [.missingKey("reason"), .wrongType(key: "expires", expected: "YYYY-MM-DD 格式的日期")])
    }

    @Test func unknownPacksAndRulesAreErrorsWithSuggestions() throws {
        let parsed = try config("packs:\n  dutty: false\nrules:\n  common/placehold: off\n")
        guard case .failure(let failure) = RuleRepository.load(rulePaths: [], includeBuiltin: true, config: parsed) else {
            Issue.record("should fail")
            return
        }
        #expect(
            failure.errors.map(\.problem) == [
                .unknownPack("dutty", suggestion: "duty"),
                .unknownRule("common/placehold", suggestion: "common/placeholder"),
            ])
        #expect(failure.errors.map(\.location.line) == [2, 4])
    }

    @Test func offSilencesAndSeverityOverrides() throws {
        let parsed = try config(
            "packs: {duty: false}\nrules:\n  common/placeholder: info\n  report/problems: off\n  duty/closing: off\n")
        let rules = try RuleRepository.load(rulePaths: [], includeBuiltin: true, config: parsed).get()
        #expect(!rules.packs.contains { $0.name == "duty" })
        let result = Linter(rules: rules).lint(TestSupport.source("2023年工作总结\n一、政治建设\n全年学习*次。\n"))
        #expect(brief(result.findings).contains("common/placeholder@3:5"))
        #expect(result.findings.first { $0.ruleId == "common/placeholder" }?.severity == .info)
        #expect(!result.findings.contains { $0.ruleId == "report/problems" })
        // The silenced section rule still finds its section for `within`.
        #expect(result.sections["report/problems"] != nil)
    }

    @Test func discoveryWalksUp() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try "rules: {}\n".write(to: root.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let found = try #require(Config.discover(from: nested.path))
        #expect(
            URL(fileURLWithPath: found).standardizedFileURL == root.appendingPathComponent(".reportlint.yml").standardizedFileURL)
    }

    /// Issue 19: one boolean rule for configuration and rule files (off is false in packs: too), and one
    /// syntax error form with its position.
    @Test func booleansAndSyntaxErrorsAreReadAsRuleFilesReadThem() throws {
        let config = try config("packs:\n  duty: off\n  plan: On\nrules:\n  common/dash: false\n")
        #expect(config.packs["duty"]?.value == false && config.packs["plan"]?.value == true)
        #expect(config.rules["common/dash"]?.value == .off)
        #expect(errors("packs:\n  duty: maybe\n").map(\.location.line) == [2])
        let syntax = errors("pack: t\nrules: [\n  a,\n")
        #expect(syntax.count == 1 && syntax[0].location.line >= 2, "\(syntax)")
        let ruleSyntax = TestSupport.loadErrors("pack: t\nrules: [\n  a,\n")
        #expect(
            ruleSyntax.map(\.location)
                == syntax.map { RuleLocation(file: "rules.yml", line: $0.location.line, column: $0.location.column) })
    }
}

@Suite("Globs")
struct GlobTests {
    @Test(arguments: [
        ("*.txt", "a/b/c.txt", true),
        ("*要点*", "plans/2024年工作要点.txt", true),
        ("drafts/**", "drafts/x/y.txt", true),
        ("drafts/**", "final/drafts.txt", false),
        ("**/述职/*.txt", "2023/述职/王.txt", true),
        ("**/述职/*.txt", "述职/王.txt", true),
        ("a/*.txt", "a/b/c.txt", false),
        ("a/?.txt", "a/b.txt", true),
    ])
    func matching(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}

@Suite("JSON Schemas stay in step with the loader")
struct SchemaTests {
    func schema(_ name: String) throws -> [String: Any] {
        let url = TestSupport.packageRoot.appendingPathComponent("Rules/schema/\(name)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func ruleKeysMatchTheLoaderForEveryKind() throws {
        let root = try schema("rules.schema.json")
        #expect(Set((root["properties"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(RuleLoader.packKeys))
        let rule = try #require((root["definitions"] as? [String: Any])?["rule"] as? [String: Any])
        let common = try #require(rule["properties"] as? [String: Any])
        #expect(Set(common.keys) == Set(RuleHeader.keys))
        let kinds = try #require((common["kind"] as? [String: Any])?["enum"] as? [String])
        #expect(kinds == RuleKind.allCases.map(\.rawValue))
        let branches = try #require(rule["allOf"] as? [[String: Any]])
        for kind in RuleKind.allCases {
            let branch = branches.first { branch in
                let condition = (branch["if"] as? [String: Any])?["properties"] as? [String: Any]
                return ((condition?["kind"] as? [String: Any])?["const"] as? String) == kind.rawValue
            }
            let then = try #require(branch?["then"] as? [String: Any], "no schema branch for \(kind.rawValue)")
            let allowed = (then["propertyNames"] as? [String: Any])?["enum"] as? [String] ?? []
            #expect(Set(allowed) == Set(RuleHeader.keys + kind.definition.keys), "schema keys for \(kind.rawValue)")
        }
    }

    @Test func configKeysMatchTheLoader() throws {
        let root = try schema("config.schema.json")
        #expect(Set((root["properties"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(Config.keys))
    }

    @Test func embeddedSchemasAreTheFilesInRules() throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("Rules/schema")
        #expect(
            BuiltinRules.rulesSchema
                == (try String(contentsOf: directory.appendingPathComponent("rules.schema.json"), encoding: .utf8)))
        #expect(
            BuiltinRules.configSchema
                == (try String(contentsOf: directory.appendingPathComponent("config.schema.json"), encoding: .utf8)))
    }

    /// Validates every built-in pack and what `init` writes against the schemas, with the Swift validator
    /// (JSONSchemaValidator.swift: no Python package needed).
    @Test func builtinPacksAndInitOutputValidate() throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("Rules")
        let rules = try JSONSchemaValidator(
            schema: try StrictJSONParser.parse(Data(contentsOf: directory.appendingPathComponent("schema/rules.schema.json"))))
        let config = try JSONSchemaValidator(
            schema: try StrictJSONParser.parse(Data(contentsOf: directory.appendingPathComponent("schema/config.schema.json"))))
        let packs = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(packs.count == BuiltinRules.files.count)
        for name in packs {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(try rules.errors(try SchemaValue.yaml(text)) == [], "\(name)")
        }
        var checked = 0
        for file in Starter.files where file.path.hasSuffix(".yml") {
            let validator = file.path.hasSuffix(".reportlint.yml") ? config : rules
            #expect(try validator.errors(try SchemaValue.yaml(file.content)) == [], "\(file.path)")
            checked += 1
        }
        #expect(checked == 2, "init writes a configuration and a rule file")

        // The schemas do reject mistakes.
        let suggest = #"{"pack": "p", "rules": [{"id": "p/a", "kind": "phrase", "message": "m", "suggest": "x"}]}"#
        #expect(try !rules.errors(try StrictJSONParser.parse(suggest)).isEmpty, "a phrase rule with suggest should not validate")
        let unknownKey = "pack: p\nrules:\n  - id: p/a\n    kind: forbid\n    mesage: m\n    phrases: [x]\n"
        #expect(try !rules.errors(try SchemaValue.yaml(unknownKey)).isEmpty)
        #expect(try !config.errors(try SchemaValue.yaml("packs:\n  duty: maybe\n")).isEmpty)
    }
}

@Suite("Path text")
struct PathTextTests {
    @Test(arguments: [
        ("a/b.txt", "a"), ("b.txt", ""), ("/b", "/"), ("/", "/"), ("a/b/", "a"), ("./a", "."),
        (".", ""), ("x", ""), ("-", ""), ("./", ""), ("a//b", "a"), ("报告/2023/总结.txt", "报告/2023"),
    ])
    func directory(path: String, expected: String) {
        #expect(PathText.directory(of: path) == expected)
    }
}
