/// Where the parts of a zip we read lie: for each named entry, its central directory record must point at
/// a local header with the same name, and its compressed data must lie inside the file; nil when the
/// layout is broken. The entries are then inflated by `Inflate`, never by ZIPFoundation's loop, which
/// spins on data past the end or on a truncated stream (both found by fuzzing).
enum ZipLayout {
    struct Entry: Equatable {
        let method: Int
        let data: Range<Int>
        let uncompressedSize: Int
        let crc: UInt32
    }

    /// The named entries found, by name; entries not in the archive are simply absent.
    enum ExtractFailure: Error {
        case tooLarge, corrupt
    }

    /// An entry's content, stored or inflated with at most `budget` bytes (which it uses up), its checksum
    /// checked: the one way a part of a .docx is taken out, for reading and for the reviewed copy.
    static func extract(_ entry: Entry, from bytes: [UInt8], budget: inout Int) -> Result<[UInt8], ExtractFailure> {
        let content: [UInt8]
        switch entry.method {
        case 0: content = Array(bytes[entry.data])
        case 8:
            switch Inflate.inflate(bytes[entry.data], limit: budget, expected: entry.uncompressedSize) {
            case .success(let inflated): content = inflated
            case .failure(.tooLarge): return .failure(.tooLarge)
            case .failure(.corrupt): return .failure(.corrupt)
            }
        default: return .failure(.corrupt)
        }
        budget -= content.count
        if budget < 0 { return .failure(.tooLarge) }
        if Inflate.crc32(content) != entry.crc { return .failure(.corrupt) }
        return .success(content)
    }

    static func entries(_ bytes: [UInt8], names: Set<String>) -> [String: Entry]? {
        func u16(_ at: Int) -> Int? { at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count, let low = u16(at), let high = u16(at + 2) else { return nil }
            return low | high << 16
        }
        // End of central directory: the last "PK\5\6" within the final 64 KB + 22 bytes.
        var end = bytes.count - 22
        let earliest = max(0, bytes.count - 65_557)
        while end >= earliest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) {
            end -= 1
        }
        guard end >= earliest, let count = u16(end + 10), let directoryStart = u32(end + 16) else { return nil }
        var found: [String: Entry] = [:]
        var record = directoryStart
        for _ in 0..<count {
            guard u32(record) == 0x0201_4B50, let method = u16(record + 10), let crc = u32(record + 16),
                let compressed = u32(record + 20), let uncompressed = u32(record + 24), let nameLength = u16(record + 28),
                let extraLength = u16(record + 30), let commentLength = u16(record + 32), let localOffset = u32(record + 42),
                record + 46 + nameLength <= bytes.count
            else { return nil }
            let name = String(decoding: bytes[(record + 46)..<(record + 46 + nameLength)], as: UTF8.self)
            if names.contains(name) {
                guard u32(localOffset) == 0x0403_4B50, let localName = u16(localOffset + 26),
                    let localExtra = u16(localOffset + 28),
                    localOffset + 30 + localName <= bytes.count,
                    Array(bytes[(localOffset + 30)..<(localOffset + 30 + localName)]) == Array(name.utf8)
                else { return nil }
                let dataStart = localOffset + 30 + localName + localExtra
                guard compressed != 0xFFFF_FFFF, dataStart + compressed <= bytes.count else { return nil }
                found[name] = Entry(
                    method: method, data: dataStart..<(dataStart + compressed), uncompressedSize: uncompressed,
                    crc: UInt32(truncatingIfNeeded: crc))
            }
            record += 46 + nameLength + extraLength + commentLength
        }
        return found
    }
}
