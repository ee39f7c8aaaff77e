import Foundation
import ReportSiteViews

extension SiteBuilder {
    /// A file made after the pages, from what rendering them found: for the site, or for the next
    /// build when `cache` is given.
    struct Extra: Sendable {
        var path: String
        var cache: BuildCache.Staging?
        /// The file's contents, made a part at a time as they are written.
        var make: @Sendable () -> FileParts

        init(path: String, into cache: BuildCache.Staging? = nil, make: @escaping @Sendable () -> FileParts) {
            self.path = path
            self.cache = cache
            self.make = make
        }
    }

    /// One or more files made together (an inspection and its print version share one Markdown
    /// rendering), with the digest of what they are made from.
    struct PageJob: Sendable {
        var paths: [String]
        var fingerprint: ContentDigest
        /// The page whose text this job renders, whose facts the link check and search index need.
        var factsPage: String?
        /// The report whose words this job scores for the search index.
        var indexedSlug: String?
        /// The report's PDF, printed from the print version this job makes (see `printPDFs`).
        var pdf: String?
        var render: @Sendable () -> Made

        /// What a job made: its files, and those it copies from the content folder; of a text, its
        /// facts; of a report, its words' scores in the search index and the digest of its print
        /// version, of which its PDF is a picture.
        struct Made: Sendable {
            var files: [(path: String, data: Data)]
            var copies: [(path: String, source: String)] = []
            var facts: BodyFacts? = nil
            var search: (slug: String, scores: [ScoredWord])? = nil
            /// The report's PDF (its path in the site) and the digest of the print version it is printed from.
            var printed: (pdf: String, digest: String)? = nil
        }

        /// The job, its digest taking in `language`'s text (`digest`); in a language other than the
        /// default, its files (and PDF) moved into the language's folder, and nothing made for the
        /// search index's scores or the link check, which come from the default language's pages.
        func speaking(_ language: SiteLanguage, digest: ContentDigest) -> PageJob {
            var job = self
            job.fingerprint.combine(digest)
            guard !language.isDefault else { return job }
            let folder = language.folder, render = self.render
            job.paths = paths.map { folder + $0 }
            job.factsPage = nil
            job.indexedSlug = nil
            job.pdf = pdf.map { folder + $0 }
            job.render = {
                var made = render()
                made.files = made.files.map { (folder + $0.path, $0.data) }
                made.copies = made.copies.map { (folder + $0.path, $0.source) }
                made.facts = nil
                made.search = nil
                made.printed = made.printed.map { (folder + $0.pdf, $0.digest) }
                return made
            }
            return job
        }

        init(path: String, _ fingerprint: ContentDigest, _ render: @escaping @Sendable () -> HTML) {
            paths = [path]
            self.fingerprint = fingerprint
            self.render = { Made(files: [(path, render().data)]) }
        }

        init(paths: [String], _ fingerprint: ContentDigest, factsPage: String?, _ render: @escaping @Sendable () -> Made) {
            self.paths = paths
            self.fingerprint = fingerprint
            self.factsPage = factsPage
            self.render = render
        }
    }

    /// Every file of the site but the search index (made last, from every text's headings), the
    /// attachments (published when a page links to them) and the PDFs (printed from the print
    /// versions), in a fixed order.
    func pageJobs(
        _ graph: SiteGraph, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder, assets: SiteAssets,
        pdfs: Bool
    ) -> [PageJob] {
        var jobs = inEveryLanguage(graph, views: views) { views in
            var jobs = nationalJobs(graph, templates: templates, fingerprints: fingerprints, views: views)
            for page in graph.pages {
                jobs.append(sitePageJob(page, templates: templates, fingerprints: fingerprints, views: views))
            }
            // Each report's digest is worked out as its job is made: on every core.
            jobs += graph.inspections.concurrentMap { inspection in
                inspectionJob(inspection, templates: templates, fingerprints: fingerprints, views: views, pdfs: pdfs)
            }
            for region in graph.regions {
                jobs.append(regionJob(region, templates: templates, fingerprints: fingerprints, views: views))
            }
            for entry in graph.pdus.values.sorted(by: { $0.pdu.slug < $1.pdu.slug }) {
                jobs.append(pduJob(entry, templates: templates, fingerprints: fingerprints, views: views))
            }
            return jobs
        }
        for asset in assets.files {
            var digest = ContentDigest(asset.path)
            asset.data.withUnsafeBytes { digest.combine(bytes: $0) }
            jobs.append(PageJob(paths: [asset.path], digest, factsPage: nil) { PageJob.Made(files: [(asset.path, asset.data)]) })
        }
        if options.liveReload {
            // A preview's folder says so, so that a preview is never taken for a published site.
            jobs.append(PageJob(paths: [Routes.previewMarker], ContentDigest(Routes.previewMarker), factsPage: nil) {
                PageJob.Made(files: [(Routes.previewMarker, Data())])
            })
        }
        return jobs
    }

    /// The jobs `make` makes from views in each of the site's languages: the default language's as
    /// made, each other language's moved into its folder, where the files every language shares
    /// (open data, the sitemap) are not made again. Each job's digest takes in its language's text,
    /// so a change to one language's text remakes that language's pages alone.
    func inEveryLanguage(_ graph: SiteGraph, views: ViewBuilder, _ make: (ViewBuilder) -> [PageJob]) -> [PageJob] {
        SiteLanguage.all(of: graph).flatMap { language in
            let digest = language.digest
            return make(views.speaking(language)).compactMap { (job: PageJob) -> PageJob? in
                if !language.isDefault, job.paths.contains(where: Routes.isShared) { return nil }
                return job.speaking(language, digest: digest)
            }
        }
    }

    /// A job for each of `attachments`, copying it from the content folder as it is.
    static func attachmentJobs(_ attachments: [Attachment]) -> [PageJob] {
        attachments.map { attachment in
            var digest = ContentDigest(attachment.path)
            digest.combine(UInt64(bitPattern: attachment.size))
            digest.combine(UInt64(bitPattern: attachment.modified))
            return PageJob(paths: [attachment.path], digest, factsPage: nil) {
                PageJob.Made(files: [], copies: [(attachment.path, attachment.source)])
            }
        }
    }

    /// The pages about the whole site: home, indexes, feed, sitemap, open data (from `rows` when
    /// given) and the pages that show no inspection.
    func nationalJobs(
        _ graph: SiteGraph, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder, rows: ListingRows? = nil
    ) -> [PageJob] {
        let listings = fingerprints.listings, tables = fingerprints.tables
        return [
            PageJob(path: Routes.home, tables) { templates.home(views.homePage()) },
            PageJob(path: Routes.regions, tables) { templates.regions(views.regionsIndex()) },
            PageJob(path: Routes.pdus, tables) { templates.pdus(views.pdusIndex()) },
            PageJob(path: Routes.notFound, fingerprints.siteWide) { templates.notFound(views.notFound()) },
            PageJob(path: Routes.search, fingerprints.siteWide) { templates.search(views.searchPage()) },
            PageJob(path: Routes.glossary, fingerprints.siteWide) { templates.glossary(views.glossaryPage()) },
            methodologyJob(templates: templates, fingerprints: fingerprints, views: views),
            PageJob(path: Routes.feed, listings) { templates.feed(views.feed()) },
            languageNamesJob(graph, tables: tables, views: views),
            sitemapJob(graph, templates: templates, tables: tables, views: views),
            PageJob(paths: [Routes.robots], fingerprints.siteWide, factsPage: nil) {
                PageJob.Made(files: [(Routes.robots, Data(templates.robots(views.robots()).utf8))])
            },
            PageJob(paths: [Routes.dataCSV], listings, factsPage: nil) {
                PageJob.Made(files: [(Routes.dataCSV, rows?.csv(graph) ?? OpenData(graph: graph).csv())])
            },
            PageJob(paths: [Routes.dataJSON], listings, factsPage: nil) {
                PageJob.Made(files: [(Routes.dataJSON, rows?.json(graph) ?? OpenData(graph: graph).json())])
            },
        ].compactMap { $0 }
    }

    /// A language's names of PDUs and regions for its search page, when it is not the default
    /// language (whose names are in the search index).
    func languageNamesJob(_ graph: SiteGraph, tables: ContentDigest, views: ViewBuilder) -> PageJob? {
        guard options.searchIndex, !views.language.isDefault else { return nil }
        let base = Routes.rootPrefix(from: views.language.folder + Routes.search) + Routes.searchShards.dropLast(2)
        return PageJob(paths: [Routes.searchNames], tables, factsPage: nil) {
            PageJob.Made(files: [(Routes.searchNames, SearchIndex(graph: views.graph, facts: [:], text: views.text).languageNames(base: String(base)))])
        }
    }

    /// `sitemap.xml`, and above the protocol's limit of addresses a file the sitemap files it indexes.
    /// Which files there are follows from how many pages there are, known before the job runs.
    func sitemapJob(_ graph: SiteGraph, templates: any PageTemplates, tables: ContentDigest, views: ViewBuilder) -> PageJob {
        let limit = options.sitemapLimit
        // As `ViewBuilder.sitemap()` lists them: six pages of the whole site, then every report, region, PDU and page.
        // in every language.
        let addresses = (6 + graph.inspections.count + graph.regions.count + graph.pdus.count + graph.pages.count) * graph.texts.count
        guard addresses > limit else {
            return PageJob(path: Routes.sitemap, tables) { templates.sitemap(views.sitemap()) }
        }
        // The limit is among the build's settings (`BuildInputs`), so in `tables`: another limit remakes the files.
        let parts = (addresses + limit - 1) / limit
        return PageJob(paths: [Routes.sitemap] + (1...parts).map(Routes.sitemapPart), tables, factsPage: nil) {
            let (index, files) = ViewBuilder.sitemapFiles(views.sitemap(), limit: limit, base: graph.settings.baseURL)
            var made = files.map { ($0.path, templates.sitemap($0.view).data) }
            if let index { made.insert((Routes.sitemap, templates.sitemapIndex(index).data), at: 0) }
            return PageJob.Made(files: made)
        }
    }

    /// How scores and ratings work, opened by the methodology text when there is one.
    func methodologyJob(templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        guard let text = views.graph.methodologyText else {
            return PageJob(path: Routes.methodology, fingerprints.methodology) { templates.methodology(views.methodologyPage()) }
        }
        return textPageJob(text, path: Routes.methodology, fingerprints.methodology, views: views) {
            templates.methodology(views.methodologyPage(intro: $0))
        }
    }

    /// A page of `Content/pages/`, with its text.
    func sitePageJob(_ sitePage: SitePage, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        let shown = views.language.translated(sitePage)
        return textPageJob(shown, path: Routes.page(sitePage.slug), fingerprints.page(sitePage), views: views) {
            templates.page(views.sitePage(shown, body: $0))
        }
    }

    /// The page at `path` that `make` makes from a text of `Content/pages/`, rendered, with the
    /// facts of the text that the link check needs.
    private func textPageJob(
        _ text: SitePage, path: String, _ fingerprint: ContentDigest, views: ViewBuilder,
        make: @escaping @Sendable (RenderedMarkdown) -> HTML
    ) -> PageJob {
        var renderer = MarkdownRenderer(reservedIDs: ViewBuilder.reservedIDs(of: text, frameworks: views.graph.frameworks),
                                        attachments: views.graph.attachments)
        renderer.sharedPrefix = views.sharedPrefix
        return PageJob(paths: [path], fingerprint, factsPage: path) { [renderer] in
            let body = renderer.render(text.body, glossary: [], glossaryPage: "", page: path)
            return PageJob.Made(files: [(path, make(body).data)], facts: BodyFacts(body, page: path, file: text.location.file, firstLine: text.bodyFirstLine))
        }
    }

    /// A region's page, with its text.
    func regionJob(_ original: Region, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        // The region as its page's language names it.
        let region = views.graph.region(original.slug) ?? original
        let page = Routes.region(region.slug)
        let glossary = views.graph.glossary, attachments = views.graph.attachments, sharedPrefix = views.sharedPrefix
        return PageJob(paths: [page], fingerprints.region(region.slug), factsPage: page) {
            var renderer = MarkdownRenderer(reservedIDs: RegionPageView.reservedIDs, attachments: attachments)
            renderer.sharedPrefix = sharedPrefix
            let body = renderer.render(
                region.body, glossary: glossary, glossaryPage: Routes.rootPrefix(from: page) + Routes.glossary, page: page)
            let html = templates.region(views.regionPage(region, body: body))
            return PageJob.Made(files: [(page, html.data)], facts: BodyFacts(body, page: page, file: region.location.file, firstLine: region.bodyFirstLine))
        }
    }

    /// A PDU's page.
    func pduJob(_ entry: SiteGraph.PDUEntry, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder) -> PageJob {
        // The PDU's reports as its page's language shows them.
        let shown = views.graph.pdus[entry.pdu.slug] ?? entry
        return PageJob(path: Routes.pdu(entry.pdu.slug), fingerprints.pdu(entry.pdu.slug)) { templates.pdu(views.pduPage(shown)) }
    }

    /// A report's page and print version, made from one rendering of its text (and its PDF, made
    /// from the print version once every page is written: see `makePDFs`).
    func inspectionJob(
        _ original: Inspection, templates: any PageTemplates, fingerprints: PageFingerprints, views: ViewBuilder, pdfs: Bool = false
    ) -> PageJob {
        let inspection = views.language.translated(original)
        let page = Routes.inspection(inspection.slug), print = Routes.printVersion(inspection.slug)
        let text = Routes.searchText(inspection.slug)
        let glossary = views.graph.glossary, attachments = views.graph.attachments
        // Every language has the texts its search page shows as snippets; the words of every
        // language are scored once, with the original (one index for the site, see `SearchIndex`).
        let searchable = options.searchIndex, indexed = searchable && views.language.isDefault
        let translations = indexed ? views.graph.reportTranslations[original.slug] ?? [] : []
        let paths = [page, print] + (searchable ? [text] : [])
        let sharedPrefix = views.sharedPrefix
        var fingerprint = fingerprints.inspection(inspection)
        for translation in translations { fingerprint.combine(translation.digest) }
        var job = PageJob(paths: paths, fingerprint, factsPage: page) {
            var renderer = MarkdownRenderer(reservedIDs: InspectionPageView.reservedIDs, attachments: attachments)
            renderer.collectsText = searchable
            renderer.sharedPrefix = sharedPrefix
            let body = renderer.render(
                inspection.body.markdown, glossary: glossary, glossaryPage: Routes.rootPrefix(from: page) + Routes.glossary, page: page)
            let pageView = views.inspectionPage(inspection, body: body)
            // The search index's words and the snippets' text come from the text as rendered, as a reader sees it.
            let printed = templates.print(views.printPage(inspection, page: pageView)).data
            let files = [(page, templates.inspection(pageView).data), (print, printed)]
            var made = PageJob.Made(files: files, facts: BodyFacts(body, page: page, file: inspection.location.file, firstLine: inspection.bodyFirstLine))
            if pdfs {
                made.printed = (Routes.pdf(inspection.slug), printed.withUnsafeBytes { bytes in
                    var digest = ContentDigest("pdf")
                    digest.combine(bytes: bytes)
                    return digest.description
                })
            }
            if searchable {
                made.files.append((text, SearchIndex.text(slug: inspection.slug, title: inspection.title,
                                                          details: SearchIndex.details(of: inspection, views: views), text: body.text[...])))
            }
            if indexed {
                let translated = translations.map { translation in
                    let words = translation.words(in: original, renderer: renderer, page: page)
                    return (inspection: words.inspection, headings: words.headings, text: words.text)
                }
                made.search = (inspection.slug, SearchIndex.scores(of: inspection, graph: views.graph, headings: body.headings, text: body.text,
                                                                   translations: translated))
            }
            return made
        }
        job.indexedSlug = indexed ? inspection.slug : nil
        job.pdf = pdfs ? Routes.pdf(inspection.slug) : nil
        return job
    }

    /// Renders and writes `jobs` on as many cores as there are, a bounded number at a time so that
    /// memory stays flat however many reports there are; returns the files written and the texts' facts.
    /// `numbering` numbers the words of the reports' scores, which are packed as each page comes back.
    func run(_ jobs: [PageJob], writingTo output: StagedOutput, numbering: WordNumbers = WordNumbers()) async throws(DiagnosticsError) -> Rendered {
        typealias Outcome = Result<PageJob.Made, DiagnosticsError>
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let result: Result<Rendered, DiagnosticsError> = await withTaskGroup(of: Outcome.self) { group in
            var next = 0
            var rendered = Rendered(numbers: numbering)
            var failure: DiagnosticsError?
            func enqueue() {
                // A cancelled build (a newer save in the preview) starts no more pages.
                guard next < jobs.count, !Task.isCancelled else { return }
                let job = jobs[next]
                next += 1
                group.addTask {
                    do throws(DiagnosticsError) {
                        var made = job.render()
                        for file in made.files { try output.write(file.data, to: file.path) }
                        for copy in made.copies { try output.copy(copy.source, to: copy.path) }
                        // Written: only the paths are kept.
                        made.files = made.files.map { ($0.path, Data()) } + made.copies.map { ($0.path, Data()) }
                        made.copies = []
                        return .success(made)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for _ in 0..<min(width * 2, jobs.count) { enqueue() }
            for await outcome in group {
                switch outcome {
                case .success(let made):
                    rendered.paths.append(contentsOf: made.files.map(\.path))
                    if let fact = made.facts { rendered.facts[fact.page] = fact }
                    if let search = made.search { rendered.scores[search.slug] = rendered.numbers.pack(search.scores) }
                    if let printed = made.printed { rendered.printed[printed.pdf] = printed.digest }
                case .failure(let error):
                    failure = failure ?? error
                }
                if failure == nil { enqueue() }
            }
            if let failure { return .failure(failure) }
            if Task.isCancelled { return .failure(.cancelled) }
            return .success(rendered)
        }
        return try result.get()
    }

    /// What `run` made: the files written, the texts' facts by page, and the reports' scores by slug,
    /// packed with `numbers`.
    struct Rendered: Sendable {
        var paths: [String] = []
        var facts: [String: BodyFacts] = [:]
        /// Whether `facts` are those the last build left, text for text.
        var keepsFacts = false
        var scores: [String: [UInt64]] = [:]
        var numbers: WordNumbers
        /// The digest of the print version of each rendered report's PDF, by the PDF's path, when the site has PDFs.
        var printed: [String: String] = [:]
        /// The attachments published, with their digests.
        var attachments: [String: String] = [:]
        /// What the stages after rendering found to warn about.
        var warnings: [Diagnostic] = []
    }
}
