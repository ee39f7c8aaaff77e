/// One inspection report: of a PDU, or of a whole region.
///
/// Values a source does not give are nil (or absent from the dictionaries), never guessed: the site
/// shows them as "not published".
@dynamicMemberLookup
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

    /// Each field, read and written through the shared box (see `Fields`).
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        set { update { $0[keyPath: field] = newValue } }
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
        sources: [Source],
        notes: String? = nil,
        draft: Bool,
        body: MarkdownText,
        bodyFirstLine: Int,
        fieldLocations: [String: SourceLocation],
        location: SourceLocation,
        unreadable: Set<String> = [],
        frontMatterDigest: ContentDigest = ContentDigest(),
        bodyDigest: ContentDigest = ContentDigest()
    ) {
        storage = Storage(Fields(
            slug: slug, title: title, kind: kind, pduName: pduName, regionSlug: regionSlug, frameworkID: frameworkID,
            published: published, fieldworkStart: fieldworkStart, score: score, maxScore: maxScore, overall: overall,
            ratings: ratings, keyQuestions: keyQuestions, recommendations: recommendations, leadInspector: leadInspector,
            summary: summary, sources: sources, notes: notes, draft: draft, body: body, bodyFirstLine: bodyFirstLine,
            fieldLocations: fieldLocations, location: location, unreadable: unreadable,
            frontMatterDigest: frontMatterDigest, bodyDigest: bodyDigest))
    }

    public static func == (lhs: Inspection, rhs: Inspection) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// What a report file says, read through `inspection.field`.
    public struct Fields: Sendable, Hashable {
        public var slug: String
        public var title: String
        public var kind: Kind
        /// The PDU's name as the report gives it (it may be an alias); nil for regional inspections.
        public var pduName: String?
        public var regionSlug: String
        public var frameworkID: String
        public var published: PartialDate?
        public var fieldworkStart: PartialDate?
        public var score: Int?
        public var maxScore: Int?
        public var overall: String?
        /// Standard id -> rating name.
        public var ratings: [String: String]
        /// Standard id -> key question id -> percentage 'Yes'.
        public var keyQuestions: [String: [String: Double]]
        public var recommendations: [RecommendationGroup]
        public var leadInspector: String?
        public var summary: String?
        /// Public documents a reader can follow.
        public var sources: [Source]
        /// Working notes for editors: shown in the preview, never published.
        public var notes: String?
        public var draft: Bool
        /// The report text, Markdown (read from its file when the page is made).
        public var body: MarkdownText
        public var bodyFirstLine: Int
        /// Where each front-matter field was written, for diagnostics raised after loading.
        public var fieldLocations: [String: SourceLocation]
        public var location: SourceLocation
        /// Fields whose value was reported unreadable (`score`, `key_questions.assessment.safety`): the
        /// rules that relate values leave them out. Empty for a report that loaded cleanly, the only
        /// kind a build's cache keeps.
        public var unreadable: Set<String>
        /// Digests of the front matter as written and of the body, so a build can tell what changed.
        public var frontMatterDigest: ContentDigest
        public var bodyDigest: ContentDigest
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
        if self.draft { return true }
        guard let published = self.published else { return false }
        return today.isDefinitelyBefore(published)
    }

    /// Where `field` was written, or the file itself when unknown.
    public func placeOfField(_ field: String) -> SourceLocation {
        self.fieldLocations[field] ?? self.location
    }
}
