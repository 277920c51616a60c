import Foundation

/// Findings recorded once (`--write-baseline`) so that a gate reports only new ones (`--baseline`).
/// A finding is known by its file, rule and the text around it, not its line number, so it survives
/// edits above it. The file is sorted JSON, one entry per distinct finding with a count: diff-friendly.
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

    public init() {}

    public static func key(_ finding: Finding, path: String, source: Source) -> Key {
        Key(path: path, rule: finding.ruleId, context: FindingContext.text(finding, in: source))
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
            JSONValue.object([("path", .string(key.path)), ("rule", .string(key.rule)),
                              ("context", .string(key.context)), ("count", .int(count))])
        }
        return JSONValue.object([("version", .int(1)), ("findings", .array(entries))]).serialized() + "\n"
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
              let entries = root["findings"] as? [[String: Any]] else { return .failure(.invalid(path)) }
        var baseline = Baseline()
        for entry in entries {
            guard let file = entry["path"] as? String, let rule = entry["rule"] as? String,
                  let context = entry["context"] as? String, let count = entry["count"] as? Int, count > 0
            else { return .failure(.invalid(path)) }
            baseline.counts[Key(path: file, rule: rule, context: context), default: 0] += count
        }
        return .success(baseline)
    }
}

/// What a CI gate does after linting: waivers take the findings they cover (unless expired), then the
/// baseline takes the findings it knows. Both are counted in the summary.
public struct Gate {
    public var baseline: Baseline?
    /// Today's date as YYYY-MM-DD, for waiver expiry.
    public let today: String
    /// Waivers past their date, each reported once.
    public private(set) var expired: [Waiver] = []
    private var expiredSeen = Set<String>()

    public init(baseline: Baseline?, today: String) {
        self.baseline = baseline
        self.today = today
    }

    /// Through the C library rather than DateFormatter, whose ICU set-up cost a millisecond of every run.
    public static func today(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
    }

    /// `reportPath` is the path as reports and baselines name it.
    public mutating func apply(to result: inout LintResult, config: Config?, reportPath: String) {
        var kept: [Finding] = []
        for finding in result.findings {
            if let waiver = config?.waiver(for: finding.ruleId, path: result.path) {
                if !waiver.isExpired(today: today) {
                    result.waived.append((finding, waiver))
                    continue
                }
                if expiredSeen.insert(waiver.location.description).inserted { expired.append(waiver) }
            }
            if baseline != nil, baseline!.consume(Baseline.key(finding, path: reportPath, source: result.document.source)) {
                result.baselined += 1
                continue
            }
            kept.append(finding)
        }
        result.findings = kept
    }
}
