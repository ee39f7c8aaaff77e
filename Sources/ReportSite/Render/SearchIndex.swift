import Foundation
import ReportSiteViews

/// The index the search page's script reads, in three parts, so that a query downloads little
/// however many reports there are:
///
/// - `search-index.js`, the names: every PDU with its region, aliases and the places it serves, and
///   every region, each with its page; the number of shards and of report lists. The script matches
///   names within words, so it answers from this alone.
/// - `search/r/<n>.js`, the reports' page names (slugs) in the order the shards number them,
///   `reportsPerList` to a file, so that a query loads the names of the results it shows rather
///   than of every report, which would grow past a query's budget on a large site.
/// - `search/s/<n>.js`, the shards of the full-text part: each word's postings (report, score),
///   the words spread over the shards by a hash of the word; a query loads the shards of its words.
///   A word in more than `splitLimit` reports has only its best postings there, with which reports
///   it is in and the rest's bound (see `appendSplit`), so that a query's shards stay small however
///   many reports there are.
/// - `search/p/<shard>-<k>-<n>.js`, the rest of such a word's postings (the `k`th split word of its
///   shard), those of the reports in list `n` of `search/r/`: loaded only when the best postings
///   cannot rank the results shown exactly.
/// - `search/t/<slug>.js`, each report's title, details and text, loaded only for the results shown,
///   for their snippets (made with the report's page, see `SiteBuilder.inspectionJob`).
///
/// Every part is a script that calls a function the page defines, rather than JSON, because a
/// page opened from disk (`file://`) may load a script but not fetch a file.
/// A word of a report and its score there.
struct ScoredWord: Sendable, Equatable {
    var word: String
    var score: Int
}

struct SearchIndex {
    let graph: SiteGraph
    /// The words of the names' descriptions ("PDU in {region}"), in the language of the search page.
    let text: InterfaceText
    /// The texts' facts by page, from the build's own rendering of them or the last build's: headings.
    let facts: [String: BodyFacts]

    /// A word's score in a report: a word of its title, PDU, region, or a place its PDU serves
    /// counts most; of a heading, a recommendation or the summary next; each use in the text one,
    /// up to `textCap`, so that a long report does not outrank a short one on one word repeated.
    /// The text's part is below `sectionScore` and the others are multiples of it, so a score keeps
    /// the text's count: `textCount(of:)`.
    static let nameScore = 100, sectionScore = 10, textCap = 9

    /// About how many postings a shard holds: a shard of a typical word is then a few tens of KB.
    static let postingsPerShard = 2_048

    /// How many of a word's postings its shard holds before the rest go to files of their own: a
    /// word in every report would otherwise put 590 KB in its shard at 100,000 reports, over 1 MB
    /// for a query of a few such words. A site whose words are all in fewer reports has the shards
    /// it would have without the split, byte for byte.
    static let splitLimit = 1_000

    /// This build's `splitLimit` (lowered by the tests, which cannot build thousands of reports).
    let splitLimit: Int

    /// The reports in the order the shards number them: by page name, so that the names file can
    /// write each name as what it shares with the one before and the rest ("essex-south-2024" after
    /// "essex-south-2022" is `13,"4"`), a fraction of the names written out.
    let reports: [Inspection]

    init(graph: SiteGraph, facts: [String: BodyFacts], text: InterfaceText? = nil, splitLimit: Int = SearchIndex.splitLimit) {
        self.graph = graph
        self.facts = facts
        self.text = text ?? graph.texts.first ?? .english
        self.splitLimit = splitLimit
        reports = graph.inspections.sorted { $0.slug < $1.slug }
    }

    /// The index brought up to date with this build: `fresh` holds the scores of the reports it
    /// rendered, by slug, packed with `numbers` (which go on from `kept`'s words); `kept`, the state
    /// the last build left (nil for a full build). Returns the new state and the shards that may have
    /// changed, each with the files of its split words' rest: all of them when the reports
    /// themselves, or the number of shards, changed; otherwise those holding a word whose score
    /// moved in some report.
    func update(fresh: [String: [UInt64]], numbers: WordNumbers, kept: SearchPostings?)
        -> (postings: SearchPostings, shards: [Shard]) {
        let keptAt = Dictionary((kept?.reports ?? []).enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let pduNames = Self.pduNames(of: graph)
        let made = reports.concurrentMap { inspection -> (inputs: ContentDigest, scores: Scores) in
            let body = facts[Routes.inspection(inspection.slug)]
            let headings = body?.headings ?? []
            let inputs = Self.inputs(of: inspection, graph: graph, headings: body?.searchDigest ?? ContentDigest(), pduNames: pduNames)
            if let packed = fresh[inspection.slug] { return (inputs, .packed(packed)) }
            guard let kept, let at = keptAt[inspection.slug] else {
                // Not reached: a build renders every report the kept state lacks (see `SiteBuilder`).
                return (inputs, .scored(Self.scores(of: inspection, graph: graph, headings: headings, text: "")))
            }
            if kept.reports[at].inputs == inputs { return (inputs, .kept(at)) }
            // Its names or headings moved but its text was not rendered again: the text's counts are
            // still in its scores, and a text of each word that many times counts them again.
            var text = ""
            for packed in kept.reports[at].scored {
                let word = kept.words[SearchPostings.word(packed)]
                for _ in 0..<Self.textCount(of: SearchPostings.score(packed)) { text += word + " " }
            }
            return (inputs, .scored(Self.scores(of: inspection, graph: graph, headings: headings, text: text)))
        }

        var state = SearchPostings()
        var numbers = numbers
        var everything = kept.map { $0.reports.map(\.slug) != reports.map(\.slug) } ?? true
        var movedWords = Set<Int>()
        var total = 0
        state.reports.reserveCapacity(reports.count)
        for (index, inspection) in reports.enumerated() {
            let packed: [UInt64], scoredAgain: Bool
            switch made[index].scores {
            case .kept(let at):
                (packed, scoredAgain) = (kept!.reports[at].scored, false)
            case .packed(let fresh):
                (packed, scoredAgain) = (fresh, true)
            case .scored(let scores):
                (packed, scoredAgain) = (numbers.pack(scores), true)
            }
            if scoredAgain, !everything, let at = keptAt[inspection.slug], kept!.reports[at].scored != packed {
                Self.collectMoves(from: kept!.reports[at].scored, to: packed, into: &movedWords)
            }
            total += packed.count
            state.reports.append(.init(slug: inspection.slug, inputs: made[index].inputs, scored: packed))
        }

        state.words = numbers.words
        state.shards = Self.shardCount(postings: total)
        if state.shards != kept?.shards { everything = true }
        let shards = state.shards, words = state.words
        let shardOf = words.concurrentMap { SearchText.shard(of: $0, shards: shards) }
        let remade = everything ? Array(0..<shards) : Set(movedWords.map { shardOf[$0] }).sorted()
        var wanted = [Bool](repeating: everything, count: words.count)
        if !everything {
            let numbers = Set(remade)
            for id in words.indices where numbers.contains(shardOf[id]) { wanted[id] = true }
        }
        // The postings of the words in the shards to remake, in report order: (report, score) pairs.
        var lists = [[Int32]](repeating: [], count: words.count)
        for (index, report) in state.reports.enumerated() {
            for posting in report.scored {
                let id = SearchPostings.word(posting)
                guard wanted[id] else { continue }
                lists[id].append(Int32(index))
                lists[id].append(Int32(SearchPostings.score(posting)))
            }
        }
        var members = [[Int]](repeating: [], count: shards)
        for id in words.indices where wanted[id] && !lists[id].isEmpty { members[shardOf[id]].append(id) }
        let postings = lists, inShard = members, reportCount = state.reports.count, limit = splitLimit
        let encoded = remade.concurrentMap { number in
            let sorted = inShard[number].sorted { words[$0] < words[$1] }
            return Self.shard(number, words: sorted.map { (words[$0], postings[$0]) }, reports: reportCount, splitLimit: limit)
        }
        return (state, encoded)
    }

    /// A shard's file and the files of the rest of its split words' postings (`rests`, by path).
    struct Shard: Sendable {
        var number: Int
        var data: Data
        var rests: [(path: String, data: Data)]
    }

    /// The words whose score in a report differs between `before` and `after` (or that are in one alone).
    private static func collectMoves(from before: [UInt64], to after: [UInt64], into moved: inout Set<Int>) {
        var old = Dictionary(before.map { (SearchPostings.word($0), SearchPostings.score($0)) }, uniquingKeysWith: { first, _ in first })
        for posting in after {
            let word = SearchPostings.word(posting)
            if old.removeValue(forKey: word) != SearchPostings.score(posting) { moved.insert(word) }
        }
        moved.formUnion(old.keys)
    }

    /// Where a report's scores come from: the kept ones (by their place in the kept state), those of
    /// its rendering (packed), or made here from its kept text counts.
    private enum Scores: Sendable {
        case kept(Int)
        case packed([UInt64])
        case scored([ScoredWord])
    }

    /// The smallest power of two that leaves about `postingsPerShard` postings in each shard.
    static func shardCount(postings: Int) -> Int {
        var shards = 1
        while shards < 4_096 && postings / shards > postingsPerShard { shards *= 2 }
        return shards
    }

    /// How many of a word's uses in the text a score holds.
    static func textCount(of score: Int) -> Int {
        score % sectionScore
    }

    /// Each word of `inspection` with its score, from its names, its `headings` and its `text` as a
    /// reader sees it.
    static func scores(of inspection: Inspection, graph: SiteGraph, headings: [Heading], text: String) -> [ScoredWord] {
        scores(of: inspection, graph: graph, headings: headings, text: Array(text.utf8))
    }

    /// `scores(of:graph:headings:text:)` of a text given as UTF-8 bytes.
    static func scores(of inspection: Inspection, graph: SiteGraph, headings: [Heading], text: [UInt8]) -> [ScoredWord] {
        SearchText.count(text: text, names: named(inspection, graph: graph).joined(separator: "\n"),
                         sections: sections(inspection, headings: headings).joined(separator: "\n")).map { word in
            ScoredWord(word: word.word, score: (word.kinds & 1 != 0 ? nameScore : 0) + (word.kinds & 2 != 0 ? sectionScore : 0)
                + min(word.count, textCap))
        }
    }

    /// `scores(of:graph:headings:text:)` of a report with its translations, one entry in the index
    /// for every language: their titles count as names, their headings, recommendations and
    /// summaries as sections, their texts as text.
    static func scores(of inspection: Inspection, graph: SiteGraph, headings: [Heading], text: [UInt8],
                       translations: [(inspection: Inspection, headings: [Heading], text: [UInt8])]) -> [ScoredWord] {
        guard !translations.isEmpty else { return scores(of: inspection, graph: graph, headings: headings, text: text) }
        var names = named(inspection, graph: graph), parts = sections(inspection, headings: headings), all = text
        for translation in translations {
            names.append(translation.inspection.title)
            parts += sections(translation.inspection, headings: translation.headings)
            all.append(0x0A)
            all += translation.text
        }
        return SearchText.count(text: all, names: names.joined(separator: "\n"), sections: parts.joined(separator: "\n")).map { word in
            ScoredWord(word: word.word, score: (word.kinds & 1 != 0 ? nameScore : 0) + (word.kinds & 2 != 0 ? sectionScore : 0)
                + min(word.count, textCap))
        }
    }

    /// The digest of what a report's scores come from besides its text: `named` and `sections`,
    /// without making their lists (it is worked out for every report at every build). Its title,
    /// summary and recommendations are in its front matter's digest, its headings in its text's
    /// (`BodyFacts.searchDigest`), its PDU's names in `pduNames`.
    static func inputs(of inspection: Inspection, graph: SiteGraph, headings: ContentDigest, pduNames: [String: ContentDigest]) -> ContentDigest {
        var digest = ContentDigest()
        digest.combine(inspection.frontMatterDigest)
        digest.combine(graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug)
        if let pdu = graph.pdu(of: inspection)?.pdu, let names = pduNames[pdu.slug] { digest.combine(names) }
        digest.combine(headings)
        return digest
    }

    /// For each PDU, the digest of the names its reports are found by: its own, its aliases and its
    /// places; worked out once per PDU rather than for each of its reports.
    private static func pduNames(of graph: SiteGraph) -> [String: ContentDigest] {
        graph.pdus.mapValues { entry in
            let pdu = entry.pdu
            var digest = ContentDigest(pdu.name)
            digest.combine(UInt64(pdu.aliases.count))
            for alias in pdu.aliases { digest.combine(alias) }
            digest.combine(UInt64(pdu.places.count))
            for place in pdu.places {
                digest.combine(place.name)
                digest.combine(place.welshName ?? "")
            }
            return digest
        }
    }

    /// The report's title, its region's name, and its PDU's with the aliases and places.
    private static func named(_ inspection: Inspection, graph: SiteGraph) -> [String] {
        var named = [inspection.title, graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug]
        if let pdu = graph.pdu(of: inspection)?.pdu { named += [pdu.name] + pdu.aliases + pdu.placeNames }
        return named
    }

    /// The report's headings, recommendations and summary.
    private static func sections(_ inspection: Inspection, headings: [Heading]) -> [String] {
        headings.map(\.text) + inspection.recommendations.flatMap(\.items) + [inspection.summary ?? ""]
    }

    /// `window.__reportsiteShard(n, {"word": [report, score, …], …})`, each report the difference
    /// from the one before it (they are in increasing order), so most are one digit. A word in more
    /// than `splitLimit` of the `reports` is written as `appendSplit` says, its rest in files of its own.
    static func shard(_ number: Int, words: [(word: String, postings: [Int32])], reports: Int, splitLimit: Int) -> Shard {
        var out: [UInt8] = []
        var rests: [(path: String, data: Data)] = []
        var split = 0
        out.append("window.__reportsiteShard(")
        appendNumber(number, to: &out)
        out.append(",{")
        for (index, (word, list)) in words.enumerated() {
            if index > 0 { out.append(0x2C) }
            JSONString.append(word, to: &out, inScript: true)
            out.append(0x3A)
            if list.count / 2 > splitLimit {
                rests += appendSplit(list, shard: number, place: split, reports: reports, limit: splitLimit, to: &out)
                split += 1
            } else {
                appendPostings(list, from: 0, to: &out)
            }
        }
        out.append("});\n")
        return Shard(number: number, data: Data(out), rests: rests)
    }

    /// `[report, score, …]` of (report, score) pairs in increasing report order, each report the
    /// difference from the one before (the first from `start`).
    private static func appendPostings(_ list: [Int32], from start: Int32, to out: inout [UInt8]) {
        out.append(0x5B)
        var previous = start
        for pair in stride(from: 0, to: list.count, by: 2) {
            if pair > 0 { out.append(0x2C) }
            appendNumber(Int(list[pair] - previous), to: &out)
            out.append(0x2C)
            appendNumber(Int(list[pair + 1]), to: &out)
            previous = list[pair]
        }
        out.append(0x5D)
    }

    /// A word in more than `limit` reports, as `{"n": reports, "t": [score, report], "p": [best
    /// postings], "m": which reports, "k": place}`: its `limit` best postings by score, the better
    /// report (lower number) first on a tie, as in `appendPostings`; `t`, the first posting left out
    /// in that order, so that any report of the rest scores at most `t`'s score, and less when its
    /// number is below `t`'s; `m`, every report the word is in, so that a query counts and
    /// intersects its results exactly: a bitmap over the reports in base64 (report `r` is bit
    /// `r % 8` of byte `r / 8`), or the rest's reports as differences when that is shorter; `k`, its
    /// place among the split words of the shard, which names the files of the rest:
    /// `search/p/<shard>-<k>-<n>.js`, the rest's postings of the reports in list `n` of `search/r/`,
    /// as `window.__reportsiteRest(shard, k, n, [report, score, …])`, the first report the
    /// difference from the list's first. Returns those files.
    private static func appendSplit(_ list: [Int32], shard: Int, place: Int, reports: Int, limit: Int,
                                    to out: inout [UInt8]) -> [(path: String, data: Data)] {
        let count = list.count / 2
        // The order results are ranked in is best score first, the lower report first on a tie. The
        // best `limit` in that order are found without sorting (a sort of every posting of every
        // split word grew faster than the reports): `cut` is the score of the first posting left
        // out; every posting scoring more is among the best, and so are the first of those scoring
        // `cut`, the postings being in report order.
        var scoreCounts: [Int32: Int] = [:]
        for pair in 0..<count { scoreCounts[list[2 * pair + 1], default: 0] += 1 }
        var cut: Int32 = 0, above = 0
        for score in scoreCounts.keys.sorted(by: >) {
            if above + scoreCounts[score]! > limit { cut = score; break }
            above += scoreCounts[score]!
        }
        var tiesTaken = 0, first = 0
        var top: [Int32] = [], rest: [Int32] = []
        for pair in 0..<count {
            let report: Int32 = list[2 * pair], score: Int32 = list[2 * pair + 1]
            var isBest = score > cut
            if score == cut {
                isBest = above + tiesTaken < limit
                if isBest { tiesTaken += 1 } else if above + tiesTaken == limit { first = pair; tiesTaken += 1 }
            }
            if isBest { top.append(report); top.append(score) } else { rest.append(report); rest.append(score) }
        }
        out.append("{\"n\":")
        appendNumber(count, to: &out)
        out.append(",\"t\":[")
        appendNumber(Int(list[2 * first + 1]), to: &out)
        out.append(0x2C)
        appendNumber(Int(list[2 * first]), to: &out)
        out.append("],\"p\":")
        appendPostings(top, from: 0, to: &out)
        out.append(",\"m\":")
        // The rest's reports as differences, or the bitmap of all, whichever is shorter.
        var differences: [UInt8] = [0x5B]
        var previous: Int32 = 0
        for pair in stride(from: 0, to: rest.count, by: 2) {
            if pair > 0 { differences.append(0x2C) }
            appendNumber(Int(rest[pair] - previous), to: &differences)
            previous = rest[pair]
        }
        differences.append(0x5D)
        var bitmap = [UInt8](repeating: 0, count: (reports + 7) / 8)
        for pair in stride(from: 0, to: list.count, by: 2) { bitmap[Int(list[pair]) / 8] |= 1 << UInt8(list[pair] % 8) }
        let encoded = Data(bitmap).base64EncodedString()
        if encoded.utf8.count + 2 < differences.count {
            out.append(0x22)
            out.append(contentsOf: encoded.utf8)
            out.append(0x22)
        } else {
            out.append(contentsOf: differences)
        }
        out.append(",\"k\":")
        appendNumber(place, to: &out)
        out.append(0x7D)

        // The rest, a file for each list of report names it has a report in.
        var files: [(path: String, data: Data)] = []
        var start = 0
        while start < rest.count {
            let number = Int(rest[start]) / reportsPerList
            var end = start
            while end < rest.count, Int(rest[end]) / reportsPerList == number { end += 2 }
            var file: [UInt8] = []
            file.append("window.__reportsiteRest(")
            for value in [shard, place, number] {
                appendNumber(value, to: &file)
                file.append(0x2C)
            }
            appendPostings(Array(rest[start..<end]), from: Int32(number * reportsPerList), to: &file)
            file.append(");\n")
            files.append((Routes.searchRest(shard: shard, word: place, list: number), Data(file)))
            start = end
        }
        return files
    }

    /// How many reports' page names a file of `search/r/` holds: about 10 KB each, so the ten
    /// results shown load at most ten of them, and most often one.
    static let reportsPerList = 1_024

    /// How many files of report names there are.
    var reportLists: Int { (reports.count + Self.reportsPerList - 1) / Self.reportsPerList }

    /// `window.__reportsiteReports(n, [shared, "rest", …])` for each file of `search/r/`: the slugs of
    /// reports `n * reportsPerList` on, each written as how many characters it shares with the one
    /// before and the rest ("essex-south-2024" after "essex-south-2022" is `13,"4"`), the first of
    /// each file whole.
    func reportNames() -> [(number: Int, data: Data)] {
        (0..<reportLists).map { number in
            var out: [UInt8] = []
            out.append("window.__reportsiteReports(")
            Self.appendNumber(number, to: &out)
            out.append(",[")
            var previous: [UInt8] = []
            let start = number * Self.reportsPerList
            for index in start..<min(start + Self.reportsPerList, reports.count) {
                if index > start { out.append(0x2C) }
                let slug = Array(reports[index].slug.utf8)
                var shared = 0
                while shared < min(slug.count, previous.count), slug[shared] == previous[shared] { shared += 1 }
                Self.appendNumber(shared, to: &out)
                out.append(0x2C)
                // A slug is ASCII, so a byte offset is a character offset in the script too.
                JSONString.append(String(decoding: slug[shared...], as: UTF8.self), to: &out, inScript: true)
                previous = slug
            }
            out.append("]);\n")
            return (number, Data(out))
        }
    }

    /// `window.REPORTSITE_SEARCH = {…}`: the shard count, the number of report lists and their
    /// length, and the names.
    func names(shards: Int) -> Data {
        var out: [UInt8] = []
        out.append("window.REPORTSITE_SEARCH = {\"shards\":")
        Self.appendNumber(shards, to: &out)
        out.append(",\"lists\":")
        Self.appendNumber(reportLists, to: &out)
        out.append(",\"perList\":")
        Self.appendNumber(Self.reportsPerList, to: &out)
        out.append(",\"names\":")
        appendNames(to: &out)
        out.append("};\n")
        return Data(out)
    }

    /// `window.REPORTSITE_NAMES = {"base": …, "names": […]}`: the names of a language other than the
    /// default, in its words, for its search page, which takes the shards and report lists of the
    /// default language's index (one index of every language's text) from `base`.
    func languageNames(base: String) -> Data {
        var out: [UInt8] = []
        out.append("window.REPORTSITE_NAMES = {\"base\":")
        JSONString.append(base, to: &out, inScript: true)
        out.append(",\"names\":")
        appendNames(to: &out)
        out.append("};\n")
        return Data(out)
    }

    /// Every PDU with its region, aliases and places, then every region, as a JSON list.
    private func appendNames(to out: inout [UInt8]) {
        out.append("[")
        var first = true
        for region in graph.regions {
            for pdu in region.pdus {
                guard let entry = graph.pdus[pdu.slug], entry.regionSlug == region.slug else { continue }
                if !first { out.append(0x2C) }
                first = false
                let about = text[.searchNamePdu, ("region", region.name)].text + (pdu.former ? text[.searchNameFormer].text : "")
                    + " · " + text[.searchNameInspections, count: entry.inspections.count].text
                Self.appendName(pdu.name, about: about, also: pdu.aliases, places: pdu.placeNames,
                                page: Routes.pdu(pdu.slug), to: &out)
            }
        }
        for region in graph.regions {
            if !first { out.append(0x2C) }
            first = false
            Self.appendName(region.name, about: text[.searchNameRegion, ("count", String(region.pdus.filter { !$0.former }.count))].text,
                            also: [], places: [],
                            page: Routes.region(region.slug), to: &out)
        }
        out.append("]")
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
        Self.text(slug: slug, title: title, details: details, text: Array(text.utf8)[...])
    }

    /// `text(slug:title:details:text:)` of a text given as UTF-8 bytes.
    static func text(slug: String, title: String, details: String, text: ArraySlice<UInt8>) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 200)
        out.append("window.__reportsiteText(")
        JSONString.append(slug, to: &out, inScript: true)
        out.append(",{\"t\":")
        JSONString.append(title, to: &out, inScript: true)
        out.append(",\"d\":")
        JSONString.append(details, to: &out, inScript: true)
        out.append(",\"u\":")
        JSONString.append(Routes.inspection(slug), to: &out, inScript: true)
        out.append(",\"x\":")
        text.withUnsafeBufferPointer { JSONString.append(bytes: $0, to: &out, inScript: true) }
        out.append("});\n")
        return Data(out)
    }

    /// What a result shows under a report's title: its region, date and overall rating.
    static func details(of inspection: Inspection, views: ViewBuilder) -> String {
        [views.graph.region(inspection.regionSlug)?.name ?? inspection.regionSlug, views.when(inspection),
         inspection.overall.map { views.rating($0).name } ?? ""]
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
