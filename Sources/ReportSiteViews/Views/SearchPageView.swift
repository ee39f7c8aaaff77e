/// The search page.
public struct SearchPageView: Sendable {
    public var chrome: ChromeView
    /// The search index's script (shards and report lists, and the default language's names), from the page.
    public var indexScript: String
    /// On a page of another language than the default: its own names script, from the page.
    public var namesScript: String?

    public init(chrome: ChromeView, indexScript: String = "../search-index.js", namesScript: String? = nil) {
        self.chrome = chrome
        self.indexScript = indexScript
        self.namesScript = namesScript
    }
}
