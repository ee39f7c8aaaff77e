/// Recommendations addressed to one body ("The PDU head"), in the report's order.
public struct RecommendationGroupView: Sendable {
    public var to: String
    public var items: [String]

    public init(to: String, items: [String]) {
        self.to = to
        self.items = items
    }
}
