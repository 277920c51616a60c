import Dispatch
import Foundation

/// At most `limit` lint jobs at once, each on a thread of its own (linting is synchronous CPU work and
/// must not hold the server's event loops or Swift's cooperative pool). A request beyond the limit waits
/// up to `wait` for a free slot, first come first served, then gets `WebError.busy` (503, Retry-After).
///
/// A job whose request gave up (its deadline passed) keeps its slot until it really ends: the slots bound
/// the work the machine does, not the requests still waiting for an answer.
public final class JobLimiter: @unchecked Sendable { // state guarded by `lock`
    public let limit: Int
    public let wait: Duration
    private let lock = NSLock()
    private var running = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiter: UInt64 = 0
    private let queue = DispatchQueue(label: "reportlint-web.jobs", attributes: .concurrent)

    public init(limit: Int, wait: Duration) {
        self.limit = max(1, limit)
        self.wait = wait
    }

    /// Jobs running now (for tests and the health route).
    public var active: Int { lock.withLock { running } }

    /// Runs `work` on a job thread once a slot is free. Throws `WebError.busy` when none frees within
    /// `wait`, and `CancellationError` when the calling task is cancelled while the job runs (the job
    /// finishes on its own and then frees its slot).
    public func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async throws -> Value {
        guard await acquire() else { throw WebError.busy }
        let delivery = Delivery<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delivery.set(continuation)
                queue.async {
                    let value = work()
                    self.release()
                    delivery.resume(.success(value))
                }
            }
        } onCancel: {
            delivery.resume(.failure(CancellationError()))
        }
    }

    private func acquire() async -> Bool {
        let ticket: UInt64? = lock.withLock {
            if running < limit {
                running += 1
                return nil
            }
            nextWaiter += 1
            return nextWaiter
        }
        guard let ticket else { return true }
        return await withCheckedContinuation { continuation in
            let admitted: Bool? = lock.withLock {
                // A slot may have been freed between the two locks.
                if running < limit {
                    running += 1
                    return true
                }
                waiters.append((ticket, continuation))
                return nil
            }
            if let admitted {
                continuation.resume(returning: admitted)
                return
            }
            Task { [wait] in
                try? await Task.sleep(for: wait)
                self.giveUp(ticket)
            }
        }
    }

    /// A waiter still in the queue after `wait` is told no.
    private func giveUp(_ ticket: UInt64) {
        let continuation: CheckedContinuation<Bool, Never>? = lock.withLock {
            guard let index = waiters.firstIndex(where: { $0.id == ticket }) else { return nil }
            return waiters.remove(at: index).continuation
        }
        continuation?.resume(returning: false)
    }

    /// Hands the slot to the first waiter, or frees it.
    private func release() {
        let next: CheckedContinuation<Bool, Never>? = lock.withLock {
            if waiters.isEmpty {
                running -= 1
                return nil
            }
            return waiters.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}

/// A continuation resumed once, by whichever comes first: the job's result or the caller's cancellation.
final class Delivery<Value: Sendable>: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, any Error>?
    private var early: Result<Value, any Error>?
    private var done = false

    func set(_ continuation: CheckedContinuation<Value, any Error>) {
        let pending: Result<Value, any Error>? = lock.withLock {
            if let early {
                done = true
                return early
            }
            self.continuation = continuation
            return nil
        }
        if let pending { continuation.resume(with: pending) }
    }

    func resume(_ result: Result<Value, any Error>) {
        let target: CheckedContinuation<Value, any Error>? = lock.withLock {
            guard !done else { return nil }
            guard let continuation else {
                // Cancelled before the continuation was set: keep the result for `set`.
                if early == nil { early = result }
                return nil
            }
            done = true
            self.continuation = nil
            return continuation
        }
        target?.resume(with: result)
    }
}
