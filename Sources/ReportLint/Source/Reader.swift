import Foundation

/// A file that could not be turned into report text, with the reason in Chinese for the writer.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notFound
        case isDirectory
        case permissionDenied
        case unreadable(String)
        case tooLarge(size: Int, limit: Int)
        case undecodable(DecodingFailure)
        case docx(DocxReader.Failure)
        case wrongEncoding(TextEncoding)
        case empty
    }

    public let path: String
    public let reason: Reason

    public var message: String {
        switch reason {
        case .notFound:
            return "文件不存在"
        case .isDirectory:
            return "这是一个目录，不是文件"
        case .permissionDenied:
            return "没有读取权限"
        case .unreadable(let detail):
            return "无法读取（\(detail)）"
        case .tooLarge(let size, let limit):
            return "文件过大（\(Reader.megabytes(size)) MB，上限 \(Reader.megabytes(limit)) MB），未检查；可用 --max-file-size 调高上限"
        case .undecodable(.binary(let offset)):
            return "不是文本文件（第 \(offset + 1) 字节是 NUL），可能是图片、Word 或压缩包"
        case .undecodable(.invalidAfterBOM):
            return "文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8"
        case .undecodable(.invalidUTF16):
            return "文件以 UTF-16 BOM 开头，但内容不是有效的 UTF-16"
        case .undecodable(.unknownEncoding):
            return "编码无法识别：既不是 UTF-8 也不是 GB18030，请另存为 UTF-8"
        case .empty:
            return "文件为空（或只有空白），没有可检查的内容"
        case .wrongEncoding(let encoding):
            return "按 --encoding \(encoding.rawValue) 无法解码"
        case .docx(.notZip):
            return "不是有效的 .docx 文件（不是 zip 压缩包），可能已损坏或加密"
        case .docx(.tooManyEntries(let count)):
            return "不是正常的 .docx 文件：压缩包内文件超过 \(DocxReader.maxEntries) 个（已数到 \(count) 个），未检查"
        case .docx(.tooLarge):
            return "不是正常的 .docx 文件：解压后超过 \(DocxReader.maxUncompressedBytes / 1_048_576) MB（可能是 zip 炸弹），未检查"
        case .docx(.missingDocument):
            return "不是有效的 .docx 文件：缺少 word/document.xml（可能已加密，或不是 Word 文档）"
        case .docx(.doctype):
            return "不是正常的 .docx 文件：XML 中有 DOCTYPE 或实体声明，出于安全考虑不予解析"
        case .docx(.corrupt):
            return "不是有效的 .docx 文件：压缩包内容已损坏（校验和不符）"
        case .docx(.malformedXML(let detail)):
            return "不是有效的 .docx 文件：word/document.xml 格式错误（\(detail)）"
        }
    }

    public var description: String { "\(path): \(message)" }
}

/// Reads report files and standard input into `Source`s. It never throws anything but `ReadError`,
/// so one bad file becomes one clear message while the other files are still checked.
public struct Reader: Sendable {
    public static let defaultMaxFileSize = 32 * 1024 * 1024
    public static let stdinPath = "<stdin>"

    public var maxFileSize: Int
    /// `--encoding`: decode text files with this encoding instead of detecting it.
    public var encoding: TextEncoding?

    public init(maxFileSize: Int = Reader.defaultMaxFileSize, encoding: TextEncoding? = nil) {
        self.maxFileSize = maxFileSize
        self.encoding = encoding
    }

    /// One open, one fstat and reads straight into the byte array (no FileManager round trips, no
    /// Data copy): with thousands of small reports the system calls are a good part of the time.
    public func read(path: String) -> Result<Source, ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(ReadError(path: path, reason: Reader.reason(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadError(path: path, reason: Reader.reason(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(ReadError(path: path, reason: .isDirectory)) }
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        if isRegular, Int(info.st_size) > maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: Int(info.st_size), limit: maxFileSize)))
        }
        // Read one byte past the size (or the limit) so a file that grew, or a device, is seen; a file
        // that grew is read again up to the limit.
        var capacity = (isRegular ? min(Int(info.st_size), maxFileSize) : maxFileSize) + 1
        var bytes: [UInt8]
        while true {
            var failure: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                var total = 0
                while total < buffer.count {
                    let count = pread(descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(total))
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { failure = errno }
                    if count <= 0 { break }
                    total += count
                }
                initialized = total
            }
            if failure == ESPIPE { // a pipe or terminal: no offsets, read it as a stream
                bytes = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readData(ofLength: maxFileSize + 1).map { $0 }
            } else if failure != 0 {
                return .failure(ReadError(path: path, reason: Reader.reason(failure)))
            }
            if bytes.count < capacity || capacity > maxFileSize { break }
            capacity = maxFileSize + 1
        }
        if bytes.count > maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: bytes.count, limit: maxFileSize)))
        }
        return decode(bytes, path: path)
    }

    private static func reason(_ code: Int32) -> ReadError.Reason {
        switch code {
        case ENOENT, ENOTDIR, ELOOP: return .notFound
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .isDirectory
        default: return .unreadable(String(cString: strerror(code)))
        }
    }

    /// Standard input, read as a file called `name` would be (`--stdin-filename`: its extension picks text,
    /// Markdown or Word, and findings name it); `<stdin>` and plain text without a name.
    public func readStandardInput(named name: String? = nil) -> Result<Source, ReadError> {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return decode(Array(data), path: name ?? Reader.stdinPath)
    }

    /// Bytes to a report, by the file's extension: .docx through `DocxReader`, .md/.markdown through
    /// `MarkdownReader`, anything else as plain text.
    public func decode(_ bytes: [UInt8], path: String) -> Result<Source, ReadError> {
        decodeAnyFormat(bytes, path: path).flatMap { source in
            source.isBlank ? .failure(ReadError(path: path, reason: .empty)) : .success(source)
        }
    }

    private func decodeAnyFormat(_ bytes: [UInt8], path: String) -> Result<Source, ReadError> {
        if bytes.count > maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: bytes.count, limit: maxFileSize)))
        }
        let pathExtension = (path as NSString).pathExtension.lowercased()
        if pathExtension == "docx" {
            return DocxReader.read(bytes, path: path).mapError { ReadError(path: path, reason: .docx($0)) }
        }
        let decoded: TextDecoder.Decoded
        if let encoding {
            guard let forced = TextDecoder.decode(bytes, as: encoding) else {
                return .failure(ReadError(path: path, reason: .wrongEncoding(encoding)))
            }
            decoded = forced
        } else {
            switch TextDecoder.decode(bytes) {
            case .success(let detected): decoded = detected
            case .failure(let failure): return .failure(ReadError(path: path, reason: .undecodable(failure)))
            }
        }
        if MarkdownReader.extensions.contains(pathExtension) {
            return .success(MarkdownReader.source(path: path, text: decoded.text, encoding: decoded.encoding, hadBOM: decoded.hadBOM))
        }
        return .success(Source(path: path, utf8: decoded.utf8, encoding: decoded.encoding, hadBOM: decoded.hadBOM))
    }

    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
