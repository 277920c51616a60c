import Foundation

/// Findings recorded once (`--write-baseline`) so that a gate reports only new ones (`--baseline`).
/// A finding is known by its file, rule and the text around it, not its line number, so it survives
/// edits above it; a finding of something missing (an empty range: a missing section) by its file and
/// rule alone, since the text near where it would go is no part of it. Paths are relative to the
/// baseline file's folder, so the gate works from any folder. The file is sorted JSON, one entry per
/// distinct finding with a count: diff-friendly.
///
/// Version 1 files (paths as the run displayed them, missing sections keyed on nearby text) still match:
/// `Gate` tries their keys too.
public struct Baseline: Sendable {
    public struct Key: Hashable, Comparable, Sendable {
        public let path: String
        public let rule: String
        public let context: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.path, lhs.rule, lhs.context) < (rhs.path, rhs.rule, rhs.context)
        }
    }

    public private(set) var counts: [Key: Int] = [:]
    /// 2 since paths are relative to the baseline file and missing sections are keyed on rule and file.
    public private(set) var version = 2

    public init() {}

    public static func key(_ finding: Finding, path: String, source: Source) -> Key {
        Key(path: path, rule: finding.ruleId, context: finding.range.isEmpty ? "" : FindingContext.text(finding, in: source))
    }

    /// How a version 1 baseline knew the finding.
    static func legacyKey(_ finding: Finding, path: String, source: Source) -> Key {
        Key(path: path, rule: finding.ruleId, context: FindingContext.text(finding, in: source))
    }

    /// A report's path as a baseline stored at `baselineFile` names it: relative to the baseline's folder.
    public static func path(of report: String, baselineFile: String) -> String {
        report == Reader.stdinPath ? report : PathText.relative(report, to: PathText.directory(of: baselineFile))
    }

    /// Entries not matched (yet): for the files in `paths`, those a run did not consume.
    public func unmatched(in paths: Set<String>) -> [(key: Key, count: Int)] {
        counts.filter { $0.value > 0 && paths.contains($0.key.path) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public mutating func add(_ key: Key) {
        counts[key, default: 0] += 1
    }

    /// Takes one occurrence of `key` out of the baseline: true when it was there (the finding is known).
    public mutating func consume(_ key: Key) -> Bool {
        guard let count = counts[key], count > 0 else { return false }
        counts[key] = count - 1
        return true
    }

    public func serialized() -> String {
        let entries = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { key, count in
            JSONValue.object([
                ("path", .string(key.path)), ("rule", .string(key.rule)),
                ("context", .string(key.context)), ("count", .int(count)),
            ])
        }
        return JSONValue.object([("version", .int(version)), ("findings", .array(entries))]).serialized() + "\n"
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String, String)
        case invalid(String)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): 错误: 无法读取基线文件：\(reason)"
            case .tooLarge(let path): return "\(path): 错误: 基线文件过大（上限 \(Reader.megabytes(Baseline.maxFileSize)) MB），未读取"

            case .invalid(let path): return "\(path): 错误: 基线文件格式不对（应由 --write-baseline 生成）"
            }
        }
    }

    public static let maxFileSize = 32 * 1_048_576

    public static func load(path: String) -> Result<Baseline, LoadError> {
        // Parsed JSON takes several times the file's size: a baseline is capped (a few hundred thousand findings).
        let data: Data
        switch BoundedFile.read(path, limit: maxFileSize) {
        case .success(let bytes): data = Data(bytes)
        case .failure(.tooLarge): return .failure(.tooLarge(path))
        case .failure(let reason): return .failure(.unreadable(path, reason.description))
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = root["findings"] as? [[String: Any]]
        else { return .failure(.invalid(path)) }
        var baseline = Baseline()
        baseline.version = root["version"] as? Int ?? 1
        for entry in entries {
            guard let file = entry["path"] as? String, let rule = entry["rule"] as? String,
                let context = entry["context"] as? String, let count = entry["count"] as? Int, count > 0
            else { return .failure(.invalid(path)) }
            baseline.counts[Key(path: file, rule: rule, context: context), default: 0] += count
        }
        return .success(baseline)
    }
}
