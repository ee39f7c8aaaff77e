import Foundation
import ReportSiteViews

extension ViewBuilder {
    func previousInspectionView(_ previous: Inspection, of inspection: Inspection, root: String) -> PreviousInspectionView {
        let earlier = graph.framework(previous.frameworkID)!
        let maxNow = graph.maxScore(inspection), maxThen = graph.maxScore(previous)
        let caveat: String
        if previous.frameworkID != inspection.frameworkID {
            let outOf = maxThen.map { text[.ratingsBoxCaveatOutOf, ("max", String($0))].text } ?? ""
            caveat = text[.ratingsBoxCaveatOtherProgramme, ("programme", earlier.name), ("out_of", outOf)].text
        } else if maxNow != maxThen {
            let unknown = text[.ratingsBoxAMaximumNotPublished].text
            caveat = text[.ratingsBoxCaveatOtherMaximum, ("then", maxThen.map(String.init) ?? unknown), ("now", maxNow.map(String.init) ?? unknown)].text
        } else {
            caveat = ""
        }
        return PreviousInspectionView(
            when: when(previous), href: root + Routes.inspection(previous.slug),
            score: Format.score(previous.score, outOf: maxThen, text), overall: rating(previous.overall),
            caveat: caveat, draft: previous.isDraft(today: graph.today))
    }

    /// `standard`'s rating at `previous`, where `previous`'s programme rated a standard of that id.
    func previousRating(_ standard: Framework.Standard, at previous: Inspection, now current: String?,
                        in framework: Framework) -> PreviousRatingView {
        guard graph.framework(previous.frameworkID)?.standard(standard.id) != nil else {
            return PreviousRatingView(ratedThen: false, rating: notRated, change: "")
        }
        let then = previous.ratings[standard.id]
        // The movement's English name: the template says it in the page's language, and the
        // stylesheet colours it by this name.
        var change = ""
        if previous.frameworkID == framework.id, let then, let current,
           let before = framework.rating(named: then)?.rank, let after = framework.rating(named: current)?.rank {
            change = after > before ? "improved" : after < before ? "declined" : "unchanged"
        }
        return PreviousRatingView(rating: rating(then), change: change)
    }
}
