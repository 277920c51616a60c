import Foundation

/// The outcome for one input: linted, or not readable (with the reason).
public enum FileOutcome: Sendable {
    case linted(LintResult)
    case failed(ReadError)

    public var path: String {
        switch self {
        case .linted(let result): return result.path
        case .failed(let error): return error.path
        }
    }

    public var findings: [Finding] {
        if case .linted(let result) = self { return result.findings }
        return []
    }
}

/// Everything one `lint` run produced, in input order; reporters only format it.
public struct LintRun: Sendable {
    public let outcomes: [FileOutcome]
    public let rules: CompiledRules

    public init(outcomes: [FileOutcome], rules: CompiledRules) {
        self.outcomes = outcomes
        self.rules = rules
    }

    public struct Summary: Sendable, Equatable {
        public var files = 0
        public var unreadable = 0
        public var filesWithFindings = 0
        public var errors = 0
        public var warnings = 0
        public var infos = 0
        public var findings: Int { errors + warnings + infos }
    }

    public var summary: Summary {
        var summary = Summary()
        for outcome in outcomes {
            summary.files += 1
            if case .failed = outcome { summary.unreadable += 1 }
            if !outcome.findings.isEmpty { summary.filesWithFindings += 1 }
            for finding in outcome.findings {
                switch finding.severity {
                case .error: summary.errors += 1
                case .warning: summary.warnings += 1
                case .info: summary.infos += 1
                }
            }
        }
        return summary
    }

    /// 2 when a file could not be read, 1 when a finding meets the threshold, else 0.
    public func exitCode(failOn threshold: FailThreshold) -> Int32 {
        if outcomes.contains(where: { if case .failed = $0 { return true } else { return false } }) { return 2 }
        let failing = outcomes.contains { $0.findings.contains { threshold.isMet(by: $0.severity) } }
        return failing ? 1 : 0
    }
}

/// Expands the paths given on the command line: files as given, directories recursively (report
/// files only, hidden entries skipped, sorted), `-` for standard input.
public enum InputCollector {
    public static let reportExtensions: Set<String> = ["txt"]

    public struct Collected: Sendable {
        public var paths: [String] = []
        /// Remarks for stderr, e.g. a directory that held no report.
        public var warnings: [String] = []
    }

    public static func collect(_ arguments: [String]) -> Collected {
        var collected = Collected()
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
                let found = reports(in: argument)
                if found.isEmpty { collected.warnings.append("\(argument): 目录中没有 .txt 报告文件") }
                collected.paths += found
            } else {
                collected.paths.append(argument) // files, `-`, and missing paths (reported when read)
            }
        }
        return collected
    }

    static func reports(in directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator where reportExtensions.contains(url.pathExtension.lowercased()) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            paths.append((directory as NSString).appendingPathComponent(relative))
        }
        return paths.sorted()
    }
}
