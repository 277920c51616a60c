import Foundation
import Testing

@testable import ReportLint

@Suite("reportlint fix", .serialized)
struct FixCLITests {
    let cli = CLITests()

    @Test func fixWritesAndReportsWhatItChanged() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try TestSupport.draft(in: directory)
        let output = try cli.run(["fix", url.path])
        #expect(output.code == 0)
        #expect(output.stdout.contains("\(url.path):3:38: “,” → “，” [common/half-width-punctuation]"))
        #expect(output.stdout.hasSuffix("已修正 1 个文件中的 7 处问题。\n"))
        let fixed = try String(contentsOf: url, encoding: .utf8)
        #expect(fixed.contains("“贯彻党代会 奋进新征程”"))
        #expect(try cli.run(["fix", url.path]).stdout == "没有可自动修正的问题。\n")
        let lint = try cli.run(["lint", "--format", "json", url.path])
        #expect(!lint.stdout.contains("\"fixable\": true"))
    }

    @Test func diffAndDryRunWriteNothing() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try TestSupport.draft(in: directory)
        let before = try Data(contentsOf: url)
        let diff = try cli.run(["fix", "--diff", "稿.txt"], in: directory)
        #expect(diff.stdout.hasPrefix("--- a/稿.txt\n+++ b/稿.txt\n@@ -1,"))
        #expect(diff.stdout.contains("\n+2023年，区文化和旅游局党组坚持以习近平新时代中国特色社会主义思想为指导，认真落实"))
        let dry = try cli.run(["fix", "--dry-run", "--only", "common/dash", "稿.txt"], in: directory)
        #expect(dry.stdout == "稿.txt:9:27: “--” → “——” [common/dash]\n可修正 1 个文件中的 1 处问题。\n")
        #expect(try Data(contentsOf: url) == before)
        #expect(try cli.run(["fix", "--only", "common/nope", "稿.txt"], in: directory).code == 2)
        #expect(try cli.run(["fix", "-"], in: directory).code == 2)
    }

    /// Kills `fix` at moments spread around the time a whole run takes (0.5× to 1.5×), so some kills land
    /// before the rename and some after: the file is always either the whole original or the whole
    /// fixed version, never a mix or a truncated file.
    @Test func aKillDuringWritingNeverLeavesAHalfWrittenFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let paragraph = "全年召开党组 会议12次,研究党建工作7次。开展“贯彻党代会 奋进新征程”宣讲...形式多样。\n"
        let originalData = Data(("2023年工作总结\n" + String(repeating: paragraph, count: 3_000)).utf8)
        let reference = directory.appendingPathComponent("reference.txt")
        try originalData.write(to: reference)
        let started = Date()
        #expect(try cli.run(["fix", reference.path]).code == 0)
        let duration = Date().timeIntervalSince(started)
        let fixed = try Data(contentsOf: reference)
        #expect(fixed != originalData)

        var seen = (original: 0, fixed: 0)
        // Kill times spread from a third of one run to four runs, until kills have landed on both sides
        // (a loaded machine stretches a run: a fixed count of attempts at fixed times missed one side).
        for attempt in 0..<26 where seen.original == 0 || seen.fixed == 0 {
            let target = directory.appendingPathComponent("r\(attempt).txt")
            try originalData.write(to: target)
            let process = Process()
            process.executableURL = CLITests.binary
            process.arguments = ["fix", target.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * (0.3 + Double(attempt) * 0.15) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: target)
            #expect(
                now == originalData || now == fixed,
                "attempt \(attempt): the report is neither the original nor the fixed version")
            if now == originalData { seen.original += 1 }
            if now == fixed { seen.fixed += 1 }
        }
        #expect(seen.original > 0 && seen.fixed > 0, "kills should land both before and after the rename: \(seen)")
    }
}
