import Foundation
import ReportSiteViews

extension ViewBuilder {
    func previousInspectionView(_ previous: Inspection, of inspection: Inspection, root: String) -> PreviousInspectionView {
        let earlier = graph.framework(previous.frameworkID)!
        let maxNow = graph.maxScore(inspection), maxThen = graph.maxScore(previous)
        let caveat: String
        if previous.frameworkID != inspection.frameworkID {
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
            caveat: caveat, draft: previous.isDraft(today: graph.today))
    }

    /// `standard`'s rating at `previous`, where `previous`'s programme rated a standard of that id.
    func previousRating(_ standard: Framework.Standard, at previous: Inspection, now current: String?,
                        in framework: Framework) -> PreviousRatingView {
        guard graph.framework(previous.frameworkID)?.standard(standard.id) != nil else {
            return PreviousRatingView(ratedThen: false, rating: .missing, change: "")
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
