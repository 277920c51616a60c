/// The text around a finding: what a baseline matches on (so a finding survives edits above it, where
/// a line number would not) and what fingerprints are made of.
public enum FindingContext {
    /// How many characters on each side of the finding, within its line, belong to its context.
    static let width = 12

    public static func text(_ finding: Finding, in source: Source) -> String {
        let line = source.positions.lineRange(finding.start.line)
        let scalars = source.scalarIndices(line)
        let start = source.scalarIndex(ofByte: finding.range.start)
        let end = finding.range.end >= line.end ? scalars.upperBound : source.scalarIndex(ofByte: finding.range.end)
        let from = max(scalars.lowerBound, start - width)
        let to = min(scalars.upperBound, max(end, start) + width)
        guard from < to else { return "" }
        return source.string(source.byteRange(from..<to))
    }

    /// A fingerprint per finding of a file, stable across runs and edits above: path, rule, the text around
    /// the finding, and its occurrence number among findings with the same rule and text.
    public static func fingerprints(of result: LintResult, path: String) -> [String] {
        var occurrences: [String: Int] = [:]
        return result.findings.map { finding in
            let context = text(finding, in: result.document.source)
            let key = "\(finding.ruleId)\u{1F}\(context)"
            occurrences[key, default: 0] += 1
            return fingerprint([path, finding.ruleId, context, String(occurrences[key]!)])
        }
    }

    /// A stable 128-bit hex fingerprint (two FNV-1a hashes) of the given parts.
    public static func fingerprint(_ parts: [String]) -> String {
        let bytes = Array(parts.joined(separator: "\u{1F}").utf8)
        func fnv(_ basis: UInt64) -> UInt64 {
            var hash = basis
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        let high = fnv(0xCBF2_9CE4_8422_2325)
        let low = fnv(0x8422_2325_CBF2_9CE4)
        return hex(high) + hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
