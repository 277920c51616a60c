import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a small file the tool depends on (a rule file, a configuration, a baseline) with a size cap
/// applied while reading, never blocking: a named pipe, /dev/zero or another device is refused with a
/// reason, so neither the command line nor the language server can be made to wait or fill memory.
public enum BoundedFile {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case notFound
        case permissionDenied
        case isDirectory
        /// A pipe, a device or a socket.
        case notRegular
        /// `size`: when the file says how large it is.
        case tooLarge(size: Int?, limit: Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .notFound: return "文件不存在"
            case .permissionDenied: return "没有读取权限"
            case .isDirectory: return "这是一个目录，不是文件"
            case .notRegular: return "不是普通文件（管道、设备或套接字），不予读取"
            case .tooLarge(let size?, let limit):
                return "文件过大（\(BoundedFile.megabytes(size)) MB，上限 \(BoundedFile.megabytes(limit)) MB）"
            case .tooLarge(nil, let limit): return "文件过大（上限 \(BoundedFile.megabytes(limit)) MB）"
            case .unreadable(let reason): return "无法读取（\(reason)）"
            }
        }
    }

    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        if path == "/dev/null" { return .success([]) } // `--config /dev/null`: nothing, on purpose
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(failure(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(failure(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.isDirectory) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        if Int(info.st_size) > limit { return .failure(.tooLarge(size: Int(info.st_size), limit: limit)) }
        switch readAll(descriptor, limit: limit) {
        case .failure(let error): return .failure(failure(error.code))
        case .success(let bytes):
            return bytes.count > limit ? .failure(.tooLarge(size: nil, limit: limit)) : .success(bytes)
        }
    }

    /// Every byte of an open file from offset 0, stopping after `limit + 1` bytes; errno on failure.
    static func readAll(_ descriptor: Int32, limit: Int) -> Swift.Result<[UInt8], SystemError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while bytes.count <= limit {
            let count = chunk.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress!, min($0.count, limit + 1 - bytes.count), offset)
            }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return .failure(SystemError(code: errno)) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            offset += off_t(count)
        }
        return .success(bytes)
    }

    struct SystemError: Error { let code: Int32 }

    /// Whole megabytes without a decimal (4 MB), others as the reader writes them (1.5 MB).
    static func megabytes(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? String(bytes / 1_048_576) : Reader.megabytes(bytes)
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR, ELOOP: return .notFound
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .isDirectory
        default: return .unreadable(String(cString: strerror(code)))
        }
    }
}
