import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

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
        let content = try SiteFolder.makeContent(in: folder)
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
        let content = try SiteFolder.makeContent(in: folder)
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
        let content = try SiteFolder.makeContent(in: folder)
        let output = folder.appendingPathComponent("Output"), clean = folder.appendingPathComponent("Clean")
        let builder = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path))
        _ = try await builder.build()
        let alpha = content.appendingPathComponent("inspections/alpha-2024.md")
        try SiteFolder.edit(alpha, replacing: "Text.", with: "Text about a wombat.")
        try await Task.sleep(for: .milliseconds(10))
        let rebuilt = try await builder.build()
        // The text's two pages, its text for snippets, the names and the shard of its new word.
        #expect(rebuilt.written.contains(Routes.searchText("alpha-2024")))
        #expect(rebuilt.written.filter { $0.hasPrefix(Routes.searchShards) }.count <= 2, "\(rebuilt.written)")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: clean.path)).build()
        let patched = try SiteFolder.snapshot(output), fresh = try SiteFolder.snapshot(clean)
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
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
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
}
