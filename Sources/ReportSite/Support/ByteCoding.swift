/// Appends values to a byte buffer in a fixed binary layout: little-endian integers, strings as a
/// length and their UTF-8 bytes. `ByteReader` reads them back in the same order.
///
/// For the build's own caches, which are read on every incremental build: `JSONDecoder` is slower
/// at reading the inspections back than YAML is at parsing them in the first place.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// A writer whose bytes start with `prefix` (a file's header), with room for `capacity` in all.
    init(prefix: [UInt8], capacity: Int) {
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: prefix)
    }

    mutating func int(_ value: Int) {
        word(UInt64(bitPattern: Int64(value)))
    }

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Bytes a `ByteWriter` wrote before, as they are.
    mutating func raw(_ data: some Collection<UInt8>) {
        bytes.append(contentsOf: data)
    }

    /// A flag, then the value when there is one.
    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    /// Entries in the dictionary's own order, which differs from one process to the next: for large
    /// dictionaries whose bytes no one compares, where sorting the keys would cost more than the rest.
    mutating func dictionaryInAnyOrder<V>(_ values: [String: V], _ write: (inout ByteWriter, V) -> Void) {
        int(values.count)
        for (key, value) in values {
            string(key)
            write(&self, value)
        }
    }

    /// Entries in key order, so that the same dictionary always makes the same bytes.
    mutating func dictionary<V>(_ values: [String: V], _ write: (inout ByteWriter, V) -> Void) {
        int(values.count)
        for key in values.keys.sorted() {
            string(key)
            write(&self, values[key]!)
        }
    }
}

/// Reads what `ByteWriter` wrote. Every read checks the bounds; reading past the end, or a length
/// that cannot be, makes the reader fail, and everything read after that is empty.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// Set on the first bad read: the bytes are not what the reader expected.
    private(set) var failed = false

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }
    /// How many bytes have been read.
    var position: Int { offset }

    mutating func word() -> UInt64 {
        guard !failed, offset + 8 <= bytes.count else { failed = true; return 0 }
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8])) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() -> Int {
        Int(truncatingIfNeeded: Int64(bitPattern: word()))
    }

    mutating func bool() -> Bool {
        guard !failed, offset < bytes.count else { failed = true; return false }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    mutating func string() -> String {
        let count = int()
        guard !failed, count >= 0, count <= bytes.count - offset else { failed = true; return "" }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    /// The raw bytes of a length-prefixed run (as `string` reads), without decoding them.
    mutating func run() -> Range<Int> {
        let count = int()
        guard !failed, count >= 0, count <= bytes.count - offset else { failed = true; return 0..<0 }
        defer { offset += count }
        return offset..<offset + count
    }

    mutating func optional<T>(_ read: (inout ByteReader) -> T) -> T? {
        bool() ? read(&self) : nil
    }

    mutating func strings() -> [String] {
        count().map { _ in string() }
    }

    mutating func dictionary<V>(_ read: (inout ByteReader) -> V) -> [String: V] {
        var values: [String: V] = [:]
        let entries = count()
        values.reserveCapacity(entries.count)
        for _ in entries {
            let key = string()
            values[key] = read(&self)
        }
        return values
    }

    /// Passes over what `dictionary` would read, `skip` passing over each value, making nothing.
    mutating func skipDictionary(_ skip: (inout ByteReader) -> Void) {
        for _ in count() {
            _ = run()
            skip(&self)
        }
    }

    /// A count, bounded by the bytes left (each element takes at least one), so bad bytes cannot
    /// make the reader allocate without end.
    private mutating func count() -> Range<Int> {
        let count = int()
        guard !failed, count >= 0, count <= bytes.count - offset else { failed = true; return 0..<0 }
        return 0..<count
    }
}
