import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a fixed report back the way it came: same encoding (GB18030 stays GB18030, UTF-16 stays
/// UTF-16), BOM kept, line endings untouched (fixes never touch them), permissions kept. The new
/// content goes to a temporary file in the same folder, then one atomic rename replaces the original,
/// so a crash or a kill at any moment leaves either the old file or the new one, whole.
///
/// What it guards against (issue 23):
/// - the temporary file gets an unpredictable name and is created with O_CREAT|O_EXCL (mkstemp), so a
///   link planted in the folder is never followed or written through;
/// - a symbolic link is kept: its target is fixed, with the target's mode (and owner and group when
///   running as root); a file with other hard links is said to lose them;
/// - the file is read once into a `Snapshot`; just before the rename it is checked to be the same file
///   (device, inode, size, modification time) with the same bytes, so an edit made while `fix` ran is
///   never overwritten;
/// - the original text, encoded again, must give the file's bytes back exactly (GB18030 has characters
///   iconv writes back in another form), or nothing is written.
public enum FixWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(TerminalText.escape(path)): 错误: \(message)" }
    }

    /// A report as `fix` read it: where it really is, what it was, and the bytes read.
    public struct Snapshot: Sendable {
        /// The path as given (a symbolic link stays one).
        public let path: String
        /// The file that is rewritten: `path` with symbolic links resolved.
        public let target: String
        public let bytes: [UInt8]
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modified: (seconds: Int, nanoseconds: Int)
        let mode: mode_t
        let owner: uid_t
        let group: gid_t
        /// Hard links to the target (more than one: the others keep the old content after the rename).
        public let links: Int
        /// `path` is a symbolic link (the link stays; its target is rewritten).
        public let isSymbolicLink: Bool
    }

    /// Reads a report for fixing: the symbolic link resolved, a regular file only (a pipe or a device
    /// is refused without blocking), at most `reader.maxFileSize` bytes, decoded like `lint` would.
    public static func read(path: String, reader: Reader = Reader()) -> Swift.Result<(Source, Snapshot), ReadError> {
        guard let resolved = realpath(path, nil) else {
            return .failure(ReadError(path: path, reason: Reader.reason(errno)))
        }
        let target = String(cString: resolved)
        free(resolved)
        var linkInfo = stat()
        let isLink = lstat(path, &linkInfo) == 0 && linkInfo.st_mode & S_IFMT == S_IFLNK
        let descriptor = open(target, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadError(path: path, reason: Reader.reason(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(ReadError(path: path, reason: Reader.reason(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(ReadError(path: path, reason: .isDirectory)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(ReadError(path: path, reason: .notRegular)) }
        if Int(info.st_size) > reader.maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: Int(info.st_size), limit: reader.maxFileSize)))
        }
        let bytes: [UInt8]
        switch BoundedFile.readAll(descriptor, limit: reader.maxFileSize) {
        case .failure(let error): return .failure(ReadError(path: path, reason: Reader.reason(error.code)))
        case .success(let read): bytes = read
        }
        if bytes.count > reader.maxFileSize {
            return .failure(ReadError(path: path, reason: .tooLarge(size: bytes.count, limit: reader.maxFileSize)))
        }
        let snapshot = Snapshot(
            path: path, target: target, bytes: bytes, device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            size: Int64(info.st_size), modified: modificationTime(info), mode: info.st_mode,
            owner: info.st_uid, group: info.st_gid, links: Int(info.st_nlink), isSymbolicLink: isLink)
        return reader.decode(bytes, path: path).map { ($0, snapshot) }
    }

    /// The bytes of `text` in the source's encoding, with its BOM if it had one.
    public static func encode(_ text: String, like source: Source) -> [UInt8]? {
        switch source.encoding {
        case .utf8:
            return (source.hadBOM ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        case .gb18030:
            return TextDecoder.encodeGB18030(text)
        case .utf16LittleEndian:
            return (source.hadBOM ? [0xFF, 0xFE] : []) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BigEndian:
            return (source.hadBOM ? [0xFE, 0xFF] : []) + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
    }

    /// Writes `text` over the file read as `snapshot`, or says why not. The strings returned are notes
    /// for the user (a hard link broken). `beforeRename` runs after the temporary file is complete;
    /// tests use it to fail, or to change the original, at that moment.
    public static func write(
        _ text: String, like source: Source, snapshot: Snapshot,
        beforeRename: () throws -> Void = {}
    ) -> Swift.Result<[String], Failure> {
        let path = snapshot.path
        guard let bytes = encode(text, like: source) else {
            return .failure(Failure(path: path, message: "无法用 \(source.encoding.rawValue) 编码修正后的内容，未写入"))
        }
        // The untouched text must come back as the very bytes it was read from.
        if let original = encode(source.originalText ?? source.text, like: source), original != snapshot.bytes {
            let line = firstDifferentLine(original, snapshot.bytes)
            return .failure(
                Failure(path: path, message: "第 \(line) 行有字符按 \(source.encoding.rawValue) 重新编码后与原文件的字节不同（无法原样写回），为免改动原文，未写入"))
        }
        let target = snapshot.target
        let temporary: String
        switch writeTemporary(bytes, nextTo: target, mode: snapshot.mode, owner: (snapshot.owner, snapshot.group)) {
        case .success(let written): temporary = written
        case .failure(let failure): return .failure(Failure(path: path, message: failure.message + "，原文件未改动"))
        }
        func fail(_ message: String) -> Swift.Result<[String], Failure> {
            unlink(temporary)
            return .failure(Failure(path: path, message: message))
        }
        do { try beforeRename() } catch { return fail("写入失败：\(error)，原文件未改动") }
        if let changed = changedSinceRead(snapshot) {
            return fail("文件在修正期间被修改（\(changed)），为免丢失这些修改，未写入；请重新运行 fix")
        }
        guard rename(temporary, target) == 0 else {
            return fail("替换原文件失败（\(String(cString: strerror(errno)))），原文件未改动")
        }
        var notes: [String] = []
        if snapshot.links > 1 {
            notes.append("该文件另有 \(snapshot.links - 1) 个硬链接，修正后写入的是新文件，其他硬链接仍是修正前的内容")
        }
        return .success(notes)
    }

    /// Writes `bytes` to a new temporary file beside `target` and returns its path, or says why not.
    /// mkstemp: an unpredictable name, created with O_CREAT|O_EXCL and mode 0600, so a planted link
    /// (even a dangling one) makes it fail instead of being followed. Then mode (and, as root, owner).
    static func writeTemporary(
        _ bytes: [UInt8], nextTo target: String, mode: mode_t,
        owner: (uid_t, gid_t)?
    ) -> Swift.Result<String, TemporaryFailure> {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).reportlint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            return .failure(
                TemporaryFailure("无法在 \(directory.isEmpty ? "." : directory) 中创建临时文件（\(String(cString: strerror(errno)))）"))
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        func fail(_ message: String) -> Swift.Result<String, TemporaryFailure> {
            close(descriptor)
            unlink(temporary)
            return .failure(TemporaryFailure(message))
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return fail("写入临时文件失败（\(String(cString: strerror(errno)))）") }
            offset += written
        }
        if let owner, geteuid() == 0, fchown(descriptor, owner.0, owner.1) != 0 {
            return fail("无法保留原文件的所有者（\(String(cString: strerror(errno)))）")
        }
        if fchmod(descriptor, mode & 0o7777) != 0 {
            return fail("无法保留原文件的权限（\(String(cString: strerror(errno)))）")
        }
        if fsync(descriptor) != 0 { return fail("写入临时文件失败（\(String(cString: strerror(errno)))）") }
        close(descriptor)
        return .success(temporary)
    }

    struct TemporaryFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Reads the file again and says what changed since `snapshot` was taken, or nil when nothing did.
    static func changedSinceRead(_ snapshot: Snapshot) -> String? {
        let descriptor = open(snapshot.target, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return "已被删除或替换" }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            UInt64(info.st_dev) == snapshot.device, UInt64(info.st_ino) == snapshot.inode
        else { return "已被替换为另一个文件" }
        if Int64(info.st_size) != snapshot.size { return "大小由 \(snapshot.size) 字节变为 \(info.st_size) 字节" }
        if modificationTime(info) != snapshot.modified { return "修改时间变了" }
        guard case .success(let now) = BoundedFile.readAll(descriptor, limit: Int(snapshot.size) + 1), now == snapshot.bytes
        else {
            return "内容变了"
        }
        return nil
    }

    private static func modificationTime(_ info: stat) -> (seconds: Int, nanoseconds: Int) {
        #if os(Linux)
            return (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #else
            return (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #endif
    }

    private static func firstDifferentLine(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var line = 1
        for index in 0..<min(a.count, b.count) {
            if a[index] != b[index] { return line }
            if a[index] == 0x0A { line += 1 }
        }
        return line
    }

    /// Writes over `path` as it is now (the file is read again for the snapshot): for callers that read
    /// the report some other way. `fix` reads through `read(path:reader:)` so an edit in between is seen.
    public static func write(
        _ text: String, like source: Source, to path: String,
        beforeRename: () throws -> Void = {}
    ) -> Swift.Result<Void, Failure> {
        switch read(path: path, reader: Reader(maxFileSize: Int.max / 2)) {
        case .failure(let error):
            return .failure(Failure(path: path, message: error.message))
        case .success(let (_, snapshot)):
            return write(text, like: source, snapshot: snapshot, beforeRename: beforeRename).map { _ in () }
        }
    }
}
