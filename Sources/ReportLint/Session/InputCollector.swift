import Foundation

/// Expands the paths given on the command line: files as given (whatever their name), directories walked recursively
/// for files matching `include` and not `exclude` (patterns relative to the directory; by default .txt, .md, .docx and
/// the formats LibreOffice converts: .doc, .wps, .rtf, .odt), hidden entries and `.git` skipped, Word's lock files
/// (`~$报告.docx`) skipped, symbolic links to directories followed unless they lead back into a folder being walked (a
/// loop, reported), results sorted; `-` is standard input.
public struct InputCollector {
    /// What a directory walk picks up unless `--include` says otherwise.
    public static let defaultInclude =
        [Glob("*.txt"), Glob("*.md"), Glob("*.markdown"), Glob("*.docx")]
        + LegacyConverter.extensions.sorted().map { Glob("*.\($0)") }

    public var include: [Glob]
    public var exclude: [Glob] = []
    /// `--follow-symlinks`: also follow symbolic links whose target is outside the folder being walked.
    /// Without it they are skipped and said: a link in a repository must not make the run read (and the
    /// HTML report print) a file elsewhere on the machine.
    public var followSymlinks = false

    public init(include: [Glob] = InputCollector.defaultInclude, exclude: [Glob] = [], followSymlinks: Bool = false) {
        self.include = include
        self.exclude = exclude
        self.followSymlinks = followSymlinks
    }

    public struct Collected: Sendable {
        public var paths: [String] = []
        /// Remarks for stderr: a directory with no report, a symbolic link loop.
        public var warnings: [String] = []
    }

    public func collect(_ arguments: [String]) -> Collected {
        var collected = Collected()
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue
            {
                var found: [String] = []
                let root = realPath(argument)
                walk(argument, relative: "", root: root, ancestors: [root], into: &found, warnings: &collected.warnings)
                if found.isEmpty { collected.warnings.append("\(TerminalText.escape(argument)): 目录中没有要检查的报告文件") }
                collected.paths += found.sorted()
            } else if argument != "-", !FileManager.default.fileExists(atPath: argument), InputCollector.isGlob(argument) {
                // A pattern the shell did not expand (quoted, or from a CI variable): expanded here.
                let found = expand(argument, warnings: &collected.warnings)
                if found.isEmpty {
                    collected.warnings.append("\(argument): 通配符没有匹配到要检查的报告文件")
                    collected.paths.append(argument) // reported as missing when read, so the run fails
                }
                collected.paths += found
            } else {
                collected.paths.append(argument) // files, `-`, and missing paths (reported when read)
            }
        }
        return collected
    }

    static func isGlob(_ argument: String) -> Bool {
        argument.contains { $0 == "*" || $0 == "?" }
    }

    /// Files matching a pattern such as `reports/*.txt` or `reports/**/*.md` (`*` within a folder name,
    /// `**` across folders, `?` one character), among the report files (`include`, `exclude`), sorted.
    func expand(_ pattern: String, warnings: inout [String]) -> [String] {
        let components = pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let fixed = components.prefix { !InputCollector.isGlob($0) }
        let rest = components.dropFirst(fixed.count).joined(separator: "/")
        var base = fixed.joined(separator: "/")
        if base.isEmpty { base = pattern.hasPrefix("/") ? "/" : "." }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        // `Glob` matches a pattern without `/` against the file name anywhere; here it is one folder deep.
        let glob = Glob(rest)
        var found: [String] = []
        let root = realPath(base)
        walk(base, relative: "", root: root, ancestors: [root], into: &found, warnings: &warnings) { relative in
            (rest.contains("/") || !relative.contains("/")) && glob.matches(relative)
        }
        return found.map { fixed.isEmpty && !pattern.hasPrefix("/") ? String($0.dropFirst(2)) : $0 }.sorted()
    }

    private func walk(
        _ directory: String, relative: String, root: String, ancestors: Set<String>, into found: inout [String],
        warnings: inout [String], matching: (String) -> Bool = { _ in true }
    ) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in entries.sorted() where !name.hasPrefix(".") && !name.hasPrefix("~$") {
            let path = (directory as NSString).appendingPathComponent(name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK, !followSymlinks {
                let target = realPath(path)
                if target != root && !target.hasPrefix(root == "/" ? "/" : root + "/") {
                    if isDirectory.boolValue || include.contains(where: { $0.matches(relativePath) }) {
                        warnings.append(
                            "\(TerminalText.escape(path)): 符号链接指向所检查目录之外（\(TerminalText.escape(target))），未检查；需要时加 --follow-symlinks"
                        )
                    }
                    continue
                }
            }
            if isDirectory.boolValue {
                let real = realPath(path)
                if ancestors.contains(real) {
                    warnings.append("\(TerminalText.escape(path)): 符号链接指回上级目录，形成循环，未再进入")
                    continue
                }
                walk(
                    path, relative: relativePath, root: root, ancestors: ancestors.union([real]), into: &found,
                    warnings: &warnings, matching: matching)
            } else if include.contains(where: { $0.matches(relativePath) })
                && !exclude.contains(where: { $0.matches(relativePath) })
                && matching(relativePath)
            {
                // A named pipe or a device found in a folder would block or never end: said, not opened.
                // (Given by name, one is read: that is how `reportlint lint <(command)` works.)
                var info = stat()
                if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                    warnings.append("\(TerminalText.escape(path)): 不是普通文件（管道、设备等），未检查")
                    continue
                }
                found.append(path)
            }
        }
    }

    private func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
