import Foundation

/// Older formats offices still pass around (.doc, WPS's .wps, .rtf, OpenDocument .odt) turned into
/// .docx by LibreOffice, so they are read and annotated like any Word file. Each conversion runs
/// `soffice --headless --convert-to docx` in a private temporary folder with its own user profile (so it
/// never touches, or waits for, a LibreOffice the user has open, and conversions can run side by side),
/// under a time limit (a password-protected file would otherwise wait for its password forever), and
/// the folder is removed afterwards. Without LibreOffice the answer is one clear error.
public enum LegacyConverter {
    public static let extensions: Set<String> = ["doc", "wps", "rtf", "odt"]
    /// Seconds a conversion may take (LibreOffice starts in a few seconds; a report converts in one).
    public static let timeLimit = 120
    /// `REPORTLINT_SOFFICE`: the soffice to run instead of the one on PATH; a path that does not exist
    /// stands for "not installed" (the tests use that).
    public static let environmentKey = "REPORTLINT_SOFFICE"

    public enum Failure: Error, Equatable, Sendable {
        case notInstalled(String)
        case failed(String, detail: String)
        case timedOut(String, seconds: Int)

        public var message: String {
            switch self {
            case .notInstalled(let format):
                return
                    "无法读取 .\(format) 文件：没有找到 LibreOffice。请在 Word 或 WPS 中另存为 .docx，或安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer）后重试"
            case .failed(let format, let detail):
                return "LibreOffice 无法把这个 .\(format) 文件转换为 .docx（可能已损坏或设有密码）" + (detail.isEmpty ? "" : "：\(detail)")
                    + "；请在 Word 或 WPS 中另存为 .docx"
            case .timedOut(let format, let seconds):
                return "LibreOffice 转换这个 .\(format) 文件超过 \(seconds) 秒未完成（可能设有密码），已停止；请在 Word 或 WPS 中另存为 .docx"
            }
        }
    }

    /// The soffice program to run, or nil when LibreOffice is not installed.
    public static func soffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment[environmentKey] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders =
            (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/libreoffice/program", "/usr/lib/libreoffice/program"]
        for folder in folders {
            for name in ["soffice", "libreoffice"] {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    public static func isLegacy(_ path: String) -> Bool {
        extensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// The .docx LibreOffice makes of `bytes` (a file of format `format`, its extension).
    public static func convert(_ bytes: [UInt8], format: String, timeLimit: Int = LegacyConverter.timeLimit) -> Result<
        [UInt8], Failure
    > {
        let format = format.lowercased()
        guard let soffice = soffice() else { return .failure(.notInstalled(format)) }
        var template = Array((NSTemporaryDirectory() + "/reportlint-convert-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            return .failure(.failed(format, detail: "无法创建临时目录"))
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/report.\(format)"
        let output = folder + "/out"
        let log = folder + "/soffice.log"
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes)),
            FileManager.default.createFile(atPath: log, contents: nil),
            let logHandle = FileHandle(forWritingAtPath: log)
        else {
            return .failure(.failed(format, detail: "无法写入临时文件"))
        }
        defer { try? logHandle.close() }
        let arguments = [
            "-env:UserInstallation=file://" + folder + "/profile", "--headless", "--invisible", "--nologo",
            "--norestore", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", output, input,
        ]
        let process = Process()
        // coreutils `timeout` kills soffice and the office process it starts (its whole process group).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/timeout") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["-k", "5", String(timeLimit), soffice] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = logHandle
        process.standardError = logHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { return .failure(.failed(format, detail: "\(error.localizedDescription)")) }
        if finished.wait(timeout: .now() + .seconds(timeLimit + 10)) == .timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            return .failure(.timedOut(format, seconds: timeLimit))
        }
        if process.terminationStatus == 124 || process.terminationStatus == 137 {
            return .failure(.timedOut(format, seconds: timeLimit))
        }
        guard let converted = FileManager.default.contents(atPath: output + "/report.docx"), !converted.isEmpty else {
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let detail =
                said.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.lowercased().contains("error") } ?? ""
            return .failure(.failed(format, detail: String(detail.prefix(200))))
        }
        return .success(Array(converted))
    }
}
