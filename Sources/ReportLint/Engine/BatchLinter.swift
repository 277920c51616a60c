import Foundation

/// One file to lint, with the rules and configuration that govern it.
public struct LintJob: Sendable {
    public let path: String
    public let rules: CompiledRules
    public let type: DocumentType?

    public init(path: String, rules: CompiledRules, type: DocumentType?) {
        self.path = path
        self.rules = rules
        self.type = type
    }
}

/// Lints many files on several threads. Rules are compiled before and shared read-only; each worker
/// takes the next file in turn. Outcomes are handed over in input order, whatever the number of
/// threads, as soon as every earlier one has been: a run over thousands of files holds only the few
/// in flight, never the whole corpus.
public enum BatchLinter {
    /// How far workers may run ahead of the oldest file not yet delivered: at most `files` files, and
    /// only while the finished files waiting for it hold less than `bytes` of report text. Small files
    /// may run well ahead (a slow large file then does not leave the other cores idle); large ones
    /// soon wait, so memory stays bounded either way.
    public struct Window: Sendable {
        public var files: Int
        public var bytes: Int

        public init(files: Int, bytes: Int) {
            self.files = files
            self.bytes = bytes
        }

        public static let standard = Window(files: 256, bytes: 4 << 20)
    }

    /// Calls `deliver` once per job, in input order, one call at a time (from the worker threads).
    public static func run(
        _ jobs: [LintJob], reader: Reader, threads: Int,
        standardInput: Result<Source, ReadError>? = nil,
        progress: (@Sendable (Int) -> Void)? = nil,
        window: Window = .standard,
        timings: RuleTimings? = nil,
        deliver: (Int, FileOutcome) -> Void
    ) {
        let workers = max(1, min(threads, jobs.count))
        // With one thread allowed (`--jobs 1`), a large report's rules do not spread to other cores either.
        let parallelRulesFrom = threads > 1 ? Linter.defaultParallelRulesFrom : .max
        withoutActuallyEscaping(deliver) { deliver in
            let queue = OrderedHandOver(count: jobs.count, window: window, workers: workers, deliver: deliver)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = queue.take() {
                    let job = jobs[index]
                    let read =
                        job.path == "-"
                        ? (standardInput ?? reader.readStandardInput())
                        : timings.map { $0.measure("(读取和解码)") { reader.read(path: job.path) } } ?? reader.read(path: job.path)
                    let outcome: FileOutcome =
                        switch read {
                        case .success(let source):
                            .linted(
                                Linter(rules: job.rules, timings: timings, parallelRulesFrom: parallelRulesFrom).lint(
                                    source, type: job.type))
                        case .failure(let error): .failed(error)
                        }
                    let done = queue.complete(index, outcome)
                    progress?(done)
                }
            }
        }
    }

    /// Every outcome at once, in input order (for callers that need them all, such as a report that
    /// summarises before it lists).
    public static func run(
        _ jobs: [LintJob], reader: Reader, threads: Int,
        standardInput: Result<Source, ReadError>? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> [FileOutcome] {
        var outcomes: [FileOutcome] = []
        outcomes.reserveCapacity(jobs.count)
        run(
            jobs, reader: reader, threads: threads, standardInput: standardInput, progress: progress,
            window: Window(files: jobs.count, bytes: .max)
        ) { _, outcome in outcomes.append(outcome) }
        return outcomes
    }
}

/// Hands out job indices and passes finished outcomes on in index order. Whichever worker finishes
/// the oldest outstanding file delivers it and every later one already done; the others go back to
/// work. A worker about to run further ahead than the window allows waits.
final class OrderedHandOver: @unchecked Sendable { // all state is guarded by `condition`
    private let count: Int
    private let window: BatchLinter.Window
    private let workers: Int
    private let deliver: (Int, FileOutcome) -> Void
    private let condition = NSCondition()
    private var nextToTake = 0
    private var nextToDeliver = 0
    private var finished = 0
    private var waiting: [Int: FileOutcome] = [:]
    private var waitingBytes = 0
    private var delivering = false

    init(count: Int, window: BatchLinter.Window, workers: Int, deliver: @escaping (Int, FileOutcome) -> Void) {
        self.count = count
        self.window = window
        self.workers = workers
        self.deliver = deliver
    }

    /// The next job index, or nil when all are taken.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextToTake < count, mustWaitLocked { condition.wait() }
        guard nextToTake < count else { return nil }
        nextToTake += 1
        return nextToTake - 1
    }

    /// One file per worker may always run; beyond that, the window decides.
    var mustWait: Bool {
        condition.lock()
        defer { condition.unlock() }
        return mustWaitLocked
    }

    private var mustWaitLocked: Bool {
        let ahead = nextToTake - nextToDeliver
        return ahead >= workers && (ahead >= window.files || waitingBytes >= window.bytes)
    }

    private static func size(_ outcome: FileOutcome) -> Int {
        if case .linted(let result) = outcome { return result.document.source.bytes.count }
        return 0
    }

    /// Records an outcome and delivers what is ready; returns how many files are finished.
    func complete(_ index: Int, _ outcome: FileOutcome) -> Int {
        condition.lock()
        waiting[index] = outcome
        waitingBytes += OrderedHandOver.size(outcome)
        finished += 1
        let done = finished
        guard !delivering else {
            condition.unlock()
            return done // the worker delivering now will find it before it stops
        }
        delivering = true
        while let ready = waiting.removeValue(forKey: nextToDeliver) {
            let readyIndex = nextToDeliver
            condition.unlock()
            deliver(readyIndex, ready)
            condition.lock()
            waitingBytes -= OrderedHandOver.size(ready)
            nextToDeliver += 1
            condition.broadcast()
        }
        delivering = false
        condition.unlock()
        return done
    }
}
