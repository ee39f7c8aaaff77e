import Foundation
import ReportSiteViews

extension ViewBuilder {
    /// How many of the PDU's other inspections a report lists on each side of itself.
    static let historyReach = 3

    /// The positions in its PDU's list (of `count`) of the inspections a report at `index` lists:
    /// the nearest on each side, always as many as `historyReach` allows.
    static func historyWindow(at index: Int, of count: Int) -> Range<Int> {
        let shown = max(0, min(index - historyReach, count - (2 * historyReach + 1)))
        return shown..<min(count, shown + 2 * historyReach + 1)
    }

    /// A median's value when it is one worth showing.
    static func shown(_ median: KeyQuestionMedians.Median?) -> Double? {
        median.flatMap { $0.count >= KeyQuestionMedians.minimumCount ? $0.value : nil }
    }

    /// The median percentage of a key question over the programme's inspections (in one region, if named).
    /// A median over fewer than `KeyQuestionMedians.minimumCount` inspections is none.
    func median(_ framework: String, _ standard: String, _ question: String, region: String?) -> KeyQuestionMedians.Median? {
        medians.median(framework, standard, question, region: region)
    }

    /// "58% (of 12)", or a median too few inspections give (shown as a dash), or "not published".
    static func medianText(_ median: KeyQuestionMedians.Median?, _ text: InterfaceText) -> InspectionPageView.MedianView {
        guard let median else { return .init(text: text[.commonNotPublished].text, tooFew: false, count: 0) }
        guard median.count >= KeyQuestionMedians.minimumCount else { return .init(text: text[.commonDash].text, tooFew: true, count: median.count) }
        let percentage = Format.percentage(median.value, text)
        return .init(text: text[.numbersMedianOf, ("percentage", percentage), ("count", String(median.count))].text, tooFew: false, count: median.count)
    }

    func inspectionPage(_ inspection: Inspection, body: RenderedMarkdown) -> InspectionPageView {
        let path = Routes.inspection(inspection.slug)
        let framework = graph.framework(inspection.frameworkID)!
        let pdu = graph.pdu(of: inspection)
        let region = graph.region(inspection.regionSlug)!

        var crumbs: [(String, String?)] = [(region.name, Routes.region(region.slug))]
        if let pdu { crumbs.append((pdu.pdu.name, Routes.pdu(pdu.pdu.slug))) }
        crumbs.append((when(inspection), nil))
        let chrome = chrome(path: path, title: inspection.title, description: inspection.summary, crumbs: crumbs)
        let root = chrome.root

        var meta: [InspectionPageView.MetaItem] = [
            .init(label: text[.inspectionPageMetaPublished].text, value: Format.date(inspection.published, text)),
            .init(label: text[.inspectionPageMetaFieldworkStarted].text, value: Format.date(inspection.fieldworkStart, text)),
            .init(label: text[.inspectionPageMetaProgramme].text, value: framework.name),
        ]
        if let lead = inspection.leadInspector { meta.append(.init(label: text[.inspectionPageMetaLeadInspector].text, value: lead)) }

        let earlier = graph.previousInspection(of: inspection)
        let domains = framework.domains.map { domain in
            InspectionPageView.DomainView(
                number: domain.number, name: domain.name,
                standards: domain.standards.map { standard in
                    let given = inspection.ratings[standard.id]
                    return .init(number: standard.number, name: standard.name, rating: rating(given),
                                 previous: earlier.map { previousRating(standard, at: $0, now: given, in: framework) })
                })
        }

        let keyQuestions: [InspectionPageView.KeyQuestionTableView] = framework.standards.compactMap { standard in
            guard let values = inspection.keyQuestions[standard.id], !values.isEmpty else { return nil }
            let lowest = values.values.min()
            let rows = standard.keyQuestions.compactMap { question -> InspectionPageView.KeyQuestionRowView? in
                guard let value = values[question.id] else { return nil }
                let national = median(framework.id, standard.id, question.id, region: nil)
                let regional = median(framework.id, standard.id, question.id, region: inspection.regionSlug)
                return .init(text: question.text, percentage: Format.percentage(value, text), isLowest: value == lowest,
                             nationalMedian: Self.medianText(national, text), regionalMedian: Self.medianText(regional, text),
                             bar: KeyQuestionBarView(value: value, national: Self.shown(national), regional: Self.shown(regional)))
            }
            let band = RatingRules.ratingForKeyQuestions(Array(values.values), in: framework)
            return .init(id: "key-questions-\(standard.id)", number: standard.number, name: standard.name,
                         rating: rating(inspection.ratings[standard.id]), bandRating: rating(band),
                         hasBand: band != nil, rows: rows)
        }

        var contents: [InspectionPageView.TOCEntry] = []
        if framework.hasRatedStandards || inspection.overall != nil { contents.append(.init(title: text[.inspectionPageContentsRatings].text, id: "ratings", isSub: false)) }
        if !keyQuestions.isEmpty { contents.append(.init(title: text[.inspectionPageContentsKeyQuestions].text, id: "key-questions", isSub: false)) }
        if !inspection.recommendations.isEmpty { contents.append(.init(title: text[.inspectionPageContentsRecommendations].text, id: "recommendations", isSub: false)) }
        let topLevel = body.headings.map(\.level).min() ?? 2
        for heading in body.headings where heading.level <= topLevel + 1 {
            contents.append(.init(title: heading.text, id: heading.id, isSub: heading.level > topLevel))
        }
        if !inspection.sources.isEmpty { contents.append(.init(title: text[.inspectionPageContentsSources].text, id: "sources", isSub: false)) }

        var history: [InspectionPageView.HistoryEntry] = []
        var previous: LinkView?
        var next: LinkView?
        if let pdu, let index = graph.place(of: inspection.slug, in: pdu.inspections) {
            // The nearest inspections either side; the PDU's page lists them all.
            history = pdu.inspections[Self.historyWindow(at: index, of: pdu.inspections.count)].map {
                .init(title: shortTitle($0), href: root + Routes.inspection($0.slug),
                      score: Format.score($0.score, outOf: graph.maxScore($0), text), overall: rating($0.overall),
                      isCurrent: $0.slug == inspection.slug, draft: $0.isDraft(today: graph.today))
            }
            if index > 0 {
                let other = pdu.inspections[index - 1]
                previous = LinkView(title: shortTitle(other), href: root + Routes.inspection(other.slug))
            }
            if index + 1 < pdu.inspections.count {
                let other = pdu.inspections[index + 1]
                next = LinkView(title: shortTitle(other), href: root + Routes.inspection(other.slug))
            }
        }

        let historyMore = max(0, (pdu?.inspections.count ?? 0) - history.count)
        var view = InspectionPageView(
            chrome: chrome, title: inspection.title, summary: inspection.summary ?? "",
            kindLabel: text[inspection.kind == .pdu ? .inspectionPagePduInspection : .inspectionPageRegionalInspection].text,
            meta: meta, isRated: framework.hasRatedStandards || inspection.overall != nil,
            score: Format.score(inspection.score, outOf: graph.maxScore(inspection), text),
            overall: rating(inspection.overall), domains: domains, keyQuestions: keyQuestions,
            recommendations: inspection.recommendations.map { RecommendationGroupView(to: $0.to, items: $0.items) },
            contents: contents, bodyHTML: body.html,
            hasBody: body.html.bytes.contains { !HTML.isWhitespace($0) },
            sources: inspection.sources.map(SourceView.init),
            notes: liveReload ? inspection.notes : nil,
            pdu: pdu.map { LinkView(title: $0.pdu.name, href: root + Routes.pdu($0.pdu.slug)) },
            region: LinkView(title: region.name, href: root + Routes.region(region.slug)),
            history: history, hasHistory: history.count > 1, historyMore: historyMore, hasMoreHistory: historyMore > 0, previous: previous, next: next,
            draft: inspection.isDraft(today: graph.today))
        view.methodologyHref = Self.methodologyHref(root: root, framework: framework.id)
        view.lastTime = earlier.map { previousInspectionView($0, of: inspection, root: root) }
        view.textLanguage = language.showsOriginal(report: inspection.slug) ? defaultLanguage : nil
        if !language.isDefault {
            let translation = language.reports[inspection.slug]
            view.sourcesLanguage = translation?.sourceTitles == nil && !inspection.sources.isEmpty ? defaultLanguage : nil
            view.recommendationsLanguage = translation?.recommendations == nil && !inspection.recommendations.isEmpty ? defaultLanguage : nil
        }
        return view
    }
}
