import Foundation

/// Every report's scored words as the last build indexed them, kept for the next build (in the
/// cache, or in the preview's memory) so that it scores again only the reports that changed and
/// remakes only the shards their words are in.
///
/// Reading every report's words back, scoring them all and remaking every shard would grow with the
/// site on every one-file rebuild; the same work from this state grows with the edit instead.
struct SearchPostings: Sendable, Equatable {
    /// Every word met so far; a report's postings name words by their place here. Words no report
    /// uses any more stay until the next full build, which starts a table afresh.
    var words: [String] = []
    /// The reports in the order the shards number them (by page name).
    var reports: [Report] = []
    /// How many shards the postings were spread over.
    var shards = 0

    struct Report: Sendable, Equatable {
        var slug: String
        /// The digest of what the report's scores were made from besides its text (names, headings,
        /// recommendations, summary): when it moves, the scores are made again.
        var inputs: ContentDigest
        /// Each word's place in `words` and its score, as `place << 16 | score`.
        var scored: [UInt64]
    }

    static func pack(word: Int, score: Int) -> UInt64 { UInt64(word) << 16 | UInt64(score) }
    static func word(_ packed: UInt64) -> Int { Int(packed >> 16) }
    static func score(_ packed: UInt64) -> Int { Int(packed & 0xFFFF) }

    // MARK: In the cache

    /// Changed with the layout, so that an older file is never misread.
    private static let header = Array("reportsite search 1\n".utf8)

    func encoded() -> Data {
        parts().joined
    }

    /// The file, made a part at a time as it is written: it grows with the site and is written at the
    /// moment a build holds the most.
    func parts() -> FileParts {
        let perPart = 1_000
        return FileParts(count: 1 + (reports.count + perPart - 1) / perPart) { index in
            guard index > 0 else {
                var head = ByteWriter(prefix: Self.header, capacity: Self.header.count + 64 + words.count * 16)
                head.strings(words)
                head.int(shards)
                head.int(reports.count)
                return Data(head.bytes)
            }
            let part = reports[(index - 1) * perPart..<min(index * perPart, reports.count)]
            var writer = ByteWriter(prefix: [], capacity: part.reduce(0) { $0 + 40 + $1.slug.utf8.count + $1.scored.count * 8 })
            for report in part {
                writer.string(report.slug)
                writer.word(report.inputs.value)
                writer.int(report.scored.count)
                for posting in report.scored { writer.word(posting) }
            }
            return Data(writer.bytes)
        }
    }

    /// The state in `data`, or nil when it is not such a file (then every report is rendered again).
    static func decode(_ data: Data) -> SearchPostings? {
        data.withUnsafeBytes { raw -> SearchPostings? in
            guard raw.count >= header.count, header.elementsEqual(raw[0..<header.count]) else { return nil }
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[header.count...]))
            var state = SearchPostings()
            state.words = reader.strings()
            state.shards = reader.int()
            let count = reader.int()
            guard !reader.failed, count >= 0, count <= raw.count else { return nil }
            state.reports.reserveCapacity(count)
            for _ in 0..<count {
                let slug = reader.string()
                let inputs = ContentDigest(value: reader.word())
                let postings = reader.int()
                guard !reader.failed, postings >= 0, postings <= raw.count / 8 else { return nil }
                let scored = (0..<postings).map { _ in reader.word() }
                guard !reader.failed else { return nil }
                state.reports.append(Report(slug: slug, inputs: inputs, scored: scored))
            }
            // A word a posting names must be in the table.
            let known = state.words.count
            guard reader.isAtEnd, state.reports.allSatisfy({ $0.scored.allSatisfy { word($0) < known } }) else { return nil }
            return state
        }
    }
}

/// Numbers words as the index's state does (each by its place in `words`) and packs a report's scores
/// with them. The build packs each rendered report's scores as its page comes back, so that it holds
/// eight bytes a posting until the index is made rather than a word and a number.
struct WordNumbers: Sendable {
    private(set) var words: [String]
    private var ids: [String: Int] = [:]
    private var idsMade = false

    /// Numbering that goes on from `words` (the kept state's), so the kept postings keep their numbers.
    init(_ words: [String] = []) {
        self.words = words
    }

    mutating func pack(_ scores: [ScoredWord]) -> [UInt64] {
        if !idsMade {
            ids = Dictionary(words.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            idsMade = true
        }
        var packed: [UInt64] = []
        packed.reserveCapacity(scores.count)
        for item in scores {
            let id: Int
            if let known = ids[item.word] {
                id = known
            } else {
                id = words.count
                ids[item.word] = id
                words.append(item.word)
            }
            packed.append(SearchPostings.pack(word: id, score: item.score))
        }
        return packed
    }
}
