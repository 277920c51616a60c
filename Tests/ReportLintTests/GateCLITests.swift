import Foundation
import Testing

@testable import ReportLint

/// The CI gate through the real binary: baselines, waivers, traversal, --changed-since, --jobs.
@Suite("CI gate", .serialized)
struct GateCLITests {
    let cli = CLITests()

    func copyFixture(_ name: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.fixturesDirectory.appendingPathComponent(name), to: url)
    }

    @Test func baselineSurvivesEditsAboveAndReportsOnlyNewFindings() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("reports/a.txt")
        try copyFixture("draft-unfinished.txt", to: report)
        let write = try cli.run(["lint", "--write-baseline", "baseline.json", "reports"], in: directory)
        #expect(write.code == 0, "recording a baseline adopts the findings: the run does not fail")
        #expect(write.stderr.contains("已写入基线 baseline.json：9 个问题"))
        let baseline = try String(contentsOf: directory.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(baseline.contains(#""path": "reports/a.txt""#))

        // Insert two lines above everything and one new problem: only the new one is reported.
        var text = try String(contentsOf: report, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n\n2023年，", with: "\n\n（2024年1月修改）\n\n2023年，")
        text += "另外，请批准。\n"
        try text.write(to: report, atomically: true, encoding: .utf8)
        let gated = try cli.run(["lint", "--format", "json", "--baseline", "baseline.json", "reports"], in: directory)
        let root = try cli.json(gated.stdout)
        let findings = try #require((root["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["common/approval-request"])
        #expect((root["summary"] as? [String: Any])?["baselined"] as? Int == 9)
        #expect(gated.code == 1)

        // Baseline files are stable: writing again gives the same bytes.
        _ = try cli.run(["lint", "--write-baseline", "again.json", "--baseline", "baseline.json", "reports"], in: directory)
        let rewrite = try cli.run(["lint", "--write-baseline", "b2.json", "reports"], in: directory)
        #expect(rewrite.code == 0)
        let first = try String(contentsOf: directory.appendingPathComponent("b2.json"), encoding: .utf8)
        _ = try cli.run(["lint", "--write-baseline", "b3.json", "reports"], in: directory)
        #expect(first == (try String(contentsOf: directory.appendingPathComponent("b3.json"), encoding: .utf8)))

        let broken = directory.appendingPathComponent("broken.json")
        try "{\"findings\": 3}".write(to: broken, atomically: true, encoding: .utf8)
        #expect(try cli.run(["lint", "--baseline", broken.path, "reports"], in: directory).code == 2)
    }

    /// Waiver expiry compares with today's local date, formatted by the C library.
    @Test func todayIsTheLocalDate() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        for seconds in [0.0, 86_399, 951_782_400, 1_700_000_000.5, 1_798_675_199, Date().timeIntervalSince1970] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Gate.today(date) == formatter.string(from: date))
        }
    }

    @Test func waiversAndTheirExpiry() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try copyFixture("draft-punctuation.txt", to: directory.appendingPathComponent("legacy/a.txt"))
        try """
        waivers:
          - rule: common/stray-space
            path: "legacy/**"
            reason: 历史文件，不再修改
            expires: 2999-12-31
          - rule: common/dash
            path: "legacy/**"
            reason: 已过期的豁免
            expires: 2020-01-01
        """.write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let output = try cli.run(["lint", "--format", "json", "legacy"], in: directory)
        let root = try cli.json(output.stdout)
        let file = try #require((root["files"] as? [[String: Any]])?.first)
        let rules = (file["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(!rules.contains("common/stray-space"))
        #expect(rules.contains("common/dash"), "an expired waiver stops working")
        let waived = try #require(file["waived"] as? [[String: Any]])
        #expect(waived.map { $0["rule"] as? String } == ["common/stray-space"])
        #expect(waived.first?["reason"] as? String == "历史文件，不再修改")
        #expect((root["summary"] as? [String: Any])?["waived"] as? Int == 1)
        #expect(output.stderr.contains(".reportlint.yml:6:5: 警告: 豁免已于 2020-01-01 过期，不再生效（规则 common/dash）"))
        #expect((root["diagnostics"] as? [String])?.count == 1)

        try "waivers:\n  - {rule: common/stray-space}\n".write(
            to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let missingReason = try cli.run(["lint", "legacy"], in: directory)
        #expect(missingReason.code == 2)
        #expect(missingReason.stderr.contains(".reportlint.yml:2:5: 错误: 缺少必需的键“reason”"))
    }

    @Test func changedSinceLintsOnlyWhatChanged() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.email=ci@example.invalid", "-c", "user.name=CI"] + arguments
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try copyFixture("summary-headings.txt", to: directory.appendingPathComponent("reports/old.txt"))
        try copyFixture("summary-cues.txt", to: directory.appendingPathComponent("reports/changed.txt"))
        try git("add", ".")
        try git("commit", "-q", "-m", "first")
        try "\n另外，请批准。\n".appendingTo(directory.appendingPathComponent("reports/changed.txt"))
        try copyFixture("draft-unfinished.txt", to: directory.appendingPathComponent("reports/新增.txt"))

        let output = try cli.run(["lint", "--format", "json", "--changed-since", "HEAD", "reports"], in: directory)
        let paths = (try cli.json(output.stdout)["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["reports/changed.txt", "reports/新增.txt"])
        // From another folder (here inside another repository, this package's): git runs in the reports' repository.
        let reports = directory.appendingPathComponent("reports").path
        let elsewhere = try cli.run(["lint", "--format", "json", "--changed-since", "HEAD", reports])
        let fromElsewhere = (try cli.json(elsewhere.stdout)["files"] as? [[String: Any]])?.compactMap {
            ($0["path"] as? String).map { ($0 as NSString).lastPathComponent }
        }
        #expect(fromElsewhere == ["changed.txt", "新增.txt"], "\(elsewhere.stderr)")
        let oneFile = try cli.run(
            ["lint", "--format", "json", "--changed-since", "HEAD", reports + "/changed.txt", reports + "/old.txt"],
            in: TestSupport.packageRoot)
        #expect((try cli.json(oneFile.stdout)["files"] as? [[String: Any]])?.count == 1)
        let bad = try cli.run(["lint", "--changed-since", "no-such-ref", "reports"], in: directory)
        #expect(bad.code == 2)
        #expect(bad.stderr.contains("--changed-since"))
    }

    @Test func twoHundredReportsGiveIdenticalOutputWhateverTheJobs() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixtures = FixtureTests.names.filter { $0.hasSuffix(".txt") && !$0.contains("gb18030") }
        for index in 0..<200 {
            let name = fixtures[index % fixtures.count]
            var text = try String(contentsOf: TestSupport.fixturesDirectory.appendingPathComponent(name), encoding: .utf8)
            text += index % 3 == 0 ? "\n全年共开展次调研。\n" : "\n"
            let url = directory.appendingPathComponent("dept\(index % 7)/报告\(index).txt")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        var outputs: [String: String] = [:]
        for (label, arguments) in [
            ("jobs1", ["--jobs", "1"]), ("jobs2", ["--jobs", "2"]), ("jobs8", ["--jobs", "8"]), ("again", ["--jobs", "8"]),
        ] {
            for format in ["json", "sarif"] {
                let output = try cli.run(["lint", "--format", format] + arguments + ["."], in: directory)
                #expect(output.code == 1)
                outputs["\(label)-\(format)"] = output.stdout
            }
        }
        for format in ["json", "sarif"] {
            let reference = try #require(outputs["jobs1-\(format)"])
            #expect(reference.count > 10_000)
            for label in ["jobs2", "jobs8", "again"] { #expect(outputs["\(label)-\(format)"] == reference, "\(label) \(format)") }
        }
        let files = try #require(try cli.json(outputs["jobs1-json"]!)["files"] as? [[String: Any]])
        #expect(files.count == 200)
        let paths = files.compactMap { $0["path"] as? String }
        #expect(paths == paths.sorted())
    }

    @Test func includeExcludeHiddenAndSymlinkLoops() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try copyFixture("summary-headings.txt", to: directory.appendingPathComponent("a/keep.txt"))
        try copyFixture("summary-headings.txt", to: directory.appendingPathComponent("a/skip.txt"))
        try copyFixture("summary-headings.txt", to: directory.appendingPathComponent("a/notes.report"))
        try copyFixture("summary-headings.txt", to: directory.appendingPathComponent(".git/x.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("a/loop").path, withDestinationPath: "..")
        let output = try cli.run(
            ["lint", "--format", "json", "--include", "*.txt", "--include", "*.report", "--exclude", "skip.txt", "."],
            in: directory)
        let paths = (try cli.json(output.stdout)["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["./a/keep.txt", "./a/notes.report"])
        #expect(output.stderr.contains("a/loop: 符号链接指回上级目录，形成循环，未再进入"))
    }

    @Test func maxWarningsAndMachineFormats() throws {
        #expect(try cli.run(["lint", "--fail-on", "never", "--max-warnings", "0", "Fixtures/draft-punctuation.txt"]).code == 1)
        #expect(try cli.run(["lint", "--fail-on", "never", "--max-warnings", "99", "Fixtures/draft-punctuation.txt"]).code == 0)
        let github = try cli.run([
            "lint", "--format", "github", "--base", TestSupport.packageRoot.appendingPathComponent("Fixtures").path,
            "Fixtures/draft-punctuation.txt",
        ])
        #expect(github.stdout.hasPrefix("::warning file=draft-punctuation.txt,line=3,col=38,"))
        #expect(try cli.run(["outline", "--format", "sarif", "Fixtures/duty-report.txt"]).code == 2)
    }
}

extension String {
    func appendingTo(_ url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
        try handle.close()
    }
}

/// Issue 24, items 6 and 7: baselines from any folder, missing sections keyed on rule and file, waivers of
/// one finding by its text, and unused waivers and baseline entries reported.
@Suite("CI gate: baselines and waivers for a new user", .serialized)
struct BaselineWaiverCLITests {
    let cli = CLITests()

    @Test func baselineWorksFromASubfolderAndKeysMissingSectionsOnRuleAndFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for name in ["draft-unfinished.txt", "summary-missing-problems.txt"] {
            try FileManager.default.copyItem(
                at: TestSupport.fixturesDirectory.appendingPathComponent(name), to: reports.appendingPathComponent(name))
        }
        let write = try cli.run(["lint", "--write-baseline", "baseline.json", "reports"], in: directory)
        let baselineText = try String(contentsOf: directory.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(baselineText.contains(#""version": 2"#))
        #expect(baselineText.contains(#""path": "reports/draft-unfinished.txt""#))
        #expect(
            baselineText.range(
                of: #""path": "reports/summary-missing-problems.txt",\s*"rule": "report/problems",\s*"context": "","#,
                options: .regularExpression) != nil,
            "a missing section is keyed on rule and file: \(baselineText)")
        #expect(write.code == 0)

        // From the subfolder, with the same baseline: every finding is known.
        let sub = try cli.run(["lint", "--format", "json", "--baseline", "../baseline.json", "."], in: reports)
        #expect(sub.code == 0, "\(sub.stdout)\(sub.stderr)")
        #expect((try cli.json(sub.stdout)["summary"] as? [String: Any])?["findings"] as? Int == 0)
        // And from elsewhere, with absolute paths.
        #expect(
            try cli.run(["lint", "--baseline", directory.appendingPathComponent("baseline.json").path, reports.path]).code == 0)

        // Editing the last line, near where the missing section is reported, does not make it new.
        let missing = reports.appendingPathComponent("summary-missing-problems.txt")
        var text = try String(contentsOf: missing, encoding: .utf8)
        text = text.replacingOccurrences(of: "三是深化“档案服务进村居”活动。", with: "三是深化“档案服务进村居”活动，惠及群众。")
        try text.write(to: missing, atomically: true, encoding: .utf8)
        let edited = try cli.run(["lint", "--baseline", "baseline.json", "reports"], in: directory)
        #expect(edited.code == 0, "\(edited.stdout)")
        #expect(!edited.stderr.contains("不再出现"), "\(edited.stderr)")

        // A fixed finding leaves an unused entry, reported (the run still passes).
        let draft = reports.appendingPathComponent("draft-unfinished.txt")
        try String(contentsOf: draft, encoding: .utf8).replacingOccurrences(of: "党的二十大会议精神", with: "党的二十大精神")
            .write(to: draft, atomically: true, encoding: .utf8)
        let fixed = try cli.run(["lint", "--baseline", "baseline.json", "reports"], in: directory)
        #expect(fixed.code == 0)
        #expect(fixed.stderr.contains("baseline.json: 注意: 基线中有 1 个问题已不再出现（已修正或文字已改动），可用 --write-baseline 更新基线："))
        #expect(fixed.stderr.contains("  reports/draft-unfinished.txt [common/formulation] “"))
        // Linting only one file says nothing about the other file's entries.
        let one = try cli.run(["lint", "--baseline", "baseline.json", "reports/summary-missing-problems.txt"], in: directory)
        #expect(!one.stderr.contains("不再出现"))

        // A version 1 baseline (paths as displayed) still matches.
        try baselineText.replacingOccurrences(of: #""version": 2"#, with: #""version": 1"#)
            .write(to: directory.appendingPathComponent("v1.json"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: draft)
        try FileManager.default.copyItem(
            at: TestSupport.fixturesDirectory.appendingPathComponent("draft-unfinished.txt"), to: draft)
        #expect(try cli.run(["lint", "--baseline", "v1.json", "reports/draft-unfinished.txt"], in: directory).code == 0)
    }

    @Test func waiverMatchesOneFindingByItsText() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["draft-unfinished.txt", "draft-unfinished-autonumber.docx"] {
            try FileManager.default.copyItem(
                at: TestSupport.fixturesDirectory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try """
        waivers:
          - rule: common/missing-figure
            text: 审议个
            reason: 原文如此
          - rule: common/placeholder
            text: 这段文字不存在
            reason: 已不需要
          - rule: common/dash
            path: "archive/**"
            reason: 其他目录
        """.write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        for file in ["draft-unfinished.txt", "draft-unfinished-autonumber.docx"] {
            let output = try cli.run(["lint", "--format", "json", file], in: directory)
            let root = try cli.json(output.stdout)
            let entry = try #require((root["files"] as? [[String: Any]])?.first)
            let findings = (entry["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"]!)@\($0["line"]!):\($0["column"]!)" }
            #expect(!findings.contains("common/missing-figure@5:27"), "\(file): the waived finding is gone")
            #expect(findings.contains("common/missing-figure@7:26"), "\(file): the other finding of that rule stays")
            let waived = try #require(entry["waived"] as? [[String: Any]])
            #expect(waived.map { $0["rule"] as? String } == ["common/missing-figure"])
            // The waiver that matched nothing is reported; the one for other paths is not.
            #expect(
                output.stderr.contains(
                    ".reportlint.yml:5:5: 警告: 豁免没有用到：规则 common/placeholder 在所检查的文件中没有可豁免的问题（文字“这段文字不存在”），可删除这条豁免"),
                "\(output.stderr)")
            #expect(!output.stderr.contains("common/dash"))
            #expect((root["diagnostics"] as? [String])?.contains { $0.contains("豁免没有用到") } == true)
        }
    }
}
