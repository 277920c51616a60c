import Foundation
import Testing

@testable import ReportLint

/// The library's front door without the command line: what every caller (CLI, language server, web
/// service, annotated .docx) gets from `LintSession`.
@Suite("Lint session")
struct LintSessionTests {
    /// A folder with a configuration that ignores one file, waives one rule and types `plans/` as plans.
    private func workspace() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        try """
        ignore: ["drafts/**"]
        types:
          "plans/**": plan
        waivers:
          - {rule: common/stray-space, reason: 旧文件}
        """.write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        for folder in ["drafts", "plans"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let report = "关于2024年工作的总结\n\n今年 我们做了很多工作。\n"
        try report.write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try report.write(to: directory.appendingPathComponent("drafts/b.txt"), atomically: true, encoding: .utf8)
        try report.write(to: directory.appendingPathComponent("plans/c.txt"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func planCollectsResolvesTypesAndDropsIgnoredFiles() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        var diagnostics: [String] = []
        let session = LintSession(options: LintOptions()) { diagnostics.append($0.description) }
        let plan = try session.plan([directory.path])
        #expect(plan.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a.txt", "c.txt"])
        #expect(plan.files.map(\.type) == [nil, .plan], "the configuration's types reach the planned file")
        #expect(plan.configFiles.count == 1 && plan.configFiles[0].hasSuffix(".reportlint.yml"))
        #expect(plan.rules.contains { $0.header.id == "common/stray-space" })
        #expect(diagnostics == ["注意: 按配置文件的 ignore 跳过了 1 个文件"])
    }

    @Test func runGatesEveryOutcomeAndGivesTheVerdict() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = LintOptions()
        options.failOn = .warning
        let session = LintSession(options: options)
        let plan = try session.plan([directory.appendingPathComponent("a.txt").path])
        var delivered: [FileOutcome] = []
        let ending = try session.run(plan) { index, outcome in
            #expect(index == delivered.count, "outcomes come in input order")
            delivered.append(outcome)
        }
        guard case .linted(let result) = try #require(delivered.first) else {
            Issue.record("a.txt was not linted")
            return
        }
        #expect(result.waived.map(\.finding.ruleId) == ["common/stray-space"], "the waiver took the stray space")
        #expect(!result.findings.contains { $0.ruleId == "common/stray-space" })
        #expect(ending.verdict.summary.waived == 1)
        #expect(ending.verdict.exitCode == (result.findings.isEmpty ? 0 : 1))
    }

    @Test func errorsOnlyDropsWarningsAfterTheGateSawThem() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = LintOptions()
        options.errorsOnly = true
        let (_, outcomes, _) = try LintSession(options: options).lintAll([directory.appendingPathComponent("a.txt").path])
        #expect(!outcomes.flatMap(\.findings).isEmpty)
        #expect(outcomes.flatMap(\.findings).allSatisfy { $0.severity == .error })
    }

    @Test func aTextInMemoryIsGovernedLikeItsFile() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = LintSession(options: LintOptions())
        let text = Array("关于2024年工作的总结\n\n今年 我们做了很多工作。\n".utf8)
        guard case .linted(let result) = session.lint(bytes: text, path: directory.appendingPathComponent("plans/new.txt").path)
        else {
            Issue.record("the text was not linted")
            return
        }
        #expect(result.document.type == .plan, "typed by the configuration of the folder it would be saved in")
        #expect(result.waived.count == 1)
        guard case .ignored = session.lint(bytes: text, path: directory.appendingPathComponent("drafts/x.txt").path) else {
            Issue.record("a text under an ignored folder must be left alone")
            return
        }
        guard case .unreadable(let error) = session.lint(bytes: [], path: directory.appendingPathComponent("empty.txt").path),
            case .empty = error.reason
        else {
            Issue.record("an empty text is unreadable, as an empty file is")
            return
        }
    }

    @Test func configurationMistakesAreTypedAndAllTold() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "rules:\n  common/no-such-rule: off\n".write(
            to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        try "x\n".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        do {
            _ = try LintSession(options: LintOptions()).plan([directory.path])
            Issue.record("a configuration naming no rule must fail")
        } catch {
            guard case .rules(let failures) = error else {
                Issue.record("expected a rules error, got \(error)")
                return
            }
            #expect(failures.count == 1)
            #expect(error.description.contains("common/no-such-rule"))
        }
        var options = LintOptions()
        options.overrides = ["common/no-such": .off]
        do {
            _ = try LintSession(options: options).resolve(["-"])
            Issue.record("an override naming no rule must fail")
        } catch {
            guard case .unknownRuleOverride(let id, _) = error else {
                Issue.record("expected unknownRuleOverride, got \(error)")
                return
            }
            #expect(id == "common/no-such")
        }
    }

    @Test func fixInMemoryUsesTheFilesConfiguration() throws {
        let session = LintSession(options: LintOptions())
        let source = TestSupport.source("关于2024年工作的总结\n\n今年我们做了很多工作 。\n")
        let fixed = try #require(session.fix(source, path: "memo.txt"))
        #expect(fixed.changed)
        #expect(fixed.fixedText.contains("工作。"))
    }

    /// A run asks the file system once per folder for its configuration; an editor asks at every lint, so
    /// a `.reportlint.yml` made while it runs governs the next lint.
    @Test func aRunRemembersEachFoldersConfigurationAnEditorLooksAgain() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("a.txt").path
        let run = LintSession(options: LintOptions())
        var editorOptions = LintOptions()
        editorOptions.remembersDiscovery = false
        let editor = LintSession(options: editorOptions)
        #expect(run.configPath(for: report) == nil && editor.configPath(for: report) == nil)
        try "ignore: []\n".write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        #expect(run.configPath(for: report) == nil, "remembered for the run")
        #expect(editor.configPath(for: report)?.hasSuffix(".reportlint.yml") == true)
        #expect(LintSession(options: LintOptions()).configPath(for: report)?.hasSuffix(".reportlint.yml") == true)
    }
}
