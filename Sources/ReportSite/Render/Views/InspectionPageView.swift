import Foundation

/// One inspection report.
public struct InspectionPageView: Sendable {
    public struct MetaItem: Sendable {
        public var label: String
        public var value: String
    }

    public struct StandardRatingView: Sendable {
        public var number: String
        public var name: String
        public var rating: RatingView
        /// The rating at the PDU's inspection before this one; nil when there was none.
        public var previous: PreviousRatingView?
    }

    public struct DomainView: Sendable {
        public var number: String
        public var name: String
        public var standards: [StandardRatingView]
    }

    public struct KeyQuestionRowView: Sendable {
        public var text: String
        public var percentage: String
        public var isLowest: Bool
        /// Medians of the same key question across the programme's inspections, nationally and in the region.
        public var nationalMedian: MedianView
        public var regionalMedian: MedianView
        /// The bar with both medians marked, as inline SVG (the row's text says the same).
        public var barSVG: String
    }

    /// A median in a key-question table: short, so that the question has the table's width.
    public struct MedianView: Sendable {
        /// "58% (of 12)", or "not published" when no published inspection gives the figure.
        public var text: String
        /// Too few inspections give the figure for a median worth showing: the cell shows a dash,
        /// explained once under the table, and says how many to a screen reader.
        public var tooFew: Bool
        public var count: Int
    }

    public struct KeyQuestionTableView: Sendable {
        public var id: String
        public var number: String
        public var name: String
        public var rating: RatingView
        /// The rating the lowest percentage's band gives, per the framework.
        public var bandRating: RatingView
        public var hasBand: Bool
        public var rows: [KeyQuestionRowView]
        /// Whether any median of the table is too few inspections to show, so the note under it is needed.
        public var hasTooFew: Bool { rows.contains { $0.nationalMedian.tooFew || $0.regionalMedian.tooFew } }
    }

    public struct TOCEntry: Sendable {
        public var title: String
        public var id: String
        public var isSub: Bool
    }

    public var chrome: ChromeView
    public var title: String
    public var summary: String
    public var kindLabel: String
    public var meta: [MetaItem]
    public var isRated: Bool
    public var score: String
    public var overall: RatingView
    public var domains: [DomainView]
    public var keyQuestions: [KeyQuestionTableView]
    public var recommendations: [Inspection.RecommendationGroup]
    public var contents: [TOCEntry]
    public var bodyHTML: String
    public var hasBody: Bool
    public var sources: [Source]
    /// Editors' working notes, in the preview only; nil in a published build.
    public var notes: String?
    public var pdu: LinkView?
    public var region: LinkView
    public var history: [HistoryEntry]
    /// Whether the PDU has other inspections to list beside this one.
    public var hasHistory: Bool
    /// How many of the PDU's inspections are not listed (the PDU's page has them all).
    public var historyMore: Int
    public var hasMoreHistory: Bool
    public var previous: LinkView?
    public var next: LinkView?
    public var draft: Bool
    /// The PDU's (or region's) inspection before this one, beside this one's ratings.
    public var lastTime: PreviousInspectionView? = nil
    /// The report as a PDF, in a site built with PDFs.
    public var pdf: PDFLinkView? = nil
    /// How its programme's scores and ratings work, on the methodology page.
    public var methodologyHref = ""

    public struct HistoryEntry: Sendable {
        public var title: String
        public var href: String
        public var score: String
        public var overall: RatingView
        public var isCurrent: Bool
        public var draft: Bool
    }

    /// Ids of sections the template itself makes; heading ids in the body must not reuse them.
    static let reservedIDs: Set<String> = [
        "main", "top", "contents", "ratings", "key-questions", "recommendations", "report", "sources", "history",
    ]
}

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
    static func medianText(_ median: KeyQuestionMedians.Median?) -> InspectionPageView.MedianView {
        guard let median else { return .init(text: Format.notPublished, tooFew: false, count: 0) }
        guard median.count >= KeyQuestionMedians.minimumCount else { return .init(text: "–", tooFew: true, count: median.count) }
        return .init(text: "\(Format.percentage(median.value)) (of \(median.count))", tooFew: false, count: median.count)
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
            .init(label: "Published", value: Format.date(inspection.published)),
            .init(label: "Fieldwork started", value: Format.date(inspection.fieldworkStart)),
            .init(label: "Programme", value: framework.name),
        ]
        if let lead = inspection.leadInspector { meta.append(.init(label: "Lead inspector", value: lead)) }

        let earlier = graph.previousInspection(of: inspection)
        let domains = framework.domains.map { domain in
            InspectionPageView.DomainView(
                number: domain.number, name: domain.name,
                standards: domain.standards.map { standard in
                    let rating = inspection.ratings[standard.id]
                    return .init(number: standard.number, name: standard.name, rating: RatingView(rating),
                                 previous: earlier.map { previousRating(standard, at: $0, now: rating, in: framework) })
                })
        }

        let keyQuestions: [InspectionPageView.KeyQuestionTableView] = framework.standards.compactMap { standard in
            guard let values = inspection.keyQuestions[standard.id], !values.isEmpty else { return nil }
            let lowest = values.values.min()
            let rows = standard.keyQuestions.compactMap { question -> InspectionPageView.KeyQuestionRowView? in
                guard let value = values[question.id] else { return nil }
                let national = median(framework.id, standard.id, question.id, region: nil)
                let regional = median(framework.id, standard.id, question.id, region: inspection.regionSlug)
                return .init(text: question.text, percentage: Format.percentage(value), isLowest: value == lowest,
                             nationalMedian: Self.medianText(national), regionalMedian: Self.medianText(regional),
                             barSVG: KeyQuestionBar(value: value, national: Self.shown(national), regional: Self.shown(regional)).svg())
            }
            let band = RatingRules.ratingForKeyQuestions(Array(values.values), in: framework)
            return .init(id: "key-questions-\(standard.id)", number: standard.number, name: standard.name,
                         rating: RatingView(inspection.ratings[standard.id]), bandRating: RatingView(band),
                         hasBand: band != nil, rows: rows)
        }

        var contents: [InspectionPageView.TOCEntry] = []
        if framework.hasRatedStandards || inspection.overall != nil { contents.append(.init(title: "Ratings", id: "ratings", isSub: false)) }
        if !keyQuestions.isEmpty { contents.append(.init(title: "Key questions", id: "key-questions", isSub: false)) }
        if !inspection.recommendations.isEmpty { contents.append(.init(title: "Recommendations", id: "recommendations", isSub: false)) }
        let topLevel = body.headings.map(\.level).min() ?? 2
        for heading in body.headings where heading.level <= topLevel + 1 {
            contents.append(.init(title: heading.text, id: heading.id, isSub: heading.level > topLevel))
        }
        if !inspection.sources.isEmpty { contents.append(.init(title: "Sources", id: "sources", isSub: false)) }

        var history: [InspectionPageView.HistoryEntry] = []
        var previous: LinkView?
        var next: LinkView?
        if let pdu, let index = graph.place(of: inspection.slug, in: pdu.inspections) {
            // The nearest inspections either side; the PDU's page lists them all.
            history = pdu.inspections[Self.historyWindow(at: index, of: pdu.inspections.count)].map {
                .init(title: shortTitle($0), href: root + Routes.inspection($0.slug),
                      score: Format.score($0.score, outOf: graph.maxScore($0)), overall: RatingView($0.overall),
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
            kindLabel: inspection.kind == .pdu ? "PDU inspection" : "Regional inspection",
            meta: meta, isRated: framework.hasRatedStandards || inspection.overall != nil,
            score: Format.score(inspection.score, outOf: graph.maxScore(inspection)),
            overall: RatingView(inspection.overall), domains: domains, keyQuestions: keyQuestions,
            recommendations: inspection.recommendations, contents: contents, bodyHTML: body.html,
            hasBody: body.html.utf8.contains { !HTML.isWhitespace($0) },
            sources: inspection.sources,
            notes: liveReload ? inspection.notes : nil,
            pdu: pdu.map { LinkView(title: $0.pdu.name, href: root + Routes.pdu($0.pdu.slug)) },
            region: LinkView(title: region.name, href: root + Routes.region(region.slug)),
            history: history, hasHistory: history.count > 1, historyMore: historyMore, hasMoreHistory: historyMore > 0, previous: previous, next: next,
            draft: inspection.isDraft(today: graph.today))
        view.methodologyHref = Self.methodologyHref(root: root, framework: framework.id)
        view.lastTime = earlier.map { previousInspectionView($0, of: inspection, root: root) }
        return view
    }
}
