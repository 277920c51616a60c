/// Turns a Markdown report into report text the engine can check, without moving anything: every line
/// stays a line, and each line's markup (`#`, list bullets, `>`, emphasis, links, inline code, HTML tags)
/// is taken out with a map from the remaining characters back to their original columns, so findings
/// point at the file as written. Fenced code and HTML comments become empty lines. Comments carry the
/// `reportlint-disable` / `reportlint-enable` / `reportlint-disable-next-line` switches.
public enum MarkdownReader {
    public static let extensions: Set<String> = ["md", "markdown"]

    public static func source(path: String, text original: String, encoding: TextEncoding, hadBOM: Bool) -> Source {
        let bytes = Array(original.utf8)
        let converter = PositionConverter(bytes: bytes)
        var output = ""
        var maps: [Int: [Int]] = [:]
        var levels: [Int: Int] = [:]
        var suppressions: [Suppression] = []
        var openDisables: [(rule: String?, from: Int)] = []
        var fence: String?
        var inComment = false
        var sawTitle = false

        for line in 1...converter.lineCount {
            let range = converter.lineRange(line)
            let scalars = Array(String(decoding: bytes[range.start..<range.end], as: UTF8.self).unicodeScalars)
            var kept: [(scalar: Unicode.Scalar, column: Int)] = scalars.enumerated().map { ($1, $0 + 1) }

            // Fenced code: the fence lines and everything between become empty.
            let trimmed = String(scalars: scalars).trimmingLeadingSpaces()
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                kept = []
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                kept = []
            }

            // HTML comments (possibly spanning lines) are removed; reportlint switches inside act.
            var comment = ""
            (kept, inComment) = removeComments(kept, inComment: inComment, text: &comment)
            for directive in comment.components(separatedBy: "<!--") {
                applyDirective(directive, line: line, open: &openDisables, suppressions: &suppressions)
            }

            if !kept.isEmpty {
                var level: Int?
                (kept, level) = removeBlockMarkup(kept)
                kept = removeInlineMarkup(kept)
                if let level {
                    let text = String(scalars: kept.map(\.scalar))
                    // The first top-level heading without a number is the report's title, not a section.
                    if level == 1 && !sawTitle && Numbering.marker(in: Array(text.utf8), at: 0, end: text.utf8.count) == nil {
                        sawTitle = true
                    } else {
                        levels[line] = min(level, 5)
                    }
                }
            }
            if kept.count != scalars.count { maps[line] = kept.map(\.column) } // only lines that lost markup
            output.unicodeScalars.append(contentsOf: kept.map(\.scalar))
            if line < converter.lineCount {
                let terminator = bytes[range.end..<converter.lineStarts[line]]
                output += String(decoding: terminator, as: UTF8.self)
            }
        }
        for open in openDisables {
            suppressions.append(Suppression(rule: open.rule, lines: open.from...max(open.from, converter.lineCount)))
        }
        return Source(
            path: path, text: output, encoding: encoding, hadBOM: hadBOM, format: .markdown,
            outlineLevels: levels, columnMaps: maps, originalText: original, suppressions: suppressions)
    }

    typealias Kept = [(scalar: Unicode.Scalar, column: Int)]

    static func removeComments(_ kept: Kept, inComment: Bool, text: inout String) -> (Kept, Bool) {
        var result: Kept = []
        var inside = inComment
        var index = 0
        func starts(with marker: String, at position: Int) -> Bool {
            let marks = Array(marker.unicodeScalars)
            guard position + marks.count <= kept.count else { return false }
            return (0..<marks.count).allSatisfy { kept[position + $0].scalar == marks[$0] }
        }
        while index < kept.count {
            if inside {
                if starts(with: "-->", at: index) {
                    inside = false
                    index += 3
                    text += "\n"
                    continue
                }
                text.unicodeScalars.append(kept[index].scalar)
            } else if starts(with: "<!--", at: index) {
                inside = true
                text += "<!--"
                index += 4
                continue
            } else {
                result.append(kept[index])
            }
            index += 1
        }
        return (result, inside)
    }

    /// `<!-- reportlint-disable common/stray-space -->` and friends; no rule id means every rule.
    static func applyDirective(
        _ text: String, line: Int, open: inout [(rule: String?, from: Int)], suppressions: inout [Suppression]
    ) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        guard let command = words.first else { return }
        let rules: [String?] = words.count > 1 ? Array(words.dropFirst()).map { Optional($0) } : [nil]
        switch command {
        case "reportlint-disable-next-line":
            suppressions += rules.map { Suppression(rule: $0, lines: (line + 1)...(line + 1)) }
        case "reportlint-disable-line":
            suppressions += rules.map { Suppression(rule: $0, lines: line...line) }
        case "reportlint-disable":
            open += rules.map { ($0, line) }
        case "reportlint-enable":
            for rule in rules {
                for item in open where rule == nil || item.rule == rule {
                    suppressions.append(Suppression(rule: item.rule, lines: item.from...line))
                }
                open.removeAll { rule == nil || $0.rule == rule }
            }
        default:
            break
        }
    }

    /// Heading `#`s (returning the level), blockquote `>`, and list bullets `-` `*` `+` at the line start.
    static func removeBlockMarkup(_ kept: Kept) -> (Kept, Int?) {
        var index = 0
        while index < kept.count, kept[index].scalar == " ", index < 3 { index += 1 }
        while index < kept.count, kept[index].scalar == ">" {
            index += 1
            if index < kept.count, kept[index].scalar == " " { index += 1 }
        }
        var hashes = 0
        while index + hashes < kept.count, kept[index + hashes].scalar == "#" { hashes += 1 }
        if (1...6).contains(hashes), index + hashes < kept.count, kept[index + hashes].scalar == " " {
            var rest = Array(kept[(index + hashes + 1)...])
            while let last = rest.last, last.scalar == "#" || last.scalar == " " { rest.removeLast() } // closing #s
            return (rest, hashes)
        }
        if index + 1 < kept.count, "-*+".unicodeScalars.contains(kept[index].scalar), kept[index + 1].scalar == " " {
            return (Array(kept[(index + 2)...]), nil)
        }
        return (Array(kept[index...]), nil)
    }

    /// Emphasis markers in pairs, links and images (keeping their text), inline code ticks, HTML tags,
    /// backslash escapes. A lone `*` or `**` stays: in a report it is a placeholder, not emphasis; so does a
    /// run followed by a measure word or a unit (`*次`, `**市`), even where CommonMark would pair it.
    static func removeInlineMarkup(_ kept: Kept) -> Kept {
        var items = kept
        var drop = [Bool](repeating: false, count: kept.count)
        var linkDroppedThrough = -1
        var openers: [(scalar: Unicode.Scalar, width: Int, index: Int)] = []
        let scalars = items.map(\.scalar)
        // Each closer is found by a finder that only moves forward, so a line of 400,000 `[` or `<`
        // takes one pass, not one scan to the end of the line per opener.
        var ticks = NextFinder("`")
        var tagEnds = NextFinder(">")
        var brackets = NextFinder("]")
        var parentheses = NextFinder(")")
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, isEscapable(scalars[index + 1]) {
                drop[index] = true
                index += 2
                continue
            }
            if scalar == "`", let close = ticks.first(in: scalars, from: index + 1) {
                drop[index] = true
                drop[close] = true
                index = close + 1
                continue
            }
            if scalar == "<", let close = tagEnds.first(in: scalars, from: index + 1), index + 1 < scalars.count,
                scalars[index + 1] == "/" || CharacterClass.isLatinLetter(scalars[index + 1])
            {
                for position in index...close { drop[position] = true }
                index = close + 1
                continue
            }
            if scalar == "[" || (scalar == "!" && index + 1 < scalars.count && scalars[index + 1] == "["),
                let link = linkEnd(
                    scalars, from: scalar == "!" ? index + 1 : index, brackets: &brackets, parentheses: &parentheses)
            {
                drop[index] = true
                if scalar == "!" { drop[index + 1] = true }
                // Links inside a link's address end at the same `)`: mark each position once.
                for position in max(link.textEnd, linkDroppedThrough + 1)..<max(link.end + 1, linkDroppedThrough + 1) {
                    drop[position] = true
                }
                linkDroppedThrough = max(linkDroppedThrough, link.end)
                index = link.textEnd + 1
                continue
            }
            if scalar == "*" || scalar == "_" {
                var width = 1
                while index + width < scalars.count, scalars[index + width] == scalar { width += 1 }
                let before = index > 0 ? scalars[index - 1] : nil
                let after = index + width < scalars.count ? scalars[index + width] : nil
                // 组织学习*次、集中学习*次: a run where a figure or a name belongs is a placeholder, never
                // emphasis, whatever CommonMark would pair it with.
                if scalar == "*", let after, placeholderFollowers.contains(after) {
                    index += width
                    continue
                }
                // CommonMark flanking: a run can close if it is right-flanking, open if left-flanking.
                if canClose(before: before, after: after),
                    let opener = openers.lastIndex(where: { $0.scalar == scalar && $0.width == width })
                {
                    for position in openers[opener].index..<(openers[opener].index + width) { drop[position] = true }
                    for position in index..<(index + width) { drop[position] = true }
                    openers.removeSubrange(opener...)
                } else if canOpen(before: before, after: after) {
                    // Real emphasis nests a few deep; thousands of unmatched openers would make each
                    // closer's search quadratic, so only the latest `maxOpeners` are kept.
                    if openers.count == maxOpeners { openers.removeFirst() }
                    openers.append((scalar, width, index))
                }
                index += width
                continue
            }
            index += 1
        }
        items = items.enumerated().filter { !drop[$0.offset] }.map(\.element)
        return items
    }

    /// What follows a `*` run that stands for a missing figure (measure words: *次, **余人) or a
    /// redacted name (**市, ***党组, **同志) in a report.
    static let placeholderFollowers = Set("次个件项条篇期场名人份家户批轮届余多万亿元年月日天所处位起套市县区镇乡村局委党同".unicodeScalars)

    /// ASCII punctuation that a backslash escapes in Markdown.
    private static func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && "\\`*_{}[]()#+-.!<>|~\"'".unicodeScalars.contains(scalar)
    }

    static let maxOpeners = 32

    /// `[text](url)`: the index of `]` and of the closing `)`.
    private static func linkEnd(
        _ scalars: [Unicode.Scalar], from open: Int,
        brackets: inout NextFinder, parentheses: inout NextFinder
    ) -> (textEnd: Int, end: Int)? {
        guard let close = brackets.first(in: scalars, from: open + 1), close + 1 < scalars.count, scalars[close + 1] == "(",
            let end = parentheses.first(in: scalars, from: close + 2)
        else { return nil }
        return (close, end)
    }

    /// The first `target` at or after a position, for positions that never go back: the last answer is
    /// reused while it is still ahead, and a search that found nothing is not repeated, so all the
    /// searches on a line take one pass over it together.
    struct NextFinder {
        let target: Unicode.Scalar
        private var answer: Int?
        private var lastFrom = 0
        private var exhausted = false

        init(_ target: Unicode.Scalar) { self.target = target }

        mutating func first(in scalars: [Unicode.Scalar], from: Int) -> Int? {
            if from < lastFrom {
                answer = nil
                exhausted = false
            } // never happens; stays correct if it does
            lastFrom = from
            if let answer, answer >= from { return answer }
            if exhausted { return nil }
            var position = from
            while position < scalars.count {
                if scalars[position] == target {
                    answer = position
                    return position
                }
                position += 1
            }
            exhausted = true
            answer = nil
            return nil
        }
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
            .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
        scalar.map { CharacterClass.isSpace($0) } ?? true // the line's ends count as space
    }

    /// Left-flanking: not followed by space, and not followed by punctuation unless preceded by space or punctuation.
    static func canOpen(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before))
    }

    /// Right-flanking: not preceded by space, and not preceded by punctuation unless followed by space or punctuation.
    static func canClose(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after))
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
