import Foundation

/// The digest of everything each page is made from, so that a build can skip the pages whose digest
/// is the one the last build recorded.
///
/// Reports are the bulk of a large site and each depends on little: its own file, what it shows of
/// the nearest inspections of its PDU (its history window and previous/next links), the ratings of
/// the inspection before it of its PDU or region, and its
/// programme's key-question medians, nationally and in its region (on its bars). A PDU's page
/// depends on its inspections, a region's on the inspections in the region; the feed and open data
/// on every inspection's front matter, and home, the indexes and the sitemap on what their tables
/// and counts show of each (`tableFacts`). All pages depend on the site-wide inputs, and the
/// glossary, search, 404 and robots pages on nothing else.
///
/// The preview patches the digests around the reports a save changed (`updating`) rather than work
/// them out again; both ways give the same digests.
struct PageFingerprints: Sendable {
    /// Templates, site settings, frameworks, regions, glossary, build options and the binary.
    let siteWide: ContentDigest
    /// `siteWide` and every published inspection's front matter.
    private(set) var listings: ContentDigest
    /// `siteWide` and what the pages that tabulate or count every inspection (home, the lists of
    /// regions and PDUs, the sitemap) show of each: `tableFacts`, in the site's order.
    private(set) var tables: ContentDigest
    /// Inspection slug -> `tableFacts(of:today:)`.
    private var tableRows: [String: ContentDigest]
    /// The key-question medians the report pages show.
    private var medians: KeyQuestionMedians
    /// PDU slug -> the summaries of its inspections, worked out once rather than once per report.
    private var pduInspections: [String: ContentDigest]
    /// PDU slug -> what a report may show of each of its PDU's inspections (see `historyFacts`), in order.
    private var pduHistory: [String: [ContentDigest]]
    /// Inspection slug -> its PDU and place in the PDU's list, for the inspections PDU pages list.
    private var pduPlaces: [String: (pdu: String, index: Int)]
    /// Region slug -> the summaries of the inspections in the region, of PDUs and of the region.
    private var regionInspections: [String: ContentDigest]
    /// Inspection slug -> `summary(of:today:)`, worked out once for every digest that needs it.
    private var summaries: [String: ContentDigest]
    private var graph: SiteGraph

    /// `siteWide` is `siteWide(inputs:…)` with `adding(pagesOf:to:)`.
    init(graph: SiteGraph, siteWide: ContentDigest, medians: KeyQuestionMedians) {
        self.graph = graph
        self.siteWide = siteWide
        self.medians = medians
        var summaries: [String: ContentDigest] = [:], tableRows: [String: ContentDigest] = [:]
        for inspection in graph.inspections {
            summaries[inspection.slug] = Self.summary(of: inspection, today: graph.today)
            tableRows[inspection.slug] = Self.tableFacts(of: inspection, today: graph.today)
        }
        self.summaries = summaries
        self.tableRows = tableRows
        listings = Self.fold(graph, summaries, siteWide: siteWide)
        tables = Self.fold(graph, tableRows, siteWide: siteWide)
        pduInspections = [:]
        pduHistory = [:]
        pduPlaces = [:]
        regionInspections = Self.regionDigests(graph, summaries)
        for slug in graph.pdus.keys { digestPDU(slug) }
    }

    /// The digests of `graph`'s pages and the key-question medians they take in, worked out side by
    /// side: the medians are needed only when a report's digest is asked for.
    static func withMedians(graph: SiteGraph, siteWide: ContentDigest) -> (fingerprints: PageFingerprints, medians: KeyQuestionMedians) {
        var (fingerprints, medians) = concurrently({ PageFingerprints(graph: graph, siteWide: siteWide, medians: KeyQuestionMedians([])) },
                                                   { KeyQuestionMedians(of: graph) })
        fingerprints.medians = medians
        return (fingerprints, medians)
    }

    /// The digests after the reports in `moved` were read again and placed in `graph` (with their
    /// programmes' `medians`): the same as worked out afresh from `graph`, but only the summaries, PDUs
    /// and regions the reports are in are worked out again.
    func updating(graph: SiteGraph, moved: [(old: Inspection, new: Inspection)], medians: KeyQuestionMedians) -> PageFingerprints {
        var next = self
        next.graph = graph
        next.medians = medians
        for (old, new) in moved {
            next.summaries[old.slug] = nil
            next.summaries[new.slug] = Self.summary(of: new, today: graph.today)
            next.tableRows[old.slug] = nil
            next.tableRows[new.slug] = Self.tableFacts(of: new, today: graph.today)
            next.pduPlaces[old.slug] = nil
        }
        next.listings = Self.fold(graph, next.summaries, siteWide: siteWide)
        next.tables = Self.fold(graph, next.tableRows, siteWide: siteWide)
        for slug in Set(moved.flatMap { [graph.pduSlug(of: $0.old), graph.pduSlug(of: $0.new)] }.compactMap { $0 }) {
            next.digestPDU(slug)
        }
        let regions = Set(moved.flatMap { [$0.old.regionSlug, $0.new.regionSlug] })
        let digests = Self.regionDigests(graph, next.summaries, only: regions)
        for region in regions { next.regionInspections[region] = digests[region] }
        return next
    }

    /// `siteWide` and every inspection's digest in `digests`, in the order the national pages list them.
    private static func fold(_ graph: SiteGraph, _ digests: [String: ContentDigest], siteWide: ContentDigest) -> ContentDigest {
        var folded = siteWide
        for inspection in graph.inspections { folded.combine(digests[inspection.slug]!) }
        return folded
    }

    /// Region slug -> the summaries of its inspections in the site's order, for the regions that have
    /// any (of `only`, when given).
    private static func regionDigests(
        _ graph: SiteGraph, _ summaries: [String: ContentDigest], only: Set<String>? = nil
    ) -> [String: ContentDigest] {
        var digests: [String: ContentDigest] = [:]
        for inspection in graph.inspections where only?.contains(inspection.regionSlug) ?? true {
            digests[inspection.regionSlug, default: ContentDigest()].combine(summaries[inspection.slug]!)
        }
        return digests
    }

    /// Works out the digests of the PDU `slug` from its inspections in `graph`.
    private mutating func digestPDU(_ slug: String) {
        guard let entry = graph.pdus[slug] else {
            pduInspections[slug] = nil
            pduHistory[slug] = nil
            return
        }
        var inspections = ContentDigest(), history: [ContentDigest] = []
        for (index, other) in entry.inspections.enumerated() {
            // Every listed inspection is in `graph.inspections`; working one out again is only a fallback.
            inspections.combine(summaries[other.slug] ?? Self.summary(of: other, today: graph.today))
            history.append(Self.historyFacts(of: other, today: graph.today))
            pduPlaces[other.slug] = (slug, index)
        }
        pduInspections[slug] = inspections
        pduHistory[slug] = history
    }

    /// The search index: `listings`, and the headings and words of every text.
    func searchIndex(headings facts: [String: BodyFacts]) -> ContentDigest {
        // Each text's part is added up, in whatever order the dictionary holds them: sorting every
        // page would take longer than the rest of this.
        var texts: UInt64 = 0
        for (page, text) in facts {
            var part = ContentDigest(page)
            part.combine(text.searchDigest)
            texts &+= part.value
        }
        var digest = listings
        digest.combine(UInt64(facts.count))
        digest.combine(texts)
        return digest
    }

    /// A report page and its print version.
    func inspection(_ inspection: Inspection) -> ContentDigest {
        var digest = siteWide
        digest.combine(summaries[inspection.slug] ?? Self.summary(of: inspection, today: graph.today))
        digest.combine(inspection.location.file)
        digest.combine(inspection.bodyDigest)
        digest.combine(history(of: inspection))
        // Its ratings box sets the inspection before beside its own, standard by standard.
        if let before = graph.previousInspection(of: inspection) {
            digest.combine(tableRows[before.slug] ?? Self.tableFacts(of: before, today: graph.today))
        }
        digest.combine(medians.digest(inspection.frameworkID, region: nil))
        digest.combine(medians.digest(inspection.frameworkID, region: inspection.regionSlug))
        return digest
    }

    /// What a report page shows of its PDU's other inspections: those in its history window (its
    /// nearest on each side, with the previous and next links) and how many there are.
    private func history(of inspection: Inspection) -> ContentDigest {
        var digest = ContentDigest()
        // The page lists its PDU's inspections only when it is among them.
        guard let pdu = graph.pdu(of: inspection), let place = pduPlaces[inspection.slug], place.pdu == pdu.pdu.slug,
              let facts = pduHistory[place.pdu] else { return digest }
        digest.combine(UInt64(facts.count))
        digest.combine(UInt64(place.index))
        for position in ViewBuilder.historyWindow(at: place.index, of: facts.count) { digest.combine(facts[position]) }
        return digest
    }

    /// `siteWide(inputs:…)`, which leaves out the files of `Content/pages/`, with what every page
    /// shows of them: which pages there are (the sitemap lists them; a link to a draft is left out)
    /// and the titles of those a navigation or footer link shows by their own title. Their texts are
    /// each their own page's input (`page(_:)`), so a page's text or title edited remakes that page alone.
    static func adding(pagesOf graph: SiteGraph, to siteWide: ContentDigest) -> ContentDigest {
        var digest = siteWide
        digest.combine("pages")
        let titled = Set((graph.navigation + graph.footer).compactMap { link -> String? in
            guard link.title == nil, case .page(let slug) = link.target else { return nil }
            return slug
        })
        for page in graph.pages + (graph.methodologyText.map { [$0] } ?? []) {
            digest.combine(page.slug)
            digest.combine(titled.contains(page.slug) ? page.title : "\u{0}")
        }
        return digest
    }

    /// A page of `Content/pages/`: its file.
    func page(_ page: SitePage) -> ContentDigest {
        var digest = siteWide
        digest.combine("page")
        digest.combine(page.location.file)
        digest.combine(page.fileDigest)
        return digest
    }

    /// The methodology page: the framework files (site-wide) and its text, when it has one.
    var methodology: ContentDigest {
        graph.methodologyText.map(page) ?? siteWide
    }

    /// A PDU's page: its inspections, over time.
    func pdu(_ slug: String) -> ContentDigest {
        var digest = siteWide
        digest.combine("pdu")
        digest.combine(pduInspections[slug] ?? ContentDigest())
        return digest
    }

    /// A region's page: the inspections of its PDUs and its own. Its text is a site-wide input.
    func region(_ slug: String) -> ContentDigest {
        var digest = siteWide
        digest.combine("region")
        digest.combine(regionInspections[slug] ?? ContentDigest())
        return digest
    }

    /// What a report page shows of another inspection of its PDU: the history list and the previous
    /// and next links (its PDU's name and its date or programme, its score and overall rating, in
    /// date order). Its title, text, summary, recommendations and key-question figures are not shown
    /// there, so editing them leaves the other reports of the PDU alone.
    private static func historyFacts(of inspection: Inspection, today: PartialDate) -> ContentDigest {
        var digest = ContentDigest(inspection.slug)
        for text in [inspection.kind.rawValue, inspection.pduName ?? "\u{0}", inspection.regionSlug,
                     inspection.frameworkID, inspection.published?.description ?? "-", inspection.fieldworkStart?.description ?? "-",
                     inspection.overall ?? "\u{0}"] {
            digest.combine(text)
        }
        for number in [inspection.score, inspection.maxScore] { digest.combine(UInt64(bitPattern: Int64(number ?? -1))) }
        digest.combine(inspection.isDraft(today: today) ? 1 : 0)
        return digest
    }

    /// What the tables of every inspection show of one (a row: its PDU, dates or programme, score,
    /// overall and standards' ratings) and what the counts count: its history facts and its ratings;
    /// its title only where a row would fall back on it (a PDU inspection naming no PDU). Its title,
    /// text, summary, recommendations and key-question figures are on none of these pages.
    private static func tableFacts(of inspection: Inspection, today: PartialDate) -> ContentDigest {
        var digest = historyFacts(of: inspection, today: today)
        for (standard, rating) in inspection.ratings.sorted(by: { $0.key < $1.key }) {
            digest.combine(standard)
            digest.combine(rating)
        }
        digest.combine(inspection.pduName == nil ? inspection.title : "\u{0}")
        return digest
    }

    /// An inspection as the pages listing it see it: its name, its front matter and whether it is a draft today.
    private static func summary(of inspection: Inspection, today: PartialDate) -> ContentDigest {
        var digest = ContentDigest(inspection.slug)
        digest.combine(inspection.frontMatterDigest)
        digest.combine(inspection.isDraft(today: today) ? 1 : 0)
        return digest
    }

    /// The site-wide inputs: every file of `inputs` but the reports and the assets (copied as they
    /// are, each its own input), read in full (they are few and small), with the options and the
    /// identity of the running binary, which holds the compiled templates (`look` names them), and the
    /// design tokens: an asset, but inlined in every print version, so a page input too. With
    /// `assets`, every asset's contents too: every page links to them by names made from them.
    static func siteWide(
        inputs: InputStamps, content: String, templates: String, look: String, tokens: String, options: [String], assets: Bool
    ) -> ContentDigest {
        var digest = ContentDigest("reportsite manifest \(BuildManifest.formatVersion)")
        digest.combine(look)
        digest.combine(tokens)
        options.forEach { digest.combine($0) }
        if let binary = Bundle.main.executablePath, let stamp = InputStamps(files: [binary]).files[binary] {
            digest.combine(UInt64(bitPattern: stamp.size))
            digest.combine(UInt64(bitPattern: stamp.modified))
        }
        let reports = (content as NSString).appendingPathComponent("inspections") + "/"
        // Each page's file goes into its own page's digest alone (see `page(_:)`).
        let pages = (content as NSString).appendingPathComponent("pages") + "/"
        let assetsFolder = TemplateAssets.path(in: templates) + "/"
        // Each language's text goes into its own pages' digests alone (see `SiteLanguage.digest`).
        let translations = (content as NSString).appendingPathComponent(InterfaceTextDecoder.folder) + "/"
        // Attachments count by their size, which texts show beside their links; their contents go
        // only into their own copies (a large PDF is not read at every build).
        let attachments = (content as NSString).appendingPathComponent(Routes.attachmentsFolder) + "/"
        for path in inputs.files.keys.sorted() where !path.hasPrefix(reports) && !path.hasPrefix(pages) && !path.hasPrefix(translations) && (assets || !path.hasPrefix(assetsFolder)) {
            digest.combine(path)
            if path.hasPrefix(attachments) {
                digest.combine(UInt64(bitPattern: inputs.files[path]?.size ?? 0))
                continue
            }
            if let data = FileManager.default.contents(atPath: path) {
                data.withUnsafeBytes { digest.combine(bytes: $0) }
            }
        }
        return digest
    }
}
