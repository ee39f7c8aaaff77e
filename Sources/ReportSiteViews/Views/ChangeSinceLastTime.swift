/// What a report shows of its PDU's (or region's) inspection before it: that inspection's score and overall
/// rating, and beside each standard the rating it had then.
public struct PreviousInspectionView: Sendable {
    /// "9 February 2023", or the programme when no date is published.
    public var when: String
    public var href: String
    public var score: String
    public var overall: RatingView
    /// Why the two inspections' ratings or scores are not directly comparable, when they are not.
    public var caveat: String
    public var draft: Bool

    public init(when: String, href: String, score: String, overall: RatingView, caveat: String, draft: Bool) {
        self.when = when
        self.href = href
        self.score = score
        self.overall = overall
        self.caveat = caveat
        self.draft = draft
    }
}

/// A standard's rating at the inspection before, and how the rating moved since.
public struct PreviousRatingView: Sendable {
    /// Whether the earlier inspection's programme had the standard; its rating may still be not published.
    public var ratedThen: Bool = true
    public var rating: RatingView
    /// "improved", "declined", "unchanged"; empty where the two are not comparable or either is unknown.
    public var change: String

    public init(ratedThen: Bool = true, rating: RatingView, change: String) {
        self.ratedThen = ratedThen
        self.rating = rating
        self.change = change
    }
}

