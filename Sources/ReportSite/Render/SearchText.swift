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

    /// The text a reader sees of a rendered body: its HTML with the tags taken out, the entities
    /// cmark-gfm writes decoded, and each run of white space made one space. A tag of inline
    /// formatting (`<em>`, `<a>` …) joins what is either side of it, as a reader reads it; any other
    /// (a footnote's `<sup>`, a paragraph, a cell) separates words.
    static func plainText(fromHTML html: String) -> String {
        var out: [UInt8] = []
        var utf8 = Array(html.utf8)
        out.reserveCapacity(utf8.count)
        utf8.append(0)
        var index = 0, pendingSpace = false
        let end = utf8.count - 1
        func emit(_ byte: UInt8) {
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
        while index < end {
            let byte = utf8[index]
            switch byte {
            case 0x3C: // a tag: skipped (cmark-gfm puts no text inside one)
                var nameStart = index + 1
                if utf8[nameStart] == 0x2F { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < end, (0x61...0x7A).contains(utf8[nameEnd]) || (0x30...0x39).contains(utf8[nameEnd]) { nameEnd += 1 }
                if !inlineTags.contains(Array(utf8[nameStart..<nameEnd])) { pendingSpace = true }
                index = nameEnd
                while index < end, utf8[index] != 0x3E { index += 1 }
                index += 1
            case 0x20, 0x0A, 0x09, 0x0D:
                pendingSpace = true
                index += 1
            case 0xC2 where utf8[index + 1] == 0xA0: // a no-break space
                pendingSpace = true
                index += 2
            case 0x26: // an entity
                var semicolon = index + 1
                while semicolon < end, semicolon - index < 10, utf8[semicolon] != 0x3B { semicolon += 1 }
                let name = String(decoding: utf8[(index + 1)..<min(semicolon, end)], as: UTF8.self)
                if semicolon < end, utf8[semicolon] == 0x3B, let scalar = entity(name) {
                    if scalar == "\u{A0}" {
                        pendingSpace = true
                    } else {
                        for unit in String(Character(scalar)).utf8 { emit(unit) }
                    }
                    index = semicolon + 1
                } else {
                    emit(byte)
                    index += 1
                }
            default:
                emit(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let inlineTags: Set<[UInt8]> = Set(["a", "em", "strong", "code", "del", "abbr", "span", "mark", "b", "i", "s"].map { Array($0.utf8) })

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }

    /// Each word of `text` with how many times it occurs, in the order of the words.
    static func wordCounts(_ text: String) -> [(word: String, count: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        forEachWord(in: text) { word in
            if let count = counts[word] {
                counts[word] = count + 1
            } else {
                counts[word] = 1
                order.append(word)
            }
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// The distinct words of `text`.
    static func words(_ text: String) -> [String] {
        wordCounts(text).map(\.word)
    }

    /// Calls `body` with each word of `text`. ASCII, nearly all of a report, is read a byte at a
    /// time; a word with any other letter is folded through Unicode's decomposition.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        var word: [UInt8] = []
        var ascii = true
        func finish() {
            defer { word.removeAll(keepingCapacity: true); ascii = true }
            guard !word.isEmpty else { return }
            if ascii {
                if word.count <= longestWord { body(String(decoding: word, as: UTF8.self)) }
            } else {
                // Folded, it may split (a mark between letters is a separator in the script too).
                fold(String(decoding: word, as: UTF8.self)).forEach { if $0.utf8.count <= longestWord * 4 { body($0) } }
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                default: finish()
                }
            } else if isWordScalar(scalar) || (0x300...0x36F).contains(value) {
                ascii = false
                word.append(contentsOf: String(scalar).utf8)
            } else {
                finish()
            }
        }
        finish()
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
