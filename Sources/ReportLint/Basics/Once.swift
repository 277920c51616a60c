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

/// Values built the first time each is asked for, by index (the sentences of each paragraph): several rules
/// ask for the same few paragraphs, and a report whose rules ask for none pays for none.
final class OncePerIndex<Value: Sendable>: @unchecked Sendable { // `stored` is guarded by `lock`
    private let lock = NSLock()
    private var stored: [Value?] = []

    init() {}

    /// The value at `index` (of `count`), built by `build` if nobody has built it yet.
    func get(_ index: Int, of count: Int, _ build: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if stored.count < count { stored += [Value?](repeating: nil, count: count - stored.count) }
        if let value = stored[index] { return value }
        let built = build()
        stored[index] = built
        return built
    }
}
