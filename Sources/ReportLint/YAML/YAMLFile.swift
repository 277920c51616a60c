import Foundation
import Yams

/// The one way rule files and configuration files are read and parsed: the same size cap (applied while
/// reading, never blocking on a pipe or device), the same UTF-8 check, the same composer and resolver,
/// the same boolean words, and every mistake a positioned `RuleError`.
enum YAMLFile {
    /// A rule or configuration file larger than this is refused (a hand-written file is a few hundred KB).
    static let maxFileSize = 4 * 1_048_576

    /// The text of `path`; `what` names the kind of file in the message (配置文件, 规则文件).
    static func read(_ path: String, what: String) -> Result<String, RuleError> {
        let origin = RuleLocation(file: path, line: 1, column: 1)
        switch BoundedFile.read(path, limit: maxFileSize) {
        case .success(let bytes):
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                return .failure(RuleError(.unreadableFile(what: what, reason: "不是 UTF-8 文本"), at: origin))
            }
            return .success(text)
        case .failure(let reason):
            return .failure(RuleError(.unreadableFile(what: what, reason: reason.description), at: origin))
        }
    }

    /// The node tree of `yaml` (nil for an empty document), or its syntax error at its position. The basic
    /// resolver tags nothing: values are read as written and typed by `YAMLReader` (and the default one
    /// compiles seven ICU regexes on every start).
    static let resolver = Resolver.basic

    static func compose(_ yaml: String, file: String) -> Result<Node?, RuleError> {
        do {
            return .success(try Yams.compose(yaml: yaml, resolver))
        } catch let error as YamlError {
            return .failure(syntaxError(error, file: file))
        } catch {
            return .failure(RuleError(.syntax("\(error)"), at: RuleLocation(file: file, line: 1, column: 1)))
        }
    }

    /// The tree of `yaml` for the rule loader (nil for an empty document): composed, its size checked before
    /// it is read into `RuleNode`s (an alias used a million times is one node to the composer), or every
    /// mistake found on the way.
    static func read(_ yaml: String, file: String) -> Result<RuleNode?, RuleErrors> {
        switch compose(yaml, file: file) {
        case .success(nil):
            return .success(nil)
        case .success(let root?):
            let reader = YAMLReader(file: file)
            guard reader.checkSize(root) else { return .failure(RuleErrors(errors: reader.errors)) }
            return .success(RuleNode(root))
        case .failure(let error):
            return .failure(RuleErrors(errors: [error]))
        }
    }

    /// The one boolean rule of both kinds of file: true/yes/on and false/no/off, in any case.
    static func boolean(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    static func syntaxError(_ error: YamlError, file: String) -> RuleError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "，")
            return RuleError(.syntax(detail), at: RuleLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            return RuleError(.syntax(problem), at: RuleLocation(file: file, line: 1, column: 1))
        default:
            return RuleError(.syntax("\(error)"), at: RuleLocation(file: file, line: 1, column: 1))
        }
    }
}
