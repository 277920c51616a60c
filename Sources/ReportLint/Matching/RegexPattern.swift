import Foundation

/// A user regular expression, compiled once with NSRegularExpression (ICU syntax). Never Swift `Regex`
/// on report text: it is two orders of magnitude slower here.
public struct RegexPattern: @unchecked Sendable { // NSRegularExpression is immutable and thread-safe
    public let source: String
    let regex: NSRegularExpression

    public enum CompileError: Error, Equatable {
        case invalid(String)
        case matchesEmpty
    }

    public static func compile(_ source: String) -> Result<RegexPattern, CompileError> {
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: source)
        } catch {
            return .failure(.invalid((error as NSError).userInfo["NSInvalidValue"].map { "\($0)" } ?? error.localizedDescription))
        }
        // A pattern that matches nothing-at-all would match at every position of every report.
        if regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            return .failure(.matchesEmpty)
        }
        return .success(RegexPattern(source: source, regex: regex))
    }

    /// Byte ranges (relative to `text`'s UTF-8) of every non-empty match.
    public func matches(in text: String) -> [ByteRange] {
        var result: [ByteRange] = []
        let whole = NSRange(text.startIndex..., in: text)
        for match in regex.matches(in: text, range: whole) where match.range.length > 0 {
            guard let range = Range(match.range, in: text) else { continue }
            result.append(ByteRange(text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                                    text.utf8.distance(from: text.startIndex, to: range.upperBound)))
        }
        return result
    }

    public func firstMatch(in text: String) -> ByteRange? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: whole), match.range.length > 0,
              let range = Range(match.range, in: text) else { return nil }
        return ByteRange(text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                         text.utf8.distance(from: text.startIndex, to: range.upperBound))
    }
}
