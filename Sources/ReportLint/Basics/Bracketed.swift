/// Text with what stands between a pair of marks taken out: the titles a sentence cites (《…》) or the words it
/// quotes (“…”), which tell of other documents and slogans, not of the text around them.
enum Bracketed {
    /// `text` without every `open`…`close` span, the marks included; nested pairs are counted, and a stray
    /// `close` is dropped.
    static func removing(_ open: Character, _ close: Character, from text: String) -> String {
        guard text.contains(open) else { return text }
        var result = ""
        var depth = 0
        for character in text {
            if character == open {
                depth += 1
            } else if character == close {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }
}
