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
    public var sources: [String]
    public var draft: Bool
    /// The report text, Markdown (read from its file when the page is made).
    public var body: MarkdownText
    public var bodyFirstLine: Int
    /// Where each front-matter field was written, for diagnostics raised after loading.
    public var fieldLocations: [String: SourceLocation]
    public var location: SourceLocation
    /// Digests of the front matter as written and of the body, so a build can tell what changed.
    public var frontMatterDigest = ContentDigest()
    public var bodyDigest = ContentDigest()

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
