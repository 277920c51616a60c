import Foundation

/// What a CI gate does after linting: waivers take the findings they cover (unless expired), then the
/// baseline takes the findings it knows. Both are counted in the summary. At the end it tells which
/// waivers and baseline entries matched nothing in the files it saw (`unused`).
public struct Gate {
    public var baseline: Baseline?
    /// Where the baseline file is: its entries' paths are relative to its folder.
    public let baselineFile: String?
    /// Today's date as YYYY-MM-DD, for waiver expiry.
    public let today: String
    /// Waivers past their date, each reported once.
    public private(set) var expired: [Waiver] = []
    private var expiredSeen = Set<String>()
    /// Waivers whose path matched a linted file, and those that covered a finding, by location.
    private var applicable: [String: Waiver] = [:]
    private var used = Set<String>()
    /// Linted files as the baseline names them.
    private var baselinePaths = Set<String>()
    /// `--quiet`: findings below error are dropped after waivers and the baseline have seen them.
    public var errorsOnly = false

    public init(baseline: Baseline?, baselineFile: String? = nil, today: String) {
        self.baseline = baseline
        self.baselineFile = baselineFile
        self.today = today
    }

    /// Today as YYYY-MM-DD, local time.
    public static func today(_ date: Date = Date()) -> String {
        CalendarText.day(date)
    }

    /// `reportPath` is the path as reports name it (`--base`); a version 1 baseline named files so too.
    public mutating func apply(to result: inout LintResult, config: Config?, reportPath: String) {
        let source = result.document.source
        let baselinePath = baselineFile.map { Baseline.path(of: result.path, baselineFile: $0) } ?? reportPath
        baselinePaths.insert(baselinePath)
        if baseline?.version == 1 { baselinePaths.insert(reportPath) }
        for waiver in config?.waivers(forPath: result.path) ?? [] { applicable[waiver.location.description] = waiver }
        var kept: [Finding] = []
        for finding in result.findings {
            // One still in force wins over an expired one.
            let waivers = config?.waivers(for: finding, path: result.path, source: source) ?? []
            if let waiver = waivers.first(where: { !$0.isExpired(today: today) }) ?? waivers.first {
                if !waiver.isExpired(today: today) {
                    used.insert(waiver.location.description)
                    result.waived.append((finding, waiver))
                    continue
                }
                if expiredSeen.insert(waiver.location.description).inserted { expired.append(waiver) }
            }
            if baseline != nil,
                baseline!.consume(Baseline.key(finding, path: baselinePath, source: source))
                    || (baseline!.version == 1
                        && baseline!.consume(Baseline.legacyKey(finding, path: reportPath, source: source)))
            {
                result.baselined += 1
                continue
            }
            if errorsOnly && finding.severity != .error { continue }
            kept.append(finding)
        }
        result.findings = kept
    }

    /// Waivers that applied to a linted file but covered none of its findings (not expired ones: they are
    /// reported as expired), in the order they stand in their files.
    public var unusedWaivers: [Waiver] {
        applicable.filter { !used.contains($0.key) && !$0.value.isExpired(today: today) }.values
            .sorted {
                ($0.location.file, $0.location.line, $0.location.column) < (
                    $1.location.file, $1.location.line, $1.location.column
                )
            }
    }

    /// Baseline entries for the linted files that matched no finding: fixed, or their text changed.
    public var unusedBaselineEntries: [(key: Baseline.Key, count: Int)] {
        baseline?.unmatched(in: baselinePaths) ?? []
    }

    /// The diagnostics for `unusedWaivers` and `unusedBaselineEntries`, in Chinese.
    public var unusedDiagnostics: [String] {
        var lines = unusedWaivers.map { waiver in
            "\(waiver.location): 警告: 豁免没有用到：规则 \(waiver.rule) 在所检查的文件中没有可豁免的问题" + (waiver.text.map { "（文字“\($0)”）" } ?? "")
                + "，可删除这条豁免"
        }
        let entries = unusedBaselineEntries
        if let baselineFile, !entries.isEmpty {
            let total = entries.map(\.count).reduce(0, +)
            lines.append("\(baselineFile): 注意: 基线中有 \(total) 个问题已不再出现（已修正或文字已改动），可用 --write-baseline 更新基线：")
            lines += entries.map { entry in
                "  \(entry.key.path) [\(entry.key.rule)]" + (entry.key.context.isEmpty ? "" : " “\(entry.key.context)”")
                    + (entry.count > 1 ? " ×\(entry.count)" : "")
            }
        }
        return lines
    }
}
