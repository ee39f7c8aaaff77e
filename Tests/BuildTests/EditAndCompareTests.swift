import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// A build after an edit must make exactly the site a build into an empty folder makes, whichever
/// store keeps what the last build made (the disk cache of `build()`, the memory of
/// `build(remembering:)` the preview uses) and whichever way the build goes (the whole pipeline, or
/// the preview's rebuild of changed reports alone). One case per kind of edit and store: a copy of
/// the real site, built once and put back as that build left it before each case, is edited, built
/// again, and compared byte for byte with a clean build of the edited content.
///
/// To add a kind of edit, add a `SiteEdit` to `SiteEdit.all` (docs/testing.md).
@Suite("Edit, then compare with a clean build")
struct EditAndCompareTests {
    @Test("After an edit the output is byte for byte a clean build's", arguments: SiteEdit.cases)
    func afterAnEditTheOutputIsACleanBuild(_ edit: SiteEdit, _ store: BuildStoreKind) async throws {
        try await BuiltSite.withOne(store) { base in try await Self.compare(after: edit, on: base) }
    }

    static func compare(after edit: SiteEdit, on base: BuiltSite) async throws {
        let store = base.store
        let site = try base.restore()
        var builds = site.builds(memory: base.memory)
        for earlier in edit.after {
            try earlier.apply(to: site)
            _ = try await builds.build()
        }
        try edit.apply(to: site)
        let report = try await builds.build()
        let clean = site.folder.appendingPathComponent("Clean")
        let reference = try await builds.clean(into: clean)
        let after = "after editing \(edit) (\(store))"

        #expect(report.files == reference.files, "\(after)")
        #expect(report.warnings == reference.warnings, "\(after)")
        let difference = try SiteFolder.compare(site.output, clean)
        #expect(difference.isEmpty, "\(after), the output is not a clean build's: \(difference)")
        try StagedOutputTests.expectPublicOnly(site.output, files: report.files, after)
        switch store {
        case .disk:
            // The manifest says when its stamps were taken; everything else must match to the byte.
            var cleanOptions = builds.builder.options
            cleanOptions.output = clean.path
            #expect(BuildManifest.read(from: builds.builder.options.cache)?.pages == BuildManifest.read(from: cleanOptions.cache)?.pages,
                    "\(after)")
        case .memory:
            #expect(!RememberedBuildTests.cacheHoldsAnything(builds.builder), "\(after)")
            #expect(edit.warns == !report.warnings.isEmpty, "\(after): \(report.warnings)")
            if let way = edit.way {
                #expect(report.clock.stages.contains { $0.name == RememberedBuildTests.reportStage } == (way != .full), "\(after)")
                try RememberedBuildTests.expectPatchedModelIsWorkedOutAfresh(builds.memory, content: site.content, after: after)
            }
            if edit.way == .text {
                // In each language: the real site is in English and Welsh.
                #expect(report.written.allSatisfy { path in ["", "cy/"].contains { path.hasPrefix($0 + "inspections/") || path.hasPrefix($0 + "search/") } },
                        "\(after): \(report.written)")
                // A text's words are in the index: its text for snippets is written again, and the
                // names (which hold no text) are not.
                #expect(report.written.contains { $0.hasPrefix("search/t/") }, "\(after): \(report.written)")
                #expect(!report.written.contains(Routes.searchIndex), "\(after): \(report.written)")
            }
        }
        // What the edit must write, or leave, beyond being a clean build.
        try edit.check(store, report, site)
    }

    @Test(arguments: BuildStoreKind.allCases)
    func aFirstBuildWritesEveryFileAndKeepsItsStateInItsStore(_ store: BuildStoreKind) async throws {
        try await BuiltSite.withOne(store) { base in
            #expect(base.first.written.count == base.first.files.count)
            let site = try base.restore()
            try StagedOutputTests.expectPublicOnly(site.output, files: base.first.files, "a first build (\(store))")
            let builds = site.builds(memory: base.memory)
            switch store {
            case .disk: #expect(BuildManifest.read(from: builds.builder.options.cache) != nil)
            case .memory:
                #expect(base.memory != nil)
                #expect(!RememberedBuildTests.cacheHoldsAnything(builds.builder))
            }
        }
    }

    @Test(arguments: BuildStoreKind.allCases)
    func aBuildWithNothingChangedWritesNothing(_ store: BuildStoreKind) async throws {
        try await BuiltSite.withOne(store) { base in
            let site = try base.restore()
            var builds = site.builds(memory: base.memory)
            let unchanged = try await builds.build()
            #expect(unchanged.wasUpToDate, "a build with nothing changed (\(store)) wrote \(unchanged.written.count) files")
            #expect(unchanged.written.isEmpty)
        }
    }

    /// A build without the memory finds no manifest in the folder a remembered build made, so makes
    /// the whole site again.
    @Test func aPlainBuildAfterARememberedOneMakesTheWholeSite() async throws {
        try await BuiltSite.withOne(.memory) { base in
            let site = try base.restore()
            var builds = site.builds(memory: base.memory)
            try SiteEdit.reportText.apply(to: site)
            _ = try await builds.build()
            let plain = try await builds.builder.build()
            #expect(plain.written.count == plain.files.count)
            let clean = site.folder.appendingPathComponent("Clean")
            _ = try await builds.clean(into: clean)
            #expect(try SiteFolder.compare(site.output, clean).isEmpty)
            try StagedOutputTests.expectPublicOnly(site.output, files: plain.files, "a plain build after remembered ones")
        }
    }
}

/// A copy of the real site built once, and put back as it was before each case that uses it: every
/// case starts from the same built site without building it again. The store's state names the
/// folder (the memory holds its paths), so a case has the folder to itself while it runs; a few are
/// made per store, so that cases run side by side.
struct BuiltSite: Sendable {
    let store: BuildStoreKind
    /// Where the cases edit and build: `Content/`, `Templates/`, `Output/` and the build cache beside them.
    let folder: URL
    /// The folder as the first build left it.
    let saved: URL
    /// The first build.
    let first: SiteBuilder.Report
    /// What the first build left in memory, when the store is memory.
    let memory: BuildMemory?

    /// Runs `body` with a built site of `store` that no other case uses meanwhile.
    static func withOne(_ store: BuildStoreKind, _ body: (BuiltSite) async throws -> Void) async throws {
        let site = try await Pool.shared.take(store)
        do {
            try await body(site)
        } catch {
            await Pool.shared.give(site)
            throw error
        }
        await Pool.shared.give(site)
    }

    /// The built sites not in use, made as cases ask for them, up to `perStore` of each store.
    actor Pool {
        static let shared = Pool()
        static let perStore = 2
        private var free: [BuildStoreKind: [BuiltSite]] = [:]
        private var made: [BuildStoreKind: Int] = [:]
        private var waiting: [BuildStoreKind: [CheckedContinuation<BuiltSite, Never>]] = [:]

        func take(_ store: BuildStoreKind) async throws -> BuiltSite {
            if let site = free[store]?.popLast() { return site }
            let count = made[store, default: 0]
            if count < Self.perStore {
                made[store] = count + 1
                return try await BuiltSite(store: store, number: count + 1)
            }
            return await withCheckedContinuation { waiting[store, default: []].append($0) }
        }

        func give(_ site: BuiltSite) {
            if let next = waiting[site.store]?.first {
                waiting[site.store]?.removeFirst()
                next.resume(returning: site)
            } else {
                free[site.store, default: []].append(site)
            }
        }
    }

    private init(store: BuildStoreKind, number: Int) async throws {
        self.store = store
        let root = try TestPaths.scratch("edit-and-compare-\(store.rawValue)-\(number)")
        folder = root.appendingPathComponent("Site")
        saved = root.appendingPathComponent("Saved")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try SiteFolder.copyOfTheSite(in: folder)
        var builds = EditedSite(store: store, folder: folder).builds(memory: nil)
        first = try await builds.build()
        memory = builds.memory
        try Self.copy(folder, to: saved)
    }

    /// The folder put back as the first build left it, every file's date included. The output's
    /// trees are hard links to the saved ones (a build unlinks a file before writing it, never writes
    /// through a link); what edits write into (the content, the templates, the cache) is copied. The
    /// last case's folder is moved aside, not deleted: removing its thousands of files took as long
    /// as a build (scratch folders are left to the system, as every test leaves them).
    func restore() throws -> EditedSite {
        let aside = folder.deletingLastPathComponent().appendingPathComponent("Done-\(UUID().uuidString)")
        var commands = ["{ [ ! -e \(Self.quoted(folder.path)) ] || mv \(Self.quoted(folder.path)) \(Self.quoted(aside.path)); }",
                        "mkdir \(Self.quoted(folder.path))"]
        for name in try FileManager.default.contentsOfDirectory(atPath: saved.path) {
            let links = name == "Output" || name.hasPrefix(".Output")
            commands.append("cp -a\(links ? "l" : "") \(Self.quoted(saved.appendingPathComponent(name).path)) \(Self.quoted(folder.path))/")
        }
        try Self.shell(commands.joined(separator: " && "))
        return EditedSite(store: store, folder: folder)
    }

    private static func copy(_ source: URL, to destination: URL) throws {
        try shell("cp -a \(quoted(source.path)) \(quoted(destination.path))")
    }

    private static func quoted(_ path: String) -> String {
        "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs `command` with `/bin/sh`: `cp -a` keeps the files' dates, which the builds compare, and
    /// Foundation's copy does not.
    private static func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["command": command]) }
    }
}

/// The copy of the real site an edit changes, and the files edits touch.
struct EditedSite: Sendable {
    let store: BuildStoreKind
    let folder: URL
    var content: URL { folder.appendingPathComponent("Content") }
    var templates: URL { folder.appendingPathComponent("Templates") }
    var output: URL { folder.appendingPathComponent("Output") }

    /// The search's words in more than 40 of the 86 reports have their postings split, as a large
    /// site's common words do, so that every edit is checked with split words and whole ones.
    func builds(memory: BuildMemory?) -> SiteBuilds {
        SiteBuilds(store: store, content: content, templates: templates, output: output, memory: memory, searchSplitLimit: Self.searchSplitLimit)
    }

    static let searchSplitLimit = 40

    func inspection(_ slug: String) -> URL { content.appendingPathComponent("inspections/\(slug).md") }
    var essex: URL { inspection("essex-south-2024") }
    var barking: URL { inspection("barking-dagenham-and-havering-2022") }
    var westKent: URL { inspection("west-kent-2024") }
    func page(_ name: String) -> URL { content.appendingPathComponent("pages/\(name).md") }
    var siteYML: URL { content.appendingPathComponent("site.yml") }
    var glossary: URL { content.appendingPathComponent("glossary.yml") }
    var eastOfEngland: URL { content.appendingPathComponent("regions/east-of-england.md") }
    /// A translation file beside a report (`<slug>.cy.md`), and a language's interface text.
    func translation(_ slug: String) -> URL { content.appendingPathComponent("inspections/\(slug).cy.md") }
    func interfaceText(_ language: String) -> URL { content.appendingPathComponent("i18n/\(language).yml") }
    var stylesheet: URL { templates.appendingPathComponent("assets/css/site.css") }
    /// The build cache of the output folder.
    var cache: BuildCache { builds(memory: nil).builder.options.cache }

    func edit(_ file: URL, replacing old: String, with new: String) throws {
        try SiteFolder.edit(file, replacing: old, with: new)
    }

    func append(_ text: String, to file: URL) throws {
        try SiteFolder.append(text, to: file)
    }
}

/// One kind of edit an editor (or a template author) makes to a site, as a value: what it changes,
/// and what a build after it must write beyond a clean build's site.
struct SiteEdit: Sendable, CustomStringConvertible {
    /// How the preview's remembered build must take the edit: the rebuild of changed reports (`text`:
    /// and only their own pages change; `frontMatter`), or the full incremental build.
    enum Way: Sendable { case text, frontMatter, full }

    let description: String
    /// Edits made first, each followed by a build, that this one builds on.
    var after: [SiteEdit] = []
    /// The stores the edit applies to.
    var stores: [BuildStoreKind] = BuildStoreKind.allCases
    /// The way the preview's build must go, where it matters (then the model the preview patched is
    /// also checked against one worked out afresh); nil where either way is right.
    var way: Way?
    /// Whether the preview's build gives warnings after it.
    var warns = false
    /// Checks of what the build after the edit wrote, by store.
    var check: @Sendable (BuildStoreKind, SiteBuilder.Report, EditedSite) throws -> Void = { _, _, _ in }
    let change: @Sendable (EditedSite) throws -> Void

    func apply(to site: EditedSite) throws {
        try change(site)
    }

    /// Every edit with every store it applies to: the harness's cases.
    static var cases: [(SiteEdit, BuildStoreKind)] {
        all.flatMap { edit in edit.stores.map { (edit, $0) } }
    }
}

extension SiteEdit {
    // MARK: Report texts

    static let reportText = SiteEdit(description: "a report's text", way: .text, check: { store, report, _ in
        if store == .disk { expectAtMost(3, pagesOf: report, "a report's text") }
    }) { try $0.append("\nA new closing paragraph.\n", to: $0.essex) }

    static let heading = SiteEdit(description: "a heading, which the search index lists", way: .text) {
        try $0.append("\n## A closing note\n\nMore.\n", to: $0.essex)
    }

    static let linkToHeading = SiteEdit(description: "a link to that heading from another report", after: [heading], way: .text) {
        try $0.append("\nSee [the note](../essex-south-2024/index.html#a-closing-note).\n", to: $0.barking)
    }

    static let twoTexts = SiteEdit(description: "two reports' texts at once", way: .text) {
        try $0.append("\nOne more line.\n", to: $0.essex)
        try $0.append("\nAnd another.\n", to: $0.westKent)
    }

    // MARK: Front matter

    static let keyQuestionFigure = SiteEdit(description: "a key-question figure, which moves the medians", way: .frontMatter) {
        try $0.edit($0.essex, replacing: "safety: 33 }", with: "safety: 36 }")
    }

    static let textAfterAFullBuild = SiteEdit(description: "the text again, after a full build", after: [keyQuestionFigure], way: .text) {
        try $0.append("\nAfter the figure.\n", to: $0.essex)
    }

    static let reportTitle = SiteEdit(description: "a report's title", way: .frontMatter) {
        try $0.edit($0.barking, replacing: "Barking, Dagenham and Havering PDU\"", with: "Barking, Dagenham & Havering PDU\"")
    }

    // Sources are shown on the report alone: West Kent's 2021 report, which lists the 2024 one,
    // stays as it is, while its PDU, region and the national pages are remade.
    static let reportSources = SiteEdit(description: "a report's sources", check: { store, report, _ in
        guard store == .disk else { return }
        expectAtMost(12, pagesOf: report, "a report's sources")
        #expect(report.written.contains("inspections/west-kent-2024/index.html"))
        #expect(report.written.contains("pdus/west-kent/index.html"))
        #expect(!report.written.contains("inspections/west-kent-programme-2021/index.html"))
        #expect(!report.written.contains("glossary/index.html"))
    }) { try $0.edit($0.westKent, replacing: "sources:\n", with: "sources:\n  - \"An added source\"\n") }

    // West Kent's 2024 report lists its 2021 one (of another programme) among the PDU's inspections.
    static let earlierDate = SiteEdit(description: "the date of an earlier inspection of the same PDU") {
        try $0.edit($0.inspection("west-kent-programme-2021"), replacing: "framework: pdu-2021\n", with: "framework: pdu-2021\npublished: \"2021-09\"\n")
    }

    // Northamptonshire's 2024 report sets the 2022 one's ratings beside its own (two swapped, so
    // that the score still adds up).
    static let earlierRating = SiteEdit(description: "a standard's rating at an earlier inspection of the same PDU", way: .frontMatter,
                                        check: { store, report, _ in
        if store == .disk { #expect(report.written.contains("inspections/northamptonshire-2024/index.html")) }
    }) {
        try $0.edit($0.inspection("northamptonshire-2022"), replacing: "  staff: \"Requires improvement\"\n  services: \"Inadequate\"\n",
                    with: "  staff: \"Inadequate\"\n  services: \"Requires improvement\"\n")
    }

    static let overallOutOfBand = SiteEdit(description: "an overall rating outside its score's band, a warning", way: .frontMatter, warns: true) {
        try $0.edit($0.essex, replacing: "overall: \"Requires improvement\"", with: "overall: \"Good\"")
    }

    static let overallPutBack = SiteEdit(description: "the overall rating put back, the warning gone", after: [overallOutOfBand], way: .frontMatter) {
        try $0.edit($0.essex, replacing: "overall: \"Good\"", with: "overall: \"Requires improvement\"")
    }

    static let ratingsSwapped = SiteEdit(description: "two standards' ratings swapped, which the home page counts", way: .frontMatter) {
        try $0.edit($0.essex, replacing: "leadership: \"Good\"\n  staffing: \"Requires improvement\"",
                    with: "leadership: \"Requires improvement\"\n  staffing: \"Good\"")
    }

    static let reportDate = SiteEdit(description: "a report's date, which reorders the lists", way: .frontMatter) {
        try $0.edit($0.essex, replacing: "published: 2024-07-18", with: "published: 2024-12-18")
    }

    static let movedPDU = SiteEdit(description: "a report moved to another PDU", way: .frontMatter) {
        try $0.edit($0.essex, replacing: "pdu: \"Essex South\"", with: "pdu: \"Essex North\"")
    }

    static let regionEarlierDate = SiteEdit(description: "the date of a region's earlier inspection", way: .frontMatter) {
        try $0.edit($0.inspection("east-of-england-region-2022"), replacing: "published: 2022-06-07", with: "published: 2022-06-08")
    }

    // Words the search index takes from front matter alone.
    static let summary = SiteEdit(description: "a report's summary") {
        try $0.edit($0.essex, replacing: "summary: \"", with: "summary: \"Wombats aside, ")
    }

    // MARK: Drafts, new and removed reports

    static let reportDraft = SiteEdit(description: "a report marked draft (left out of a published site, shown with a banner in a preview)",
                                      way: .frontMatter) {
        try $0.edit($0.essex, replacing: "type: pdu\n", with: "type: pdu\ndraft: true\n")
    }

    static let otherReportDraft = SiteEdit(description: "another PDU's report made a draft") {
        try $0.edit($0.barking, replacing: "type: pdu\n", with: "type: pdu\ndraft: true\n")
    }

    static let newReport = SiteEdit(description: "a new report", way: .full) {
        let text = try TestPaths.read($0.barking).replacingOccurrences(of: "published: \"2022-11\"", with: "published: \"2019-05\"")
        try TestPaths.write(text, to: $0.inspection("barking-dagenham-and-havering-2019"))
    }

    static let newReportText = SiteEdit(description: "the new report's text", after: [newReport], way: .text) {
        try $0.append("\nIts own line.\n", to: $0.inspection("barking-dagenham-and-havering-2019"))
    }

    static let reportRemoved = SiteEdit(description: "a report removed", after: [newReport], way: .full) {
        try FileManager.default.removeItem(at: $0.inspection("barking-dagenham-and-havering-2019"))
    }

    // MARK: The search index's kept state (on disk only: the preview keeps it in memory)

    // Gone, or damaged: every report is rendered again for its words.
    static let searchStateRemoved = SiteEdit(description: "the search index's kept state, removed", stores: [.disk]) {
        try $0.edit($0.essex, replacing: "summary: \"", with: "summary: \"Quokkas aside, ")
        try FileManager.default.removeItem(atPath: $0.cache.path(BuildCache.searchName))
    }

    static let searchStateDamaged = SiteEdit(description: "the search index's kept state, damaged", stores: [.disk]) {
        try $0.edit($0.essex, replacing: "summary: \"", with: "summary: \"Numbats aside, ")
        let url = URL(fileURLWithPath: $0.cache.path(BuildCache.searchName))
        try Data(try Data(contentsOf: url).dropLast(5)).write(to: url)
    }

    // MARK: Regions, frameworks, glossary

    static let place = SiteEdit(description: "a place a PDU serves") {
        try $0.edit($0.eastOfEngland, replacing: "- name: \"Peterborough\"", with: "- name: \"Peterborough and Wombatton\"")
    }

    static let regionText = SiteEdit(description: "a region's text") {
        try $0.append("\nMore about the region.\n", to: $0.eastOfEngland)
    }

    static let glossary = SiteEdit(description: "the glossary") {
        try $0.edit($0.glossary, replacing: "Engaging People on Probation", with: "Engaging people on probation")
    }

    static let textAndGlossary = SiteEdit(description: "a report's text and the glossary together", way: .full) {
        try $0.append("\nWith the glossary.\n", to: $0.essex)
        try $0.edit($0.glossary, replacing: "Engaging People on Probation", with: "Engaging people on probation")
    }

    // MARK: Templates' assets

    // A published build gives the stylesheet a new name, so every page that links to it is made
    // again and the old file goes; the preview keeps its name, so remakes that one file.
    static let stylesheet = SiteEdit(description: "the stylesheet", way: .full, check: { store, report, _ in
        if store == .memory { #expect(report.written == ["css/site.css"], "\(report.written)") }
    }) { try $0.append("\n/* edited */\n", to: $0.stylesheet) }

    // MARK: The site's own pages and site.yml

    static let pageText = SiteEdit(description: "a page's text", check: { _, report, _ in
        #expect(report.written == inEveryLanguage(["about/index.html"]), "\(report.written.prefix(5))")
    }) { try $0.append("\nA closing paragraph.\n", to: $0.page("about")) }

    static let methodologyText = SiteEdit(description: "the methodology text", check: { store, report, _ in
        if store == .disk { #expect(report.written == inEveryLanguage([Routes.methodology]), "\(report.written.prefix(5))") }
    }) { try $0.append("\nA closing paragraph.\n", to: $0.page("methodology")) }

    static let pageTitle = SiteEdit(description: "a page's title, which its footer link does not show", check: { store, report, _ in
        if store == .disk { #expect(report.written == inEveryLanguage(["privacy/index.html"]), "\(report.written.prefix(5))") }
    }) { try $0.edit($0.page("privacy"), replacing: "title: \"Privacy\"", with: "title: \"Privacy notice\"") }

    static let footerLinkShowsTitle = SiteEdit(description: "a footer link that shows the page's own title", check: expectEveryPage) {
        try $0.edit($0.siteYML, replacing: "{ title: \"Privacy\", page: privacy }", with: "{ page: privacy }")
    }

    static let linkedPageTitle = SiteEdit(description: "that page's title, now on every page", after: [footerLinkShowsTitle],
                                          check: expectEveryPage) {
        try $0.edit($0.page("privacy"), replacing: "title: \"Privacy\"", with: "title: \"Your privacy\"")
    }

    static let newPage = SiteEdit(description: "a new page, linked from the footer", check: expectEveryPage) {
        try TestPaths.write("---\ntitle: \"Contact\"\n---\nWrite to the Inspectorate.\n", to: $0.page("contact"))
        try $0.edit($0.siteYML, replacing: "footer:\n", with: "footer:\n  - { page: contact }\n")
    }

    static let newPageDraft = SiteEdit(description: "that page made a draft, which takes its link out", after: [newPage], check: expectEveryPage) {
        try $0.edit($0.page("contact"), replacing: "---\ntitle:", with: "---\ndraft: true\ntitle:")
    }

    static let draftPageRemoved = SiteEdit(description: "the draft page removed, and its link", after: [newPage, newPageDraft],
                                           check: expectEveryPage) {
        try FileManager.default.removeItem(at: $0.page("contact"))
        try $0.edit($0.siteYML, replacing: "  - { page: contact }\n", with: "")
    }

    static let footerLinkRemoved = SiteEdit(description: "a link taken out of the footer in site.yml", check: expectEveryPage) {
        try $0.edit($0.siteYML, replacing: "  - { title: \"Open data (CSV)\", url: data/inspections.csv }\n", with: "")
    }

    // The preview shows drafts: the page is there, marked. (A published site's pages link to it.)
    static let pageDraft = SiteEdit(description: "a page marked draft", after: [pageText], stores: [.memory], check: { _, _, site in
        let page = try TestPaths.read(site.output.appendingPathComponent("about/index.html"))
        #expect(page.contains("draft-banner"))
    }) { try $0.edit($0.page("about"), replacing: "---\ntitle:", with: "---\ndraft: true\ntitle:") }

    // MARK: Languages

    static let welshString = SiteEdit(description: "a Welsh interface string, which only Welsh pages show", check: { _, report, _ in
        #expect(!report.written.isEmpty && report.written.allSatisfy { $0.hasPrefix("cy/") }, "\(report.written.prefix(5))")
    }) { try $0.edit($0.interfaceText("cy"), replacing: "skip_link: \"Neidio i’r prif gynnwys\"", with: "skip_link: \"Neidio i’r cynnwys\"") }

    static let englishString = SiteEdit(description: "an English interface string the Welsh file translates", check: { _, report, _ in
        #expect(!report.written.isEmpty && !report.written.contains { $0.hasPrefix("cy/") }, "\(report.written.prefix(5))")
    }) { try $0.edit($0.interfaceText("en"), replacing: "skip_link: \"Skip to main content\"", with: "skip_link: \"Skip to the content\"") }

    static let welshKeyRemoved = SiteEdit(description: "a key taken out of the Welsh file, which falls back to English", warns: true,
                                          check: { _, report, _ in
        #expect(report.written.allSatisfy { $0.hasPrefix("cy/") }, "\(report.written.prefix(5))")
    }) { try $0.edit($0.interfaceText("cy"), replacing: "  skip_link: \"Neidio i’r prif gynnwys\"\n", with: "") }

    // A translation's words are in the one search index, scored with its original: that report's
    // English pages are made again with the Welsh ones, and no other English page.
    static let translationText = SiteEdit(description: "a report's Welsh translation's text", check: { _, report, _ in
        #expect(report.written.allSatisfy { $0.hasPrefix("cy/") || $0.hasPrefix("search/") || $0.contains("dyfed-powys-2025") },
                "\(report.written.prefix(8))")
    }) { try $0.append("\nParagraff arall.\n", to: $0.translation("dyfed-powys-2025")) }

    static let newTranslation = SiteEdit(description: "a new translation of a report") {
        try TestPaths.write("---\ntitle: \"Arolygiad o Dde Essex\"\n---\nTestun yn Gymraeg.\n", to: $0.translation("essex-south-2024"))
    }

    static let translationRemoved = SiteEdit(description: "a translation removed, its report's Welsh page in English again") {
        try FileManager.default.removeItem(at: $0.translation("dyfed-powys-2025"))
    }

    /// `paths` and their Welsh counterparts, sorted as a report lists what it wrote.
    static func inEveryLanguage(_ paths: [String]) -> [String] {
        (paths + paths.map { "cy/" + $0 }).sorted()
    }

    /// Every kind of edit the harness makes.
    static let all: [SiteEdit] = [
        reportText, heading, linkToHeading, twoTexts,
        keyQuestionFigure, textAfterAFullBuild, reportTitle, reportSources, earlierDate, earlierRating,
        overallOutOfBand, overallPutBack, ratingsSwapped, reportDate, movedPDU, regionEarlierDate, summary,
        reportDraft, otherReportDraft, newReport, newReportText, reportRemoved,
        searchStateRemoved, searchStateDamaged,
        place, regionText, glossary, textAndGlossary,
        stylesheet,
        pageText, methodologyText, pageTitle, footerLinkShowsTitle, linkedPageTitle, newPage, newPageDraft, draftPageRemoved,
        footerLinkRemoved, pageDraft,
        welshString, englishString, welshKeyRemoved, translationText, newTranslation, translationRemoved,
    ]

    /// At most `most` pages written in each language; the search index's files (the names, the shards of
    /// words that came or went, a report's text for snippets) and the two manifest files are not counted.
    static func expectAtMost(_ most: Int, pagesOf report: SiteBuilder.Report, _ edit: String) {
        let pages = report.written.filter { $0 != Routes.searchIndex && !$0.hasPrefix("search/") && !$0.hasPrefix("cy/") }
        #expect(report.written.filter { $0.hasPrefix("cy/") && !$0.hasPrefix("cy/search/") }.count <= most, "editing \(edit) wrote \(report.written)")
        #expect(pages.count <= most, "editing \(edit) wrote \(report.written)")
    }

    /// An edit that changes what every page shows (a published build's: the preview's are checked
    /// only against a clean build).
    static let expectEveryPage: @Sendable (BuildStoreKind, SiteBuilder.Report, EditedSite) throws -> Void = { store, report, _ in
        if store == .disk { #expect(report.written.count > 300, "wrote only \(report.written.count) files") }
    }
}
