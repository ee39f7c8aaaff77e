import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The search index's words, counted and folded as the search script folds them, and its kept state
/// read back (the index a build makes is `PlacesAndSearchTests`).
@Suite("Search words and the index's state")
struct SearchWordsTests {
    @Test func aDamagedIndexStateIsNotRead() throws {
        var state = SearchPostings(words: ["alpha", "beta"], shards: 2)
        state.reports = [.init(slug: "a-2024", inputs: ContentDigest("a"), scored: [SearchPostings.pack(word: 1, score: 102)])]
        let data = state.encoded()
        #expect(SearchPostings.decode(data) == state)
        #expect(SearchPostings.decode(data.dropLast(3)) == nil)
        #expect(SearchPostings.decode(Data("reportsite search 0\n".utf8) + data.dropFirst(20)) == nil)
        // A posting that names a word the table lacks.
        var wrong = state
        wrong.reports[0].scored = [SearchPostings.pack(word: 7, score: 1)]
        #expect(SearchPostings.decode(wrong.encoded()) == nil)
    }

    /// The words of `text` with their counts, found the slow and obvious way: scalar by scalar.
    static func slowCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:], word = String.UnicodeScalarView()
        func finish() {
            defer { word = String.UnicodeScalarView() }
            guard !word.isEmpty else { return }
            // A word beyond ASCII may fold to a longer ASCII one: its limit is that of its bytes as written.
            let plain = String(word), ascii = plain.unicodeScalars.allSatisfy(\.isASCII)
            for piece in ascii ? [plain.lowercased()] : SearchText.fold(plain)
            where piece.utf8.count <= SearchText.longestWord * (ascii ? 1 : 4) {
                counts[piece, default: 0] += 1
            }
        }
        for scalar in text.unicodeScalars {
            if SearchText.isWordScalar(scalar) || (0x300...0x36F).contains(scalar.value) { word.append(scalar) } else { finish() }
        }
        finish()
        return counts
    }

    @Test func theWordCounterAgreesWithAScalarByScalarReading() {
        // Pieces that meet the counter's edges: words of 7, 8, 9 and 16 bytes (it reads eight at a
        // time), case, accents, punctuation beyond ASCII, a word over the longest indexed, digits.
        let pieces = ["abcdefg", "ABCDEFGH", "abcdefghi", "AbCdEfGhIjKlMnOp", "café", "CAFE", "Réunion’s", "—", " ", ", ",
                      "naïve", "x", "2024", "a\u{301}b", String(repeating: "long", count: 11), "Straße", "日本", "\n", "«word»"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let counted = SearchText.count(text: text)
            let fast = Dictionary(counted.map { ($0.word, $0.count) }, uniquingKeysWith: +)
            let slow = Self.slowCounts(text)
            let differing = Set(fast.keys).union(slow.keys).filter { fast[$0] != slow[$0] }.sorted()
            #expect(differing.isEmpty, "\(text): \(differing.map { "\($0) \(fast[$0] ?? 0) \(slow[$0] ?? 0)" })")
            #expect(Set(counted.map(\.word)).count == counted.count, "a word counted twice in \(text)")
        }
        // The names and sections mark their words without counting them as uses.
        let marked = SearchText.count(text: "Risk and risk", names: "Essex South", sections: "Risk assessment")
        #expect(marked.first { $0.word == "risk" } == .init(word: "risk", count: 2, kinds: 2))
        #expect(marked.first { $0.word == "essex" } == .init(word: "essex", count: 0, kinds: 1))
        #expect(marked.first { $0.word == "assessment" } == .init(word: "assessment", count: 0, kinds: 2))
    }

    @Test func wordsAreFoldedAsTheScriptFoldsThem() {
        // ASCII words first, in order, then the others folded.
        #expect(SearchText.words("Southend-on-Sea's CAFÉ, naïve 2024") == ["southend", "on", "sea", "s", "2024", "cafe", "naive"])
        let counted = SearchText.wordCounts("The the THE café cafe Ab1 ab1 aB1.")
        #expect(counted.map(\.word) == ["the", "cafe", "ab1"] && counted.map(\.count) == [3, 2, 3], "\(counted)")
        // The counting table grows past its first size and keeps every word and count.
        let many = (0..<5_000).map { "w\($0) w\($0 % 7)" }.joined(separator: " ")
        let table = SearchText.wordCounts(many)
        #expect(table.count == 5_000 && table.first { $0.word == "w3" }?.count == 1 + (0..<5_000).filter { $0 % 7 == 3 }.count)
        // The text as a reader reads it: entities decoded, white space one space, blocks apart.
        func read(_ markdown: String) -> String {
            var renderer = MarkdownRenderer()
            renderer.collectsText = true
            return String(decoding: renderer.render(markdown).text, as: UTF8.self)
        }
        #expect(read("## Fish &amp; chips\n\nA&nbsp;*b*'s   and\nmore") == "Fish & chips A b’s and more")
        // Inline formatting and links join what is either side; a footnote's number and an image's
        // description are left out; code, cells and items are read.
        #expect(read("a**b**c[^1] `x` [link](https://example.org)\n\n[^1]: A note.") == "abc x link A note.")
        #expect(read("![A chart](chart.png) After.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n```\ncode  here\n```") == "After. A B 1 2 one two code here")
        #expect(MarkdownRenderer().render("Text.").text.isEmpty)
        // FNV-1a as search.js works it out ("a" is 0xE40C292C).
        #expect(SearchText.shard(of: "a", shards: 1 << 31) == Int(0xE40C292C & 0x7FFF_FFFF))
    }
}
