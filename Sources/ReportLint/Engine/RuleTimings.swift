import Foundation

/// Where linting time goes, summed over every file of a run: reading, parsing, the literal scan and
/// each rule (`lint --timings`, for rule authors and for finding a slow pattern). Workers add their
/// figures under a lock; measuring costs two clock reads per rule and file.
public final class RuleTimings: @unchecked Sendable { // all state is guarded by `lock`
    private let lock = NSLock()
    private var nanoseconds: [String: UInt64] = [:]

    public init() {}

    /// Runs `work` and adds its time to `label`.
    public func measure<Result>(_ label: String, _ work: () -> Result) -> Result {
        let started = DispatchTime.now().uptimeNanoseconds
        let result = work()
        add(label, DispatchTime.now().uptimeNanoseconds - started)
        return result
    }

    public func add(_ label: String, _ elapsed: UInt64) {
        lock.lock()
        nanoseconds[label, default: 0] += elapsed
        lock.unlock()
    }

    /// The `limit` costliest entries as a table: milliseconds and share of the total measured.
    public func table(limit: Int = 20) -> String {
        lock.lock()
        let entries = nanoseconds.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        lock.unlock()
        let total = max(1, entries.reduce(0) { $0 + $1.value })
        let header = "规则或阶段"
        let width = max(
            DisplayWidth.of(header.unicodeScalars),
            entries.prefix(limit).map { DisplayWidth.of($0.key.unicodeScalars) }.max() ?? 0)
        // Padded by display width: the Chinese phase names take two columns a character.
        func padded(_ text: String) -> String {
            text + String(repeating: " ", count: width - DisplayWidth.of(text.unicodeScalars))
        }
        var lines = [padded(header) + "      毫秒    占比"]
        for (label, elapsed) in entries.prefix(limit) {
            let milliseconds = String(format: "%10.1f", Double(elapsed) / 1e6)
            let share = String(format: "%7.1f%%", Double(elapsed) * 100 / Double(total))
            lines.append(padded(label) + milliseconds + share)
        }
        lines.append(padded("合计") + String(format: "%10.1f", Double(total) / 1e6))
        return lines.joined(separator: "\n") + "\n"
    }
}
