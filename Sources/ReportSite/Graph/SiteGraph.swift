import Foundation
import ReportSiteViews

/// The content with every reference resolved: which region and PDU each inspection belongs to, the
/// inspections of each PDU in order, and the pages to make. Building it is where cross-file mistakes
/// (an unknown region, a rating the framework does not have) are found.
struct SiteGraph: Sendable {
    /// A PDU with all its inspections, oldest first.
    struct PDUEntry: Sendable {
        var pdu: Region.PDU
        var regionSlug: String
        var inspections: [Inspection]
    }

    var settings: SiteSettings
    /// Frameworks in id order.
    var frameworks: [Framework]
    /// Regions by name.
    var regions: [Region]
    /// Published inspections (drafts left out unless asked for), newest first, undated last.
    var inspections: [Inspection]
    /// PDUs by slug, each with its inspections.
    var pdus: [String: PDUEntry]
    /// Problems worth showing that do not stop the build.
    var warnings: [Diagnostic]
    /// The day the site is built for: what is published after it is a draft.
    var today: PartialDate
    /// Terms the glossary page explains and report texts link to.
    var glossary: [GlossaryTerm]
    /// How many drafts (marked, or published later than `today`) the site leaves out.
    var draftsLeftOut = 0
    /// The files under `Content/files/`, copied into the site for texts to link to.
    var attachments: [Attachment] = []
    /// The pages of `Content/pages/` this build makes (drafts only when asked for), by slug; not the
    /// methodology text, which is `methodologyText`.
    var pages: [SitePage] = []
    /// The text that opens the methodology page, when `pages/methodology.md` is there and built.
    var methodologyText: SitePage?
    /// The navigation and footer links, each leading to a page this build makes.
    var navigation: [SiteLink] = []
    /// Inspection slug -> its place in its PDU's `inspections`: a report's page asks for the one
    /// before it, and searching the PDU's list for each report grew with the square of the reports.
    /// A slug missing here, or at another place, is searched for.
    var pduPlaces: [String: Int] = [:]
    var footer: [SiteLink] = []
    /// The interface text of each of the site's languages, the default first.
    var texts: [InterfaceText] = [.english]
    /// The reports' and pages' translations into the other languages.
    var translations: [Translation] = [] {
        didSet { reportTranslations = Dictionary(grouping: translations.filter { $0.kind == .inspection }, by: \.slug) }
    }
    /// Report slug -> its translations, whose words its entry in the search index holds too.
    private(set) var reportTranslations: [String: [Translation]] = [:]

    func framework(_ id: String) -> Framework? { frameworks.first { $0.id == id } }
    func region(_ slug: String) -> Region? { regions.first { $0.slug == slug } }

    /// The PDU an inspection is of, if it is a PDU inspection.
    func pdu(of inspection: Inspection) -> PDUEntry? {
        guard let name = inspection.pduName, let pdu = region(inspection.regionSlug)?.pdu(named: name) else { return nil }
        return pdus[pdu.slug]
    }

    /// The inspection before `inspection` of the same PDU, or of the same region for a regional
    /// inspection: the one a report sets beside its own ratings.
    func previousInspection(of inspection: Inspection) -> Inspection? {
        switch inspection.kind {
        case .pdu:
            guard let list = pdu(of: inspection)?.inspections,
                  let index = place(of: inspection.slug, in: list), index > 0 else { return nil }
            return list[index - 1]
        case .region:
            // In the order a PDU's inspections are listed (programme, then date), which places an
            // undated report by its programme.
            let order = Self.programmeOrder(frameworks)
            let list = regionalInspections(of: inspection.regionSlug).sorted { Self.chronologicallyBefore($0, $1, order) }
            guard let index = list.firstIndex(where: { $0.slug == inspection.slug }), index > 0 else { return nil }
            return list[index - 1]
        }
    }

    /// Where the inspection `slug` is in `list`, one of the PDUs' lists: from `pduPlaces` when it
    /// holds it there, else searched for.
    func place(of slug: String, in list: [Inspection]) -> Int? {
        if let index = pduPlaces[slug], index < list.count, list[index].slug == slug { return index }
        return list.firstIndex { $0.slug == slug }
    }

    /// `pduPlaces` for the inspections of the PDUs `slugs`.
    mutating func placeInspections(ofPDUs slugs: some Sequence<String>) {
        for slug in slugs {
            for (index, inspection) in (pdus[slug]?.inspections ?? []).enumerated() { pduPlaces[inspection.slug] = index }
        }
    }

    /// Regional inspections of `regionSlug`, newest first.
    func regionalInspections(of regionSlug: String) -> [Inspection] {
        inspections.filter { $0.kind == .region && $0.regionSlug == regionSlug }
    }

    /// The graph with `old` taken out and `new` (the same report, read again) put where it belongs
    /// among the inspections and in its PDU, as `resolve` would place it; `new` must have passed `check`.
    /// For a rebuild after reports' front matter changed: resolving every report again would take
    /// longer than the rest of it.
    func moving(_ old: Inspection, to new: Inspection) -> SiteGraph {
        var graph = self
        let order = Self.programmeOrder(frameworks)
        if let index = graph.inspections.firstIndex(where: { $0.slug == old.slug }) { graph.inspections.remove(at: index) }
        let position = graph.inspections.firstIndex { Self.newestFirst(new, $0, order) } ?? graph.inspections.endIndex
        graph.inspections.insert(new, at: position)
        if let slug = pduSlug(of: old), let index = graph.pdus[slug]?.inspections.firstIndex(where: { $0.slug == old.slug }) {
            graph.pdus[slug]?.inspections.remove(at: index)
        }
        if let slug = pduSlug(of: new), let entry = graph.pdus[slug] {
            let position = entry.inspections.firstIndex { Self.chronologicallyBefore(new, $0, order) } ?? entry.inspections.endIndex
            graph.pdus[slug]?.inspections.insert(new, at: position)
        }
        graph.pduPlaces[old.slug] = nil
        graph.placeInspections(ofPDUs: Set([pduSlug(of: old), pduSlug(of: new)].compactMap { $0 }))
        return graph
    }

    /// The slug of the PDU whose page lists `inspection`, as `resolve` files it.
    func pduSlug(of inspection: Inspection) -> String? {
        guard inspection.kind == .pdu, let name = inspection.pduName else { return nil }
        return region(inspection.regionSlug)?.pdu(named: name)?.slug
    }

    /// Checks one inspection's references as `resolve` does: whether it can be placed, and every problem found.
    func check(_ inspection: Inspection) -> (placeable: Bool, log: DiagnosticLog) {
        var log = DiagnosticLog()
        let placeable = Self.validate(inspection, framework: framework(inspection.frameworkID), region: region(inspection.regionSlug),
                                      frameworks: frameworks, regions: regions, &log)
        return (placeable, log)
    }

    /// Resolves `content`, or throws every reference that does not resolve.
    static func build(
        _ content: SiteContent, includeDrafts: Bool = false, today: PartialDate = PartialDate(day: Date())
    ) throws(DiagnosticsError) -> SiteGraph {
        let (graph, diagnostics) = resolve(content, includeDrafts: includeDrafts, today: today)
        guard let graph else { throw DiagnosticsError(diagnostics) }
        return graph
    }

    /// Resolves `content`, returning every problem found; the graph is nil when any is an error.
    static func resolve(
        _ content: SiteContent, includeDrafts: Bool = false, today: PartialDate = PartialDate(day: Date())
    ) -> (graph: SiteGraph?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        let frameworks = content.frameworks.sorted { $0.id < $1.id }
        let regions = content.regions.sorted { $0.name < $1.name }

        var pdus: [String: PDUEntry] = [:]
        for region in regions {
            for pdu in region.pdus {
                if let existing = pdus[pdu.slug] {
                    log.append(Diagnostic(at: pdu.location, field: "pdus",
                                          "PDU '\(pdu.name)' has the same page name as '\(existing.pdu.name)' in \(existing.regionSlug)"))
                    continue
                }
                pdus[pdu.slug] = PDUEntry(pdu: pdu, regionSlug: region.slug, inspections: [])
            }
        }

        let order = programmeOrder(frameworks)
        // Looked up by key for each of thousands of reports, not searched for (the first of a name wins, as `first(where:)` would).
        let frameworkByID = Dictionary(frameworks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let regionBySlug = Dictionary(regions.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        // Each report is checked on its own, on every core: the checks are most of resolving, which a
        // preview does on every save.
        let checks = content.inspections.concurrentMap { inspection -> (placeable: Bool, log: DiagnosticLog) in
            var log = DiagnosticLog()
            let placeable = validate(inspection, framework: frameworkByID[inspection.frameworkID], region: regionBySlug[inspection.regionSlug],
                                     frameworks: frameworks, regions: regions, &log)
            return (placeable, log)
        }
        var included: [Inspection] = []
        var draftsLeftOut = 0
        for (inspection, check) in zip(content.inspections, checks) {
            log.append(contentsOf: check.log.diagnostics)
            guard check.placeable else { continue }
            let region = regionBySlug[inspection.regionSlug]
            if !inspection.draft, let published = inspection.published, today.isDefinitelyBefore(published) {
                log.append(Diagnostic(.info, at: inspection.placeOfField("published"), field: "published",
                                      "published \(published) is still to come: the report is left out of the site until then",
                                      note: "a build on or after that day publishes it; mark it 'draft: true' while it is being prepared"))
            }
            if inspection.isDraft(today: today) && !includeDrafts {
                draftsLeftOut += 1
                continue
            }
            included.append(inspection)
            if inspection.kind == .pdu, let name = inspection.pduName, let pdu = region?.pdu(named: name) {
                pdus[pdu.slug]?.inspections.append(inspection)
            }
        }
        let builtPages = content.pages.filter { includeDrafts || !$0.draft }.sorted { $0.slug < $1.slug }
        let (navigation, footer) = content.settings.map { settings in
            (resolve(settings.navigation, pages: content.pages, built: builtPages, &log),
             resolve(settings.footer, pages: content.pages, built: builtPages, &log))
        } ?? ([], [])
        log.append(contentsOf: sameMonthReports(pdus, today: today))
        guard let settings = content.settings, !log.hasErrors else { return (nil, log.diagnostics) }

        for slug in pdus.keys {
            pdus[slug]?.inspections.sort { chronologicallyBefore($0, $1, order) }
        }
        // Positions are sorted, not the inspections: a sort's merges copy its large values each time.
        let newest = included.indices.sorted { newestFirst(included[$0], included[$1], order) }
        included = newest.map { included[$0] }
        var graph = SiteGraph(settings: settings, frameworks: frameworks, regions: regions,
                              inspections: included, pdus: pdus, warnings: log.diagnostics, today: today,
                              glossary: content.glossary, draftsLeftOut: draftsLeftOut, attachments: content.attachments,
                              pages: builtPages.filter { !$0.isMethodology }, methodologyText: builtPages.first { $0.isMethodology },
                              navigation: navigation, footer: footer, texts: content.texts)
        graph.placeInspections(ofPDUs: pdus.keys)
        graph.translations = content.translations
        return (graph, log.diagnostics)
    }

    /// Two published reports of one PDU in the same month: a copy of a report left in place when it
    /// was renamed, or a date mistyped, more often than two inspections. A warning, on the later
    /// file, naming both files; drafts are left out, since the public does not see them.
    static func sameMonthReports(_ pdus: [String: PDUEntry], today: PartialDate) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for slug in pdus.keys.sorted() {
            guard let entry = pdus[slug] else { continue }
            // Months as numbers and the undated's date made once, rather than a date parsed in every
            // comparison and a month formatted for every report: this runs over every report at every build.
            var seen: [Int: Inspection] = [:]
            let undated = PartialDate("1900")!
            let inOrder = entry.inspections.sorted { ($0.published ?? undated, $0.slug) < ($1.published ?? undated, $1.slug) }
            for inspection in inOrder where !inspection.isDraft(today: today) {
                guard let published = inspection.published, let month = published.month else { continue }
                guard let first = seen[published.year * 100 + month] else { seen[published.year * 100 + month] = inspection; continue }
                let key = String(format: "%04d-%02d", published.year, month)
                warnings.append(Diagnostic(
                    .warning, at: inspection.placeOfField("published"), field: "published",
                    "\(first.location.file) and \(inspection.location.file) are both published reports of PDU '\(entry.pdu.name)' in \(key)",
                    note: "if one replaces the other, remove the older file or mark it 'draft: true'; if both are right, check the dates"))
            }
        }
        return warnings
    }

    /// The links of `site.yml` whose pages this build makes. A link to a page that does not exist is
    /// an error; a link to a draft page is left out of a build without drafts, so that a published
    /// site shows no trace of it.
    static func resolve(_ links: [SiteLink], pages: [SitePage], built: [SitePage], _ log: inout DiagnosticLog) -> [SiteLink] {
        links.filter { link in
            // The methodology page is made whether or not it has a text of its own.
            guard case .page(let slug) = link.target, slug != SitePage.methodologySlug else { return true }
            guard pages.contains(where: { $0.slug == slug }) else {
                let names = pages.map(\.slug)
                let note = Spelling.closest(to: slug, in: names).map { "did you mean '\($0)'?" }
                    ?? (names.isEmpty ? "write the page in pages/\(slug).md" : "the pages: \(names.joined(separator: ", "))")
                log.append(Diagnostic(at: link.location, field: link.field, "no page '\(slug)' in pages/", note: note))
                return false
            }
            guard built.contains(where: { $0.slug == slug }) else {
                log.append(Diagnostic(.info, at: link.location, field: link.field,
                                      "'\(slug)' is a draft: its link is left out until it is published",
                                      note: "builds with --drafts, and the preview, show it"))
                return false
            }
            return true
        }
    }

    /// Framework id -> its place among `frameworks` (in id order): how programmes are ordered when
    /// inspections are sorted.
    static func programmeOrder(_ frameworks: [Framework]) -> [String: Int] {
        frameworks.enumerated().reduce(into: [String: Int]()) { $0[$1.element.id] = $1.offset }
    }

    /// Programme first, then date; an undated inspection sits at the end of its programme.
    static func chronologicallyBefore(_ a: Inspection, _ b: Inspection, _ order: [String: Int]) -> Bool {
        let programmeA = order[a.frameworkID] ?? 0, programmeB = order[b.frameworkID] ?? 0
        if programmeA != programmeB { return programmeA < programmeB }
        switch (a.published ?? a.fieldworkStart, b.published ?? b.fieldworkStart) {
        case let (dateA?, dateB?) where dateA != dateB: return dateA < dateB
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.slug < b.slug
        }
    }

    /// Newest date first; undated inspections, which readers cannot place, come last, newest programme first.
    static func newestFirst(_ a: Inspection, _ b: Inspection, _ order: [String: Int]) -> Bool {
        switch (a.published ?? a.fieldworkStart, b.published ?? b.fieldworkStart) {
        case let (dateA?, dateB?) where dateA != dateB: return dateB < dateA
        case (nil, _?): return false
        case (_?, nil): return true
        default:
            let programmeA = order[a.frameworkID] ?? 0, programmeB = order[b.frameworkID] ?? 0
            return programmeA != programmeB ? programmeA > programmeB : a.slug < b.slug
        }
    }

    /// Checks the inspection's references against the frameworks and regions (`framework` and `region`
    /// are those it names, when they exist); false when it cannot be placed.
    private static func validate(
        _ inspection: Inspection, framework: Framework?, region: Region?, frameworks: [Framework], regions: [Region],
        _ log: inout DiagnosticLog
    ) -> Bool {
        func report(_ field: String, _ message: String, note: String? = nil) {
            log.append(Diagnostic(at: inspection.placeOfField( field), field: field, message, note: note))
        }
        var placeable = true
        if region == nil {
            report("region", "no region '\(inspection.regionSlug)' in regions/",
                   note: suggestion(inspection.regionSlug, regions.map(\.slug)))
            placeable = false
        }
        if let region, let name = inspection.pduName, region.pdu(named: name) == nil {
            report("pdu", "region '\(region.slug)' has no PDU called '\(name)'",
                   note: suggestion(name, region.pdus.map(\.name)) ?? "add it (or an alias) to the region file")
            placeable = false
        }
        guard let framework else {
            report("framework", "no framework '\(inspection.frameworkID)' in frameworks/",
                   note: suggestion(inspection.frameworkID, frameworks.map(\.id)))
            return false
        }
        if framework.level.rawValue != inspection.kind.rawValue {
            report("framework", "framework '\(framework.id)' is for \(framework.level.rawValue) inspections, but this is a \(inspection.kind.rawValue) inspection")
        }
        // Sorted (so that problems are reported in a fixed order) only when there is one to report.
        let ratingsAreKnown = inspection.ratings.allSatisfy { framework.standard($0.key) != nil && framework.rating(named: $0.value) != nil }
        // Only for the notes of problems: making the list for every report cost more than the checks.
        var ratingNames: [String] { framework.ratings.map(\.name) }
        for (standard, rating) in ratingsAreKnown ? [] : inspection.ratings.sorted(by: { $0.key < $1.key }) {
            if framework.standard(standard) == nil {
                report("ratings.\(standard)", "framework '\(framework.id)' has no standard '\(standard)'",
                       note: standardSuggestion(standard, framework))
            }
            if framework.rating(named: rating) == nil {
                report("ratings.\(standard)", "'\(rating)' is not a rating of framework '\(framework.id)'",
                       note: suggestion(rating, ratingNames) ?? "ratings: \(ratingNames.joined(separator: ", "))")
            }
        }
        if let overall = inspection.overall, framework.rating(named: overall) == nil {
            report("overall", "'\(overall)' is not a rating of framework '\(framework.id)'",
                   note: suggestion(overall, ratingNames) ?? "ratings: \(ratingNames.joined(separator: ", "))")
        }
        let questionsAreKnown = inspection.keyQuestions.allSatisfy { standardID, questions in
            framework.standard(standardID).map { standard in
                questions.keys.allSatisfy { question in standard.keyQuestions.contains { $0.id == question } }
            } ?? false
        }
        for (standardID, questions) in questionsAreKnown ? [] : inspection.keyQuestions.sorted(by: { $0.key < $1.key }) {
            guard let standard = framework.standard(standardID) else {
                report("key_questions", "framework '\(framework.id)' has no standard '\(standardID)'",
                       note: standardSuggestion(standardID, framework))
                continue
            }
            for question in questions.keys.sorted() where !standard.keyQuestions.contains(where: { $0.id == question }) {
                report("key_questions.\(standardID).\(question)", "standard '\(standardID)' has no key question '\(question)'",
                       note: suggestion(question, standard.keyQuestions.map(\.id)))
            }
        }
        RatingConsistency.check(inspection, against: framework, &log)
        return placeable
    }

    private static func suggestion(_ word: String, _ candidates: [String]) -> String? {
        Spelling.closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// The standard meant by `word`: its id misspelt, or its name (`Implementation and delivery`)
    /// written for its id.
    private static func standardSuggestion(_ word: String, _ framework: Framework) -> String? {
        if let named = framework.standards.first(where: { $0.name.lowercased() == word.lowercased() || Slug.make($0.name) == Slug.make(word) }) {
            return "the id of '\(named.name)' is '\(named.id)'"
        }
        return suggestion(word, framework.standards.map(\.id)) ?? "standards: \(framework.standards.map(\.id).joined(separator: ", "))"
    }
}
