/// A 64-bit digest of bytes that is the same in every run and on every machine, for telling whether
/// an input changed since the last build. Not cryptographic: it guards against accidents, not attacks.
///
/// Swift's `Hasher` is seeded anew in each process, so it cannot be stored; this one reads eight
/// bytes at a time with the multiply-and-rotate steps of xxHash64, which keeps hashing a whole site's
/// content at memory speed.
struct ContentDigest: Sendable, Hashable, CustomStringConvertible {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    private(set) var value: UInt64

    init() {
        value = Self.prime3
    }

    /// A digest as `value` gave it (read back from a build's cache).
    init(value: UInt64) {
        self.value = value
    }

    init(_ text: String) {
        self.init()
        combine(text)
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
        // The length closes each piece, so ("ab", "c") and ("a", "bc") differ.
        combine(UInt64(text.utf8.count))
    }

    mutating func combine(_ other: ContentDigest) {
        combine(other.value)
    }

    mutating func combine(_ word: UInt64) {
        value = (value ^ Self.round(word)).rotatedLeft(27) &* Self.prime1 &+ Self.prime3
    }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            combine(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
        combine(tail ^ UInt64(bytes.count - offset) << 56)
    }

    /// The value with its last words avalanched in, so that nearby inputs give unrelated values: fit
    /// to be added to others' where the order of the pieces must not matter.
    var mixed: UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed &*= Self.prime2
        mixed ^= mixed >> 29
        mixed &*= Self.prime3
        mixed ^= mixed >> 32
        return mixed
    }

    var description: String {
        let hex = String(mixed, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func round(_ word: UInt64) -> UInt64 {
        (word &* prime2).rotatedLeft(31) &* prime1
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
