import Foundation

/// Why ICU refused a pattern, and where, in Chinese for a rule author. NSRegularExpression says only
/// that a pattern is invalid; this walks the pattern the way ICU reads it and names the first mistake it
/// recognises (an unclosed group or class, a stray `)`, a quantifier with nothing to repeat, `{3,1}`,
/// an unbounded repetition inside a look-behind, an unknown property or group name, a reversed range).
public enum RegexDiagnosis {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// 1-based, in Unicode scalars (a Chinese character is one).
        public let position: Int
        public let reason: String
        public var description: String { "第 \(position) 个字符处：\(reason)" }
    }

    /// The first mistake recognised in a pattern ICU refuses; nil when none is recognised.
    public static func diagnose(_ pattern: String) -> Problem? {
        var scanner = Scanner(Array(pattern.unicodeScalars))
        return scanner.run()
    }

    private struct Group {
        let start: Int
        let lookBehind: Bool
        var unbounded = false
    }

    private struct Scanner {
        let s: [Unicode.Scalar]
        var i = 0
        var groups: [Group] = []
        var groupCount = 0
        var names = Set<String>()
        /// Whether the last thing read can take a quantifier (an atom), and whether it was a quantifier.
        var canRepeat = false
        var afterQuantifier = false

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        func problem(_ at: Int, _ reason: String) -> Problem { Problem(position: at + 1, reason: reason) }

        func text(_ range: Range<Int>) -> String {
            String(scalars: s[max(0, range.lowerBound)..<min(s.count, range.upperBound)])
        }

        mutating func run() -> Problem? {
            // Group names and count first: a back-reference may come before the group it names.
            prescanGroups()
            while i < s.count {
                let c = s[i]
                switch c {
                case "\\":
                    if let found = escape(inClass: false) { return found }
                    canRepeat = true
                    afterQuantifier = false
                case "[":
                    if let found = characterClass() { return found }
                    canRepeat = true
                    afterQuantifier = false
                case "(":
                    if let found = openGroup() { return found }
                case ")":
                    guard var group = groups.popLast() else { return problem(i, "多余的“)”：前面没有对应的“(”（要匹配字面的括号请写“\\)”）") }
                    if group.lookBehind && group.unbounded {
                        return problem(
                            group.start, "后行断言“\(text(group.start..<group.start + 4))…)”中不能有无界重复（* + {n,}），请给出上限，如 {0,10}")
                    }
                    if group.unbounded, !groups.isEmpty { groups[groups.count - 1].unbounded = true }
                    group.unbounded = false
                    i += 1
                    canRepeat = true
                    afterQuantifier = false
                case "*", "+", "?", "{":
                    if let found = quantifier() { return found }
                case "|":
                    i += 1
                    canRepeat = false
                    afterQuantifier = false
                default:
                    i += 1
                    canRepeat = true
                    afterQuantifier = false
                }
            }
            if let open = groups.last { return problem(open.start, "“(”没有对应的“)”") }
            return nil
        }

        mutating func prescanGroups() {
            var j = 0
            var inClass = false
            while j < s.count {
                if s[j] == "\\" {
                    j += 2
                    continue
                }
                if inClass {
                    if s[j] == "]" { inClass = false }
                    j += 1
                    continue
                }
                if s[j] == "[" {
                    inClass = true
                    j += 1
                    if j < s.count, s[j] == "]" { j += 1 }
                    continue
                }
                if s[j] == "(" {
                    if j + 1 < s.count, s[j + 1] == "?" {
                        if j + 2 < s.count, s[j + 2] == "<", j + 3 < s.count, s[j + 3] != "=", s[j + 3] != "!" {
                            var end = j + 3
                            while end < s.count, s[end] != ">" { end += 1 }
                            names.insert(text(j + 3..<end))
                            groupCount += 1
                        }
                    } else {
                        groupCount += 1
                    }
                }
                j += 1
            }
        }

        mutating func openGroup() -> Problem? {
            let start = i
            var lookBehind = false
            if i + 1 < s.count, s[i + 1] == "?" {
                let rest = i + 2 < s.count ? s[i + 2] : " "
                switch rest {
                case ":", "=", "!", ">":
                    i += 3
                case "#":
                    // A comment runs to the next ")".
                    var end = i + 3
                    while end < s.count, s[end] != ")" { end += 1 }
                    if end == s.count { return problem(start, "注释“(?#”没有对应的“)”") }
                    i = end + 1
                    return nil
                case "<":
                    let next = i + 3 < s.count ? s[i + 3] : " "
                    if next == "=" || next == "!" {
                        lookBehind = true
                        i += 4
                    } else {
                        var end = i + 3
                        while end < s.count, s[end] != ">" { end += 1 }
                        let name = text(i + 3..<end)
                        let valid =
                            !name.isEmpty && name.unicodeScalars.first!.properties.isAlphabetic
                            && name.unicodeScalars.allSatisfy {
                                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
                            }
                        if end == s.count || !valid {
                            return problem(start, "命名分组“(?<名字>…)”的名字“\(name)”无效：须以 ASCII 字母开头，只含 ASCII 字母和数字")
                        }
                        i = end + 1
                    }
                default:
                    // Flags: (?i) (?x-s) (?i:…)
                    var end = i + 2
                    while end < s.count, "imsxwu-".unicodeScalars.contains(s[end]) { end += 1 }
                    guard end > i + 2, end < s.count, s[end] == ")" || s[end] == ":" else {
                        return problem(start, "“(?”后面的写法无法识别：可用 (?: (?= (?! (?<= (?<! (?<名字> (?#注释) 或 (?i) 这类开关")
                    }
                    if s[end] == ")" {
                        i = end + 1
                        return nil
                    }
                    i = end + 1
                }
            } else if i + 1 < s.count, s[i + 1] == "*" {
                return problem(i + 1, "量词“*”前面没有可重复的内容（要匹配字面的“*”请写“\\*”）")
            } else {
                i += 1
            }
            groups.append(Group(start: start, lookBehind: lookBehind))
            canRepeat = false
            afterQuantifier = false
            return nil
        }

        mutating func quantifier() -> Problem? {
            let start = i
            let c = s[i]
            var unbounded = c == "*" || c == "+"
            var display = String(c)
            if c == "{" {
                var end = i + 1
                while end < s.count, s[end] != "}" { end += 1 }
                guard end < s.count else { return problem(start, "“{”没有对应的“}”（要匹配字面的“{”请写“\\{”）") }
                let body = text(i + 1..<end)
                display = "{\(body)}"
                let parts = body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
                else {
                    return problem(start, "重复次数“\(display)”无效：应写成 {n}、{n,} 或 {n,m}，n 和 m 为数字（要匹配字面的“{”请写“\\{”）")
                }
                guard !parts[0].isEmpty else { return problem(start, "重复次数“\(display)”缺少下限，应写成 {0,\(parts[1])}") }
                guard let low = Int(parts[0]), parts.count == 1 || parts[1].isEmpty || Int(parts[1]) != nil else {
                    return problem(start, "重复次数“\(display)”太大")
                }
                if parts.count == 2, let high = Int(parts[1]), high < low {
                    return problem(start, "重复次数“\(display)”的下限大于上限")
                }
                if parts.count == 2 && parts[1].isEmpty { unbounded = true }
                i = end + 1
            } else {
                i += 1
            }
            if afterQuantifier {
                return problem(start, "量词“\(display)”紧跟在另一个量词之后（要重复一段内容请先用括号括起来，如 (ab){2}）")
            }
            guard canRepeat else {
                return problem(start, "量词“\(display)”前面没有可重复的内容（要匹配字面的“\(display.first!)”请写“\\\(display.first!)”）")
            }
            // A lazy (?) or possessive (+) modifier belongs to the quantifier.
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
            if unbounded, !groups.isEmpty { groups[groups.count - 1].unbounded = true }
            canRepeat = false
            afterQuantifier = true
            return nil
        }

        /// `\…` at `i`; leaves `i` after it.
        mutating func escape(inClass: Bool) -> Problem? {
            let start = i
            guard i + 1 < s.count else { return problem(start, "末尾的“\\”后面缺少字符（要匹配字面的反斜杠请写“\\\\”）") }
            let c = s[i + 1]
            i += 2
            switch c {
            case "p", "P":
                guard i < s.count, s[i] == "{" else {
                    i += 1
                    return nil
                }
                var end = i
                while end < s.count, s[end] != "}" { end += 1 }
                guard end < s.count else { return problem(start, "“\\\(c){”没有对应的“}”") }
                let name = text(i + 1..<end)
                i = end + 1
                if (try? NSRegularExpression(pattern: "\\p{\(name)}")) == nil {
                    return problem(start, "未知的 Unicode 属性“\(name)”（常用的有 \\p{Han} 汉字、\\p{P} 标点、\\p{L} 字母、\\p{N} 数字）")
                }
            case "N", "x":
                if i < s.count, s[i] == "{" {
                    var end = i
                    while end < s.count, s[end] != "}" { end += 1 }
                    let body = text(i + 1..<end)
                    i = min(end + 1, s.count)
                    if end == s.count || (try? NSRegularExpression(pattern: "\\\(c){\(body)}")) == nil {
                        return problem(start, c == "x" ? "“\\x{\(body)}”不是有效的十六进制字符码" : "“\\N{\(body)}”不是已知的 Unicode 字符名")
                    }
                } else if c == "x" {
                    let digits = s[i..<min(i + 2, s.count)].prefix { $0.properties.isASCIIHexDigit }
                    if digits.count < 2 { return problem(start, "“\\x”后面应有两位十六进制数字，或写成 \\x{…}") }
                    i += 2
                }
            case "u", "U":
                let count = c == "u" ? 4 : 8
                let digits = s[i..<min(i + count, s.count)].prefix { $0.properties.isASCIIHexDigit }
                if digits.count < count { return problem(start, "“\\\(c)”后面应有 \(count) 位十六进制数字") }
                i += count
            case "k":
                guard i < s.count, s[i] == "<" else { return problem(start, "“\\k”后面应是“<分组名>”") }
                var end = i
                while end < s.count, s[end] != ">" { end += 1 }
                let name = text(i + 1..<end)
                i = min(end + 1, s.count)
                if !names.contains(name) { return problem(start, "反向引用“\\k<\(name)>”指向不存在的命名分组") }
            case "1"..."9" where !inClass:
                var number = Int(c.value - 48)
                while i < s.count, ("0"..."9").contains(s[i]), number * 10 + Int(s[i].value - 48) <= groupCount {
                    number = number * 10 + Int(s[i].value - 48)
                    i += 1
                }
                if number > groupCount {
                    return problem(start, "反向引用“\\\(number)”指向不存在的第 \(number) 个分组（整个表达式只有 \(groupCount) 个）")
                }
            case "Q":
                // Literal text up to \E (or the end).
                while i < s.count, !(s[i] == "\\" && i + 1 < s.count && s[i + 1] == "E") { i += 1 }
                i = min(i + 2, s.count)
            default:
                break
            }
            return nil
        }

        /// The character an escape inside a class stands for (`\-`, `\u4e00`, `\x{41}`); nil for a set (`\d`, `\p{…}`).
        static func literal(ofEscape escaped: String) -> Unicode.Scalar? {
            let scalars = Array(escaped.unicodeScalars.dropFirst())
            guard let letter = scalars.first else { return nil }
            if scalars.count == 1 {
                switch letter {
                case "n": return "\n"
                case "t": return "\t"
                case "r": return "\r"
                case "f": return "\u{0C}"
                case "e": return "\u{1B}"
                case "a": return "\u{07}"
                default: return "dDwWsShHvVRXN".unicodeScalars.contains(letter) ? nil : letter
                }
            }
            guard letter == "u" || letter == "U" || letter == "x" else { return nil }
            let digits = String(scalars: scalars.dropFirst().filter { $0.properties.isASCIIHexDigit })
            return UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init)
        }

        /// `[…]` at `i` (nested classes, escapes, ranges); leaves `i` after it.
        mutating func characterClass() -> Problem? {
            let start = i
            i += 1
            if i < s.count, s[i] == "^" { i += 1 }
            if i < s.count, s[i] == "]" {
                if start + 1 < s.count, s[start + 1] == "^" { return problem(start, "字符类“[^]”是空的") }
                i += 1 // a leading ] is literal
            }
            var previous: Unicode.Scalar?
            var previousStart = i
            while i < s.count {
                let c = s[i]
                switch c {
                case "]":
                    i += 1
                    return nil
                case "[":
                    if let found = characterClass() { return found }
                    previous = nil
                case "\\":
                    let escapeStart = i
                    previousStart = i
                    if let found = escape(inClass: true) { return found }
                    let escaped = text(escapeStart..<i)
                    previous = Scanner.literal(ofEscape: escaped)
                    if previous == nil, i < s.count, s[i] == "-", i + 1 < s.count, s[i + 1] != "]" {
                        return problem(escapeStart, "字符范围不能以“\(escaped)”这样的字符集开始或结束")
                    }
                case "-":
                    if let low = previous, i + 1 < s.count, s[i + 1] != "]", s[i + 1] != "[" {
                        var high = s[i + 1]
                        var end = i + 2
                        if high == "\\", i + 2 < s.count {
                            if "dDwWsShHvVpP".unicodeScalars.contains(s[i + 2]) {
                                return problem(i + 1, "字符范围不能以“\\\(s[i + 2])”这样的字符集结束")
                            }
                            let saved = i
                            i += 1
                            if let found = escape(inClass: true) { return found }
                            end = i
                            i = saved
                            guard let value = Scanner.literal(ofEscape: text(saved + 1..<end)) else {
                                i = end
                                previous = nil
                                continue
                            }
                            high = value
                        }
                        if high.value < low.value {
                            return problem(previousStart, "字符范围“\(text(previousStart..<end))”颠倒：起点应不大于终点")
                        }
                        i = end
                        previous = nil
                    } else {
                        previousStart = i
                        i += 1
                        previous = c
                    }
                default:
                    previousStart = i
                    previous = c
                    i += 1
                }
            }
            return problem(start, "字符类“[”没有对应的“]”（要匹配字面的“[”请写“\\[”）")
        }
    }
}
