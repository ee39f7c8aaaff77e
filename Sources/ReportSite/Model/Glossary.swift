/// A term the reports use (PDU, PSO, MAPPA, ...), from `Content/glossary.yml`.
public struct GlossaryTerm: Sendable, Hashable {
    public var term: String
    public var expansion: String
    public var definition: String?
    public var source: String?
    /// The anchor of the term on the glossary page.
    public let id: String

    public init(term: String, expansion: String, definition: String? = nil, source: String? = nil) {
        self.term = term
        self.expansion = expansion
        self.definition = definition
        self.source = source
        self.id = Slug.make(term)
    }
}
