/// The rule loader's node trees (`RuleNode`) in a compact text form, so the built-in packs are not scanned and composed by
/// libyaml on every start (that was over a third of a one-report run). The YAML stays the source that
/// people edit; the archive (`Rules/generated/packs.nodes`) is generated from it, carries a hash of each
/// file's bytes, and is used only for a file whose hash still matches: a pack edited after the archive was
/// made is composed from its YAML as before. `BuiltinArchiveTests` checks the archive against the YAML and
/// rewrites it with `REPORTLINT_RECORD=1`.
///
/// The tree keeps everything the rule loader reads: node kinds, scalar strings and styles, and each node's
/// line and column (so a mistake in a built-in pack is reported where it stands in the YAML).
/// The value of an `examples`, `pass` or `fail` key is stored with its length, so a lint run, which never
/// runs examples, can step over them: they are a third of the packs' text and a quarter of their start-up.
enum NodeArchive {
    static let magic: [UInt8] = Array("RLN6".utf8)

    /// The archive is text: marks and numbers are printable ASCII and strings their UTF-8, so the build
    /// embeds it as a string literal copied at start, not decoded byte by byte (16 million instructions).
    enum Marker {
        static let scalar = UInt8(ascii: "S")
        static let mapping = UInt8(ascii: "M")
        static let sequence = UInt8(ascii: "Q")
        /// Before a measured `examples` value.
        static let examples = UInt8(ascii: "X")
        static let absent = UInt8(ascii: "0")
        static let present = UInt8(ascii: "1")
    }
    /// Keys whose values only `rules test` and `rules explain` read.
    static let exampleKeys: Set<String> = ["examples", "pass", "fail"]

    enum EncodingError: Error, Equatable {
        /// Unresolved aliases are not archived (no built-in pack uses them).
        case unsupported(String)
    }

    // MARK: writing

    /// The archive of `files` (name, YAML bytes, tree), in the given order.
    static func encode(_ files: [(name: String, yaml: [UInt8], root: RuleNode?)]) throws -> [UInt8] {
        var out = magic
        appendNumber(files.count, to: &out)
        for file in files {
            appendString(file.name, to: &out)
            appendHash(hash(file.yaml), to: &out)
            if let root = file.root {
                out.append(Marker.present)
                // Each tree's length first, so the trees can be decoded apart (on several threads).
                var tree: [UInt8] = []
                try appendNode(root, to: &tree)
                appendNumber(tree.count, to: &out)
                out += tree
            } else {
                out.append(Marker.absent)
            }
        }
        return out
    }

    private static func appendNode(_ node: RuleNode, to out: inout [UInt8]) throws {
        switch node {
        case .scalar(let scalar):
            out.append(Marker.scalar)
            appendNumber(Int(scalar.style.rawValue), to: &out)
            appendMark(scalar.mark, to: &out)
            appendString(scalar.string, to: &out)
        case .mapping(let mapping):
            out.append(Marker.mapping)
            appendMark(mapping.mark, to: &out)
            appendNumber(mapping.count, to: &out)
            for (key, value) in mapping {
                try appendNode(key, to: &out)
                guard let name = key.string, exampleKeys.contains(name) else {
                    try appendNode(value, to: &out)
                    continue
                }
                // Marked and measured, so a reader may step over it.
                var examples: [UInt8] = []
                try appendNode(value, to: &examples)
                out.append(Marker.examples)
                appendNumber(examples.count, to: &out)
                out += examples
            }
        case .sequence(let list):
            out.append(Marker.sequence)
            appendMark(list.mark, to: &out)
            appendNumber(list.count, to: &out)
            for item in list { try appendNode(item, to: &out) }
        case .alias:
            throw EncodingError.unsupported("alias")
        }
    }

    private static func appendMark(_ mark: RuleNode.NodeMark?, to out: inout [UInt8]) {
        // Line 0 stands for no mark (libyaml's lines start at 1).
        appendNumber(mark?.line ?? 0, to: &out)
        appendNumber(mark?.column ?? 0, to: &out)
    }

    /// Digits of base 47, lowest first, each a printable ASCII byte: `P`…`~` a digit with more to come,
    /// `!`…`O` the last.
    static let base: UInt64 = 47
    static let lastDigit: UInt8 = 0x21
    static let moreDigit: UInt8 = 0x50

    private static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        appendDigits(UInt64(value), to: &out)
    }

    private static func appendDigits(_ value: UInt64, to out: inout [UInt8]) {
        var rest = value
        while rest >= base {
            out.append(moreDigit + UInt8(rest % base))
            rest /= base
        }
        out.append(lastDigit + UInt8(rest))
    }

    private static func appendString(_ string: String, to out: inout [UInt8]) {
        appendNumber(string.utf8.count, to: &out)
        out.append(contentsOf: string.utf8)
    }

    private static func appendHash(_ value: UInt64, to out: inout [UInt8]) {
        appendDigits(value, to: &out)
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
        var reader = ArchiveReader(bytes: bytes)
        reader.offset = magic.count
        guard let count = reader.number() else { return nil }
        var entries: [String: Entry] = [:]
        for _ in 0..<count {
            guard let name = reader.string(), let hash = reader.hash(), let present = reader.byte() else { return nil }
            if present == Marker.absent {
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
    static func root(of entry: Entry, in bytes: [UInt8], skippingExamples: Bool = false) -> RuleNode?? {
        guard let tree = entry.tree else { return .some(nil) }
        var reader = ArchiveReader(bytes: bytes)
        reader.skipsExamples = skippingExamples
        reader.offset = tree.lowerBound
        guard let root = reader.node(depth: 0), reader.offset == tree.upperBound else { return nil }
        return .some(root)
    }

    /// Every file's entry with its tree decoded.
    static func decode(_ bytes: [UInt8]) -> [String: (hash: UInt64, root: RuleNode?)]? {
        guard let entries = entries(bytes) else { return nil }
        var decoded: [String: (hash: UInt64, root: RuleNode?)] = [:]
        for (name, entry) in entries {
            guard let root = root(of: entry, in: bytes) else { return nil }
            decoded[name] = (entry.hash, root)
        }
        return decoded
    }

    private struct ArchiveReader {
        let bytes: [UInt8]
        var offset = 0
        var skipsExamples = false

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func number() -> Int? {
            digits().flatMap { Int(exactly: $0) }
        }

        mutating func digits() -> UInt64? {
            // Most numbers (styles, columns, short lengths) are one digit.
            if offset < bytes.count, case let first = bytes[offset], first >= NodeArchive.lastDigit,
                first < NodeArchive.lastDigit + UInt8(NodeArchive.base)
            {
                offset += 1
                return UInt64(first - NodeArchive.lastDigit)
            }
            var value: UInt64 = 0
            var scale: UInt64 = 1
            while let byte = byte() {
                let isLast = byte < NodeArchive.moreDigit
                let digit = UInt64(byte &- (isLast ? NodeArchive.lastDigit : NodeArchive.moreDigit))
                guard digit < NodeArchive.base else { return nil }
                let (product, productOverflow) = digit.multipliedReportingOverflow(by: scale)
                let (sum, sumOverflow) = value.addingReportingOverflow(product)
                guard !productOverflow, !sumOverflow else { return nil }
                value = sum
                if isLast { return value }
                // More digits than a UInt64 has are damage.
                let (next, scaleOverflow) = scale.multipliedReportingOverflow(by: NodeArchive.base)
                guard !scaleOverflow else { return nil }
                scale = next
            }
            return nil
        }

        mutating func string() -> String? {
            guard let length = number(), length <= bytes.count - offset else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        }

        mutating func hash() -> UInt64? { digits() }

        /// A node's line and column (line 0: none).
        mutating func mark() -> RuleNode.NodeMark?? {
            guard let line = number(), let column = number() else { return nil }
            return .some(line == 0 ? nil : RuleNode.NodeMark(line: line, column: column))
        }

        mutating func node(depth: Int) -> RuleNode? {
            guard depth < YAMLReader.maxDepth, let kind = byte() else { return nil }
            switch kind {
            case Marker.scalar:
                guard let styleNumber = number(),
                    let style = RuleNode.Scalar.Style(rawValue: UInt32(truncatingIfNeeded: styleNumber)),
                    let mark = mark(), let string = string()
                else { return nil }
                return .scalar(RuleNode.Scalar(string: string, style: style, mark: mark))
            case Marker.mapping:
                guard let mark = mark(), let count = number(), count <= bytes.count - offset else { return nil }
                var pairs: [RuleNode.Mapping.Pair] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = node(depth: depth + 1) else { return nil }
                    if offset < bytes.count, bytes[offset] == Marker.examples {
                        offset += 1
                        guard let length = number(), length <= bytes.count - offset else { return nil }
                        if skipsExamples {
                            offset += length
                            continue
                        }
                        let end = offset + length
                        guard let value = node(depth: depth + 1), offset == end else { return nil }
                        pairs.append(RuleNode.Mapping.Pair(key: key, value: value))
                        continue
                    }
                    guard let value = node(depth: depth + 1) else { return nil }
                    pairs.append(RuleNode.Mapping.Pair(key: key, value: value))
                }
                return .mapping(RuleNode.Mapping(pairs: pairs, mark: mark))
            case Marker.sequence:
                guard let mark = mark(), let count = number(), count <= bytes.count - offset else { return nil }
                var items: [RuleNode] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = node(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .sequence(RuleNode.List(items: items, mark: mark))
            default:
                return nil
            }
        }
    }
}
