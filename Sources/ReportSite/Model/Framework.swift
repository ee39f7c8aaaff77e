/// The rules of one inspection programme: its standards, ratings, points and bands.
///
/// Bands live in content, not code, because programmes differ (2021–23 scored out of 27 or 24;
/// 2023 onward out of 21; regions have 8 standards) and because the published bands are only partly known.
public struct Framework: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable {
        case pdu
        case region
    }

    /// One rating of the scale, with its points.
    public struct Rating: Sendable, Hashable {
        public var name: String
        public var points: Int
        /// Position on the scale, 0 for the worst.
        public var rank: Int
        /// A CSS-safe name (`requires-improvement`).
        public var slug: String { Slug.make(name) }
    }

    /// Lowest key-question percentage from which a standard gets `rating`.
    public struct PercentageBand: Sendable, Hashable {
        public var from: Double
        public var rating: String
    }

    /// Composite scores `from...to` that give the overall `rating`.
    public struct ScoreBand: Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var rating: String
    }

    public struct KeyQuestion: Sendable, Hashable {
        public var id: String
        public var text: String
    }

    public struct Standard: Sendable, Hashable {
        public var id: String
        public var number: String
        public var name: String
        public var descriptor: String?
        public var keyQuestions: [KeyQuestion]
    }

    public struct Domain: Sendable, Hashable {
        public var number: String
        public var name: String
        public var standards: [Standard]
    }

    public var id: String
    public var name: String
    public var level: Level
    public var ratings: [Rating]
    public var keyQuestionBands: [PercentageBand]
    public var maxScore: Int?
    public var otherMaxScores: [Int]
    public var scoreBands: [ScoreBand]
    public var domains: [Domain] {
        didSet { standards = domains.flatMap(\.standards) }
    }
    public var sources: [String]
    public var location: SourceLocation

    /// Every domain's standards, in order. Kept rather than gathered on each use: validating and
    /// counting ask for them for every inspection, and gathering copied them each time.
    public private(set) var standards: [Standard]

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

    public func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }

    public func rating(named name: String) -> Rating? { ratings.first { $0.name == name } }

    public var hasRatedStandards: Bool { !standards.isEmpty }
}
