/// The page the preview shows while the binary is being built again after a template changed. It asks
/// for the page again and again, and reloads once the answer is no longer this page.
public struct RebuildingView: Sendable {
    /// The response header that marks this page, for its script to tell it from the site.
    public var markerHeader: String
    /// How often the script asks, in milliseconds.
    public var pollInterval: Int

    public init(markerHeader: String, pollInterval: Int) {
        self.markerHeader = markerHeader
        self.pollInterval = pollInterval
    }
}
