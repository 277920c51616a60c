import Foundation
import Testing

@testable import ReportLint

@Suite("Batch linting: order and a bounded number of files in flight")
struct BatchLinterTests {
    /// Files whose findings tell them apart: file n has n placeholders.
    func jobs(_ count: Int) throws -> [LintJob] {
        let directory = try TestSupport.temporaryDirectory()
        let rules = try TestSupport.rules(["pack: t\nrules:\n  - {id: t/x, kind: forbid, message: m, phrases: ['XX']}\n"])
        return try (0..<count).map { index in
            let path = directory.appendingPathComponent("r\(index).txt").path
            try ("总结\n" + String(repeating: "XX。", count: index) + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return LintJob(path: path, rules: rules, type: nil)
        }
    }

    @Test func deliversInInputOrderFromSeveralThreads() throws {
        let jobs = try jobs(40)
        var delivered: [Int] = []
        BatchLinter.run(jobs, reader: Reader(), threads: 4, window: .init(files: 3, bytes: 0)) { index, outcome in
            #expect(outcome.path == jobs[index].path)
            #expect(outcome.findings.count == index)
            delivered.append(index)
        }
        #expect(delivered == Array(0..<40))
    }

    /// A slow consumer (a pipe nobody reads fast) holds the workers back: they never run more than the
    /// window ahead of what was delivered, so memory stays bounded however many files there are.
    @Test func workersWaitForASlowConsumer() throws {
        let jobs = try jobs(30)
        let delivered = LockedCount()
        let furthestAhead = LockedCount()
        BatchLinter.run(
            jobs, reader: Reader(), threads: 2,
            progress: { finished in
                furthestAhead.raise(to: finished - delivered.value)
            }, window: .init(files: 2, bytes: .max),
            deliver: { _, _ in
                Thread.sleep(forTimeInterval: 0.003)
                delivered.raise(to: delivered.value + 1)
            })
        #expect(delivered.value == 30)
        #expect(furthestAhead.value <= 2)
    }

    /// Besides the file count, finished files waiting for a slow one may hold only so much text (their
    /// results are the memory being bounded): with no room they wait, with room they run on. Checked
    /// step by step on one thread, so the answer does not depend on scheduling.
    @Test func waitingFilesAreLimitedByTheirSize() throws {
        let source = TestSupport.source("总结\n" + String(repeating: "正文。", count: 100))
        let outcome = FileOutcome.linted(Linter(rules: try TestSupport.rules()).lint(source))
        for (budget, waitsAfterOneFinished) in [(0, true), (source.bytes.count + 1, false), (source.bytes.count, true)] {
            var delivered: [Int] = []
            let queue = OrderedHandOver(count: 10, window: .init(files: 8, bytes: budget), workers: 2) { index, _ in
                delivered.append(index)
            }
            #expect(queue.take() == 0)
            #expect(queue.take() == 1)
            // Two files run, one per worker, whatever the window.
            #expect(queue.mustWait == (budget == 0))
            // File 1 finishes first and waits for file 0: its text counts against the budget.
            _ = queue.complete(1, outcome)
            #expect(delivered.isEmpty)
            #expect(queue.mustWait == waitsAfterOneFinished)
            _ = queue.complete(0, outcome)
            #expect(delivered == [0, 1])
            #expect(!queue.mustWait)
        }
    }

    @Test func theCollectingFormKeepsEveryOutcome() throws {
        let jobs = try jobs(12)
        let outcomes = BatchLinter.run(jobs, reader: Reader(), threads: 3)
        #expect(outcomes.map(\.findings.count) == Array(0..<12))
    }
}

private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0

    var value: Int { lock.withLock { stored } }

    func raise(to candidate: Int) {
        lock.withLock { stored = max(stored, candidate) }
    }
}

@Suite("Rules of one large report in parallel")
struct ParallelRulesTests {
    /// The built-in rules checked on several threads give exactly the findings they give one after
    /// another, on a report with findings of many rules (placeholders, punctuation, numbering, figures).
    @Test func sameFindingsAsOneAfterAnother() throws {
        let rules = try TestSupport.rules(builtin: true)
        let paragraph = "一是开展专题研讨，，召开会议*次。坚定“四个意识”,推进XX工作……等。二是加强学习(理论)。\n"
        let text = "2023年党建工作总结\n一、政治建设\n" + String(repeating: paragraph, count: 40) + "1、存在的问题\n但还存在差距。\n"
        let source = TestSupport.source(text)
        let serial = Linter(rules: rules, parallelRulesFrom: .max).lint(source).findings
        let parallel = Linter(rules: rules, parallelRulesFrom: 0).lint(source).findings
        #expect(Set(serial.map(\.ruleId)).count >= 6)
        #expect(
            parallel.map { "\($0.ruleId)@\($0.range.start)-\($0.range.end):\($0.message)" }
                == serial.map { "\($0.ruleId)@\($0.range.start)-\($0.range.end):\($0.message)" })
    }
}
