import Foundation

/// Old Word and WPS files (.doc, .wps) turned into .docx by LibreOffice, when the server has it: in a
/// temporary folder of its own (input, output and a private LibreOffice profile), removed before the
/// request ends, under a time limit. The client's file name is never used on disk.
public struct LegacyConverter: Sendable {
    public static let extensions: Set = ["doc", "wps"]
    public let executable: String
    public let timeLimit: Duration

    public init(executable: String, timeLimit: Duration = .seconds(60)) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    /// `soffice` (or `libreoffice`) on the PATH, or nil.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> LegacyConverter? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["soffice", "libreoffice"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return LegacyConverter(executable: "\(folder)/\(name)")
            }
        }
        return nil
    }

    public static let missingMessage = "旧版 Word/WPS 文件（.doc、.wps）需要服务器安装 LibreOffice 才能读取；请在 Word 或 WPS 中另存为 .docx 后上传"

    /// The .docx bytes, or the reason in Chinese.
    public func convert(_ bytes: [UInt8], extension ext: String) -> Result<[UInt8], WebError> {
        var template = Array((NSTemporaryDirectory() + "/reportlint-web-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            return .failure(WebError(status: 500, message: "无法创建临时目录，未能转换"))
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = "\(folder)/input.\(ext == "wps" ? "wps" : "doc")"
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            return .failure(WebError(status: 500, message: "无法写入临时文件，未能转换"))
        }
        let process = Process()
        let arguments = ["-env:UserInstallation=file://\(folder)/profile", "--headless", "--norestore", "--nologo",
                         "--convert-to", "docx", "--outdir", "\(folder)/out", input]
        // coreutils' timeout puts LibreOffice (a launcher and its soffice.bin) in a process group of its own
        // and stops the whole group at the limit; the loop below is the backstop.
        let seconds = max(1, Int(timeLimit.components.seconds) + (timeLimit.components.attoseconds > 0 ? 1 : 0))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["--kill-after=5", String(seconds), executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.environment = ["HOME": folder, "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            return .failure(WebError(status: 500, message: "无法启动 LibreOffice，未能转换"))
        }
        let deadline = ContinuousClock.now + timeLimit
        while process.isRunning && ContinuousClock.now < deadline { usleep(50_000) }
        if process.isRunning || process.terminationStatus == 124 || process.terminationStatus == 137 {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            return .failure(WebError(status: 422, message: "LibreOffice 转换超时，未检查；请另存为 .docx 后上传"))
        }
        guard let converted = FileManager.default.contents(atPath: "\(folder)/out/input.docx"), !converted.isEmpty else {
            return .failure(WebError(status: 422, message: "LibreOffice 无法打开这个文件（可能已损坏或加密），未检查；请另存为 .docx 后上传"))
        }
        return .success(Array(converted))
    }
}
