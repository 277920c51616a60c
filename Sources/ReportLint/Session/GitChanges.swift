import Foundation

/// Report files changed since a git ref (committed, staged, in the working tree, or new and untracked),
/// as absolute paths, for linting only what a pull request touches.
public enum GitChanges {
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "错误: --changed-since：\(message)" }
    }

    public static func files(since ref: String, in directory: String = ".") -> Result<Set<String>, Failure> {
        // A ref is never an option: `--changed-since=--output=FILE` would have git write FILE.
        if ref.hasPrefix("-") { return .failure(Failure(message: "“\(ref)”不是 git 提交或分支名（不能以 - 开头）")) }
        if ref.isEmpty { return .failure(Failure(message: "请给出 git 提交或分支名")) }
        switch git(["rev-parse", "--show-toplevel"], in: directory) {
        case .failure(let failure): return .failure(failure)
        case .success(let top):
            let root = top.trimmingCharacters(in: .whitespacesAndNewlines)
            var changed = Set<String>()
            for arguments in [
                ["diff", "--name-only", "-z", "--diff-filter=ACMR", "--end-of-options", ref, "--"],
                ["ls-files", "--others", "--exclude-standard", "-z"],
            ] {
                switch git(arguments, in: root) {
                case .failure(let failure): return .failure(failure)
                case .success(let output):
                    for name in output.split(separator: "\0") where !name.isEmpty {
                        changed.insert(URL(fileURLWithPath: root).appendingPathComponent(String(name)).standardizedFileURL.path)
                    }
                }
            }
            return .success(changed)
        }
    }

    private static func git(_ arguments: [String], in directory: String) -> Result<String, Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "core.quotepath=off"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(Failure(message: "无法运行 git（\(error.localizedDescription)）"))
        }
        // Both pipes are drained at once: git may write more than a pipe holds (64 KB) to stderr
        // (line-ending warnings, one per file) while stdout is still open, and would wait forever.
        let errorData = ThreadHandOver()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errorText = String(decoding: errorData.get(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(
                Failure(message: "git \(arguments.first ?? "") 失败：\(errorText.trimmingCharacters(in: .whitespacesAndNewlines))"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }
}

/// Data handed from the thread that read it.
private final class ThreadHandOver: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }
    func get() -> Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
