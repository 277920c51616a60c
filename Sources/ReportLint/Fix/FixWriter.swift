import Foundation

/// Writes a fixed report back the way it came: same encoding (GB18030 stays GB18030, UTF-16 stays
/// UTF-16), BOM kept, line endings untouched (fixes never touch them), permissions kept. The new
/// content goes to a temporary file in the same folder, then one atomic rename replaces the original,
/// so a crash or a kill at any moment leaves either the old file or the new one, whole.
public enum FixWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): 错误: \(message)" }
    }

    /// The bytes of `text` in the source's encoding, with its BOM if it had one.
    public static func encode(_ text: String, like source: Source) -> [UInt8]? {
        switch source.encoding {
        case .utf8:
            return (source.hadBOM ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        case .gb18030:
            return TextDecoder.encodeGB18030(text)
        case .utf16LittleEndian:
            return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BigEndian:
            return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
    }

    /// `beforeRename` runs after the temporary file is complete; tests use it to fail at that moment.
    public static func write(_ text: String, like source: Source, to path: String,
                             beforeRename: () throws -> Void = {}) -> Swift.Result<Void, Failure> {
        guard let bytes = encode(text, like: source) else {
            return .failure(Failure(path: path, message: "无法用 \(source.encoding.rawValue) 编码修正后的内容，未写入"))
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).reportlint-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            try Data(bytes).write(to: temporary, options: [])
            if let permissions = attributes[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            try beforeRename()
            guard rename(temporary.path, path) == 0 else {
                throw Failure(path: path, message: "替换原文件失败（\(String(cString: strerror(errno)))）")
            }
            return .success(())
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let failure = error as? Failure { return .failure(failure) }
            return .failure(Failure(path: path, message: "写入失败：\(error.localizedDescription)"))
        }
    }
}
