import Foundation
import Testing

@testable import ReportLint

@Suite("Rule loader errors carry file, line and column")
struct RuleLoaderTests {
    /// The single error of a YAML text, as `line:column problem`.
    func onlyError(_ yaml: String) throws -> RuleError {
        let errors = TestSupport.loadErrors(yaml)
        try #require(errors.count == 1, "expected one error, got \(errors)")
        return errors[0]
    }

    @Test func validPackLoads() throws {
        let pack = try RuleLoader.parse(
            yaml: """
                pack: my-unit
                rules:
                  - id: my-unit/problems
                    kind: section
                    severity: error
                    message: 缺少“存在的问题”部分
                    headings: [存在的问题]
                    cues: ['(但|但是).{0,30}(还存在|差距)']
                  - id: my-unit/outdated
                    kind: forbid
                    message: 过时提法
                    phrases: [以习近平同志为总书记的党中央]
                    within: my-unit/problems
                """, file: "my.yml"
        ).get()
        #expect(pack.name == "my-unit")
        #expect(pack.rules.map(\.header.id) == ["my-unit/problems", "my-unit/outdated"])
        #expect(pack.rules[1].header.severity == .warning) // the default
        #expect(pack.rules[0].header.location == RuleLocation(file: "my.yml", line: 3, column: 5))
    }

    /// A folded description joins its lines without the space YAML puts in, between Chinese characters only.
    @Test func foldedDescriptionsJoinChineseLinesWithoutASpace() throws {
        let pack = try RuleLoader.parse(
            yaml: """
                pack: my-unit
                description: >-
                  本单位的
                  规则
                rules:
                  - id: my-unit/brackets
                    kind: forbid
                    message: 发文字号
                    description: >-
                      年份用六角括号括入（GB/T 9704-2012 7.2.4），
                      不用方括号；见 GB/T
                      9704-2012。
                    phrases: ['[2025]']
                """, file: "unit.yml"
        ).get()
        #expect(pack.description == "本单位的规则")
        #expect(pack.rules[0].header.description == "年份用六角括号括入（GB/T 9704-2012 7.2.4），不用方括号；见 GB/T 9704-2012。")
    }

    @Test func unknownKeySuggestsTheNearest() throws {
        let error = try onlyError(
            """
            pack: p
            rules:
              - id: p/a
                kind: phrase
                severty: error
                message: m
                phrases: [x]
            """)
        #expect(error.location == RuleLocation(file: "rules.yml", line: 5, column: 5))
        guard case .unknownKey("severty", let suggestion, _) = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(suggestion == "severity")
        #expect(error.description.hasPrefix("rules.yml:5:5: 错误: 未知的键“severty”，是否想写“severity”？"))
    }

    @Test func kindSpecificKeysAreCheckedPerKind() throws {
        // `suggest` belongs to forbid, not to phrase.
        let error = try onlyError("pack: p\nrules:\n  - {id: p/a, kind: phrase, message: m, phrases: [x], suggest: y}\n")
        guard case .unknownKey("suggest", _, _) = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(error.location.line == 3)
    }

    @Test func wrongType() throws {
        let error = try onlyError("pack: p\nrules:\n  - id: p/a\n    kind: phrase\n    message: m\n    phrases: {a: b}\n")
        #expect(error.problem == .wrongType(key: "phrases", expected: "字符串列表"))
        #expect(error.location == RuleLocation(file: "rules.yml", line: 6, column: 14))
    }

    /// A gated entry needs its rule's gate, and a gate cannot ask for more words than it has.
    @Test func gateMistakesArePositioned() throws {
        let head = "pack: p\nrules:\n  - id: p/a\n    kind: formulation\n    message: m\n"
        let ungated = try onlyError(head + "    entries:\n      - {canonical: 服务, variants: [效劳], gated: true}\n")
        #expect(ungated.problem == .wrongType(key: "gated", expected: "规则有 gate 时才能用的 true"))
        #expect(ungated.location.line == 7)
        let tooMany = try onlyError(
            head + "    gate: {words: [效劳, 根底], atLeast: 3}\n    entries:\n      - {canonical: 服务, variants: [效劳]}\n")
        #expect(tooMany.problem == .wrongType(key: "atLeast", expected: "1 到 words 个数之间的整数"))
        #expect(tooMany.location == RuleLocation(file: "rules.yml", line: 6, column: 38))
        // An entry whose only pattern does not compile gets that one error, not also a missing key; an entry
        // with empty lists names no wrong form at all.
        let badPattern = try onlyError(head + "    entries:\n      - {canonical: 召开, patterns: ['(?<=组织)?进行']}\n")
        #expect(badPattern.location.line == 7)
        if case .badRegex = badPattern.problem {} else { Issue.record("\(badPattern.problem)") }
        let empty = try onlyError(head + "    entries:\n      - {canonical: 召开, variants: []}\n")
        #expect(empty.problem == .missingKey("variants"))
    }

    @Test func missingId() throws {
        let error = try onlyError("pack: p\nrules:\n  - kind: phrase\n    message: m\n    phrases: [x]\n")
        #expect(error.problem == .missingKey("id"))
        #expect(error.location.line == 3)
    }

    @Test func invalidId() throws {
        let error = try onlyError("pack: p\nrules:\n  - {id: 规则一, kind: phrase, message: m, phrases: [x]}\n")
        #expect(error.problem == .invalidId("规则一"))
    }

    /// The hand-written id check accepts exactly what the documented pattern accepts.
    @Test func idCheckAgreesWithItsPattern() throws {
        let pattern = try NSRegularExpression(pattern: "^[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*$")
        let alphabet = Array("ab9_.-/A 规")
        var generator = SystemRandomNumberGenerator()
        var samples = ["", "a", "p/a", "common/placeholder", "/a", "a/", "a//b", "-a", "a/-b", "a/b.c_d-e", "A/b", "a b", "规则"]
        for _ in 0..<3_000 {
            samples.append(
                String((0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for id in samples {
            let expected = pattern.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
            #expect(RuleLoader.isValidId(id) == expected, "\(id)")
        }
    }

    @Test func duplicateIdPointsAtBoth() throws {
        let error = try onlyError(
            """
            pack: p
            rules:
              - {id: p/a, kind: phrase, message: m, phrases: [x]}
              - {id: p/a, kind: phrase, message: m, phrases: [y]}
            """)
        #expect(error.problem == .duplicateId("p/a", first: RuleLocation(file: "rules.yml", line: 3, column: 5)))
        #expect(error.location.line == 4)
    }

    @Test func duplicateIdAcrossPacks() throws {
        let first = try RuleLoader.parse(
            yaml: "pack: a\nrules:\n  - {id: x/a, kind: phrase, message: m, phrases: [x]}\n", file: "a.yml"
        ).get()
        let second = try RuleLoader.parse(
            yaml: "pack: b\nrules:\n  - {id: x/a, kind: phrase, message: m, phrases: [x]}\n", file: "b.yml"
        ).get()
        guard case .failure(let failure) = CompiledRules.compile([first, second]) else {
            Issue.record("should fail")
            return
        }
        #expect(failure.errors.map(\.location.file) == ["b.yml"])
    }

    @Test func badRegexAtItsOwnPosition() throws {
        let error = try onlyError(
            "pack: p\nrules:\n  - id: p/a\n    kind: forbid\n    message: m\n    patterns: ['ok', '(未闭合']\n")
        guard case .badRegex(pattern: "(未闭合", _) = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(error.location == RuleLocation(file: "rules.yml", line: 6, column: 22))
    }

    @Test func regexMatchingEmptyIsRejected() throws {
        let error = try onlyError("pack: p\nrules:\n  - {id: p/a, kind: forbid, message: m, patterns: ['x*']}\n")
        #expect(error.problem == .regexMatchesEmpty("x*"))
    }

    @Test func unknownWithinSuggestsASection() throws {
        let error = try onlyError(
            """
            pack: p
            rules:
              - {id: p/problems, kind: section, message: m, headings: [存在的问题]}
              - {id: p/a, kind: phrase, message: m, phrases: [x], within: p/problem}
            """)
        #expect(error.problem == .unknownWithin("p/problem", suggestion: "p/problems"))
        #expect(error.location.line == 4)
    }

    @Test func withinMustNameASectionRule() throws {
        let error = try onlyError(
            """
            pack: p
            rules:
              - {id: p/b, kind: phrase, message: m, phrases: [y]}
              - {id: p/a, kind: phrase, message: m, phrases: [x], within: p/b}
            """)
        #expect(error.problem == .withinNotSection("p/b"))
    }

    @Test func unknownKind() throws {
        let error = try onlyError("pack: p\nrules:\n  - {id: p/a, kind: fobrid, message: m, phrases: [x]}\n")
        #expect(error.problem == .unknownKind("fobrid", suggestion: "forbid"))
    }

    @Test func emptyPhrase() throws {
        let error = try onlyError("pack: p\nrules:\n  - id: p/a\n    kind: forbid\n    message: m\n    phrases: [x, '']\n")
        #expect(error.problem == .emptyValue(key: "phrases"))
        #expect(error.location == RuleLocation(file: "rules.yml", line: 6, column: 18))
    }

    @Test func invalidSeverityAndType() {
        let errors = TestSupport.loadErrors(
            "pack: p\nrules:\n  - {id: p/a, kind: phrase, severity: fatal, types: [memo], message: m, phrases: [x]}\n")
        #expect(errors.map(\.problem) == [.invalidSeverity("fatal"), .invalidDocumentType("memo")])
    }

    @Test func sectionNeedsHeadingsOrCues() throws {
        let error = try onlyError("pack: p\nrules:\n  - {id: p/a, kind: section, message: m}\n")
        #expect(error.problem == .missingKey("headings"))
    }

    @Test func yamlSyntaxErrorHasPosition() throws {
        let error = try onlyError("pack: p\nrules:\n  - id: p/a\n    kind: [phrase\n    message: m\n")
        guard case .syntax = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(error.location.line >= 4)
    }

    @Test func tabIndentationIsASyntaxError() throws {
        let error = try onlyError("pack: p\nrules:\n\t- id: p/a\n")
        guard case .syntax = error.problem else {
            Issue.record("\(error)")
            return
        }
        #expect(error.location.line == 3)
    }

    @Test func aliasBombIsStoppedBeforeExpansion() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "pack: bomb\nrules: []\n"
        let error = try onlyError(yaml)
        guard case .tooComplex = error.problem else {
            Issue.record("\(error)")
            return
        }
    }

    @Test func allMistakesOfAFileAtOnce() {
        let errors = TestSupport.loadErrors(
            """
            pack: p
            rules:
              - {id: p/a, kind: phrase, mesage: m, phrases: [x]}
              - {id: p/b, kind: forbid, message: m, patterns: ['(']}
            """)
        #expect(errors.count == 3) // unknown key, missing message, bad regex
        #expect(errors.map(\.location.line) == [3, 3, 4])
    }

    @Test func notAMappingAndMissingRules() {
        #expect(TestSupport.loadErrors("- a\n- b\n").map(\.problem) == [.notAMapping(what: "规则文件顶层")])
        #expect(TestSupport.loadErrors("pack: p\n").map(\.problem) == [.missingKey("rules")])
        #expect(TestSupport.loadErrors("").map(\.problem) == [.missingKey("pack")])
    }
}
