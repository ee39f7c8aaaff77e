import Foundation

/// The words of a text as the search index and the search page's script both see them.
///
/// A word is a run of letters and digits, lower-cased, with its accents taken off; everything else
/// separates words. `search.js` folds a query by the same rule (`toLowerCase`, NFD, marks
/// U+0300–U+036F removed, split on what is not a letter or digit), so a word a reader types is the
/// word the index holds.
enum SearchText {
    /// Words longer than this are not indexed: they are web addresses or identifiers run together,
    /// which nobody types, and they would only swell the shards.
    static let longestWord = 40

    /// A word with how many times a report's text uses it, and whether its names or sections hold it.
    struct Counted: Equatable {
        var word: String
        var count: Int
        /// 1: one of the names; 2: a heading, recommendation or the summary.
        var kinds: UInt8
    }

    /// Each word of `text` with how many times it occurs: the ASCII words in the order they first
    /// occur, then the others.
    static func wordCounts(_ text: String) -> [(word: String, count: Int)] {
        count(text: text).map { ($0.word, $0.count) }
    }

    /// Each word of a report's `text`, `names` and `sections`, counted in the text and marked in
    /// the others, in one pass over the three (as one buffer).
    ///
    /// A report's text has thousands of words; counting them through a dictionary of strings would
    /// make a string and hash it for each. Here the words are byte
    /// runs of the text, counted in a table of their own keyed by an FNV-1a hash worked out while
    /// reading; a string is made once per distinct word.
    static func count(text: String, names: String = "", sections: String = "") -> [Counted] {
        count(text: Array(text.utf8), names: names, sections: sections)
    }

    /// `count(text:names:sections:)` of a text given as UTF-8 bytes (its room to grow is used).
    static func count(text: [UInt8], names: String, sections: String) -> [Counted] {
        var buffer = text
        let textEnd = buffer.count
        buffer.append(0x0A)
        buffer.append(names)
        let namesEnd = buffer.count
        buffer.append(0x0A)
        buffer.append(sections)
        return buffer.withUnsafeBufferPointer { bytes in
            // About one distinct word in ten, of some six letters: a report's text has a thousand or
            // two; the table grows if it needs to.
            var table = WordTable(capacity: max(64, bytes.count / 64))
            var folded: [String: Int] = [:]
            var extra: [Counted] = []
            let end = bytes.count
            // Read once: a static in the loop is looked up at each byte.
            let byteKinds = Self.byteKinds
            var index = 0
            while index < end {
                var kind = byteKinds[Int(bytes[index])]
                if kind == 0 {
                    index += 1
                    continue
                }
                // A word: letters and digits, and beyond ASCII letters, digits and accents.
                let start = index
                var ascii = true, after = index
                while index < end {
                    kind = byteKinds[Int(bytes[index])]
                    if kind == 1 {
                        index += 1
                        continue
                    }
                    if kind == 0 { after = index + 1; break }
                    let length = bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : bytes[index] >= 0xC0 ? 2 : 1
                    let scalarEnd = min(index + length, end)
                    let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<scalarEnd]), as: UTF8.self).unicodeScalars.first
                    guard let scalar, isWordScalar(scalar) || (0x300...0x36F).contains(scalar.value) else { after = scalarEnd; break }
                    ascii = false
                    index = scalarEnd
                }
                if index >= end { after = end }
                defer { index = after }
                guard index > start else { continue }
                let wordKind: UInt8 = start < textEnd ? 0 : start < namesEnd ? 1 : 2
                if ascii {
                    if index - start <= longestWord {
                        table.count(start: start, length: index - start, kind: wordKind, in: bytes)
                    }
                } else {
                    for piece in fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    where piece.utf8.count <= longestWord * 4 {
                        let at = folded[piece] ?? {
                            folded[piece] = extra.count
                            extra.append(Counted(word: piece, count: 0, kinds: 0))
                            return extra.count - 1
                        }()
                        if wordKind == 0 { extra[at].count += 1 } else { extra[at].kinds |= wordKind }
                    }
                }
            }
            var counted = table.words(in: bytes)
            guard !extra.isEmpty else { return counted }
            // A word with an accent folds to ASCII at times ("café" is "cafe"): counted as one.
            var at = Dictionary(counted.enumerated().map { ($1.word, $0) }, uniquingKeysWith: { first, _ in first })
            for piece in extra {
                if let index = at[piece.word] {
                    counted[index].count += piece.count
                    counted[index].kinds |= piece.kinds
                } else {
                    at[piece.word] = counted.count
                    counted.append(piece)
                }
            }
            return counted
        }
    }

    /// What each byte is to a word: 0 separates words (ASCII but a letter or digit), 1 is an ASCII
    /// letter or digit, 2 is part of a character beyond ASCII.
    private static let byteKinds: [UInt8] = (0...255).map { byte in
        byte >= 0x80 ? 2 : (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) ? 1 : 0
    }

    /// The distinct words of `text`.
    static func words(_ text: String) -> [String] {
        wordCounts(text).map(\.word)
    }

    /// A word with letters beyond ASCII, as the script folds it: lower case, decomposed, the
    /// combining accents U+0300–U+036F taken out; then split where anything but a letter or digit is left.
    static func fold(_ word: String) -> [String] {
        let decomposed = word.lowercased().decomposedStringWithCanonicalMapping
        var words: [String] = [], current = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// A letter or a digit (`\p{L}` or `\p{N}` in the script's pattern).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The shard a word's postings are in, of `shards` (a power of two): FNV-1a over its UTF-8 bytes,
    /// as `search.js` works it out.
    static func shard(of word: String, shards: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash & UInt32(shards - 1))
    }
}

/// Counts the ASCII words of a text by their bytes, case folded (see `SearchText.count`): an
/// open-addressing table of where each distinct word first occurs, and how often it does.
private struct WordTable {
    private var hashes: [UInt32]
    private var starts: [Int]
    private var lengths: [Int]
    private var counts: [Int]
    private var kinds: [UInt8]
    /// The used slots, in the order their words first occurred.
    private var order: [Int] = []
    private var mask: Int

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size *= 2 }
        self.init(slots: size)
    }

    /// An empty table of `size` slots (a power of two).
    private init(slots size: Int) {
        hashes = Array(repeating: 0, count: size)
        starts = Array(repeating: -1, count: size)
        lengths = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        kinds = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Counts the ASCII word at `start` of `length` bytes: a use when `kind` is 0, else marks it of that kind.
    mutating func count(start: Int, length: Int, kind: UInt8, in bytes: UnsafeBufferPointer<UInt8>) {
        if order.count * 2 >= hashes.count { grow() }
        let hash = Self.hash(bytes, start, length)
        var at = Int(hash) & mask
        while starts[at] >= 0 {
            if hashes[at] == hash, lengths[at] == length, Self.same(bytes, starts[at], start, length) {
                if kind == 0 { counts[at] += 1 } else { kinds[at] |= kind }
                return
            }
            at = (at + 1) & mask
        }
        hashes[at] = hash
        starts[at] = start
        lengths[at] = length
        counts[at] = kind == 0 ? 1 : 0
        kinds[at] = kind
        order.append(at)
    }

    /// A hash of a run of ASCII letters and digits, the same whatever their case, eight bytes at a
    /// time: `| 0x20` folds an ASCII letter and leaves a digit as it is.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt32 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var offset = 0
        while offset + 8 <= length {
            hash = (hash ^ (base.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self) | 0x2020_2020_2020_2020)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < length {
            var tail: UInt64 = 0
            for index in offset..<length { tail = tail << 8 | UInt64(bytes[start + index] | 0x20) }
            hash = (hash ^ tail) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        return UInt32(truncatingIfNeeded: hash)
    }

    /// Whether two runs of ASCII letters and digits are the same word but for case (see `hash`).
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ length: Int) -> Bool {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var offset = 0
        while offset + 8 <= length {
            if base.loadUnaligned(fromByteOffset: a + offset, as: UInt64.self) | 0x2020_2020_2020_2020
                != base.loadUnaligned(fromByteOffset: b + offset, as: UInt64.self) | 0x2020_2020_2020_2020 { return false }
            offset += 8
        }
        for index in offset..<length where bytes[a + index] | 0x20 != bytes[b + index] | 0x20 { return false }
        return true
    }

    private mutating func grow() {
        var grown = WordTable(slots: hashes.count * 2)
        for slot in order {
            var at = Int(hashes[slot]) & grown.mask
            while grown.starts[at] >= 0 { at = (at + 1) & grown.mask }
            grown.hashes[at] = hashes[slot]
            grown.starts[at] = starts[slot]
            grown.lengths[at] = lengths[slot]
            grown.counts[at] = counts[slot]
            grown.kinds[at] = kinds[slot]
            grown.order.append(at)
        }
        self = grown
    }

    /// Each word, lower-cased, with its count and kinds, in the order of first occurrence.
    func words(in bytes: UnsafeBufferPointer<UInt8>) -> [SearchText.Counted] {
        order.map { slot in
            let word = String(unsafeUninitializedCapacity: lengths[slot]) { buffer in
                for offset in 0..<lengths[slot] {
                    let byte = bytes[starts[slot] + offset]
                    buffer[offset] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                }
                return lengths[slot]
            }
            return SearchText.Counted(word: word, count: counts[slot], kinds: kinds[slot])
        }
    }
}
