/// One inspection report: of a PDU, or of a whole region.
///
/// Values a source does not give are nil (or absent from the dictionaries), never guessed: the site
/// shows them as "not published".
@dynamicMemberLookup
struct Inspection: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case pdu
        case region
    }

    /// Recommendations addressed to one body ("Essex South PDU should:").
    struct RecommendationGroup: Sendable, Hashable, Encodable {
        var to: String
        var items: [String]
    }

    /// Each field, read and written through the shared box (see `Fields`).
    subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        set { update { $0[keyPath: field] = newValue } }
    }

    init(
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
        fieldLocations: FieldLocations,
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

    static func == (lhs: Inspection, rhs: Inspection) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// What a report file says, read through `inspection.field`.
    struct Fields: Sendable, Hashable {
        var slug: String
        var title: String
        var kind: Kind
        /// The PDU's name as the report gives it (it may be an alias); nil for regional inspections.
        var pduName: String?
        var regionSlug: String
        var frameworkID: String
        var published: PartialDate?
        var fieldworkStart: PartialDate?
        var score: Int?
        var maxScore: Int?
        var overall: String?
        /// Standard id -> rating name.
        var ratings: [String: String]
        /// Standard id -> key question id -> percentage 'Yes'.
        var keyQuestions: [String: [String: Double]]
        var recommendations: [RecommendationGroup]
        var leadInspector: String?
        var summary: String?
        /// Public documents a reader can follow.
        var sources: [Source]
        /// Working notes for editors: shown in the preview, never published.
        var notes: String?
        var draft: Bool
        /// The report text, Markdown (read from its file when the page is made).
        var body: MarkdownText
        var bodyFirstLine: Int
        /// Where each front-matter field was written, for diagnostics raised after loading.
        var fieldLocations: FieldLocations
        var location: SourceLocation
        /// Fields whose value was reported unreadable (`score`, `key_questions.assessment.safety`): the
        /// rules that relate values leave them out. Empty for a report that loaded cleanly, the only
        /// kind a build's cache keeps.
        var unreadable: Set<String>
        /// Digests of the front matter as written and of the body, so a build can tell what changed.
        var frontMatterDigest: ContentDigest
        var bodyDigest: ContentDigest
    }

    /// The fields in one shared, immutable box. An inspection is copied many times on its way
    /// through a build (into the graph, its PDU, sorts, page jobs, views); copying the box is one
    /// reference count, copying twenty fields would be twenty. A change makes a new box, so it stays a value.
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
    func isDraft(today: PartialDate) -> Bool {
        if self.draft { return true }
        guard let published = self.published else { return false }
        return today.isDefinitelyBefore(published)
    }

    /// Where `field` was written, or the file itself when unknown.
    func placeOfField(_ field: String) -> SourceLocation {
        self.fieldLocations[field] ?? self.location
    }
}
