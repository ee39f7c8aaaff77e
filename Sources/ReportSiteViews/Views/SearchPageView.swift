/// The search page.
public struct SearchPageView: Sendable {
    public var chrome: ChromeView

    public init(chrome: ChromeView) {
        self.chrome = chrome
    }
}
