/// Tells a report from the other files a repository of reports holds (README.md, LICENSE.txt,
/// requirements.txt): a file with no Chinese prose is not a report, and section rules would only bury it
/// in findings. Read from the bytes: Han characters (U+4E00–U+9FFF, three bytes led by E4–E9) against
/// Latin letters, over the first 256 KB. Deliberately lenient: a file with any real Chinese text is linted.
enum ReportProse {
    static let sampleBytes = 256 * 1024

    /// Why the file is not a report, or nil when it is (or may be) one.
    static func notAReport(_ bytes: [UInt8]) -> String? {
        var han = 0
        var latin = 0
        var index = 0
        let end = min(bytes.count, sampleBytes)
        while index < end {
            let byte = bytes[index]
            if byte >= 0xE4 && byte <= 0xE9 {
                han += 1
                index += 3
                continue
            }
            // X and x are left out: XX and xx are a draft's placeholders, not English.
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A), byte != 0x58, byte != 0x78 { latin += 1 }
            index += 1
        }
        if han == 0 { return "没有中文内容" }
        // An English README with a Chinese title: a few Han characters among hundreds of letters.
        if latin >= 200 && latin >= 10 * han { return "以英文为主（\(han) 个汉字，\(latin) 个拉丁字母）" }
        return nil
    }
}
