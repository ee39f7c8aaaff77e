/// A term the reports use (PDU, PSO, MAPPA, ...), from `Content/glossary.yml`.
struct GlossaryTerm: Sendable, Hashable {
    var term: String
    var expansion: String
    var definition: String?
    var source: String?
    /// The anchor of the term on the glossary page.
    let id: String

    init(term: String, expansion: String, definition: String? = nil, source: String? = nil) {
        self.term = term
        self.expansion = expansion
        self.definition = definition
        self.source = source
        self.id = Slug.make(term)
    }
}
