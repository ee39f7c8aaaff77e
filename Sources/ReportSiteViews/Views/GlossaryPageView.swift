/// The glossary page: each term with its expansion, and its own anchor.
public struct GlossaryPageView: Sendable {
    public var chrome: ChromeView
    public var terms: [GlossaryTermView]
    /// The `lang` of the terms (written in the default language) on a page of another language.
    public var termsLanguage: String? = nil

    public init(chrome: ChromeView, terms: [GlossaryTermView]) {
        self.chrome = chrome
        self.terms = terms
    }
}

/// A term of the glossary (PDU, PSO, MAPPA, ...).
public struct GlossaryTermView: Sendable {
    public var term: String
    public var expansion: String
    public var definition: String?
    public var source: String?
    /// The anchor of the term on the glossary page.
    public var id: String

    public init(term: String, expansion: String, definition: String? = nil, source: String? = nil, id: String) {
        self.term = term
        self.expansion = expansion
        self.definition = definition
        self.source = source
        self.id = id
    }
}
