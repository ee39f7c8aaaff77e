import Foundation
import Testing
@testable import ReportSite

/// The places a PDU serves, as region files write them, and the search index made of names, places
/// and the reports' words.
@Suite("Places and search")
struct PlacesAndSearchTests {
    // MARK: places

    static let listTitle = "Ministry of Justice, list of probation delivery units (April 2023)"

    /// A region file's front matter with `places` (indented lines) under its one PDU.
    static func region(places: String) -> String {
        """
        name: "Test Region"
        pdus:
          - name: "Alpha"
            places:
        \(places)
        sources:
          - title: "\(listTitle)"
            url: "https://example.org/pdus.sql"
        """
    }

    static func decode(_ yaml: String) -> (region: Region?, printed: [String]) {
        var log = DiagnosticLog()
        guard case .success(let root) = YAMLReader.parse(yaml, file: "regions/test-region.md", firstLine: 2) else {
            return (nil, ["does not parse"])
        }
        let region = RegionDecoder.decode(root, slug: "test-region", body: "", bodyFirstLine: 20, &log)
        return (region, log.diagnostics.map(\.description))
    }

    @Test func placesReadWithTheirKindCoverageAndSource() throws {
        let (region, printed) = Self.decode(Self.region(places: """
                  - name: "Castlepoint"
                    kind: "council"
                    source: "\(Self.listTitle)"
                  - name: "Ribble Valley"
                    kind: "council"
                    coverage: "parts of"
                    source: { title: "Another list", url: "https://example.org/other" }
                  - name: "Crewe"
                    kind: "local delivery unit"
                    source: "\(Self.listTitle)"
            """))
        #expect(printed.isEmpty, "\(printed)")
        let places = try #require(region?.pdus.first?.places)
        // Spelt as the source spells it: nothing is corrected.
        #expect(places.map(\.name) == ["Castlepoint", "Ribble Valley", "Crewe"])
        #expect(places.map(\.kind) == [.council, .council, .localDeliveryUnit])
        #expect(places.map(\.coverage) == [nil, "parts of", nil])
        #expect(places[0].source == Source(title: Self.listTitle, url: "https://example.org/pdus.sql"))
        #expect(places[1].source == Source(title: "Another list", url: "https://example.org/other"))
        #expect(places[0].location.line == 6)
    }

    @Test(arguments: [
        ("unknown key", "  - name: \"A\"\n    kind: \"council\"\n    source: \"\(listTitle)\"\n    town: \"x\"",
         9, "error: pdus[0].places[0].town: unknown field 'town'"),
        ("missing name", "  - kind: \"council\"\n    source: \"\(listTitle)\"",
         6, "error: pdus[0].places[0].name: missing required field 'name'"),
        ("missing source", "  - name: \"A\"\n    kind: \"council\"",
         6, "error: pdus[0].places[0].source: missing required field 'source'"),
        ("unknown kind", "  - name: \"A\"\n    kind: \"town\"\n    source: \"\(listTitle)\"",
         7, "error: pdus[0].places[0].kind: unknown kind of place 'town'"),
        ("source not listed", "  - name: \"A\"\n    kind: \"council\"\n    source: \"pdu_local_authorities.csv row 3\"",
         8, "error: pdus[0].places[0].source: source 'pdu_local_authorities.csv row 3' is not one of this file's sources"),
        ("empty name", "  - name: \" \"\n    kind: \"council\"\n    source: \"\(listTitle)\"",
         6, "error: pdus[0].places[0]: a place's name is empty"),
        ("not a list", "  name: \"A\"",
         6, "error: pdus[0].places: expected a list"),
    ] as [(String, String, Int, String)])
    func badPlacesAreNamedWithFileAndLine(_ name: String, _ places: String, _ line: Int, _ expected: String) {
        let indented = places.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        let (region, printed) = Self.decode(Self.region(places: indented))
        #expect(printed.contains { $0.hasPrefix("regions/test-region.md:\(line):") && $0.contains(expected) }, "\(name): got \(printed)")
        // A place with a mistake is left out; one with an unknown key is kept, reported (the build fails).
        #expect(name == "unknown key" || region?.pdus.first?.places.isEmpty ?? true)
    }

    // MARK: the index

    /// The shard file of `word` in the built site at `output`, and the reports' slugs.
    static func postings(of word: String, in output: URL) throws -> [(slug: String, score: Int)] {
        let names = try TestPaths.read(output.appendingPathComponent(Routes.searchIndex))
        let json = names.dropFirst("window.REPORTSITE_SEARCH = ".count).dropLast(2)
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let shards = try #require(index["shards"] as? Int), lists = try #require(index["lists"] as? Int)
        var reports: [String] = []
        for number in 0..<lists {
            let file = try TestPaths.read(output.appendingPathComponent(Routes.searchReports(number)))
            let listPrefix = "window.__reportsiteReports(\(number),"
            #expect(file.hasPrefix(listPrefix))
            let coded = try #require(try JSONSerialization.jsonObject(with: Data(file.dropFirst(listPrefix.count).dropLast(3).utf8)) as? [Any])
            var slugs: [String] = []
            for pair in stride(from: 0, to: coded.count, by: 2) {
                let shared = try #require(coded[pair] as? Int), rest = try #require(coded[pair + 1] as? String)
                slugs.append(String((slugs.last ?? "").prefix(shared)) + rest)
            }
            reports += slugs
        }
        let number = SearchText.shard(of: word, shards: shards)
        let shard = try TestPaths.read(output.appendingPathComponent(Routes.searchShard(number)))
        let prefix = "window.__reportsiteShard(\(number),"
        #expect(shard.hasPrefix(prefix))
        let body = shard.dropFirst(prefix.count).dropLast(3)
        let words = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: [Int]])
        var found: [(String, Int)] = [], id = 0
        let list = words[word] ?? []
        for pair in stride(from: 0, to: list.count, by: 2) {
            id += list[pair]
            found.append((reports[id], list[pair + 1]))
        }
        return found
    }

    static func report(_ slug: String, title: String, text: String, draft: Bool = false) -> String {
        TestContent.alphaInspection
            .replacingOccurrences(of: "title: \"An inspection of Alpha PDU\"", with: "title: \"\(title)\"\(draft ? "\ndraft: true" : "")")
            .replacingOccurrences(of: "Text.", with: text)
    }

    @Test func aWordOfATextFindsItsReportAndRankingPutsNamesFirst() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        let inspections = content.appendingPathComponent("inspections")
        try TestPaths.write(Self.report("alpha-2024", title: "An inspection of Alpha PDU", text: "The quokka programme, and a quokka again."),
                            to: inspections.appendingPathComponent("alpha-2024.md"))
        try TestPaths.write(Self.report("alpha-2023", title: "Quokka follow-up of Alpha PDU",
                                        text: String(repeating: "Nothing of note. ", count: 3)),
                            to: inspections.appendingPathComponent("alpha-2023.md"))
        try TestPaths.write(Self.report("alpha-2022", title: "An earlier inspection of Alpha PDU",
                                        text: "Hidden marker zebracorn. " + String(repeating: "quokka ", count: 30)) .replacingOccurrences(of: "score: 5", with: "score: 5\ndraft: true"),
                            to: inspections.appendingPathComponent("alpha-2022.md"))
        let output = folder.appendingPathComponent("Output")
        let options = SiteBuilder.Options(content: content.path, templates: TestPaths.templates, output: output.path)
        _ = try await SiteBuilder(options: options).build()

        // The title counts most, then each use in the text, at most `textCap` (the draft's thirty are not there).
        let quokka = try Self.postings(of: "quokka", in: output)
        #expect(quokka.map(\.slug).sorted() == ["alpha-2023", "alpha-2024"])
        #expect(quokka.first { $0.slug == "alpha-2023" }?.score == SearchIndex.nameScore)
        #expect(quokka.first { $0.slug == "alpha-2024" }?.score == 2)
        // Every report is found by its PDU's name; a heading's word counts more than the text's.
        #expect(try Self.postings(of: "alpha", in: output).allSatisfy { $0.score >= SearchIndex.nameScore })
        // (The heading is part of the text too: one use.)
        #expect(try Self.postings(of: "foreword", in: output).map(\.score) == [SearchIndex.sectionScore + 1, SearchIndex.sectionScore + 1])
        // The text for the snippet is the report's text as a reader sees it, without Markdown.
        let text = try TestPaths.read(output.appendingPathComponent(Routes.searchText("alpha-2024")))
        #expect(text.contains("\"x\":\"Foreword The quokka programme, and a quokka again.\""), "\(text)")
        // Drafts leave nothing in the index.
        #expect(try Self.postings(of: "zebracorn", in: output).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(Routes.searchText("alpha-2022")).path))
        for path in LinkChecker.allFiles(output) where path.hasPrefix("search") {
            #expect(!(try TestPaths.read(output.appendingPathComponent(path))).contains("alpha-2022"), "\(path)")
        }
    }

    @Test func aPlaceFindsItsPDUAndItsReports() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        try TestPaths.write("---\n" + Self.region(places: """
                  - name: "Southend-on-Sea"
                    kind: "council"
                    source: "\(Self.listTitle)"
            """) + "\n---\n", to: content.appendingPathComponent("regions/test-region.md"))
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        let names = try TestPaths.read(output.appendingPathComponent(Routes.searchIndex))
        #expect(names.contains("{\"n\":\"Alpha\",\"d\":\"PDU in Test Region · 1 inspection\",\"a\":[],\"p\":[\"Southend-on-Sea\"],\"u\":\"pdus/alpha/index.html\"}"))
        #expect(try Self.postings(of: "southend", in: output).map(\.slug) == ["alpha-2024"])
        let page = try TestPaths.read(output.appendingPathComponent("pdus/alpha/index.html"))
        #expect(page.contains("<p>Councils: Southend-on-Sea (source: <a href=\"https://example.org/pdus.sql\">\(Self.listTitle)</a>).</p>"))
    }

    @Test func theIndexOfAnIncrementalBuildIsAFullBuilds() async throws {
        let folder = try TestPaths.scratch()
        let content = try StagedOutputTests.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output"), clean = folder.appendingPathComponent("Clean")
        let builder = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path))
        _ = try await builder.build()
        let alpha = content.appendingPathComponent("inspections/alpha-2024.md")
        try IncrementalBuildTests.edit(alpha, replacing: "Text.", with: "Text about a wombat.")
        try await Task.sleep(for: .milliseconds(10))
        let rebuilt = try await builder.build()
        // The text's two pages, its text for snippets, the names and the shard of its new word.
        #expect(rebuilt.written.contains(Routes.searchText("alpha-2024")))
        #expect(rebuilt.written.filter { $0.hasPrefix(Routes.searchShards) }.count <= 2, "\(rebuilt.written)")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: clean.path)).build()
        let patched = try StagedOutputTests.snapshot(output), fresh = try StagedOutputTests.snapshot(clean)
        #expect(patched.keys.sorted() == fresh.keys.sorted())
        for (path, data) in fresh where path.hasPrefix("search") { #expect(patched[path] == data, "\(path)") }
        #expect(patched == fresh)
        #expect(try Self.postings(of: "wombat", in: output).map(\.slug) == ["alpha-2024"])
    }

    /// Each report's words with their scores, by slug, whatever the word numbers in `postings`.
    static func scoredWords(_ postings: SearchPostings) -> [String: [String: Int]] {
        Dictionary(uniqueKeysWithValues: postings.reports.map { report in
            (report.slug, Dictionary(uniqueKeysWithValues: report.scored.map {
                (postings.words[SearchPostings.word($0)], SearchPostings.score($0))
            }))
        })
    }

    @Test func anUpdateRescoresOnlyWhatMovedAndRemakesOnlyTheShardsOfItsWords() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try IncrementalBuildTests.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let options = SiteBuilder.Options(content: content.path, templates: templates.path, output: output.path)
        _ = try await SiteBuilder(options: options).build()
        let kept = try #require(options.cache.read(BuildCache.searchName).flatMap(SearchPostings.decode))
        let validation = await SiteValidation.run(content: content.path, templates: templates.path, includeDrafts: false,
                                                  today: options.today, checkLinks: false)
        let graph = try #require(validation.graph)
        let facts = try #require(BuildManifest.readFacts(from: options.cache) as [String: BodyFacts]?)
        let index = SearchIndex(graph: graph, facts: facts)
        #expect(kept.reports.map(\.slug) == index.reports.map(\.slug))

        // Nothing rendered again: the state is the kept one, and no shard is remade.
        let same = index.update(fresh: [:], numbers: WordNumbers(kept.words), kept: kept)
        #expect(same.postings == kept)
        #expect(same.shards.isEmpty)

        // One report with a word added: only that word's shard is remade, and the state is the one a
        // full update makes (the words may be numbered otherwise).
        let at = try #require(kept.reports.firstIndex { $0.slug == "essex-south-2024" })
        var scores = kept.reports[at].scored.map {
            ScoredWord(word: kept.words[SearchPostings.word($0)], score: SearchPostings.score($0))
        }
        scores.append(ScoredWord(word: "quokkaword", score: 3))
        var numbers = WordNumbers(kept.words)
        let one = index.update(fresh: ["essex-south-2024": numbers.pack(scores)], numbers: numbers, kept: kept)
        #expect(one.shards.map(\.number) == [SearchText.shard(of: "quokkaword", shards: kept.shards)])
        var every = Dictionary(uniqueKeysWithValues: kept.reports.map { report in
            (report.slug, report.scored.map { ScoredWord(word: kept.words[SearchPostings.word($0)], score: SearchPostings.score($0)) })
        })
        every["essex-south-2024"] = scores
        var fresh = WordNumbers()
        var packed: [String: [UInt64]] = [:]
        for (slug, scores) in every { packed[slug] = fresh.pack(scores) }
        let full = index.update(fresh: packed, numbers: fresh, kept: nil)
        #expect(full.shards.count == kept.shards)
        #expect(Self.scoredWords(one.postings) == Self.scoredWords(full.postings))
        #expect(Self.scoredWords(one.postings)["essex-south-2024"]?["quokkaword"] == 3)
        let remade = try #require(one.shards.first)
        #expect(full.shards.first { $0.number == remade.number }?.data == remade.data)

        // A report whose names moved without being rendered again is scored again from its kept
        // text counts: here its PDU is renamed in the graph alone.
        var renamed = kept
        renamed.reports[at].inputs = ContentDigest("something else")
        let rescored = index.update(fresh: [:], numbers: WordNumbers(renamed.words), kept: renamed)
        #expect(Self.scoredWords(rescored.postings) == Self.scoredWords(kept))
        #expect(rescored.postings.reports[at].inputs == kept.reports[at].inputs)
    }

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
