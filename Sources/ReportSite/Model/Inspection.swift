/// One inspection report: of a PDU, or of a whole region.
///
/// Values a source does not give are nil (or absent from the dictionaries), never guessed: the site
/// shows them as "not published".
public struct Inspection: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case pdu
        case region
    }

    /// Recommendations addressed to one body ("Essex South PDU should:").
    public struct RecommendationGroup: Sendable, Hashable, Encodable {
        public var to: String
        public var items: [String]
    }

    public var slug: String {
        get { storage.fields.slug }
        set { update { $0.slug = newValue } }
    }
    public var title: String {
        get { storage.fields.title }
        set { update { $0.title = newValue } }
    }
    public var kind: Kind {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }
    /// The PDU's name as the report gives it (it may be an alias); nil for regional inspections.
    public var pduName: String? {
        get { storage.fields.pduName }
        set { update { $0.pduName = newValue } }
    }
    public var regionSlug: String {
        get { storage.fields.regionSlug }
        set { update { $0.regionSlug = newValue } }
    }
    public var frameworkID: String {
        get { storage.fields.frameworkID }
        set { update { $0.frameworkID = newValue } }
    }
    public var published: PartialDate? {
        get { storage.fields.published }
        set { update { $0.published = newValue } }
    }
    public var fieldworkStart: PartialDate? {
        get { storage.fields.fieldworkStart }
        set { update { $0.fieldworkStart = newValue } }
    }
    public var score: Int? {
        get { storage.fields.score }
        set { update { $0.score = newValue } }
    }
    public var maxScore: Int? {
        get { storage.fields.maxScore }
        set { update { $0.maxScore = newValue } }
    }
    public var overall: String? {
        get { storage.fields.overall }
        set { update { $0.overall = newValue } }
    }
    /// Standard id -> rating name.
    public var ratings: [String: String] {
        get { storage.fields.ratings }
        set { update { $0.ratings = newValue } }
    }
    /// Standard id -> key question id -> percentage 'Yes'.
    public var keyQuestions: [String: [String: Double]] {
        get { storage.fields.keyQuestions }
        set { update { $0.keyQuestions = newValue } }
    }
    public var recommendations: [RecommendationGroup] {
        get { storage.fields.recommendations }
        set { update { $0.recommendations = newValue } }
    }
    public var leadInspector: String? {
        get { storage.fields.leadInspector }
        set { update { $0.leadInspector = newValue } }
    }
    public var summary: String? {
        get { storage.fields.summary }
        set { update { $0.summary = newValue } }
    }
    public var sources: [String] {
        get { storage.fields.sources }
        set { update { $0.sources = newValue } }
    }
    public var draft: Bool {
        get { storage.fields.draft }
        set { update { $0.draft = newValue } }
    }
    /// The report text, Markdown (read from its file when the page is made).
    public var body: MarkdownText {
        get { storage.fields.body }
        set { update { $0.body = newValue } }
    }
    public var bodyFirstLine: Int {
        get { storage.fields.bodyFirstLine }
        set { update { $0.bodyFirstLine = newValue } }
    }
    /// Where each front-matter field was written, for diagnostics raised after loading.
    public var fieldLocations: [String: SourceLocation] {
        get { storage.fields.fieldLocations }
        set { update { $0.fieldLocations = newValue } }
    }
    public var location: SourceLocation {
        get { storage.fields.location }
        set { update { $0.location = newValue } }
    }
    /// Digests of the front matter as written and of the body, so a build can tell what changed.
    public var frontMatterDigest: ContentDigest {
        get { storage.fields.frontMatterDigest }
        set { update { $0.frontMatterDigest = newValue } }
    }
    public var bodyDigest: ContentDigest {
        get { storage.fields.bodyDigest }
        set { update { $0.bodyDigest = newValue } }
    }

    public init(
        slug: String,
        title: String,
        kind: Kind,
        pduName: String?,
        regionSlug: String,
        frameworkID: String,
        published: PartialDate?,
        fieldworkStart: PartialDate?,
        score: Int?,
        maxScore: Int?,
        overall: String?,
        ratings: [String: String],
        keyQuestions: [String: [String: Double]],
        recommendations: [RecommendationGroup],
        leadInspector: String?,
        summary: String?,
        sources: [String],
        draft: Bool,
        body: MarkdownText,
        bodyFirstLine: Int,
        fieldLocations: [String: SourceLocation],
        location: SourceLocation,
        frontMatterDigest: ContentDigest = ContentDigest(),
        bodyDigest: ContentDigest = ContentDigest()
    ) {
        storage = Storage(Fields(
            slug: slug, title: title, kind: kind, pduName: pduName, regionSlug: regionSlug, frameworkID: frameworkID,
            published: published, fieldworkStart: fieldworkStart, score: score, maxScore: maxScore, overall: overall,
            ratings: ratings, keyQuestions: keyQuestions, recommendations: recommendations, leadInspector: leadInspector,
            summary: summary, sources: sources, draft: draft, body: body, bodyFirstLine: bodyFirstLine,
            fieldLocations: fieldLocations, location: location, frontMatterDigest: frontMatterDigest, bodyDigest: bodyDigest))
    }

    public static func == (lhs: Inspection, rhs: Inspection) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// The stored fields; see the properties of the same names.
    struct Fields: Sendable, Hashable {
        var slug: String
        var title: String
        var kind: Kind
        var pduName: String?
        var regionSlug: String
        var frameworkID: String
        var published: PartialDate?
        var fieldworkStart: PartialDate?
        var score: Int?
        var maxScore: Int?
        var overall: String?
        var ratings: [String: String]
        var keyQuestions: [String: [String: Double]]
        var recommendations: [RecommendationGroup]
        var leadInspector: String?
        var summary: String?
        var sources: [String]
        var draft: Bool
        var body: MarkdownText
        var bodyFirstLine: Int
        var fieldLocations: [String: SourceLocation]
        var location: SourceLocation
        var frontMatterDigest: ContentDigest
        var bodyDigest: ContentDigest
    }

    /// The fields in one shared, immutable box. An inspection is copied many times on its way
    /// through a build (into the graph, its PDU, sorts, page jobs, views); copying the box is one
    /// reference count, copying twenty fields was twenty (at 10,000 reports, a quarter of the
    /// preview's rebuild after a save: 0.42 → 0.32 s). A change makes a new box, so it stays a value.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    /// A draft is marked `draft: true` or has a publication date still to come: it is left out of the
    /// published site and shown, with a banner, only in the preview.
    public func isDraft(today: PartialDate) -> Bool {
        if draft { return true }
        guard let published else { return false }
        return today.isDefinitelyBefore(published)
    }

    /// Where `field` was written, or the file itself when unknown.
    public func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? location
    }
}
