import Foundation

/// What a report shows of its PDU's inspection before it: that inspection's score and overall
/// rating, and beside each standard the rating it had then.
public struct PreviousInspectionView: Sendable {
    /// "9 February 2023", or the programme when no date is published.
    public var when: String
    public var href: String
    public var score: String
    public var overall: RatingView
    /// Whether the two inspections rated the same standards and scored out of the same maximum.
    public var comparable: Bool
    /// Why they are not comparable, when they are not.
    public var caveat: String
    public var draft: Bool
}

/// A standard's rating at the PDU's inspection before, and how the rating moved since.
public struct PreviousRatingView: Sendable {
    public var rating: RatingView
    /// "improved", "declined", "unchanged"; empty where the two are not comparable or either is unknown.
    public var change: String
}

extension ViewBuilder {
    /// The inspection of `inspection`'s PDU just before it, if any.
    func previousInspection(of inspection: Inspection) -> Inspection? {
        guard let pdu = graph.pdu(of: inspection),
              let index = pdu.inspections.firstIndex(where: { $0.slug == inspection.slug }), index > 0 else { return nil }
        return pdu.inspections[index - 1]
    }

    func previousInspectionView(_ previous: Inspection, of inspection: Inspection, root: String) -> PreviousInspectionView {
        let programme = graph.framework(inspection.frameworkID)!
        let earlier = graph.framework(previous.frameworkID)!
        let maxNow = graph.maxScore(inspection), maxThen = graph.maxScore(previous)
        let caveat: String
        if programme.id != earlier.id {
            let outOf = maxThen.map { ", scored out of \($0)" } ?? ""
            caveat = "That inspection was made under another programme (\(earlier.name)\(outOf)), with other standards "
                + "and bands, so its ratings and score are not directly comparable with these. "
                + "Its ratings are shown beside the standards that programme also rated."
        } else if maxNow != maxThen {
            let then = maxThen.map(String.init) ?? "a maximum not published"
            let now = maxNow.map(String.init) ?? "a maximum not published"
            caveat = "That inspection's score was out of \(then), this one's out of \(now), so the two scores are not directly comparable."
        } else {
            caveat = ""
        }
        return PreviousInspectionView(
            when: when(previous), href: root + Routes.inspection(previous.slug),
            score: Format.score(previous.score, outOf: maxThen), overall: RatingView(previous.overall),
            comparable: programme.id == earlier.id, caveat: caveat, draft: previous.isDraft(today: graph.today))
    }

    /// `standard`'s rating at `previous`, where `previous`'s programme rated a standard of that id.
    func previousRating(_ standard: Framework.Standard, at previous: Inspection, now current: String?,
                        in framework: Framework) -> PreviousRatingView {
        guard graph.framework(previous.frameworkID)?.standard(standard.id) != nil else {
            return PreviousRatingView(rating: RatingView(name: "not rated then", slug: "none", known: false), change: "")
        }
        let then = previous.ratings[standard.id]
        var change = ""
        if previous.frameworkID == framework.id, let then, let current,
           let before = framework.rating(named: then)?.rank, let after = framework.rating(named: current)?.rank {
            change = after > before ? "improved" : after < before ? "declined" : "unchanged"
        }
        return PreviousRatingView(rating: RatingView(then), change: change)
    }
}
