import Foundation

/// One slot per task, each written once from whichever thread ran the task; read after all are done.
final class ResultSlots<Value>: @unchecked Sendable { // guarded by `lock`
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}
