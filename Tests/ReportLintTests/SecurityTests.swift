import Foundation
import Testing
import ZIPFoundation

@testable import ReportLint

/// Issue 23: what a hostile input and an ordinary bad day found. Each defect is checked through the
/// built binary where it is about the command line, with a good file beside the bad one.
@Suite("Security and reliability", .serialized)
struct SecurityTests {
    let cli = CLITests()

    // MARK: fix

    /// Links planted at the names the temporary file used to get (`.NAME.reportlint-PID.tmp` for the
    /// next PIDs) and at mkstemp-like names are never followed: their targets stay as they were.
    @Test func fixNeverWritesThroughAPlantedLink() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try TestSupport.draft(in: directory)
        let victim = directory.appendingPathComponent("victim.conf")
        try "secret\n".write(to: victim, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: victim.path)
        let next = Int(getpid())
        for pid in next..<(next + 500) {
            try FileManager.default.createSymbolicLink(
                atPath: directory.appendingPathComponent(".稿.txt.reportlint-\(pid).tmp").path,
                withDestinationPath: victim.path)
        }
        let output = try cli.run(["fix", report.path])
        #expect(output.code == 0, "\(output.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "secret\n")
        #expect(try FileManager.default.attributesOfItem(atPath: victim.path)[.posixPermissions] as? Int == 0o600)
        let fixed = try String(contentsOf: report, encoding: .utf8)
        #expect(fixed.contains("“贯彻党代会 奋进新征程”") && !fixed.contains(" ,"))
        let links = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(links.count == 500, "only the planted links are left, no temporary file")
        for link in links.prefix(5) {
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: directory.appendingPathComponent(link).path)
                    == victim.path)
        }
    }

    /// The library's writer makes the temporary file with O_EXCL: even with every name it could pick
    /// taken by a link, nothing is written through one.
    @Test func theTemporaryNameIsUnpredictable() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.txt")
        try "学习 ，领会。\n".write(to: url, atomically: true, encoding: .utf8)
        var seen = Set<String>()
        let (source, snapshot) = try FixWriter.read(path: url.path).get()
        _ = try FixWriter.write("学习，领会。\n", like: source, snapshot: snapshot) {
            seen.formUnion(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") })
        }.get()
        let name = try #require(seen.first)
        #expect(seen.count == 1 && !name.contains("\(getpid())"), "\(seen)")
    }

    /// An edit made while `fix` runs (here: just before the rename) is never lost: the write is refused.
    @Test func anEditDuringFixIsKept() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.txt")
        try "学习 ，领会。\n".write(to: url, atomically: false, encoding: .utf8)
        let (source, snapshot) = try FixWriter.read(path: url.path).get()
        for edit in ["学习 ，领会。\n新的一段。\n", "学习 ，领会！\n"] { // longer; same size
            try "学习 ，领会。\n".write(to: url, atomically: false, encoding: .utf8)
            let outcome = FixWriter.write("学习，领会。\n", like: source, snapshot: snapshot) {
                try edit.write(to: url, atomically: false, encoding: .utf8)
            }
            guard case .failure(let failure) = outcome else {
                Issue.record("an edit was overwritten")
                continue
            }
            #expect(failure.message.contains("文件在修正期间被修改"), "\(failure.message)")
            #expect(try String(contentsOf: url, encoding: .utf8) == edit)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.txt"])
        }
    }

    /// Through the binary: a paragraph appended to a large report while `fix` runs is still there
    /// afterwards, and `fix` says it did not write.
    @Test func aParagraphAppendedWhileFixRunsIsNotLost() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let paragraph = "全年召开党组 会议12次,研究党建工作7次。开展“贯彻党代会 奋进新征程”宣讲...形式多样。\n"
        let original = Data(("2023年工作总结\n" + String(repeating: paragraph, count: 5_000)).utf8)
        let timing = directory.appendingPathComponent("timing.txt")
        try original.write(to: timing)
        let started = Date()
        #expect(try cli.run(["fix", timing.path]).code == 0)
        let duration = Date().timeIntervalSince(started)
        let report = directory.appendingPathComponent("报告.txt")
        try original.write(to: report)
        let appended = Data("附：新增的一段，不能丢。\n".utf8)
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["fix", report.path]
        let errors = Pipe()
        let out = Pipe()
        process.standardError = errors
        process.standardOutput = out
        try process.run()
        usleep(useconds_t(duration * 0.4 * 1_000_000))
        let handle = try FileHandle(forWritingTo: report)
        try handle.seekToEnd()
        try handle.write(contentsOf: appended)
        try handle.close()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let now = try Data(contentsOf: report)
        #expect(now.suffix(appended.count) == appended, "the appended paragraph is kept")
        if process.terminationStatus == 2 {
            #expect(now == original + appended)
            #expect(stderr.contains("\(report.path): 错误: 文件在修正期间被修改"), "\(stderr)")
            #expect(!stdout.contains("已修正"), "\(stdout)")
        }
    }

    /// `fix` on a symbolic link fixes its target and keeps the link; the target's mode is kept; a hard
    /// link that will be broken is said.
    @Test func fixOnASymbolicLinkFixesTheTarget() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = try TestSupport.draft(in: directory, name: "target.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let link = directory.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.txt")
        let good = try TestSupport.draft(in: directory, name: "good.txt")
        let output = try cli.run(["fix", link.path, good.path])
        #expect(output.code == 0, "\(output.stderr)")
        #expect(output.stderr.contains("\(link.path): 注意: 这是符号链接，已修正它指向的文件"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.txt")
        #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int == 0o640)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("研究党建工作7次。"))
        #expect(try String(contentsOf: good, encoding: .utf8) == (try String(contentsOf: target, encoding: .utf8)))

        // As root, the owner and group are kept too.
        if geteuid() == 0 {
            let owned = try TestSupport.draft(in: directory, name: "owned.txt")
            #expect(chown(owned.path, 1234, 4321) == 0)
            #expect(try run(["fix", owned.path]).code == 0)
            var info = stat()
            #expect(
                stat(owned.path, &info) == 0 && info.st_uid == 1234 && info.st_gid == 4321, "owner \(info.st_uid):\(info.st_gid)")
        }

        let hard = directory.appendingPathComponent("hard.txt")
        let other = try TestSupport.draft(in: directory, name: "other.txt")
        try FileManager.default.linkItem(at: other, to: hard)
        let linked = try cli.run(["fix", other.path])
        #expect(linked.code == 0)
        #expect(linked.stderr.contains("\(other.path): 注意: 该文件另有 1 个硬链接"), "\(linked.stderr)")
    }

    /// GB18030 characters iconv would write back in another form (0x95329031 → FE51) make `fix` refuse
    /// rather than change untouched bytes; a file without them is fixed.
    @Test func gb18030RoundTripIsCheckedByteForByte() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func gb(_ text: String) throws -> [UInt8] { try #require(TextDecoder.encodeGB18030(text)) }
        let bad = directory.appendingPathComponent("bad.txt")
        let badBytes = try gb("2023年工作总结\n召开会议 ,研究工作。\n") + [0x95, 0x32, 0x90, 0x31, 0x95, 0x32, 0x90, 0x33] + (try gb("字。\n"))
        try Data(badBytes).write(to: bad)
        let good = directory.appendingPathComponent("good.txt")
        try Data(try gb("2023年工作总结\n召开会议 ,研究工作。\n")).write(to: good)
        let output = try cli.run(["fix", bad.path, good.path])
        #expect(output.code == 2)
        #expect(output.stderr.contains("\(bad.path): 错误: 第 3 行有字符按 GB18030 重新编码后与原文件的字节不同"), "\(output.stderr)")
        #expect(Array(try Data(contentsOf: bad)) == badBytes)
        #expect(Array(try Data(contentsOf: good)) == (try gb("2023年工作总结\n召开会议，研究工作。\n")))
        #expect(output.stdout.contains("已修正 1 个文件中的 2 处问题。") && output.stdout.contains("1 个文件未能写入"), "\(output.stdout)")
        let alone = try cli.run(["fix", bad.path])
        #expect(alone.code == 2 && !alone.stdout.contains("已修正"), "a failed write is not reported as done: \(alone.stdout)")
    }

    /// UTF-16 with an odd number of bytes is malformed: `lint` and `fix` refuse it.
    @Test func oddLengthUTF16IsRefused() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let odd = directory.appendingPathComponent("odd.txt")
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "2023年工作总结\n召开会议 ,研究。\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes + [0x41]).write(to: odd)
        let stderr = try BadInputTests().lintBeside(odd, in: directory)
        #expect(stderr.contains("\(odd.path): 错误: 文件以 UTF-16 BOM 开头，但内容不是有效的 UTF-16"), "\(stderr)")
        let fix = try cli.run(["fix", odd.path])
        #expect(fix.code == 2 && fix.stderr.contains("\(odd.path): 错误: 文件以 UTF-16 BOM 开头"))
        #expect(Array(try Data(contentsOf: odd)) == bytes + [0x41])
        #expect(try cli.run(["lint", "--encoding", "UTF-16LE", odd.path]).stderr.contains("按 --encoding UTF-16LE 无法解码"))
    }

    /// A failed write is not reported as done; a named pipe given to `fix` or `lint` is refused without hanging.
    @Test func failedWritesAndNamedPipes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let report = try TestSupport.draft(in: directory)
        let pipe = directory.appendingPathComponent("pipe.txt")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let started = Date()
        let fix = try cli.run(["fix", pipe.path, report.path])
        #expect(fix.code == 2)
        #expect(fix.stderr.contains("\(pipe.path): 错误: 不是普通文件（管道、设备或套接字），未修改"), "\(fix.stderr)")
        #expect(fix.stdout.contains("已修正 1 个文件中的 7 处问题。"))
        let lint = try BadInputTests().lintBeside(pipe, in: directory)
        #expect(lint.contains("\(pipe.path): 错误: \(Reader.pipeSilence) 秒内没有读到数据"), "\(lint)")
        #expect(Date().timeIntervalSince(started) < Double(Reader.pipeSilence) + 10)

        guard geteuid() != 0 else { return } // root writes into any folder
        let second = try TestSupport.draft(in: directory, name: "二稿.txt")
        chmod(directory.path, 0o555)
        let refused = try cli.run(["fix", second.path])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("\(second.path): 错误: 无法在"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("已修正"), "\(refused.stdout)")
    }
}

// MARK: --changed-since and standard input

extension SecurityTests {
    /// Runs the binary, killing it after `seconds` (a hang fails the test instead of blocking the suite).
    func run(
        _ arguments: [String], in directory: URL = TestSupport.packageRoot, stdin: FileHandle? = nil,
        seconds: Double = 60, executable: String? = nil
    ) throws -> (code: Int32, stdout: String, stderr: String, timedOut: Bool) {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        let finished = DispatchSemaphore(value: 0)
        let collected = OutputBox()
        DispatchQueue.global().async {
            collected.stderr = err.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        let watchdog = DispatchWorkItem { kill(process.processIdentifier, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        finished.wait()
        process.waitUntilExit()
        let timedOut = watchdog.isCancelled == false && process.terminationReason == .uncaughtSignal
        watchdog.cancel()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: collected.stderr, as: UTF8.self),
            timedOut
        )
    }

    func git(_ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// A ref that looks like an option is refused, and git never sees it as one (`--output=FILE` would
    /// have it write FILE).
    @Test func changedSinceIsNeverAnOption() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try git(["init", "-q"], in: directory)
        try "2023年工作总结\n召开会议*次。\n".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try git(["add", "."], in: directory)
        try git(["commit", "-qm", "one"], in: directory)
        let written = directory.appendingPathComponent("written")
        for ref in ["--output=\(written.path)", "-p", "--output \(written.path)"] {
            let output = try run(["lint", "--changed-since=\(ref)", "."], in: directory)
            #expect(output.code == 2, "\(ref)")
            #expect(output.stderr.contains("错误: --changed-since：“\(ref)”不是 git 提交或分支名（不能以 - 开头）"), "\(output.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: written.path))
        // A ref git does not know is git's error, not an option either.
        let unknown = try run(["lint", "--changed-since", "no-such-ref", "."], in: directory)
        #expect(unknown.code == 2 && unknown.stderr.contains("git diff 失败"), "\(unknown.stderr)")
        let good = try run(["lint", "--changed-since", "HEAD", "."], in: directory)
        #expect(good.code == 0, "nothing changed since HEAD: \(good.stderr)")
    }

    /// More than a pipe's worth of git warnings on stderr (line-ending conversion, one per file) while
    /// the file list is still being written: both are read at once, so the run finishes.
    @Test func changedSinceSurvivesALotOfGitWarnings() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try git(["init", "-q"], in: directory)
        let names = (1...900).map { String(format: "reports/第%04d份-区文化和旅游局党组年度工作总结报告.txt", $0) }
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("reports"), withIntermediateDirectories: true)
        for name in names {
            try "2023年工作总结\n召开会议十二次。\n".write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "* text eol=crlf\n".write(to: directory.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        try git(["add", "."], in: directory)
        try git(["commit", "-qm", "reports"], in: directory)
        for name in names {
            let handle = try FileHandle(forWritingTo: directory.appendingPathComponent(name))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("召开会议*次。\n".utf8))
            try handle.close()
        }
        let output = try run(["lint", "--format", "json", "--changed-since", "HEAD", "reports"], in: directory, seconds: 120)
        #expect(!output.timedOut, "lint --changed-since hung")
        #expect(output.code == 1, "\(output.stderr.prefix(500))")
        let files = try #require(try cli.json(output.stdout)["files"] as? [[String: Any]])
        #expect(files.count == names.count)
    }

    /// Standard input: `--max-file-size` applies, /dev/zero is binary (not "empty"), a good report still works.
    @Test func standardInputIsBoundedAndNamed() throws {
        let zero = try run(["lint", "-"], stdin: FileHandle(forReadingAtPath: "/dev/zero"), seconds: 30)
        #expect(zero.code == 2 && !zero.timedOut)
        #expect(zero.stderr.contains("<stdin>: 错误: 不是文本文件（第 1 字节是 NUL）"), "\(zero.stderr)")
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let big = directory.appendingPathComponent("big.txt")
        try Data(String(repeating: "召开会议十二次。\n", count: 60_000).utf8).write(to: big) // 1.5 MB
        let refused = try run(["lint", "--max-file-size", "1", "-"], stdin: FileHandle(forReadingAtPath: big.path))
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("<stdin>: 错误: 文件过大（1.4 MB，上限 1.0 MB）"), "\(refused.stderr)")
        let piped = Pipe()
        let writer = DispatchQueue.global()
        writer.async {
            let chunk = Data(String(repeating: "召开会议十二次。\n", count: 1_000).utf8)
            while (try? piped.fileHandleForWriting.write(contentsOf: chunk)) != nil {}
        }
        let endless = try run(["lint", "--max-file-size", "1", "-"], stdin: piped.fileHandleForReading, seconds: 30)
        try? piped.fileHandleForWriting.close()
        #expect(endless.code == 2 && !endless.timedOut)
        #expect(endless.stderr.contains("<stdin>: 错误: 输入超过大小上限（1.0 MB），未检查"), "\(endless.stderr)")
        let good = try cli.run(["lint", "-"], stdin: Data("2023年工作总结\n召开会议*次。\n".utf8))
        #expect(good.code == 1 && good.stdout.contains("common/placeholder"))
    }
}

private final class OutputBox: @unchecked Sendable {
    var stderr = Data()
}

// MARK: Language server

extension SecurityTests {
    func waitForError(_ client: LSPClient, id: Any) throws -> [String: Any] {
        let message = try client.waitFor { message in
            guard message["error"] != nil else { return false }
            if let number = id as? Int { return message["id"] as? Int == number }
            return message["id"] is NSNull
        }
        return try #require(message["error"] as? [String: Any])
    }

    /// -32002 before `initialize`, -32600 after `shutdown`; the server keeps working in between.
    @Test func languageServerLifecycleErrors() throws {
        let client = try LSPClient()
        defer { client.stop() }
        client.send(["jsonrpc": "2.0", "id": 41, "method": "textDocument/codeAction", "params": [:]])
        #expect(try waitForError(client, id: 41)["code"] as? Int == -32002)
        _ = try client.initialize()
        _ = try client.request("shutdown", [:])
        client.send(["jsonrpc": "2.0", "id": 42, "method": "textDocument/codeAction", "params": [:]])
        #expect(try waitForError(client, id: 42)["code"] as? Int == -32600)
        client.notify("exit", [:])
        #expect(client.waitForExit() == 0)
    }

    /// A body over the limit is answered with an error and skipped without being kept in memory; the
    /// next request is answered as usual.
    @Test func languageServerCapsTheMessageSize() throws {
        let client = try LSPClient()
        defer { client.stop() }
        _ = try client.initialize()
        let length = 80 * 1_048_576
        client.sendRaw(Data("Content-Length: \(length)\r\n\r\n".utf8))
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 1_048_576)
        for _ in 0..<80 { client.sendRaw(chunk) }
        let error = try waitForError(client, id: NSNull())
        #expect(error["code"] as? Int == -32600)
        #expect((error["message"] as? String)?.contains("LSP 消息过大") == true, "\(error)")
        let uri = LSPTests.uri("/tmp/reportlint-size-check.txt")
        client.open(uri: uri, text: "2023年工作总结\n召开会议*次。\n")
        #expect(try client.diagnostics(for: uri).diagnostics.contains { $0["code"] as? String == "common/placeholder" })
        let status = try String(contentsOfFile: "/proc/\(client.processIdentifier)/status", encoding: .utf8)
        let peak =
            status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.flatMap {
                Int($0.split(separator: " ").dropFirst().first ?? "")
            } ?? 0
        #expect(peak > 0 && peak < 64 * 1024, "peak \(peak) KB: the 80 MB body was buffered")
    }

    /// Fifty edits queued at once: the latest version is linted and published, not each in turn.
    @Test func languageServerLintsOnlyTheLatestQueuedChange() throws {
        let client = try LSPClient()
        defer { client.stop() }
        _ = try client.initialize()
        let uri = LSPTests.uri("/tmp/reportlint-debounce.txt")
        client.open(uri: uri, text: "2023年工作总结\n召开会议。\n")
        _ = try client.diagnostics(for: uri)
        var batch = Data()
        for version in 2...51 {
            let text = "2023年工作总结\n" + String(repeating: "召开会议，研究工作。", count: 200) + (version == 51 ? "召开会议*次。\n" : "\n")
            let body = try JSONSerialization.data(withJSONObject: [
                "jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": [
                    "textDocument": ["uri": uri, "version": version],
                    "contentChanges": [["text": text]],
                ],
            ])
            batch += MessageFramer.frame(String(decoding: body, as: UTF8.self))
        }
        client.sendRaw(batch)
        var published: [Int] = []
        while published.last != 51 {
            let (version, diagnostics) = try client.diagnostics(for: uri)
            published.append(version ?? 0)
            if version == 51 { #expect(diagnostics.contains { $0["code"] as? String == "common/placeholder" }) }
        }
        #expect(published.count <= 10, "linted \(published.count) versions: \(published)")
    }

    /// A rule file that is a named pipe (or /dev/zero) in the configuration: a clear message, no hang.
    @Test func languageServerAndCLIRefuseRuleFilesThatAreNotFiles() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pipe = directory.appendingPathComponent("pipe.yml")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        try "ruleFiles:\n  - pipe.yml\n  - /dev/zero\n".write(
            to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let report = directory.appendingPathComponent("报告.txt")
        try "2023年工作总结\n召开会议*次。\n".write(to: report, atomically: true, encoding: .utf8)
        let client = try LSPClient()
        defer { client.stop() }
        _ = try client.initialize()
        client.open(report.path, text: "2023年工作总结\n召开会议*次。\n")
        let shown = try client.waitFor { $0["method"] as? String == "window/showMessage" }
        let text = ((shown["params"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(text.contains("不是普通文件（管道、设备或套接字），不予读取"), "\(text)")

        let cli = try run(["lint", report.path], seconds: 30)
        #expect(cli.code == 2 && !cli.timedOut)
        #expect(cli.stderr.contains("pipe.yml") && cli.stderr.contains("不是普通文件"), "\(cli.stderr)")
        let rules = try run(["lint", "--rules", "/dev/zero", "--config", "/dev/null", report.path], seconds: 30)
        #expect(rules.code == 2 && rules.stderr.contains("/dev/zero"), "\(rules.stderr)")
    }
}

// MARK: Caps on what the tool reads besides reports

extension SecurityTests {
    @Test func baselineAndIgnoreGlobsAreCapped() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("报告.txt")
        try "2023年工作总结\n召开会议*次。\n".write(to: report, atomically: true, encoding: .utf8)
        let baseline = directory.appendingPathComponent("baseline.json")
        _ = FileManager.default.createFile(atPath: baseline.path, contents: nil)
        let handle = try FileHandle(forWritingTo: baseline)
        try handle.truncate(atOffset: UInt64(Baseline.maxFileSize + 1))
        try handle.close()
        let big = try run(["lint", "--baseline", baseline.path, report.path])
        #expect(big.code == 2)
        #expect(big.stderr.contains("\(baseline.path): 错误: 基线文件过大（上限 32 MB），未读取"), "\(big.stderr)")
        let zero = try run(["lint", "--baseline", "/dev/zero", report.path], seconds: 30)
        #expect(zero.code == 2 && zero.stderr.contains("不是普通文件"), "\(zero.stderr)")

        try "ignore:\n  - \"\(String(repeating: "*a", count: 600))\"\n".write(
            to: directory.appendingPathComponent(".reportlint.yml"), atomically: true, encoding: .utf8)
        let glob = try run(["lint", report.path])
        #expect(glob.code == 2)
        #expect(glob.stderr.contains("不超过 1024 个字符的路径模式"), "\(glob.stderr)")
    }
}

// MARK: Output, symbolic links, small things

extension SecurityTests {
    /// ESC, OSC 8, BEL and bidi overrides from a report, a file name and a rule message are printed as
    /// visible escapes; a file name with a newline cannot forge a workflow command on stderr.
    @Test func controlCharactersAreEscapedInHumanOutput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "evil\u{1B}]8;;x\u{07}name.txt"
        let report = directory.appendingPathComponent(name)
        try "2023年工作总结\n召开会议*次\u{1B}[2J\u{1B}]8;;http://evil\u{07}点我\u{202E}。\n".write(
            to: report, atomically: true, encoding: .utf8)
        let rules = directory.appendingPathComponent("rules.yml")
        try """
        pack: evil
        rules:
          - id: evil/bell
            kind: forbid
            severity: error
            message: "禁止\\e[31m红字\\a"
            phrases: [点我]
        """.write(to: rules, atomically: true, encoding: .utf8)
        let output = try run(["lint", "--rules", rules.path, report.path])
        #expect(output.code == 1, "\(output.stderr)")
        for text in [output.stdout, output.stderr] {
            #expect(
                !text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(text.debugDescription)"
            )
        }
        #expect(output.stdout.contains("evil\\x1B]8;;x\\x07name.txt:"), "\(output.stdout)")
        #expect(output.stdout.contains("禁止\\x1B[31m红字\\x07"), "\(output.stdout)")
        #expect(output.stdout.contains("召开会议*次␛[2J␛]8;;http://evil␇点我�。"), "\(output.stdout)")
        let outline = try run(["outline", report.path])
        #expect(
            !outline.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(outline.stdout.debugDescription)")

        let forged = directory.appendingPathComponent("x\n::error file=README.md,line=1::forged\n.txt")
        try Data([0x00, 0x01]).write(to: forged)
        let github = try run(["lint", "--format", "github", forged.path])
        #expect(github.code == 2)
        let lines = (github.stdout + github.stderr).split(separator: "\n")
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("::error file=README.md") }, "\(lines)")
        #expect(github.stderr.contains("x\\n::error file=README.md,line=1::forged\\n.txt: 错误: 不是文本文件"), "\(github.stderr)")
    }

    /// A symbolic link to a file or folder outside the tree being linted is skipped and said; one inside
    /// is followed; `--follow-symlinks` follows both.
    @Test func symbolicLinksOutOfTheTreeAreNotFollowed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tree = directory.appendingPathComponent("repo")
        let outside = directory.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "2023年工作总结\n机密内容召开会议*次。\n".write(to: outside.appendingPathComponent("机密.txt"), atomically: true, encoding: .utf8)
        try "2023年工作总结\n召开会议*次。\n".write(to: tree.appendingPathComponent("sub/good.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: tree.appendingPathComponent("leak.txt").path,
            withDestinationPath: outside.appendingPathComponent("机密.txt").path)
        try FileManager.default.createSymbolicLink(
            atPath: tree.appendingPathComponent("leakdir").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(
            atPath: tree.appendingPathComponent("inside.txt").path, withDestinationPath: "sub/good.txt")
        let html = try run(["lint", "--format", "html", tree.path])
        #expect(!html.stdout.contains("机密内容"), "a file outside the tree was printed")
        #expect(html.stderr.contains("leak.txt: 符号链接指向所检查目录之外"), "\(html.stderr)")
        #expect(html.stderr.contains("leakdir: 符号链接指向所检查目录之外"), "\(html.stderr)")
        let json = try run(["lint", "--format", "json", tree.path])
        let paths = try #require(try cli.json(json.stdout)["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["inside.txt", "good.txt"], "\(paths)")
        let followed = try run(["lint", "--format", "json", "--follow-symlinks", tree.path])
        #expect(try #require(try cli.json(followed.stdout)["files"] as? [[String: Any]]).count == 4)
    }

    @Test func maxFileSizeOverflowIsAUsageError() throws {
        for value in ["9223372036854775807", "8796093022208", "0", "-1"] {
            let output = try run(["lint", "--max-file-size", value, "Fixtures/summary-cues.txt"])
            #expect(output.code == 2, "\(value): \(output.code)")
            #expect(output.stderr.contains("--max-file-size"), "\(output.stderr)")
        }
        #expect(try run(["lint", "--max-file-size", "1048576", "Fixtures/summary-cues.txt"]).code != 2)
    }
}

// MARK: Amplification: time and memory bounded by the input

extension SecurityTests {
    /// A .docx built by Python's zipfile (it can write what Word never would: duplicate entries, millions
    /// of empty paragraphs, a level text of 100,000 `%1`).
    func hostileDocx(_ kind: String, at url: URL) throws {
        let script = #"""
            import sys, zipfile, warnings
            warnings.simplefilter('ignore')
            W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            kind, out = sys.argv[1], sys.argv[2]
            p = lambda t: '<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % t
            np = lambda t: '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>' % t
            def document(body):
                return '<?xml version="1.0"?><w:document %s><w:body>%s</w:body></w:document>' % (W, body)
            with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types/>')
                if kind == 'numbering':
                    z.writestr('word/document.xml', document(p('2023年工作总结') + np('召开会议*次。') * 3000))
                    z.writestr('word/numbering.xml', '<?xml version="1.0"?><w:numbering %s><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%s"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % (W, '%1' * 100000))
                elif kind == 'empty':
                    z.writestr('word/document.xml', document('<w:p/>' * 10000000))
                elif kind == 'nested':
                    z.writestr('word/document.xml', document('<w:p>' * 1000000 + '</w:p>' * 1000000))
                elif kind == 'duplicate':
                    z.writestr('word/document.xml', document(p('2023年工作总结') + p('召开会议十二次。')))
                    z.writestr('word/document.xml', document(p('另一份')))
            """#
        let result = try TestSupport.python(script, [kind, url.path])
        #expect(result.status == 0, "\(result.output)")
    }

    /// Runs the binary under /usr/bin/time: exit status, peak RSS of the child in KB, wall seconds, stderr.
    func measured(_ arguments: [String], stdin: String? = nil) throws -> (
        code: Int32, peakKB: Int, seconds: Double, stderr: String
    ) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let started = Date()
        let output = try run(
            ["-f", "%M", "-o", report.path, CLITests.binary.path] + arguments,
            stdin: stdin.flatMap { FileHandle(forReadingAtPath: $0) }, seconds: 120, executable: "/usr/bin/time")
        let seconds = Date().timeIntervalSince(started)
        let peak = Int(try String(contentsOf: report, encoding: .utf8).split(separator: "\n").last ?? "") ?? -1
        return (output.code, peak, seconds, output.stderr)
    }

    @Test func docxAmplificationIsRefusedOrBounded() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for kind in ["numbering", "empty", "nested", "duplicate"] {
            try hostileDocx(kind, at: directory.appendingPathComponent("\(kind).docx"))
        }
        let numbering = directory.appendingPathComponent("numbering.docx")
        let timed = try measured(["lint", "--format", "json", numbering.path])
        #expect(timed.code == 1, "\(timed.stderr)")
        #expect(timed.seconds < 20 && timed.peakKB < 200_000, "numbering bomb: \(timed.seconds) s, \(timed.peakKB) KB")
        let outline = try run(["outline", numbering.path])
        #expect(outline.stdout.contains("IIIIIIIIIIIIIIII") == false || outline.stdout.count < 2_000_000)

        for (kind, message) in [
            ("empty", "段落超过 200,000 个"), ("nested", "段落超过 200,000 个"),
            ("duplicate", "压缩包内有两个 word/document.xml"),
        ] {
            let bad = directory.appendingPathComponent("\(kind).docx")
            let stderr = try BadInputTests().lintBeside(bad, in: directory)
            #expect(stderr.contains("\(bad.path): 错误: 不是正常的 .docx 文件：\(message)"), "\(kind): \(stderr)")
            let cost = try measured(["lint", bad.path])
            #expect(cost.code == 2 && cost.peakKB < 250_000, "\(kind): \(cost.peakKB) KB")
        }
    }

    @Test func tooManyLinesIsAClearError() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = directory.appendingPathComponent("lines.txt")
        try Data(("2023年工作总结\n" + String(repeating: "a\n", count: 1_000_000)).utf8).write(to: lines)
        let stderr = try BadInputTests().lintBeside(lines, in: directory)
        #expect(stderr.contains("\(lines.path): 错误: 行数超过 200,000 行"), "\(stderr)")
        let cost = try measured(["lint", lines.path])
        #expect(cost.code == 2 && cost.peakKB < 100_000 && cost.seconds < 10, "\(cost)")
    }

    /// 400,000 `[` (or `<a`, `*a _`, `[a](`) on one line: one pass, not one scan per opener.
    @Test func markdownBracketsAreLinear() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for pattern in ["[", "<a", "*a _", "[a](", "`x"] {
            let url = directory.appendingPathComponent("b.md")
            try ("# 2023年工作总结\n" + String(repeating: pattern, count: 400_000 / pattern.count) + ")\n").write(
                to: url, atomically: true, encoding: .utf8)
            // No hang: the run ends (the quadratic reading took 26 s in a release build).
            let output = try run(["outline", url.path], seconds: 60)
            #expect(output.code == 0 && !output.timedOut, "\(pattern): \(output.stderr)")
            // Linear, not quadratic, as a ratio rather than a time limit (no speed target in a unit test, and
            // a ratio holds on a loaded machine): eight times the text takes about eight times as long, where
            // a quadratic reading would take 64 times. The best of three runs of each size.
            func readingTime(_ count: Int) -> Double {
                let text = "# 2023年工作总结\n" + String(repeating: pattern, count: count / pattern.count) + ")\n"
                return (0..<3).map { _ in
                    let started = DispatchTime.now().uptimeNanoseconds
                    _ = MarkdownReader.source(path: "b.md", text: text, encoding: .utf8, hadBOM: false)
                    return Double(DispatchTime.now().uptimeNanoseconds - started)
                }.min()!
            }
            let ratio = readingTime(200_000) / readingTime(25_000)
            #expect(ratio < 24, "\(pattern): 8× the text took \(ratio)× as long")
        }
        let source = MarkdownReader.source(
            path: "a.md", text: "[链接](http://x.cn) <b>粗</b> `代码` *强调*\n", encoding: .utf8, hadBOM: false)
        #expect(source.text == "链接 粗 代码 强调\n")
    }

    /// Every input kind, in the shapes that cost the most per byte (one-character lines, many findings,
    /// Markdown markup, a .docx of many paragraphs), stays under 30× its size plus a constant in peak
    /// memory, measured on the child process: a future amplification fails here.
    @Test func peakMemoryStaysProportionalToTheInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let constantKB = 128 * 1024
        func gb(_ text: String) -> Data { Data(TextDecoder.encodeGB18030(text) ?? []) }
        func utf16(_ text: String) -> Data { Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        let shortLines = "2023年工作总结\n" + String(repeating: "a\n", count: 190_000)
        let findings = "2023年工作总结\n" + String(repeating: "召开会议 ,研究*次...\n", count: 40_000)
        let markdown = "# 2023年工作总结\n" + String(repeating: "- **召开** [会议](http://x.cn) `*次*` <b>研究</b>\n", count: 40_000)
        var inputs: [(String, Data)] = [
            ("lines.txt", Data(shortLines.utf8)), ("findings.txt", Data(findings.utf8)), ("gb.txt", gb(findings)),
            ("utf16.txt", utf16(findings)), ("markdown.md", Data(markdown.utf8)),
        ]
        let docx = directory.appendingPathComponent("paragraphs.docx")
        try Data(DocxBuilder.report(lines: Array(repeating: "召开会议 ,研究*次。", count: 100_000), automaticNumbering: false).data())
            .write(to: docx)
        inputs.append(("paragraphs.docx", try Data(contentsOf: docx)))
        for (name, data) in inputs {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url)
            // One thread: with a large report's rules spread over two, where each thread's allocations land
            // (glibc's per-thread arenas) moved the peak of one input between 131 and 145 MB from run to run.
            let cost = try measured(["lint", "--jobs", "1", "--format", "json", url.path])
            #expect(cost.code == 1, "\(name): \(cost.stderr.prefix(300))")
            // A .docx is measured by what the reader inflates (itself capped at 64 MB), not by its zip.
            var size = data.count
            if name.hasSuffix(".docx") {
                size = Int(try Archive(url: url, accessMode: .read, pathEncoding: nil).reduce(0) { $0 + $1.uncompressedSize })
            }
            let allowed = 30 * size / 1024 + constantKB
            #expect(
                cost.peakKB > 0 && cost.peakKB < allowed,
                "\(name): \(cost.peakKB) KB for \(data.count / 1024) KB of input (allowed \(allowed) KB)")
        }
        let stdinFile = directory.appendingPathComponent("findings.txt")
        let piped = try measured(["lint", "-"], stdin: stdinFile.path)
        #expect(piped.code == 1 && piped.peakKB < 30 * 1_000 + constantKB, "stdin: \(piped.peakKB) KB")
    }
}

// MARK: Regex budget

extension SecurityTests {
    /// Fifty slow patterns in one rule: one budget for the whole file (not a second each), and the
    /// findings say which patterns spent it. The good report beside it is still checked.
    @Test func regexSearchesShareOneBudgetPerFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let patterns = (1...50).map { "'(a|aa)*c(?:x{0,\($0)})'" }.joined(separator: ", ")
        let rules = directory.appendingPathComponent("slow.yml")
        try "pack: t\nrules:\n  - {id: t/slow, kind: forbid, severity: info, message: m, patterns: [\(patterns)]}\n"
            .write(to: rules, atomically: true, encoding: .utf8)
        let report = directory.appendingPathComponent("slow.txt")
        try ("2023年工作总结\n" + String(repeating: String(repeating: "a", count: 80) + "bc\n", count: 20)).write(
            to: report, atomically: true, encoding: .utf8)
        let good = directory.appendingPathComponent("good.txt")
        try "2023年工作总结\n召开会议*次。\n".write(to: good, atomically: true, encoding: .utf8)
        let started = Date()
        let output = try run(["lint", "--format", "json", "--rules", rules.path, report.path, good.path], seconds: 120)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 20, "50 slow patterns took \(seconds) s")
        let files = try #require(try cli.json(output.stdout)["files"] as? [[String: Any]])
        let slow = try #require(files.first { $0["path"] as? String == report.path }?["findings"] as? [[String: Any]])
        let messages = slow.filter { $0["rule"] as? String == "t/slow" }.compactMap { $0["message"] as? String }
        #expect(!messages.isEmpty)
        #expect(messages.contains { $0.contains("本文件的正则查找总时限") && $0.contains("用时最多的表达式：“(a|aa)*c") }, "\(messages.first ?? "")")
        let goodFindings = try #require(files.first { $0["path"] as? String == good.path }?["findings"] as? [[String: Any]])
        #expect(goodFindings.contains { $0["rule"] as? String == "common/placeholder" })
    }
}

// MARK: Fuzz seeds

extension SecurityTests {
    /// The structured fuzz seeds (scripts/fuzz-data/make-seeds.py) go through the fuzz targets' code
    /// without a crash, in bounded time and under the fuzz runs' memory limit.
    @Test(arguments: ["document", "rules"])
    func structuredFuzzSeedsReplayCleanly(target: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/fuzz-data/make-seeds.py").path
        let made = try TestSupport.python(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            [script, directory.path])
        #expect(made.status == 0, "\(made.output)")
        let seeds = directory.appendingPathComponent(target)
        let inputs = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map {
            seeds.appendingPathComponent($0).path
        }
        #expect(inputs.count >= 2)
        let fuzz = CLITests.binary.deletingLastPathComponent().appendingPathComponent("reportlint-fuzz").path
        let peakFile = directory.appendingPathComponent("peak")
        let started = Date()
        let output = try run(["-f", "%M", "-o", peakFile.path, fuzz, target] + inputs, seconds: 300, executable: "/usr/bin/time")
        #expect(output.code == 0 && !output.timedOut, "\(output.stderr.suffix(500))")
        #expect(output.stdout.contains("replayed \(inputs.count) inputs"))
        let peak = Int(try String(contentsOf: peakFile, encoding: .utf8).split(separator: "\n").last ?? "") ?? -1
        #expect(peak > 0 && peak < 1_024 * 1_024, "peak \(peak) KB")
        #expect(Date().timeIntervalSince(started) < 240)
    }
}
