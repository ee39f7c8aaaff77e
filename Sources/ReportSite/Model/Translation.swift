/// A report's or a page's text in another language of the site, from the file beside it
/// (`inspections/<slug>.cy.md`, `pages/<slug>.cy.md`): words only. The figures (score, ratings, key
/// questions, dates) are the original's, so a translation cannot disagree with it.
struct Translation: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case inspection
        case page
    }

    var kind: Kind
    /// The slug of the file it translates.
    var slug: String
    /// The language's code (`cy`).
    var language: String
    var title: String
    /// A report's summary, a page's description.
    var summary: String?
    /// A report's recommendations, group by group in the original's order; nil to show the original's.
    var recommendations: [Inspection.RecommendationGroup]?
    /// The titles of the report's sources, in the original's order; nil to show the original's.
    var sourceTitles: [String]?
    var body: String
    var bodyFirstLine: Int
    var location: SourceLocation
    /// The digest of the file, which its language's pages are made from.
    var digest: ContentDigest
}
