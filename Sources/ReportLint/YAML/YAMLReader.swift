import Foundation
import Yams

/// A value read from a rule file, with where it stood.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let location: RuleLocation
}

extension Located: Equatable where Value: Equatable {}

/// Reads typed values out of a rule or configuration file's `RuleNode` tree, recording every mistake as a
/// positioned `RuleError` instead of stopping at the first, so an author sees all of them at once.
final class YAMLReader {
    /// Bounds that keep a hostile file from taking the machine down. Yams resolves an alias by copying
    /// the anchored node, so an alias bomb composes cheaply but would expand when walked: we count
    /// nodes, expansions included, and stop at the bound before reading anything.
    static let maxNodes = 200_000
    static let maxDepth = 64

    let file: String
    /// The file's lines when first needed, to see where a plain scalar ran on past its first line. The text
    /// is made only then: a built-in pack read from its archive rarely needs it, and decoding the 1.1 MB of
    /// built-in YAML into strings at every start cost 10 million instructions.
    private let text: () -> String
    private lazy var lines: [Substring] = text().split(separator: "\n", omittingEmptySubsequences: false)
    private var recorded: [RuleError] = []
    private(set) var warnings: [RuleError] = []

    var errorCount: Int { recorded.count }

    /// Every mistake so far, in the order they stand in the file.
    var errors: [RuleError] {
        recorded.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
    }

    /// A built-in pack's: its patterns are compiled when first searched (`RegexPattern.compile(trusted:)`).
    let trusted: Bool

    init(file: String, text: @escaping @autoclosure () -> String = "", trusted: Bool = false) {
        self.file = file
        self.text = text
        self.trusted = trusted
    }

    /// Warns when a plain scalar took in the next line's `- item`: a list item indented deeper than the one
    /// before it is not an item but the continuation of that one (`搞好 - 抓手`).
    /// Byte searches: every plain scalar of the 350 KB of built-in YAML passes here at each start, and
    /// Foundation's contains (CFString folding) cost 59M instructions of it.
    func checkFolded(_ scalar: RuleNode.Scalar, at node: RuleNode) {
        guard scalar.style == .plain, ByteSearch.contains(scalar.string, " - "), let line = node.mark?.line else { return }
        for index in line..<min(line + 50, lines.count) {
            let text = lines[index]
            let content = text.drop { $0 == " " }
            let item = content.trimmingCharacters(in: .whitespaces)
            if item.hasPrefix("- "), ByteSearch.contains(scalar.string, " " + item) {
                warnings.append(
                    RuleError(
                        .foldedListItem(item: item, into: scalar.string),
                        at: RuleLocation(file: file, line: index + 1, column: text.count - content.count + 1), warning: true))
                return
            }
            if !ByteSearch.contains(scalar.string, item) { return }
        }
    }

    func location(of node: RuleNode) -> RuleLocation {
        RuleLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func report(_ problem: RuleError.Problem, at node: RuleNode) {
        recorded.append(RuleError(problem, at: location(of: node)))
    }

    /// A mistake in the composer's tree, before it is read into `RuleNode`s (its size).
    private func report(_ problem: RuleError.Problem, atComposed node: Node) {
        recorded.append(
            RuleError(problem, at: RuleLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)))
    }

    func report(_ problem: RuleError.Problem, at location: RuleLocation) {
        recorded.append(RuleError(problem, at: location))
    }

    /// Walks the composer's tree without recursion; false (with an error) when it is too big or too deep.
    /// Checked before the tree is read into `RuleNode`s, which copies each use of an alias.
    func checkSize(_ root: Node) -> Bool {
        var stack: [(Node, Int)] = [(root, 1)]
        var count = 0
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > YAMLReader.maxNodes {
                report(.tooComplex("节点超过 \(YAMLReader.maxNodes) 个（别名展开也计算在内，可能是“别名炸弹”）"), atComposed: root)
                return false
            }
            if depth > YAMLReader.maxDepth {
                report(.tooComplex("嵌套超过 \(YAMLReader.maxDepth) 层"), atComposed: node)
                return false
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
        return true
    }

    /// A mapping's fields, with unknown and repeated keys reported; nil if `node` is no mapping.
    func fields(_ node: RuleNode, what: String, allowed: [String]) -> MappingFields? {
        guard case .mapping(let mapping) = node else {
            report(.notAMapping(what: what), at: node)
            return nil
        }
        // Only allowed keys are kept, so the list stays as short as `allowed` (a dozen at most) and a linear
        // search beats hashing: start-up reads some 20,000 keys of the built-in packs.
        var values: [MappingFields.Field] = []
        values.reserveCapacity(min(mapping.count, allowed.count))
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(.wrongType(key: "键", expected: "字符串"), at: key)
                continue
            }
            let name = scalar.string
            if values.indices.contains(where: { values[$0].name == name }) {
                report(.duplicateKey(name), at: key)
                continue
            }
            if !allowed.contains(name) {
                report(.unknownKey(name, suggestion: Suggestions.nearest(to: name, in: allowed), allowed: allowed), at: key)
                continue
            }
            values.append(MappingFields.Field(name: name, key: key, value: value))
        }
        return MappingFields(reader: self, node: node, values: values)
    }
}

/// The known keys of one mapping, with typed getters that report mistakes at the value's position.
struct MappingFields {
    let reader: YAMLReader
    let node: RuleNode
    struct Field {
        let name: String
        let key: RuleNode
        let value: RuleNode
    }

    fileprivate let values: [Field]

    /// The field's index: found by index, since iterating the fields would copy every one (two nodes each).
    private func index(of key: String) -> Int? {
        for index in values.indices where values[index].name == key { return index }
        return nil
    }

    func has(_ key: String) -> Bool { index(of: key) != nil }
    func value(_ key: String) -> RuleNode? { index(of: key).map { values[$0].value } }
    func keyLocation(_ key: String) -> RuleLocation? { index(of: key).map { reader.location(of: values[$0].key) } }

    /// A non-empty scalar (`allowEmpty`: or an empty one). Missing and `required` reports at the mapping itself.
    func string(_ key: String, required: Bool = false, allowEmpty: Bool = false) -> Located<String>? {
        guard let value = value(key) else {
            if required { reader.report(.missingKey(key), at: node) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            reader.report(.wrongType(key: key, expected: "字符串"), at: value)
            return nil
        }
        guard !scalar.string.isEmpty || allowEmpty else {
            reader.report(.emptyValue(key: key), at: value)
            return nil
        }
        reader.checkFolded(scalar, at: value)
        return Located(value: scalar.string, location: reader.location(of: value))
    }

    /// A text of prose (a description). A folded scalar (`>-`) joins its lines with a space, which Chinese does
    /// not put between its characters: a space between two non-ASCII characters is taken out, one beside ASCII
    /// (GB/T 9704-2012) stays.
    func prose(_ key: String) -> Located<String>? {
        guard let located = string(key) else { return nil }
        guard case .scalar(let scalar)? = value(key), scalar.style == .folded else { return located }
        let scalars = Array(located.value.unicodeScalars)
        var joined = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index + 1 < scalars.count, scalars[index - 1].value > 0x7F,
                scalars[index + 1].value > 0x7F
            {
                continue
            }
            joined.append(scalar)
        }
        return Located(value: String(joined), location: located.location)
    }

    /// A list of non-empty strings; a lone string counts as a one-item list.
    func strings(_ key: String) -> [Located<String>]? {
        guard let value = value(key) else { return nil }
        let items: [RuleNode]
        switch value {
        case .scalar: items = [value]
        case .sequence(let sequence): items = Array(sequence)
        default:
            reader.report(.wrongType(key: key, expected: "字符串列表"), at: value)
            return nil
        }
        var result: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item else {
                reader.report(.wrongType(key: key, expected: "字符串列表"), at: item)
                continue
            }
            guard !scalar.string.isEmpty else {
                reader.report(.emptyValue(key: key), at: item)
                continue
            }
            reader.checkFolded(scalar, at: item)
            result.append(Located(value: scalar.string, location: reader.location(of: item)))
        }
        return result
    }

    /// A required list of mappings (`entries:`, `events:`): its items, or nil when it is missing or not a
    /// list, reported at the rule or at the value.
    func requiredSequence(_ key: String, expected: String) -> [RuleNode]? {
        guard let value = value(key) else {
            reader.report(.missingKey(key), at: node)
            return nil
        }
        guard case .sequence(let sequence) = value else {
            reader.report(.wrongType(key: key, expected: expected), at: value)
            return nil
        }
        return Array(sequence)
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        if case .scalar(let scalar) = value, let boolean = YAMLFile.boolean(scalar.string) { return boolean }
        reader.report(.wrongType(key: key, expected: "true 或 false"), at: value)
        return nil
    }

    /// Compiles each string of a list as a regex, reporting the bad ones at their own position.
    func patterns(_ key: String, lineAnchors: Bool = false) -> [RegexPattern]? {
        guard let sources = strings(key) else { return nil }
        return sources.compactMap { source in
            switch RegexPattern.compile(source.value, lineAnchors: lineAnchors, trusted: reader.trusted) {
            case .success(let pattern):
                return pattern
            case .failure(.invalid(let reason)):
                reader.report(.badRegex(pattern: source.value, reason: reason), at: source.location)
            case .failure(.matchesEmpty):
                reader.report(.regexMatchesEmpty(source.value), at: source.location)
            case .failure(.catastrophic):
                reader.report(.catastrophicRegex(source.value), at: source.location)
            }
            return nil
        }
    }

    /// `phrases:` (literals) and `patterns:` (regexes), at least one of the two keys present.
    func phrasesAndPatterns() -> (phrases: [Located<String>], patterns: [RegexPattern])? {
        let phrases = strings("phrases") ?? []
        let patterns = patterns("patterns") ?? []
        if !has("phrases") && !has("patterns") {
            reader.report(.missingKey("phrases"), at: node)
            return nil
        }
        return (phrases, patterns)
    }

    /// `since:` as a year (2017): reports of an earlier year are left out by the section and phrase kinds.
    func sinceYear() -> Int? {
        guard let value = string("since") else { return nil }
        guard let year = Int(value.value), (1949...2200).contains(year) else {
            reader.report(.wrongType(key: "since", expected: "年份（如 2017）"), at: value.location)
            return nil
        }
        return year
    }
}
