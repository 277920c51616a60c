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
/// takes the next file in turn, and results land at their input index, so the output order is the
/// input order whatever the number of threads.
public enum BatchLinter {
    public static func run(_ jobs: [LintJob], reader: Reader, threads: Int,
                           standardInput: Result<Source, ReadError>? = nil,
                           progress: (@Sendable (Int) -> Void)? = nil) -> [FileOutcome] {
        let results = Slots<FileOutcome>(count: jobs.count)
        let next = Counter()
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, jobs.count))) { _ in
            while let index = next.take(below: jobs.count) {
                let job = jobs[index]
                let read = job.path == "-" ? (standardInput ?? reader.readStandardInput()) : reader.read(path: job.path)
                switch read {
                case .success(let source):
                    results[index] = .linted(Linter(rules: job.rules).lint(source, type: job.type))
                case .failure(let error):
                    results[index] = .failed(error)
                }
                if let progress, let count = done.take(below: Int.max) { progress(count + 1) }
            }
        }
        return results.values
    }
}

/// A lock-guarded counter handing out 0, 1, 2, … to the workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Fixed slots written once each by the workers.
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    var values: [Value] { storage.compactMap { $0 } }
}
