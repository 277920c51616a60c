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
        #expect(write.code == 1)
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
        #expect(rewrite.code == 1)
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

        try "waivers:\n  - {rule: common/stray-space}\n".write(to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
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
        for (label, arguments) in [("jobs1", ["--jobs", "1"]), ("jobs2", ["--jobs", "2"]), ("jobs8", ["--jobs", "8"]), ("again", ["--jobs", "8"])] {
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
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("a/loop").path, withDestinationPath: "..")
        let output = try cli.run(["lint", "--format", "json", "--include", "*.txt", "--include", "*.report", "--exclude", "skip.txt", "."],
                                 in: directory)
        let paths = (try cli.json(output.stdout)["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["./a/keep.txt", "./a/notes.report"])
        #expect(output.stderr.contains("a/loop: 符号链接指回上级目录，形成循环，未再进入"))
    }

    @Test func maxWarningsAndMachineFormats() throws {
        #expect(try cli.run(["lint", "--fail-on", "never", "--max-warnings", "0", "Fixtures/draft-punctuation.txt"]).code == 1)
        #expect(try cli.run(["lint", "--fail-on", "never", "--max-warnings", "99", "Fixtures/draft-punctuation.txt"]).code == 0)
        let github = try cli.run(["lint", "--format", "github", "--base", TestSupport.packageRoot.appendingPathComponent("Fixtures").path,
                                  "Fixtures/draft-punctuation.txt"])
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
