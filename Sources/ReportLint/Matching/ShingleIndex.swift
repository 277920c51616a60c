/// The character n-grams ("shingles") of a report's paragraphs, for finding near-copies: each paragraph
/// added is told, for every earlier paragraph, how many of its distinct shingles that one holds too.
///
/// Shingles are found with a rolling key in one pass over the scalars and kept in one open-addressing
/// table (no Set, no dictionary of arrays, no allocation per shingle). A shingle is compared exactly: up
/// to six scalars are packed 21 bits each into the key; longer ones are keyed by two independent 64-bit
/// rolling hashes. A shingle held by `maxPostings` earlier paragraphs or more is a stock phrase and counts
/// for none, so the work per shingle is bounded whatever the report's length.
struct ShingleIndex {
    let ngram: Int
    let maxPostings: Int

    // The table, by slot. A slot is empty while `owner` is -1.
    private var keys: [UInt128]
    /// The paragraph that last added the shingle: a repeat within one paragraph is counted once.
    private var owner: [Int32]
    /// How many paragraphs hold the shingle.
    private var holders: [Int32]
    /// The first of the shingle's postings (an index into `postingParagraph`), -1 for none.
    private var firstPosting: [Int32]
    private var occupied = 0

    // Postings as linked lists in two flat arrays; kept only while a shingle has fewer than `maxPostings`.
    private var postingParagraph: [Int32] = []
    private var postingNext: [Int32] = []

    /// Per paragraph added so far: its number of distinct shingles.
    private(set) var distinctCounts: [Int] = []
    // Shared counts of the paragraph being added, and which earlier paragraphs have one.
    private var shared: [Int32] = []
    private var touched: [Int32] = []

    init(ngram: Int, maxPostings: Int) {
        precondition(ngram >= 1 && ngram <= 64)
        self.ngram = ngram
        self.maxPostings = maxPostings
        let capacity = 1024
        keys = Array(repeating: 0, count: capacity)
        owner = Array(repeating: -1, count: capacity)
        holders = Array(repeating: 0, count: capacity)
        firstPosting = Array(repeating: -1, count: capacity)
    }

    /// Adds the next paragraph (its scalars); returns each earlier paragraph (by the order added) with the
    /// number of distinct shingles the two share, in no particular order. A paragraph shorter than
    /// `ngram` has no shingles.
    mutating func add(_ scalars: ArraySlice<Unicode.Scalar>) -> [(paragraph: Int, shared: Int)] {
        let paragraph = Int32(distinctCounts.count)
        shared.append(0)
        var distinct = 0
        if scalars.count >= ngram {
            if ngram <= ShingleIndex.packedLimit {
                distinct = addPacked(scalars, paragraph: paragraph)
            } else {
                distinct = addHashed(scalars, paragraph: paragraph)
            }
        }
        distinctCounts.append(distinct)
        let result = touched.map { (paragraph: Int($0), shared: Int(shared[Int($0)])) }
        for other in touched { shared[Int(other)] = 0 }
        touched.removeAll(keepingCapacity: true)
        return result
    }

    /// Up to this many scalars (21 bits each) fit in a key exactly.
    static let packedLimit = 6

    private mutating func addPacked(_ scalars: ArraySlice<Unicode.Scalar>, paragraph: Int32) -> Int {
        let mask: UInt128 = (1 << UInt128(21 * ngram)) - 1
        var key: UInt128 = 0
        var distinct = 0
        var index = scalars.startIndex
        for _ in 1..<ngram {
            key = (key << 21) | UInt128(scalars[index].value)
            index += 1
        }
        while index < scalars.endIndex {
            key = ((key << 21) | UInt128(scalars[index].value)) & mask
            if insert(key, paragraph: paragraph) { distinct += 1 }
            index += 1
        }
        return distinct
    }

    private mutating func addHashed(_ scalars: ArraySlice<Unicode.Scalar>, paragraph: Int32) -> Int {
        // Two polynomial hashes modulo 2^64 with odd multipliers, rolled one scalar at a time.
        let first: UInt64 = 0x9E37_79B9_7F4A_7C15
        let second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var firstPower: UInt64 = 1
        var secondPower: UInt64 = 1
        for _ in 0..<ngram {
            firstPower &*= first
            secondPower &*= second
        }
        var hashA: UInt64 = 0
        var hashB: UInt64 = 0
        var distinct = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let incoming = UInt64(scalars[index].value) &+ 1
            hashA = hashA &* first &+ incoming
            hashB = hashB &* second &+ incoming
            if index - scalars.startIndex >= ngram {
                let outgoing = UInt64(scalars[index - ngram].value) &+ 1
                hashA &-= outgoing &* firstPower
                hashB &-= outgoing &* secondPower
            }
            if index - scalars.startIndex >= ngram - 1,
                insert(UInt128(hashA) << 64 | UInt128(hashB), paragraph: paragraph)
            {
                distinct += 1
            }
            index += 1
        }
        return distinct
    }

    /// Records that `paragraph` holds the shingle `key`; counts the earlier paragraphs holding it as shared
    /// unless it is a stock phrase. False when the paragraph already held it.
    private mutating func insert(_ key: UInt128, paragraph: Int32) -> Bool {
        if occupied * 2 >= keys.count { grow() }
        let slot = findSlot(key)
        if owner[slot] == -1 {
            keys[slot] = key
            owner[slot] = paragraph
            holders[slot] = 1
            firstPosting[slot] = addPosting(paragraph, next: -1)
            occupied += 1
            return true
        }
        if owner[slot] == paragraph { return false }
        owner[slot] = paragraph
        let count = holders[slot]
        if Int(count) < maxPostings {
            var posting = firstPosting[slot]
            while posting >= 0 {
                let other = Int(postingParagraph[Int(posting)])
                if shared[other] == 0 { touched.append(Int32(other)) }
                shared[other] += 1
                posting = postingNext[Int(posting)]
            }
            // Past `maxPostings` holders the list is never read again.
            if Int(count) + 1 < maxPostings { firstPosting[slot] = addPosting(paragraph, next: firstPosting[slot]) }
        }
        holders[slot] = min(count + 1, Int32(maxPostings)) // only its relation to maxPostings is read
        return true
    }

    private mutating func addPosting(_ paragraph: Int32, next: Int32) -> Int32 {
        postingParagraph.append(paragraph)
        postingNext.append(next)
        return Int32(postingParagraph.count - 1)
    }

    /// The slot holding `key`, or the empty slot where it goes (linear probing).
    private func findSlot(_ key: UInt128) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: ShingleIndex.mix(key)) & mask
        while owner[slot] != -1 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldOwner = owner
        let oldHolders = holders
        let oldFirst = firstPosting
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        owner = Array(repeating: -1, count: capacity)
        holders = Array(repeating: 0, count: capacity)
        firstPosting = Array(repeating: -1, count: capacity)
        for slot in oldKeys.indices where oldOwner[slot] != -1 {
            let new = findSlot(oldKeys[slot])
            keys[new] = oldKeys[slot]
            owner[new] = oldOwner[slot]
            holders[new] = oldHolders[slot]
            firstPosting[new] = oldFirst[slot]
        }
    }

    /// Spreads a key over the table's slots (the finaliser of MurmurHash3 over both halves).
    static func mix(_ key: UInt128) -> UInt64 {
        var value = UInt64(truncatingIfNeeded: key) ^ (UInt64(truncatingIfNeeded: key >> 64) &* 0x9E37_79B9_7F4A_7C15)
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}
