/// The rules of one inspection programme: its standards, ratings, points and bands.
///
/// Bands live in content, not code, because programmes differ (2021–23 scored out of 27 or 24;
/// 2023 onward out of 21; regions have 8 standards) and because the published bands are only partly known.
struct Framework: Sendable, Hashable {
    enum Level: String, Sendable, Hashable {
        case pdu
        case region
    }

    /// One rating of the scale, with its points.
    struct Rating: Sendable, Hashable {
        var name: String
        var points: Int
        /// Position on the scale, 0 for the worst.
        var rank: Int
        /// The name in the site's other languages (`name_cy`), by language.
        var translatedName: [String: String] = [:]
        /// A CSS-safe name (`requires-improvement`).
        var slug: String { Slug.make(name) }
    }

    /// Lowest key-question percentage from which a standard gets `rating`.
    struct PercentageBand: Sendable, Hashable {
        var from: Double
        var rating: String
    }

    /// Composite scores `from...to` that give the overall `rating`.
    struct ScoreBand: Sendable, Hashable {
        var from: Int
        var to: Int
        var rating: String
    }

    struct KeyQuestion: Sendable, Hashable {
        var id: String
        var text: String
        var translatedText: [String: String] = [:]
    }

    struct Standard: Sendable, Hashable {
        var id: String
        var number: String
        var name: String
        var descriptor: String?
        var keyQuestions: [KeyQuestion]
        var translatedName: [String: String] = [:]
    }

    struct Domain: Sendable, Hashable {
        var number: String
        var name: String
        var standards: [Standard]
        var translatedName: [String: String] = [:]
    }

    var id: String
    var name: String
    var level: Level
    var ratings: [Rating]
    var keyQuestionBands: [PercentageBand]
    var maxScore: Int?
    var otherMaxScores: [Int]
    var scoreBands: [ScoreBand]
    var domains: [Domain] {
        didSet { standards = domains.flatMap(\.standards) }
    }
    var sources: [String]
    var location: SourceLocation
    var translatedName: [String: String] = [:]

    /// Every domain's standards, in order. Kept rather than gathered on each use: validating and
    /// counting ask for them for every inspection, and gathering copied them each time.
    private(set) var standards: [Standard]

    init(id: String, name: String, level: Level, ratings: [Rating], keyQuestionBands: [PercentageBand], maxScore: Int?,
         otherMaxScores: [Int], scoreBands: [ScoreBand], domains: [Domain], sources: [String], location: SourceLocation) {
        self.id = id
        self.name = name
        self.level = level
        self.ratings = ratings
        self.keyQuestionBands = keyQuestionBands
        self.maxScore = maxScore
        self.otherMaxScores = otherMaxScores
        self.scoreBands = scoreBands
        self.domains = domains
        self.sources = sources
        self.location = location
        standards = domains.flatMap(\.standards)
    }

    func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }

    func rating(named name: String) -> Rating? { ratings.first { $0.name == name } }

    var hasRatedStandards: Bool { !standards.isEmpty }
}
