/// What a key question's bar shows: its percentage, and the national and regional medians where there
/// is one worth marking (enough inspections give it). The templates draw it.
public struct KeyQuestionBarView: Sendable {
    public var value: Double
    public var national: Double?
    public var regional: Double?

    public init(value: Double, national: Double? = nil, regional: Double? = nil) {
        self.value = value
        self.national = national
        self.regional = regional
    }
}
