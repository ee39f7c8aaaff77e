import Foundation

/// The index the search page's script reads, in three parts, so that a query downloads little
/// however many reports there are:
///
/// - `search-index.js`, the names: every PDU with its region, aliases and the places it serves, and
///   every region, each with its page; the number of shards; and the reports' page names (slugs), in
///   the order the shards number them. The script matches names within words, so it answers from this alone.
/// - `search/s/<n>.js`, the shards of the full-text part: each word's postings (report, score),
///   the words spread over the shards by a hash of the word; a query loads the shards of its words.
/// - `search/t/<slug>.js`, each report's title, details and text, loaded only for the results shown,
///   for their snippets (made with the report's page, see `SiteBuilder.inspectionJob`).
///
/// Every part is a script that calls a function the page defines, rather than JSON, because a
/// page opened from disk (`file://`) may load a script but not fetch a file.
struct SearchIndex {
    let graph: SiteGraph
    /// The texts' facts by page, from the build's own rendering of them: headings and words.
    let facts: [String: BodyFacts]

    /// A word's score in a report: a word of its title, PDU, region, or a place its PDU serves
    /// counts most; of a heading, a recommendation or the summary next; each use in the text one,
    /// up to `textCap`, so that a long report does not outrank a short one on one word repeated.
    static let nameScore = 100, sectionScore = 10, textCap = 9

    /// About how many postings a shard holds: a shard of a typical word is then a few tens of KB.
    static let postingsPerShard = 2_048

    /// The reports in the order the shards number them: by page name, so that the names file can
    /// write each name as what it shares with the one before and the rest ("essex-south-2024" after
    /// "essex-south-2022" is `13,"4"`), a tenth of the names written out at 10,000 reports.
    var reports: [Inspection] {
        graph.inspections.sorted { $0.slug < $1.slug }
    }

    /// The files, names first then the shards in order.
    func files() -> [(path: String, data: Data)] {
        let perReport = reports.concurrentMap { scores(of: $0) }
        // Each word gets a number the first time it is met, and its postings a list of their own:
        // one dictionary lookup per posting (1.5 million at 10,000 synthetic reports).
        var ids: [String: Int] = [:], words: [String] = [], lists: [[Int32]] = []
        var total = 0
        for (report, scored) in perReport.enumerated() {
            total += scored.count
            for (word, score) in scored {
                let id: Int
                if let known = ids[word] {
                    id = known
                } else {
                    id = words.count
                    ids[word] = id
                    words.append(word)
                    lists.append([])
                }
                lists[id].append(Int32(report))
                lists[id].append(Int32(score))
            }
        }
        let shards = Self.shardCount(postings: total)
        var byShard = [[Int]](repeating: [], count: shards)
        for (id, word) in words.enumerated() { byShard[SearchText.shard(of: word, shards: shards)].append(id) }
        let members = byShard, names = words, postings = lists
        let made = Array(0..<shards).concurrentMap { number in
            let sorted = members[number].sorted { names[$0] < names[$1] }
            return (Routes.searchShard(number), Self.shard(number, words: sorted.map { (names[$0], postings[$0]) }))
        }
        return [(Routes.searchIndex, self.names(shards: shards))] + made
    }

    /// The smallest power of two that leaves about `postingsPerShard` postings in each shard.
    static func shardCount(postings: Int) -> Int {
        var shards = 1
        while shards < 4_096 && postings / shards > postingsPerShard { shards *= 2 }
        return shards
    }

    /// Each word of `inspection` with its score.
    func scores(of inspection: Inspection) -> [(String, Int)] {
        var at: [String: Int] = [:], words: [String] = [], kinds: [UInt8] = [], uses: [Int] = []
        func slot(_ word: String) -> Int {
            if let index = at[word] { return index }
            at[word] = words.count
            words.append(word)
            kinds.append(0)
            uses.append(0)
            return words.count - 1
        }
        let page = Routes.inspection(inspection.slug)
        var named = [inspection.title, graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug]
        if let pdu = graph.pdu(of: inspection)?.pdu { named += [pdu.name] + pdu.aliases + pdu.places.map(\.name) }
        // Each kind read as one text (a line between each part): a count per short part cost more
        // than the words.
        for word in SearchText.words(named.joined(separator: "\n")) { kinds[slot(word)] |= 1 }
        let sections = (facts[page]?.headings ?? []).map(\.text) + inspection.recommendations.flatMap(\.items) + [inspection.summary ?? ""]
        for word in SearchText.words(sections.joined(separator: "\n")) { kinds[slot(word)] |= 2 }
        for word in facts[page]?.words ?? [] { uses[slot(word.word)] = min(word.count, Self.textCap) }
        return words.indices.map { index in
            (words[index], (kinds[index] & 1 != 0 ? Self.nameScore : 0) + (kinds[index] & 2 != 0 ? Self.sectionScore : 0) + uses[index])
        }
    }

    /// `window.__reportsiteShard(n, {"word": [report, score, …], …})`, each report the difference
    /// from the one before it (they are in increasing order), so most are one digit.
    static func shard(_ number: Int, words: [(word: String, postings: [Int32])]) -> Data {
        var out: [UInt8] = []
        out.append("window.__reportsiteShard(")
        appendNumber(number, to: &out)
        out.append(",{")
        for (index, (word, list)) in words.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONString.append(word, to: &out, inScript: true)
            out.append(":[")
            var previous: Int32 = 0
            for pair in stride(from: 0, to: list.count, by: 2) {
                if pair > 0 { out.append(0x2C) }
                appendNumber(Int(list[pair] - previous), to: &out)
                out.append(0x2C)
                appendNumber(Int(list[pair + 1]), to: &out)
                previous = list[pair]
            }
            out.append(0x5D)
        }
        out.append("});\n")
        return Data(out)
    }

    /// `window.REPORTSITE_SEARCH = {…}`: the shard count, the reports' slugs and the names.
    func names(shards: Int) -> Data {
        var out: [UInt8] = []
        out.append("window.REPORTSITE_SEARCH = {\"shards\":")
        Self.appendNumber(shards, to: &out)
        out.append(",\"reports\":[")
        var previous: [UInt8] = []
        for (index, inspection) in reports.enumerated() {
            if index > 0 { out.append(0x2C) }
            let slug = Array(inspection.slug.utf8)
            var shared = 0
            while shared < min(slug.count, previous.count), slug[shared] == previous[shared] { shared += 1 }
            Self.appendNumber(shared, to: &out)
            out.append(0x2C)
            // A slug is ASCII, so a byte offset is a character offset in the script too.
            JSONString.append(String(decoding: slug[shared...], as: UTF8.self), to: &out, inScript: true)
            previous = slug
        }
        out.append("],\"names\":[")
        var first = true
        for region in graph.regions {
            for pdu in region.pdus {
                guard let entry = graph.pdus[pdu.slug], entry.regionSlug == region.slug else { continue }
                if !first { out.append(0x2C) }
                first = false
                let count = entry.inspections.count
                let about = "PDU in \(region.name)" + (pdu.former ? ", no longer a PDU" : "")
                    + " · \(count) inspection\(count == 1 ? "" : "s")"
                Self.appendName(pdu.name, about: about, also: pdu.aliases, places: pdu.places.map(\.name),
                                page: Routes.pdu(pdu.slug), to: &out)
            }
        }
        for region in graph.regions {
            if !first { out.append(0x2C) }
            first = false
            Self.appendName(region.name, about: "Region · \(region.pdus.filter { !$0.former }.count) PDUs", also: [], places: [],
                            page: Routes.region(region.slug), to: &out)
        }
        out.append("]};\n")
        return Data(out)
    }

    private static func appendName(_ name: String, about: String, also: [String], places: [String], page: String, to out: inout [UInt8]) {
        out.append("{\"n\":")
        JSONString.append(name, to: &out, inScript: true)
        out.append(",\"d\":")
        JSONString.append(about, to: &out, inScript: true)
        out.append(",\"a\":")
        appendStrings(also, to: &out)
        out.append(",\"p\":")
        appendStrings(places, to: &out)
        out.append(",\"u\":")
        JSONString.append(page, to: &out, inScript: true)
        out.append(0x7D)
    }

    /// A report's text file: `window.__reportsiteText("slug", {"t": title, "d": details, "u": page,
    /// "x": text})`.
    static func text(slug: String, title: String, details: String, text: String) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 200)
        out.append("window.__reportsiteText(")
        JSONString.append(slug, to: &out, inScript: true)
        out.append(",{\"t\":")
        JSONString.append(title, to: &out, inScript: true)
        out.append(",\"d\":")
        JSONString.append(details, to: &out, inScript: true)
        out.append(",\"u\":")
        JSONString.append(Routes.inspection(slug), to: &out, inScript: true)
        out.append(",\"x\":")
        JSONString.append(text, to: &out, inScript: true)
        out.append("});\n")
        return Data(out)
    }

    /// What a result shows under a report's title: its region, date and overall rating.
    static func details(of inspection: Inspection, graph: SiteGraph) -> String {
        [graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug, graph.when(inspection), inspection.overall ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " · ")
    }

    private static func appendStrings(_ strings: [String], to out: inout [UInt8]) {
        out.append(0x5B)
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONString.append(string, to: &out, inScript: true)
        }
        out.append(0x5D)
    }

    private static func appendNumber(_ number: Int, to out: inout [UInt8]) {
        if number < 10 && number >= 0 {
            out.append(UInt8(0x30 + number))
        } else {
            out.append(contentsOf: String(number).utf8)
        }
    }
}

/// The glossary page: each term with its expansion, and its own anchor.
public struct GlossaryPageView: Sendable {
    public var chrome: ChromeView
    public var terms: [GlossaryTerm]
}

/// The search page.
public struct SearchPageView: Sendable {
    public var chrome: ChromeView
}

extension ViewBuilder {
    func glossaryPage() -> GlossaryPageView {
        GlossaryPageView(chrome: chrome(path: Routes.glossary, title: "Glossary", crumbs: [("Glossary", nil)]),
                         terms: graph.glossary.sorted { $0.term.lowercased() < $1.term.lowercased() })
    }

    func searchPage() -> SearchPageView {
        SearchPageView(chrome: chrome(path: Routes.search, title: "Search", crumbs: [("Search", nil)]))
    }
}
