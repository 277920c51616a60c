import Foundation

/// A file that could not be turned into report text, with the reason in Chinese for the writer.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notFound
        case isDirectory
        case permissionDenied
        case unreadable(String)
        case tooLarge(size: Int, limit: Int)
        /// A pipe, a device or standard input that went on past the limit.
        case streamTooLarge(limit: Int)
        /// A named pipe, a socket: `fix` rewrites regular files only.
        case notRegular
        /// A pipe that gave nothing for `seconds` (a named pipe nobody writes to).
        case noData(seconds: Int)
        case undecodable(DecodingFailure)
        case docx(DocxReader.Failure)
        case wrongEncoding(TextEncoding)
        case empty
        /// More lines than `Reader.maxLines`.
        case tooManyLines(limit: Int)
        /// .doc, .wps, .rtf or .odt that LibreOffice is missing for, or could not convert.
        case legacy(LegacyConverter.Failure)
    }

    public let path: String
    public let reason: Reason

    /// Public so that front ends (the web service) can say the CLI's words for a limit they enforce themselves.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

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
        case .streamTooLarge(let limit):
            return "输入超过大小上限（\(Reader.megabytes(limit)) MB），未检查；可用 --max-file-size 调高上限"
        case .notRegular:
            return "不是普通文件（管道、设备或套接字），未修改"
        case .noData(let seconds):
            return "\(seconds) 秒内没有读到数据（可能是没有写入方的命名管道），未检查"
        case .undecodable(.binary(let offset)):
            return "不是文本文件（第 \(offset + 1) 字节是 NUL），可能是图片、Word 或压缩包"
        case .undecodable(.invalidAfterBOM):
            return "文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8"
        case .undecodable(.invalidUTF16):
            return "文件以 UTF-16 BOM 开头，但内容不是有效的 UTF-16（字节数为奇数，或有不成对的代理项）"
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
        case .docx(.duplicateEntry(let name)):
            return "不是正常的 .docx 文件：压缩包内有两个 \(name)，无法确定 Word 显示的是哪一个，未检查"
        case .docx(.tooManyParagraphs(let limit)):
            return "不是正常的 .docx 文件：段落超过 \(Reader.grouped(limit)) 个（报告不会这么多，可能是恶意构造的文件），未检查"
        case .tooManyLines(let limit):
            return "行数超过 \(Reader.grouped(limit)) 行（报告不会这么多），未检查"
        case .docx(.malformedXML(let detail)):
            return "不是有效的 .docx 文件：word/document.xml 格式错误（\(detail)）"
        case .legacy(let failure):
            return failure.message
        }
    }

    public var description: String { "\(path): \(message)" }
}

/// Reads report files and standard input into `Source`s. It never throws anything but `ReadError`,
/// so one bad file becomes one clear message while the other files are still checked.
public struct Reader: Sendable {
    public static let defaultMaxFileSize = 32 * 1024 * 1024
    public static let stdinPath = "<stdin>"
    /// Lines (paragraphs of a .docx) a report may have. Each line costs the structure a few hundred
    /// bytes, so 32 MB of one-character lines would take gigabytes; real reports have hundreds.
    public static let maxLines = 200_000

    public var maxFileSize: Int
    /// `--encoding`: decode text files with this encoding instead of detecting it.
    public var encoding: TextEncoding?

    public init(maxFileSize: Int = Reader.defaultMaxFileSize, encoding: TextEncoding? = nil) {
        self.maxFileSize = maxFileSize
        self.encoding = encoding
    }

    /// How long a pipe or device may stay silent before it is given up (a named pipe nobody writes to
    /// would otherwise block forever).
    public static let pipeSilence = 5

    /// One open, one fstat and reads straight into the byte array (no FileManager round trips, no
    /// Data copy): with thousands of small reports the system calls are a good part of the time.
    /// Opened without blocking, so a named pipe with no writer does not hang the run; a pipe or a device
    /// is read as a stream, at most `maxFileSize` bytes, and given up after `pipeSilence` seconds without data.
    public func read(path: String) -> Result<Source, ReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadError(path: path, reason: Reader.reason(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadError(path: path, reason: Reader.reason(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(ReadError(path: path, reason: .isDirectory)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return readStream(descriptor, path: path, silence: Reader.pipeSilence).flatMap { decode($0, path: path) }
        }
        if Int(info.st_size) > maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: Int(info.st_size), limit: maxFileSize)))
        }
        // Read one byte past the size (or the limit) so a file that grew is seen; a file that grew is
        // read again up to the limit.
        var capacity = min(Int(info.st_size), maxFileSize) + 1
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
            if failure != 0 { return .failure(ReadError(path: path, reason: Reader.reason(failure))) }
            if bytes.count < capacity || capacity > maxFileSize { break }
            capacity = maxFileSize + 1
        }
        if bytes.count > maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: bytes.count, limit: maxFileSize)))
        }
        return decode(bytes, path: path)
    }

    static func reason(_ code: Int32) -> ReadError.Reason {
        switch code {
        case ENOENT, ENOTDIR, ELOOP: return .notFound
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .isDirectory
        default: return .unreadable(String(cString: strerror(code)))
        }
    }

    /// Standard input, under the same size limit as files (`--max-file-size`); a device like /dev/zero
    /// stops at its first NUL and is called binary. It is read as a file called `name` would be
    /// (`--stdin-filename`: its extension picks text, Markdown or Word, and findings name it); `<stdin>`
    /// and plain text without a name.
    public func readStandardInput(named name: String? = nil) -> Result<Source, ReadError> {
        let path = name ?? Reader.stdinPath
        var info = stat()
        if fstat(STDIN_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: Int(info.st_size), limit: maxFileSize)))
        }
        return readStream(STDIN_FILENO, path: path, silence: nil).flatMap { decode($0, path: path) }
    }

    /// Reads a pipe, a device or standard input to its end, at most `maxFileSize` bytes. Text (not a
    /// .docx, not UTF-16) stops at the first NUL: the input is binary, and reading on (/dev/zero) would
    /// only fill memory. `silence`: seconds without data after which the stream is given up.
    func readStream(_ descriptor: Int32, path: String, silence: Int?) -> Result<[UInt8], ReadError> {
        let mayHoldNUL =
            (path as NSString).pathExtension.lowercased() == "docx" || LegacyConverter.isLegacy(path)
            || encoding == .utf16LittleEndian || encoding == .utf16BigEndian
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maxFileSize {
            if let silence {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(silence * 1000))
                if ready < 0, errno == EINTR { continue }
                if ready == 0 { return .failure(ReadError(path: path, reason: .noData(seconds: silence))) }
            }
            let count = chunk.withUnsafeMutableBytes {
                Foundation.read(descriptor, $0.baseAddress!, min($0.count, maxFileSize + 1 - bytes.count))
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN { // a non-blocking standard input: wait for it
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, Int32((silence ?? 3600) * 1000))
                continue
            }
            if count < 0 { return .failure(ReadError(path: path, reason: Reader.reason(errno))) }
            if count == 0 { break }
            let start = bytes.count
            bytes.append(contentsOf: chunk[..<count])
            if !mayHoldNUL, chunk[..<count].contains(0) {
                let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
                if !utf16 { return .success(Array(bytes[..<(start + chunk[..<count].firstIndex(of: 0)! + 1)])) }
            }
        }
        if bytes.count > maxFileSize { return .failure(ReadError(path: path, reason: .streamTooLarge(limit: maxFileSize))) }
        return .success(bytes)
    }

    /// Bytes to a report, by the file's extension: .docx through `DocxReader`, .md/.markdown through
    /// `MarkdownReader`, anything else as plain text.
    public func decode(_ bytes: [UInt8], path: String) -> Result<Source, ReadError> {
        decodeAnyFormat(bytes, path: path).flatMap(Reader.refusingBlank)
    }

    /// The one policy for blank files (empty, or only whitespace): an error naming the file, never a lint
    /// without findings, so a gate does not pass a report that lost its text.
    public static func refusingBlank(_ source: Source) -> Result<Source, ReadError> {
        source.isBlank ? .failure(ReadError(path: source.path, reason: .empty)) : .success(source)
    }

    private func decodeAnyFormat(_ bytes: [UInt8], path: String) -> Result<Source, ReadError> {
        if bytes.count > maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: bytes.count, limit: maxFileSize)))
        }
        let pathExtension = (path as NSString).pathExtension.lowercased()
        if pathExtension == "docx" {
            return DocxReader.read(bytes, path: path).mapError { ReadError(path: path, reason: .docx($0)) }
        }
        if LegacyConverter.extensions.contains(pathExtension) {
            // Converted by LibreOffice, then read as the .docx it makes.
            return LegacyConverter.convert(bytes, format: pathExtension).mapError { ReadError(path: path, reason: .legacy($0)) }
                .flatMap { docx in DocxReader.read(docx, path: path).mapError { ReadError(path: path, reason: .docx($0)) } }
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
        // A text of n bytes has at most n + 1 lines: only a long one needs counting.
        if decoded.utf8.count >= Reader.maxLines, Reader.lineCount(decoded.utf8, atMost: Reader.maxLines) > Reader.maxLines {
            return .failure(ReadError(path: path, reason: .tooManyLines(limit: Reader.maxLines)))
        }
        if MarkdownReader.extensions.contains(pathExtension) {
            return .success(
                MarkdownReader.source(path: path, text: decoded.text, encoding: decoded.encoding, hadBOM: decoded.hadBOM))
        }
        return .success(Source(path: path, utf8: decoded.utf8, encoding: decoded.encoding, hadBOM: decoded.hadBOM))
    }

    /// Lines ended by LF, CR or CRLF (plus a last line without one), counting stops past `limit`.
    static func lineCount(_ bytes: [UInt8], atMost limit: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 1
            var index = 0
            while index < buffer.count, count <= limit {
                let byte = buffer[index]
                if byte == 0x0A || (byte == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) { count += 1 }
                index += 1
            }
            return count
        }
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value >= 10 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
