/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), the
/// same verdict as `String(validating:as:)` without building a String. Every byte of every report
/// passes here once, so it is written for Chinese text: a common three-byte character is checked in
/// one step, ASCII eight bytes at a time, anything else by the full table.
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var index = 0
            while index < count {
                // Runs of Chinese: a three-byte character with lead E1–EC or EE–EF and two continuation
                // bytes, in one check of four bytes read at once (the fourth is the next character's).
                while index + 4 <= count {
                    let word = UInt32(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self))
                    guard word & 0x00C0_C0F0 == 0x0080_80E0, word & 0x0F != 0x00, word & 0x0F != 0x0D else { break }
                    index += 3
                }
                // Runs of ASCII: eight bytes at a time while none has its high bit set.
                while index + 8 <= count,
                    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let lead = base[index]
                if lead < 0x80 {
                    index += 1
                } else if lead >= 0xE0 && lead < 0xF0 {
                    // Three bytes (all of CJK): E0 needs A0–BF next (no overlong), ED needs 80–9F (no surrogate).
                    guard index + 2 < count else { return false }
                    let second = base[index + 1]
                    let lower: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                    let upper: UInt8 = lead == 0xED ? 0x9F : 0xBF
                    guard second >= lower && second <= upper, base[index + 2] & 0xC0 == 0x80 else { return false }
                    index += 3
                } else if lead >= 0xC2 && lead < 0xE0 {
                    guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return false }
                    index += 2
                } else if lead >= 0xF0 && lead <= 0xF4 {
                    // Four bytes: F0 needs 90–BF next (no overlong), F4 needs 80–8F (at most U+10FFFF).
                    guard index + 3 < count else { return false }
                    let second = base[index + 1]
                    let lower: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                    let upper: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                    guard second >= lower && second <= upper, base[index + 2] & 0xC0 == 0x80, base[index + 3] & 0xC0 == 0x80
                    else { return false }
                    index += 4
                } else {
                    return false // a continuation byte where a character should start, C0/C1, or F5–FF
                }
            }
            return true
        }
    }
}
