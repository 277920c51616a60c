import Foundation
import Testing

@testable import ReportLint

/// Paths and helpers shared by the tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixturesDirectory: URL { packageRoot.appendingPathComponent("Fixtures") }

    static func source(_ text: String, path: String = "test.txt") -> Source {
        Source(path: path, text: text)
    }

    static func parse(_ text: String) -> Document {
        StructureParser.parse(source(text))
    }

    /// Compiles YAML rule packs (optionally with the built-in ones) or fails the test with their errors.
    static func rules(_ yamls: [String] = [], builtin: Bool = false) throws -> CompiledRules {
        var packs: [RulePack] = []
        if builtin { packs += try BuiltinRules.packs().get() }
        for (index, yaml) in yamls.enumerated() {
            packs.append(try RuleLoader.parse(yaml: yaml, file: "test\(index).yml").get())
        }
        return try CompiledRules.compile(packs).get()
    }

    /// The built-in packs, compiled once for all the suites that lint with them.
    static let builtinRules = try! rules(builtin: true)

    /// The text and suggestion of each finding of `rule` in `text`, under the built-in packs.
    static func found(_ text: String, rule: String) -> [(text: String, suggestion: String?)] {
        let source = source(text)
        return lint(text, rules: builtinRules).findings.filter { $0.ruleId == rule }.map {
            (source.string($0.range), $0.suggestion)
        }
    }

    static func lint(_ text: String, rules: CompiledRules) -> LintResult {
        Linter(rules: rules).lint(source(text))
    }

    /// The rule errors a YAML text produces (empty when it loads and compiles).
    static func loadErrors(_ yaml: String, file: String = "rules.yml") -> [RuleError] {
        switch RuleLoader.parse(yaml: yaml, file: file) {
        case .failure(let failure): return failure.errors
        case .success(let pack):
            if case .failure(let failure) = CompiledRules.compile([pack]) { return failure.errors }
            return []
        }
    }

    /// Runs a Python 3 script (standard library only: the fresh machine has python3 and nothing more).
    static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// A copy of the draft with fixable punctuation, for the fix and writer tests.
    static func draft(in directory: URL, name: String = "稿.txt") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: fixturesDirectory.appendingPathComponent("draft-punctuation.txt"), to: url)
        return url
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Findings as `rule@line:column` strings: short, readable assertions.
func brief(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.ruleId)@\($0.start.line):\($0.start.column)" }
}

/// Suites that check where the built-in packs' findings fall: `found(text, rule:)` without the prefix.
protocol BuiltinFindingsSuite {}

extension BuiltinFindingsSuite {
    static var rules: CompiledRules { TestSupport.builtinRules }

    func found(_ text: String, rule: String) -> [(text: String, suggestion: String?)] {
        TestSupport.found(text, rule: rule)
    }
}
