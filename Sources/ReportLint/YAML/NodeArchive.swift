import Yams

/// Composed YAML node trees in a compact binary form, so the built-in packs are not scanned and composed by
/// libyaml on every start (that was over a third of a one-report run). The YAML stays the source that
/// people edit; the archive (`Rules/generated/packs.nodes`) is generated from it, carries a hash of each
/// file's bytes, and is used only for a file whose hash still matches: a pack edited after the archive was
/// made is composed from its YAML as before. `BuiltinArchiveTests` checks the archive against the YAML and
/// rewrites it with `REPORTLINT_RECORD=1`.
///
/// The tree keeps everything the rule loader reads: node kinds, scalar strings and styles, tags and each
/// node's line and column (so a mistake in a built-in pack is reported where it stands in the YAML).
/// The value of an `examples`, `pass` or `fail` key is stored with its length, so a lint run, which never
/// runs examples, can step over them: they are a third of the packs' text and a quarter of their start-up.
enum NodeArchive {
    static let magic: [UInt8] = Array("RLN3".utf8)
    /// Keys whose values only `rules test` and `rules explain` read.
    static let exampleKeys: Set<String> = ["examples", "pass", "fail"]

    enum EncodingError: Error, Equatable {
        /// Anchors and aliases are not archived (no built-in pack uses them).
        case unsupported(String)
    }

    // MARK: writing

    /// The archive of `files` (name, YAML bytes, composed root), in the given order.
    static func encode(_ files: [(name: String, yaml: [UInt8], root: Node?)]) throws -> [UInt8] {
        var out = magic
        appendNumber(files.count, to: &out)
        for file in files {
            appendString(file.name, to: &out)
            appendHash(hash(file.yaml), to: &out)
            if let root = file.root {
                out.append(1)
                // Each tree's length first, so the trees can be decoded apart (on several threads).
                var tree: [UInt8] = []
                try appendNode(root, to: &tree)
                appendNumber(tree.count, to: &out)
                out += tree
            } else {
                out.append(0)
            }
        }
        return out
    }

    private static func appendNode(_ node: Node, to out: inout [UInt8]) throws {
        switch node {
        case .scalar(let scalar):
            if scalar.anchor != nil { throw EncodingError.unsupported("anchor") }
            out.append(0)
            appendHeader(tag: scalar.tag.rawValue, style: Int(scalar.style.rawValue), mark: scalar.mark, to: &out)
            appendString(scalar.string, to: &out)
        case .mapping(let mapping):
            if mapping.anchor != nil { throw EncodingError.unsupported("anchor") }
            out.append(1)
            appendHeader(tag: mapping.tag.rawValue, style: Int(mapping.style.rawValue), mark: mapping.mark, to: &out)
            appendNumber(mapping.count, to: &out)
            for (key, value) in mapping {
                try appendNode(key, to: &out)
                guard case .scalar(let name) = key, exampleKeys.contains(name.string) else {
                    try appendNode(value, to: &out)
                    continue
                }
                // Marked and measured, so a reader may step over it.
                var examples: [UInt8] = []
                try appendNode(value, to: &examples)
                out.append(3)
                appendNumber(examples.count, to: &out)
                out += examples
            }
        case .sequence(let sequence):
            if sequence.anchor != nil { throw EncodingError.unsupported("anchor") }
            out.append(2)
            appendHeader(tag: sequence.tag.rawValue, style: Int(sequence.style.rawValue), mark: sequence.mark, to: &out)
            appendNumber(sequence.count, to: &out)
            for item in sequence { try appendNode(item, to: &out) }
        case .alias:
            throw EncodingError.unsupported("alias")
        }
    }

    private static func appendHeader(tag: String, style: Int, mark: Mark?, to out: inout [UInt8]) {
        appendString(tag, to: &out)
        appendNumber(style, to: &out)
        // Line 0 stands for no mark (libyaml's lines start at 1).
        appendNumber(mark?.line ?? 0, to: &out)
        appendNumber(mark?.column ?? 0, to: &out)
    }

    private static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        var rest = UInt(value)
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    private static func appendString(_ string: String, to out: inout [UInt8]) {
        appendNumber(string.utf8.count, to: &out)
        out.append(contentsOf: string.utf8)
    }

    private static func appendHash(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// FNV-1a over the YAML's bytes: tells whether the archived tree was made from these bytes.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return value
    }

    // MARK: reading

    /// One file's place in the archive: the hash of the YAML it was made from and where its tree lies
    /// (nil for an empty document).
    struct Entry: Sendable {
        let hash: UInt64
        let tree: Range<Int>?
    }

    /// The archived entry for each file name, without decoding any tree. Nil when the archive is damaged
    /// (then every pack is composed from its YAML).
    static func entries(_ bytes: [UInt8]) -> [String: Entry]? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = ArchiveReader(bytes: bytes, tags: nil)
        reader.offset = magic.count
        guard let count = reader.number() else { return nil }
        var entries: [String: Entry] = [:]
        for _ in 0..<count {
            guard let name = reader.string(), let hash = reader.hash(), let present = reader.byte() else { return nil }
            if present == 0 {
                entries[name] = Entry(hash: hash, tree: nil)
                continue
            }
            guard let length = reader.number(), length <= bytes.count - reader.offset else { return nil }
            entries[name] = Entry(hash: hash, tree: reader.offset..<(reader.offset + length))
            reader.offset += length
        }
        return reader.offset == bytes.count ? entries : nil
    }

    /// The tree of one entry: `.some(nil)` for an empty document, nil when the bytes are damaged.
    /// `skippingExamples`: the values of `exampleKeys` are left out, keys and all.
    static func root(of entry: Entry, in bytes: [UInt8], resolver: Resolver, skippingExamples: Bool = false) -> Node?? {
        guard let tree = entry.tree else { return .some(nil) }
        var reader = ArchiveReader(bytes: bytes, tags: TagCache(resolver: resolver))
        reader.skipsExamples = skippingExamples
        reader.offset = tree.lowerBound
        guard let root = reader.node(depth: 0), reader.offset == tree.upperBound else { return nil }
        return .some(root)
    }

    /// Every file's entry with its tree decoded.
    static func decode(_ bytes: [UInt8], resolver: Resolver) -> [String: (hash: UInt64, root: Node?)]? {
        guard let entries = entries(bytes) else { return nil }
        var decoded: [String: (hash: UInt64, root: Node?)] = [:]
        for (name, entry) in entries {
            guard let root = root(of: entry, in: bytes, resolver: resolver) else { return nil }
            decoded[name] = (entry.hash, root)
        }
        return decoded
    }

    /// A `Tag` object for each node, as the composer makes: Yams changes a tag's name in place (a
    /// mapping's keys become `str`), so nodes never share one.
    /// `Constructor.default` builds a new constructor (a dictionary) at every use: one is shared.
    private struct TagCache {
        let resolver: Resolver
        let constructor = Constructor.default

        func tag(_ name: String) -> Tag {
            Tag(Tag.Name(rawValue: name), resolver, constructor)
        }
    }

    private struct ArchiveReader {
        let bytes: [UInt8]
        /// Nil when only the index is read (no node is built).
        let tags: TagCache?
        var offset = 0
        var skipsExamples = false

        init(bytes: [UInt8], tags: TagCache?) {
            self.bytes = bytes
            self.tags = tags
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func number() -> Int? {
            var value = 0
            var shift = 0
            while let byte = byte() {
                guard shift < 63 else { return nil }
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func string() -> String? {
            guard let length = number(), length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        }

        mutating func hash() -> UInt64? {
            guard bytes.count - offset >= 8 else { return nil }
            var value: UInt64 = 0
            for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
            offset += 8
            return value
        }

        /// Tag, style and mark of the next node.
        mutating func header() -> (tag: Tag, style: UInt32, mark: Mark?)? {
            guard let name = string(), let style = number(), let line = number(), let column = number() else { return nil }
            guard let tags else { return nil }
            return (tags.tag(name), UInt32(truncatingIfNeeded: style), line == 0 ? nil : ArchiveReader.mark(line, column))
        }

        mutating func node(depth: Int) -> Node? {
            guard depth < YAMLReader.maxDepth, let kind = byte(), let header = header() else { return nil }
            switch kind {
            case 0:
                guard let string = string(), let style = Node.Scalar.Style(rawValue: header.style) else { return nil }
                return .scalar(Node.Scalar(string, header.tag, style, header.mark))
            case 1:
                guard let count = number(), count <= bytes.count - offset, let style = Node.Mapping.Style(rawValue: header.style)
                else { return nil }
                var pairs: [(Node, Node)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = node(depth: depth + 1) else { return nil }
                    if offset < bytes.count, bytes[offset] == 3 {
                        offset += 1
                        guard let length = number(), length <= bytes.count - offset else { return nil }
                        if skipsExamples {
                            offset += length
                            continue
                        }
                        let end = offset + length
                        guard let value = node(depth: depth + 1), offset == end else { return nil }
                        pairs.append((key, value))
                        continue
                    }
                    guard let value = node(depth: depth + 1) else { return nil }
                    pairs.append((key, value))
                }
                return .mapping(Node.Mapping(pairs, header.tag, style, header.mark))
            case 2:
                guard let count = number(), count <= bytes.count - offset, let style = Node.Sequence.Style(rawValue: header.style)
                else { return nil }
                var items: [Node] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = node(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .sequence(Node.Sequence(items, header.tag, style, header.mark))
            default:
                return nil
            }
        }

        /// Yams gives `Mark` (two `Int`s: line, column) no public initializer; it is built from the same two
        /// words. The size is checked by `unsafeBitCast` itself, and `BuiltinArchiveTests` compares every
        /// decoded mark with the composer's.
        static func mark(_ line: Int, _ column: Int) -> Mark {
            unsafeBitCast((line, column), to: Mark.self)
        }
    }
}
