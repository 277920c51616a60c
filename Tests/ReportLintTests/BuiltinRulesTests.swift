import Foundation
import Testing

@testable import ReportLint

@Suite("Built-in rule packs")
struct BuiltinRulesTests {
    @Test func everyFileInRulesIsEmbedded() throws {
        let directory = TestSupport.packageRoot.appendingPathComponent("Rules")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(BuiltinRules.files.map(\.name).sorted() == onDisk)
        for file in BuiltinRules.files {
            let disk = try Data(contentsOf: directory.appendingPathComponent(file.name))
            #expect(Array(disk) == file.bytes, "\(file.name) in the binary differs from Rules/")
        }
    }

    @Test func packsLoadAndCompile() throws {
        let rules = try TestSupport.rules(builtin: true)
        let ids = Set(rules.rules.map(\.header.id))
        #expect(ids.isSuperset(of: ["report/political-building", "report/problems", "report/next-steps"]))
    }

    @Test func everyRuleHasExamplesAndTheyPass() throws {
        let outcome = ExampleRunner.run(try TestSupport.rules(builtin: true))
        #expect(outcome.untested.isEmpty)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        #expect(outcome.examplesRun >= 14)
    }

    @Test func exampleRunnerCatchesABrokenRule() throws {
        // A rule whose fail example cannot trigger it, and whose pass example does.
        let rules = try TestSupport.rules([
            """
            pack: t
            rules:
              - id: t/broken
                kind: forbid
                message: m
                phrases: [请批准]
                examples:
                  pass: [请批准。]
                  fail: [请批示。]
            """
        ])
        let outcome = ExampleRunner.run(rules)
        #expect(outcome.failures.map(\.missedFinding) == [true, false])
        #expect(outcome.failures[0].description.hasPrefix("test0.yml:9:14: 错误: 规则 t/broken 的 fail 示例没有触发该规则"))
    }

    /// A fix that writes again the words beside the wrong part (党的 + 党的十九大 for 党的十九精神) fails its
    /// example; the same entry fixing only the wrong part passes.
    @Test func exampleRunnerCatchesAFixThatRestatesItsNeighbours() throws {
        func outcome(canonical: String) throws -> ExampleRunner.Outcome {
            ExampleRunner.run(
                try TestSupport.rules([
                    """
                    pack: t
                    rules:
                      - id: t/congress
                        kind: formulation
                        message: m
                        entries:
                          - canonical: \(canonical)
                            patterns: ['(?<=党的)十九(?=精神)']
                            exact: true
                            fail: [深入学习贯彻党的十九精神。]
                            pass: [深入学习贯彻党的十九大精神。]
                    """
                ]))
        }
        let restating = try outcome(canonical: "党的十九大")
        #expect(restating.failures.count == 1)
        #expect(restating.failures.first?.restatingFix == "深入学习贯彻党的党的十九大精神。")
        #expect(restating.failures.first?.description.contains("重复了旁边的字") == true)
        #expect(try outcome(canonical: "十九大").failures.isEmpty)
    }

    /// Issue 19: a fail example marks with ↓ where the finding must start; a finding elsewhere, or a
    /// mark with no finding, fails the example.
    @Test func exampleMarksCheckWhereTheFindingIs() throws {
        let rules = try TestSupport.rules([
            """
            pack: t
            rules:
              - id: t/approval
                kind: forbid
                message: m
                phrases: [请批准]
                examples:
                  fail:
                    - 以上报告，↓请批准。
                    - "第一行\\r\\n以上报告，↓请批准；↓请批准。"
                    - 以上↓报告，请批准。
                    - ↓以上报告，↓请批准。
            """
        ])
        let outcome = ExampleRunner.run(rules)
        #expect(outcome.examplesRun == 4)
        #expect(outcome.failures.map(\.location.line) == [11, 12], "\(outcome.failures)")
        #expect(outcome.failures.first?.description.contains("用 ↓ 标出的位置（1:3）与问题的位置（1:6）不符") == true)
        #expect(
            ExampleRunner.marks(in: "甲\r\n乙↓丙\r丁↓").marks == [
                SourcePosition(line: 2, column: 2), SourcePosition(line: 3, column: 2),
            ])
        #expect(ExampleRunner.marks(in: "甲↓乙").text == "甲乙")
    }
}
