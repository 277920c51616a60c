import Foundation

/// A value built the first time it is asked for, by whichever thread asks first; every later request,
/// from any thread, gets the same value. For the parts of a report that only some rules need (the
/// scalar table, the structure, the sentence text): a run whose rules never ask never pays for them.
final class Once<Value: Sendable>: @unchecked Sendable { // `stored` is guarded by `lock`
    private let lock = NSLock()
    private var stored: Value?

    init() {}

    /// The value, built by `build` if nobody has built it yet. Callers in loops take it once, outside.
    func get(_ build: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let built = build()
        stored = built
        return built
    }

    /// True once the value has been built.
    var isBuilt: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stored != nil
    }
}
