import Yams

/// A YAML node as rule and configuration files are read: its kind, a scalar's text and style, a
/// collection's items, and where it stands. The loader reads these, not Yams' nodes: a Yams node carries a
/// tag object (with a weak reference to its constructor) and an anchor, and copying one for each of the
/// packs' 100,000 nodes was a tenth of every start. Built from a composed tree (`init(_:)`, after its size
/// is checked) or straight from the built-in packs' archive.
indirect enum RuleNode: Equatable, Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)
    /// An alias the composer left unresolved: no value the loader can read, reported where it stands.
    case alias(NodeMark?)

    /// Line and column, 1-based, as the composer gives them.
    struct NodeMark: Equatable, Sendable {
        let line: Int
        let column: Int
    }

    struct Scalar: Equatable, Sendable {
        let string: String
        let style: Style
        let mark: NodeMark?

        /// How the scalar was written, with libyaml's numbers (as Yams' `Node.Scalar.Style`).
        enum Style: UInt32, Sendable {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }
    }

    /// Key and value pairs in the order written.
    struct Mapping: Equatable, Sendable, RandomAccessCollection {
        let pairs: [Pair]
        let mark: NodeMark?

        struct Pair: Equatable, Sendable {
            let key: RuleNode
            let value: RuleNode
        }

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: RuleNode, value: RuleNode) { (pairs[position].key, pairs[position].value) }

        /// The value of the first key written as `key`.
        subscript(key: String) -> RuleNode? {
            pairs.first { pair in
                if case .scalar(let scalar) = pair.key { return scalar.string == key }
                return false
            }?.value
        }
    }

    struct List: Equatable, Sendable, RandomAccessCollection {
        let items: [RuleNode]
        let mark: NodeMark?

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> RuleNode { items[position] }
    }

    var mark: NodeMark? {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let list): list.mark
        case .alias(let mark): mark
        }
    }

    /// The text of a scalar; nil for anything else.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// The composer's tree, read into the loader's nodes. Only for a tree whose size was checked
    /// (`YAMLReader.checkSize`): an alias the composer resolved is copied here as often as it is used.
    init(_ node: Node) {
        func mark(_ mark: Mark?) -> NodeMark? { mark.map { NodeMark(line: $0.line, column: $0.column) } }
        switch node {
        case .scalar(let scalar):
            self = .scalar(
                Scalar(
                    string: scalar.string, style: Scalar.Style(rawValue: scalar.style.rawValue) ?? .any, mark: mark(scalar.mark)))
        case .mapping(let mapping):
            self = .mapping(
                Mapping(
                    pairs: mapping.map { Mapping.Pair(key: RuleNode($0.key), value: RuleNode($0.value)) },
                    mark: mark(mapping.mark)))
        case .sequence(let sequence):
            self = .sequence(List(items: sequence.map(RuleNode.init), mark: mark(sequence.mark)))
        case .alias(let alias):
            self = .alias(mark(alias.mark))
        }
    }
}
