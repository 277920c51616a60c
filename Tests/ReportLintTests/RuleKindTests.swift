import Testing

@testable import ReportLint

@Suite("section rules")
struct SectionRuleTests {
    let pack = """
        pack: t
        rules:
          - id: t/problems
            kind: section
            severity: error
            message: 缺少“存在的问题”部分
            types: [summary]
            headings: [存在的问题, 问题和不足]
            cues: ['(但|但是|客观地看).{0,30}(还存在|差距|不足)']
          - id: t/next
            kind: section
            message: 缺少下一步打算
            headings: [下一步]
            cues: ['^(下一步|为此，在新的一年里)，?.{0,12}(将|要)']
          - id: t/political
            kind: section
            message: 缺少政治建设
            headings: [政治建设]
            series: true
        """

    func lint(_ text: String) throws -> LintResult {
        TestSupport.lint(text, rules: try TestSupport.rules([pack]))
    }

    @Test func foundAsHeadingAtAnyLevel() throws {
        let result = try lint("2023年工作总结\n一、主要工作\n（一）加强政治建设\n（二）存在的问题和下一步打算\n学习不深入。\n")
        #expect(result.findings.isEmpty)
        #expect(result.sections["t/problems"]?.map(\.source) == [.heading])
        #expect(result.sections["t/next"]?.map(\.line) == [4])
    }

    @Test func foundAsSeriesItemOnlyWhenTheRuleSaysSo() throws {
        let result = try lint("工作总结\n一、主要工作\n一是加强政治建设。二是存在的问题较多。\n下一步，我局将加强学习。\n但还存在差距。\n")
        #expect(result.sections["t/political"]?.map(\.source) == [.seriesItem])
        // t/problems has no `series: true`: the item 二是存在的问题 does not count, the cue does.
        #expect(result.sections["t/problems"]?.map(\.source) == [.cue])
    }

    @Test func cueAnchorsAtSentenceStartsAndFoldedParagraphOpensTwoSections() throws {
        let text = "工作总结\n一、主要工作\n学习12次。\n客观地看，工作中还存在不少差距。为此，在新的一年里，我局将加强学习。\n"
        let result = try lint(text)
        #expect(brief(result.findings) == ["t/political@4:35"])
        #expect(result.sections["t/problems"]?.first?.line == 4)
        #expect(result.sections["t/next"]?.first?.line == 4)
        let document = result.document
        let anchor = try #require(result.sections["t/next"]?.first?.anchor)
        #expect(document.text(anchor).hasPrefix("为此，在新的一年里"))
    }

    @Test func cueDeepInASentenceDoesNotOpenNextSteps() throws {
        // `^` is a sentence start: 下一步 in the middle of a sentence is not a next-steps paragraph.
        let result = try lint("工作总结\n一、政治建设\n我局研究了下一步，将加强学习。但还存在差距。\n")
        #expect(brief(result.findings) == ["t/next@3:23"])
    }

    @Test func missingSectionPointsAtTheEndOfTheLastBlock() throws {
        let result = try lint("2023年工作总结\n一、政治建设\n学习12次。\n下一步，我局将继续。\n\n某单位\n2024年1月2日\n")
        let finding = try #require(result.findings.first { $0.ruleId == "t/problems" })
        #expect(finding.start == SourcePosition(line: 4, column: 11))
        #expect(finding.start == finding.end)
        #expect(finding.severity == .error)
        #expect(finding.message == "缺少“存在的问题”部分。可写为：小标题含“存在的问题”“问题和不足”；或段落提示语符合 (但|但是|客观地看).{0,30}(还存在|差距|不足)。")
    }

    @Test func missingSectionWithoutHeadingsPointsAtTheTitle() throws {
        let result = try lint("2023年工作总结\n全年学习12次。\n")
        let finding = try #require(result.findings.first { $0.ruleId == "t/problems" })
        #expect(finding.start == SourcePosition(line: 1, column: 1))
        #expect(finding.end == SourcePosition(line: 1, column: 10))
    }

    @Test func typesLimitTheRule() throws {
        let result = try lint("2024年工作要点\n一、政治建设\n1.学习。\n下一步，将学习。\n")
        #expect(result.document.type == .plan)
        #expect(!result.findings.contains { $0.ruleId == "t/problems" })
        #expect(result.sections["t/problems"] == nil)
    }

    /// Blank text has one policy, wherever it comes from: the reader's error, never an empty lint that passes.
    @Test func blankTextIsRefusedByEveryEntry() throws {
        let session = LintSession(options: LintOptions())
        let blank = " \n\u{3000}\n"
        guard case .unreadable(let fromBytes) = session.lint(bytes: Array(blank.utf8), path: "草稿.txt") else {
            Issue.record("blank bytes were linted")
            return
        }
        #expect(fromBytes.description.contains("文件为空"))
        let source = Source(path: "上传.txt", text: blank)
        guard case .unreadable(let fromSource) = session.lint(source, type: .summary) else {
            Issue.record("a blank source was linted")
            return
        }
        #expect(fromSource.description.hasPrefix("上传.txt"))
        // Text that is not blank goes through both entries.
        guard case .linted = session.lint(bytes: Array("2024年工作总结\n一、主要工作\n".utf8), path: "草稿.txt") else {
            Issue.record("a report was refused")
            return
        }
    }
}

@Suite("phrase rules")
struct PhraseRuleTests {
    let pack = """
        pack: t
        rules:
          - {id: t/problems, kind: section, message: 缺少问题, headings: [存在的问题]}
          - id: t/thought
            kind: phrase
            message: 未提及指导思想
            phrases: [习近平新时代中国特色社会主义思想]
          - id: t/rectify
            kind: phrase
            message: 问题部分应写整改措施
            phrases: [整改]
            patterns: ['立行立改|限期改正']
            within: t/problems
        """

    func lint(_ text: String) throws -> [String] {
        brief(TestSupport.lint(text, rules: try TestSupport.rules([pack])).findings)
    }

    @Test func presentAnywhere() throws {
        #expect(try lint("总结\n坚持以习近平新时代中国特色社会主义思想为指导。\n一、存在的问题\n立行立改。\n") == [])
    }

    @Test func missingPointsAtTheTitle() throws {
        #expect(try lint("总结\n坚持学习。\n一、存在的问题\n已整改。\n") == ["t/thought@1:1"])
    }

    @Test func withinCountsOnlyInsideTheSection() throws {
        let text = "总结\n习近平新时代中国特色社会主义思想\n一、主要工作\n抓好整改。\n二、存在的问题\n学习不够。\n三、下一步\n继续整改。\n"
        #expect(try lint(text) == ["t/rectify@5:3"])
        #expect(try lint(text.replacingOccurrences(of: "学习不够", with: "限期改正")) == [])
    }

    @Test func withinAMissingSectionSaysNothing() throws {
        // The section rule reports the missing section; the phrase rule does not pile on.
        #expect(try lint("总结\n习近平新时代中国特色社会主义思想\n一、主要工作\n") == ["t/problems@3:7"])
    }
}

@Suite("forbid rules")
struct ForbidRuleTests {
    let pack = """
        pack: t
        rules:
          - {id: t/problems, kind: section, message: 缺少问题, headings: [存在的问题]}
          - id: t/outdated
            kind: forbid
            severity: error
            message: 过时提法
            phrases: [以习近平同志为总书记的党中央]
            patterns: ['四个?维护']
            suggest: 以习近平同志为核心的党中央
          - id: t/name
            kind: forbid
            message: 名称不完整
            phrases: [新时代中国特色社会主义思想]
            except: [习近平新时代中国特色社会主义思想]
          - id: t/soft
            kind: forbid
            severity: info
            message: 问题部分不宜用
            phrases: [基本完成]
            within: t/problems
        """

    /// Findings of the forbid rules (the pack's section rule is only there for `within`).
    func lint(_ text: String) throws -> [Finding] {
        TestSupport.lint(text, rules: try TestSupport.rules([pack])).findings.filter { $0.ruleId != "t/problems" }
    }

    @Test func reportsEachMatchAtItsPositionWithTheSuggestion() throws {
        let findings = try lint("维护以习近平同志为总书记的党中央权威。\n做到四维护。")
        #expect(brief(findings) == ["t/outdated@1:3", "t/outdated@2:3"])
        #expect(findings[0].end == SourcePosition(line: 1, column: 17))
        #expect(findings[0].suggestion == "以习近平同志为核心的党中央")
        #expect(findings[0].message == "过时提法：“以习近平同志为总书记的党中央”，应改为“以习近平同志为核心的党中央”")
        #expect(findings[1].message.contains("“四维护”"))
    }

    @Test func exceptionsExcuseMatchesInsideThem() throws {
        let findings = try lint("以习近平新时代中国特色社会主义思想为指导，学习新时代中国特色社会主义思想。")
        #expect(brief(findings) == ["t/name@1:24"])
    }

    @Test func withinLimitsTheForbiddenPhrase() throws {
        let findings = try lint("一、主要工作\n任务基本完成。\n二、存在的问题\n整改基本完成。\n")
        #expect(brief(findings) == ["t/soft@4:3"])
        #expect(findings[0].severity == .info)
    }

    @Test func aPhraseAndAPatternOnTheSameTextReportOnce() throws {
        let rules = try TestSupport.rules([
            "pack: p\nrules:\n  - {id: p/x, kind: forbid, message: m, phrases: [四维护], patterns: ['四维护']}\n"
        ])
        #expect(brief(TestSupport.lint("四维护", rules: rules).findings) == ["p/x@1:1"])
    }
}
