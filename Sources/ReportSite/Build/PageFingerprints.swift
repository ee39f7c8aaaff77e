import Foundation

/// The digest of everything each page is made from, so that a build can skip the pages whose digest
/// is the one the last build recorded.
///
/// Reports are the bulk of a large site and each depends on little: its own file, what it shows of
/// the other inspections of its PDU (the history and previous/next links) and its programme's
/// key-question figures (the medians on its bars). A PDU's page depends on its inspections, a
/// region's on the inspections in the region; the national pages (home, indexes, feed, sitemap,
/// open data) list or count all inspections, so they depend on every inspection's front matter.
/// All pages depend on the site-wide inputs, and the glossary, search, 404 and robots pages on
/// nothing else.
struct PageFingerprints: Sendable {
    /// Templates, site settings, frameworks, regions, glossary, build options and the binary.
    let siteWide: ContentDigest
    /// `siteWide` and every published inspection's front matter.
    let listings: ContentDigest
    private let keyQuestions: [String: ContentDigest]
    /// PDU slug -> the summaries of its inspections, worked out once rather than once per report.
    private let pduInspections: [String: ContentDigest]
    /// PDU slug -> what a report shows of its PDU's other inspections (see `historyFacts`).
    private let pduHistory: [String: ContentDigest]
    /// Region slug -> the summaries of the inspections in the region, of PDUs and of the region.
    private let regionInspections: [String: ContentDigest]
    /// Inspection slug -> `summary(of:today:)`, worked out once for every digest that needs it.
    private let summaries: [String: ContentDigest]
    private let graph: SiteGraph

    init(graph: SiteGraph, siteWide: ContentDigest) {
        self.graph = graph
        self.siteWide = siteWide
        var listings = siteWide
        var summaries: [String: ContentDigest] = [:]
        for inspection in graph.inspections {
            let summary = Self.summary(of: inspection, today: graph.today)
            summaries[inspection.slug] = summary
            listings.combine(summary)
        }
        // Each programme's figures, in slug order so that a new date (which reorders the inspections)
        // leaves them alone.
        var keyQuestions: [String: ContentDigest] = [:]
        let inspections = graph.inspections
        for position in inspections.indices.sorted(by: { inspections[$0].slug < inspections[$1].slug }) {
            let inspection = inspections[position]
            var figures = keyQuestions[inspection.frameworkID] ?? ContentDigest()
            figures.combine(inspection.slug)
            figures.combine(inspection.regionSlug)
            for (standard, questions) in inspection.keyQuestions.sorted(by: { $0.key < $1.key }) {
                figures.combine(standard)
                for (question, value) in questions.sorted(by: { $0.key < $1.key }) {
                    figures.combine(question)
                    figures.combine(value.bitPattern)
                }
            }
            keyQuestions[inspection.frameworkID] = figures
        }
        self.listings = listings
        // Every listed inspection is in `graph.inspections`; working one out again is only a fallback.
        let summary = { (inspection: Inspection) in summaries[inspection.slug] ?? Self.summary(of: inspection, today: graph.today) }
        pduInspections = graph.pdus.mapValues { entry in
            var digest = ContentDigest()
            for other in entry.inspections { digest.combine(summary(other)) }
            return digest
        }
        pduHistory = graph.pdus.mapValues { entry in
            var digest = ContentDigest()
            for other in entry.inspections { digest.combine(Self.historyFacts(of: other, today: graph.today)) }
            return digest
        }
        var regionInspections: [String: ContentDigest] = [:]
        for inspection in graph.inspections {
            regionInspections[inspection.regionSlug, default: ContentDigest()].combine(summary(inspection))
        }
        self.regionInspections = regionInspections
        self.summaries = summaries
        self.keyQuestions = keyQuestions
    }

    /// The search index: `listings` and the headings of every text. A text edit that leaves the
    /// headings alone leaves the index alone, so it is not rewritten.
    func searchIndex(headings facts: [String: BodyFacts]) -> ContentDigest {
        var digest = listings
        for (page, text) in facts.sorted(by: { $0.key < $1.key }) {
            digest.combine(page)
            digest.combine(text.headingsDigest)
        }
        return digest
    }

    /// A report page and its print version.
    func inspection(_ inspection: Inspection) -> ContentDigest {
        var digest = siteWide
        digest.combine(summaries[inspection.slug] ?? Self.summary(of: inspection, today: graph.today))
        digest.combine(inspection.location.file)
        digest.combine(inspection.bodyDigest)
        digest.combine(graph.pdu(of: inspection).flatMap { pduHistory[$0.pdu.slug] } ?? ContentDigest())
        digest.combine(keyQuestions[inspection.frameworkID] ?? ContentDigest())
        return digest
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
    /// and next links (its name, date, programme, score and overall rating, in date order). Its text,
    /// summary, recommendations and key-question figures are not shown there, so editing them
    /// leaves the other reports of the PDU alone.
    private static func historyFacts(of inspection: Inspection, today: PartialDate) -> ContentDigest {
        var digest = ContentDigest(inspection.slug)
        for text in [inspection.title, inspection.kind.rawValue, inspection.pduName ?? "\u{0}", inspection.regionSlug,
                     inspection.frameworkID, inspection.published?.description ?? "-", inspection.fieldworkStart?.description ?? "-",
                     inspection.overall ?? "\u{0}"] {
            digest.combine(text)
        }
        for number in [inspection.score, inspection.maxScore] { digest.combine(UInt64(bitPattern: Int64(number ?? -1))) }
        digest.combine(inspection.isDraft(today: today) ? 1 : 0)
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
    /// identity of the running binary.
    static func siteWide(inputs: InputStamps, content: String, templates: String, options: [String]) -> ContentDigest {
        var digest = ContentDigest("reportsite manifest \(BuildManifest.formatVersion)")
        options.forEach { digest.combine($0) }
        if let binary = Bundle.main.executablePath, let stamp = InputStamps(files: [binary]).files[binary] {
            digest.combine(UInt64(bitPattern: stamp.size))
            digest.combine(UInt64(bitPattern: stamp.modified))
        }
        let reports = (content as NSString).appendingPathComponent("inspections") + "/"
        let assets = (templates as NSString).appendingPathComponent(TemplateSet.assetsFolder) + "/"
        for path in inputs.files.keys.sorted() where !path.hasPrefix(reports) && !path.hasPrefix(assets) {
            digest.combine(path)
            if let data = FileManager.default.contents(atPath: path) {
                data.withUnsafeBytes { digest.combine(bytes: $0) }
            }
        }
        return digest
    }
}
