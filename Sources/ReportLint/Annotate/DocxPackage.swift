import Foundation
import ZIPFoundation

/// Every part of a .docx, in the order the zip holds them, for writing a changed copy: parts that are
/// not changed go into the new zip with the same content, name, order, compression and date. Reading
/// goes through the same guards as `DocxReader` (zip layout checked, bytes counted while inflating,
/// checksums checked, entry count and total size capped).
struct DocxPackage {
    struct Part {
        let name: String
        var content: [UInt8]
        let isDirectory: Bool
        let compressed: Bool
        let modified: Date
    }

    private(set) var parts: [Part]

    subscript(name: String) -> [UInt8]? {
        parts.first { $0.name == name && !$0.isDirectory }?.content
    }

    /// Replaces a part's content, or adds the part at the end.
    mutating func set(_ name: String, _ content: [UInt8]) {
        if let index = parts.firstIndex(where: { $0.name == name }) {
            parts[index].content = content
        } else {
            parts.append(Part(name: name, content: content, isDirectory: false, compressed: true, modified: Date()))
        }
    }

    static func read(
        _ bytes: [UInt8], limit: Int = DocxReader.maxUncompressedBytes,
        entryLimit: Int = DocxReader.maxEntries
    ) -> Result<DocxPackage, DocxReader.Failure> {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            return .failure(.notZip)
        }
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("reportlint-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).docx")
        guard (try? Data(bytes).write(to: temporary, options: [.withoutOverwriting])) != nil else { return .failure(.notZip) }
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard let archive = try? Archive(url: temporary, accessMode: .read, pathEncoding: nil) else { return .failure(.notZip) }
        var listed: [(name: String, isDirectory: Bool, modified: Date)] = []
        var names = Set<String>()
        var declared: UInt64 = 0
        for entry in archive {
            listed.append((entry.path, entry.type == .directory, entry.fileAttributes[.modificationDate] as? Date ?? Date()))
            declared += entry.uncompressedSize
            if listed.count > entryLimit { return .failure(.tooManyEntries(listed.count)) }
            if !names.insert(entry.path).inserted { return .failure(.duplicateEntry(entry.path)) }
        }
        if declared > UInt64(limit) { return .failure(.tooLarge) }
        guard let layout = ZipLayout.entries(bytes, names: names) else { return .failure(.corrupt) }
        var budget = limit
        var parts: [Part] = []
        for item in listed {
            guard let entry = layout[item.name] else { return .failure(.corrupt) }
            let content: [UInt8]
            switch ZipLayout.extract(entry, from: bytes, budget: &budget) {
            case .success(let extracted): content = extracted
            case .failure(.tooLarge): return .failure(.tooLarge)
            case .failure(.corrupt): return .failure(.corrupt)
            }
            parts.append(
                Part(
                    name: item.name, content: content, isDirectory: item.isDirectory, compressed: entry.method == 8,
                    modified: item.modified))
        }
        return .success(DocxPackage(parts: parts))
    }

    /// The zip's bytes.
    func data() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.content)
            try archive.addEntry(
                with: part.name, type: part.isDirectory ? .directory : .file, uncompressedSize: Int64(data.count),
                modificationDate: part.modified, compressionMethod: part.compressed ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }
}
