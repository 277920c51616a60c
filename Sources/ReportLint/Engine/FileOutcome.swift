import Foundation

/// The outcome for one input: linted, or not readable (with the reason).
public enum FileOutcome: Sendable {
    case linted(LintResult)
    case failed(ReadError)

    public var path: String {
        switch self {
        case .linted(let result): return result.path
        case .failed(let error): return error.path
        }
    }

    public var findings: [Finding] {
        if case .linted(let result) = self { return result.findings }
        return []
    }
}
