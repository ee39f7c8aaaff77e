import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The pages of the site's own (`Content/pages/*.md`) and the navigation and footer links that
/// `site.yml` sets: how they are made, the mistakes an editor can make in them, and drafts (builds
/// after an edit of them are `EditAndCompareTests`' cases).
@Suite("Pages of the site's own", .serialized)
struct SitePagesTests {
    /// The small valid site with `files` (path under the content folder -> text) added or replaced.
    static func smallSite(_ files: [String: String]) throws -> (folder: URL, content: URL) {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        for (path, text) in files { try TestPaths.write(text, to: content.appendingPathComponent(path)) }
        return (folder, content)
    }

    static let siteSettings = """
        title: "Test site"
        base_url: "https://example.org/"
        licence: "Open Government Licence"

        """

    static let about = """
        ---
        title: "About this site"
        description: "What the test site is."
        updated: 2026-05-01
        ---
        The test site shows [a region](../regions/test-region/index.html).

        ## Where it comes from

        From the tests.
        """

    /// The diagnostics `check` gives for `content`, each as printed, with paths relative to the folder.
    static func check(_ content: URL) async -> [String] {
        await SiteChecker(content: content.path, templates: TestPaths.templates).check()
            .map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
    }

    static func build(_ content: URL, into output: URL, drafts: Bool = false) async throws(DiagnosticsError) -> SiteBuilder.Report {
        try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path,
                                             includeDrafts: drafts)).build()
    }

    /// The items of the list with class `list` in `html`, as (text, href, current).
    static func links(in html: String, list: String) throws -> [(title: String, href: String, current: Bool)] {
        let start = try #require(html.range(of: "<ul class=\"\(list)\">"), "no \(list) in the page")
        let end = try #require(html.range(of: "</ul>", range: start.upperBound..<html.endIndex))
        return LinkChecker.matches(#"<li><a href="([^"]*)"( aria-current="page")?>([^<]*)</a></li>"#,
                                   in: String(html[start.upperBound..<end.lowerBound]), groups: 3)
            .map { (title: $0[2], href: $0[0], current: !$0[1].isEmpty) }
    }

    // MARK: The real content

    @Test func theRealPagesAreMadeWithTheLinksSiteYMLSets() async throws {
        let folder = try TestPaths.scratch()
        let (content, templates) = try SiteFolder.copyOfTheSite(in: folder)
        let output = folder.appendingPathComponent("Output")
        let report = try await SiteBuilder(options: .init(content: content.path, templates: templates.path, output: output.path)).build()
        let (loaded, _) = try ContentLoader(root: content.path).load()
        let settings = try #require(loaded.settings)
        #expect(report.files.contains("about/index.html") && report.files.contains("accessibility/index.html")
                && report.files.contains("privacy/index.html"))
        // The methodology text is no page of its own.
        #expect(!report.files.contains { $0.hasPrefix("methodology/") && $0 != Routes.methodology })

        let about = try TestPaths.read(output.appendingPathComponent("about/index.html"))
        #expect(about.contains("<h1>About this site</h1>"))
        #expect(about.contains("<title>About this site – Probation inspection reports</title>"))
        let header = try Self.links(in: about, list: "site-nav"), footer = try Self.links(in: about, list: "footer-nav")
        #expect(header.map(\.title) == settings.navigation.map { $0.title ?? "" })
        #expect(footer.map(\.title) == settings.footer.map { $0.title ?? "" })
        #expect(header.map(\.href) == ["../index.html", "../regions/index.html", "../pdus/index.html", "../methodology/index.html",
                                       "../glossary/index.html", "../search/index.html"])
        #expect(footer.first { $0.current }?.href == "../about/index.html")
        #expect(header.allSatisfy { !$0.current })

        // Every page carries them, relative to itself.
        let report2024 = try TestPaths.read(output.appendingPathComponent("inspections/essex-south-2024/index.html"))
        #expect(try Self.links(in: report2024, list: "footer-nav").map(\.href).contains("../../accessibility/index.html"))
        let home = try TestPaths.read(output.appendingPathComponent("index.html"))
        #expect(try Self.links(in: home, list: "site-nav").first?.current == true)

        // The methodology text opens the methodology page, above the sections the framework files make.
        let methodology = try TestPaths.read(output.appendingPathComponent(Routes.methodology))
        let text = try #require(methodology.range(of: "The lowest of the three percentages sets the standard"))
        let firstProgramme = try #require(methodology.range(of: "<section id=\"programme-"))
        #expect(text.lowerBound < firstProgramme.lowerBound)
        #expect(try Self.links(in: methodology, list: "site-nav").first { $0.current }?.title == "How ratings work")

        let sitemap = try TestPaths.read(output.appendingPathComponent(Routes.sitemap))
        for page in ["about", "accessibility", "privacy"] { #expect(sitemap.contains("<loc>https://example.org/\(page)/</loc>")) }
        #expect(sitemap.components(separatedBy: "<loc>https://example.org/methodology/</loc>").count == 2)
        try StagedOutputTests.expectPublicOnly(output, files: report.files)
    }

    // MARK: A page and its mistakes

    @Test func aPageIsMadeFromItsFileWithItsTitleDescriptionAndDate() async throws {
        let (folder, content) = try Self.smallSite(["pages/about.md": Self.about])
        #expect(await Self.check(content).isEmpty)
        let output = folder.appendingPathComponent("Output")
        let report = try await Self.build(content, into: output)
        #expect(report.files.contains("about/index.html"))
        let html = try TestPaths.read(output.appendingPathComponent("about/index.html"))
        #expect(html.contains("<h1>About this site</h1>"))
        #expect(html.contains("<meta name=\"description\" content=\"What the test site is.\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/about/\">"))
        #expect(html.contains("<h2 id=\"where-it-comes-from\">"))
        #expect(html.contains("<a href=\"../regions/test-region/index.html\">a region</a>"))
        #expect(html.contains("Last reviewed <time datetime=\"2026-05-01\">1 May 2026</time>."))
        // No footer links unless site.yml gives some.
        #expect(!html.contains("footer-nav"))
    }

    @Test func mistakesInAPageNameItsFileLineAndField() async throws {
        let (_, content) = try Self.smallSite(["pages/about.md": """
            ---
            titel: "About"
            updated: 2026-13-01
            draft: maybe
            ---
            See [nowhere](../no-such-page/index.html).
            """])
        let found = await Self.check(content)
        #expect(found.contains("pages/about.md:2:1: error: titel: unknown field 'titel'\n    note: did you mean 'title'?"), "\(found)")
        #expect(found.contains { $0.hasPrefix("pages/about.md:2:1: error: title: missing required field 'title'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("pages/about.md:3:10: error: updated: '2026-13-01' is not a real date") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("pages/about.md:4:8: error: draft: expected true or false, found 'maybe'") }, "\(found)")
    }

    @Test func aBrokenLinkInAPageIsAnErrorWithItsLine() async throws {
        let (folder, content) = try Self.smallSite(["pages/about.md": Self.about + "\n\nSee [nowhere](../no-such-page/index.html).\n"])
        let found = await Self.check(content)
        #expect(found.contains { $0.hasPrefix("pages/about.md:12:5: error: link '../no-such-page/index.html' leads to no page or file") }, "\(found)")
        let output = folder.appendingPathComponent("Output")
        await #expect(throws: DiagnosticsError.self) { try await Self.build(content, into: output) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test(arguments: ["regions", "pdus", "inspections", "search", "glossary", "files", "data"])
    func aPageMayNotTakeANameTheSiteUses(_ name: String) async throws {
        let (folder, content) = try Self.smallSite(["pages/\(name).md": "---\ntitle: \"A page\"\n---\nText.\n"])
        let found = await Self.check(content)
        #expect(found.contains {
            $0.hasPrefix("pages/\(name).md:1: error: the page name '\(name)' is taken: the site writes") && $0.contains("rename the file")
        }, "\(found)")
        let output = folder.appendingPathComponent("Output")
        await #expect(throws: DiagnosticsError.self) { try await Self.build(content, into: output) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    // MARK: Navigation and footer

    @Test func linksInSiteYMLAreCheckedWithTheirLineAndAGuess() async throws {
        let (_, content) = try Self.smallSite([
            "pages/about.md": Self.about,
            "site.yml": Self.siteSettings + """
                navigation:
                  - { title: "About", page: abuot }
                  - { title: "Regions", url: regoins/index.html }
                  - { title: "Nothing" }
                  - { title: "Both", page: about, url: "https://example.org/" }
                  - { url: "https://example.org/" }
                  - { title: "Run", url: "javascript:alert(1)" }
                footer:
                  - { titel: "About", page: about }
                """,
        ])
        let found = await Self.check(content)
        #expect(found.contains("site.yml:5:29: error: navigation[0].page: no page 'abuot' in pages/\n    note: did you mean 'about'?"), "\(found)")
        #expect(found.contains("site.yml:6:30: error: navigation[1].url: 'regoins/index.html' is not a page the site makes\n    note: did you mean 'regions/index.html'?"), "\(found)")
        #expect(found.contains { $0.hasPrefix("site.yml:7:5: error: navigation[2]: a link needs 'page'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("site.yml:8:5: error: navigation[3]: a link has either 'page' or 'url', not both") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("site.yml:9:5: error: navigation[4]: a link with 'url' needs a 'title'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("site.yml:10:26: error: navigation[5].url: link target 'javascript:alert(1)' uses 'javascript:'") }, "\(found)")
        #expect(found.count == 7, "\(found)")
        #expect(found.contains("site.yml:12:7: error: footer[0].titel: unknown field 'titel'\n    note: did you mean 'title'?"), "\(found)")
    }

    @Test func withoutNavigationInSiteYMLTheHeaderHasTheSitesOwnPages() async throws {
        let (folder, content) = try Self.smallSite([:])
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let html = try TestPaths.read(output.appendingPathComponent("regions/index.html"))
        let header = try Self.links(in: html, list: "site-nav")
        #expect(header.map(\.title) == ["National overview", "Regions", "PDUs", "How ratings work", "Glossary", "Search"])
        #expect(header.map(\.href) == ["../index.html", "../regions/index.html", "../pdus/index.html", "../methodology/index.html",
                                       "../glossary/index.html", "../search/index.html"])
        #expect(header.map(\.current) == [false, true, false, false, false, false])
    }

    @Test func aPageLinkTakesThePagesTitleAndAnAddressIsKeptAsWritten() async throws {
        let (folder, content) = try Self.smallSite([
            "pages/about.md": Self.about,
            "site.yml": Self.siteSettings + """
                footer:
                  - { page: about }
                  - { title: "The Inspectorate", url: "https://hmiprobation.justiceinspectorates.gov.uk/" }
                  - { title: "Open data", url: data/inspections.csv }
                  - { title: "Regions", url: regions/ }
                """,
        ])
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let html = try TestPaths.read(output.appendingPathComponent("regions/test-region/index.html"))
        let footer = try Self.links(in: html, list: "footer-nav")
        #expect(footer.map(\.title) == ["About this site", "The Inspectorate", "Open data", "Regions"])
        #expect(footer.map(\.href) == ["../../about/index.html", "https://hmiprobation.justiceinspectorates.gov.uk/",
                                       "../../data/inspections.csv", "../../regions/index.html"])
    }

    // MARK: Drafts

    static let marker = "ZQXPAGEDRAFT"

    @Test func aDraftPageLeavesNoTraceInAPublishedSite() async throws {
        let draft = "---\ntitle: \"\(Self.marker) title\"\ndescription: \"\(Self.marker)\"\ndraft: true\n---\n## \(Self.marker) heading\n\n\(Self.marker) text.\n"
        let withDraft = Self.siteSettings + "footer:\n  - { title: \"Privacy\", page: privacy }\n  - { title: \"About\", page: about }\n"
        let (folder, content) = try Self.smallSite(["pages/about.md": Self.about, "pages/privacy.md": draft, "site.yml": withDraft])
        let output = folder.appendingPathComponent("Output")
        let report = try await Self.build(content, into: output)
        #expect(!report.files.contains { $0.hasPrefix("privacy/") })
        #expect(try DraftTraceTests.holdsTheMarker(output, Self.marker) == [])
        #expect(try DraftTraceTests.holdsTheMarker(output, "privacy") == [])
        #expect(report.warnings.contains { $0.severity == .info && $0.field == "footer[0].page" && $0.message.contains("'privacy' is a draft") })

        // The same site as one without the draft's file or its link, byte for byte.
        let (otherFolder, other) = try Self.smallSite([
            "pages/about.md": Self.about, "site.yml": Self.siteSettings + "footer:\n  - { title: \"About\", page: about }\n",
        ])
        let without = otherFolder.appendingPathComponent("Output")
        _ = try await Self.build(other, into: without)
        #expect(try SiteFolder.snapshot(output) == SiteFolder.snapshot(without))

        // With drafts (the preview), it is made, marked, and linked.
        let preview = folder.appendingPathComponent("Preview")
        let shown = try await Self.build(content, into: preview, drafts: true)
        #expect(shown.files.contains("privacy/index.html"))
        let page = try TestPaths.read(preview.appendingPathComponent("privacy/index.html"))
        #expect(page.contains("<p class=\"draft-banner\"><strong>Draft – not published</strong></p>"))
        let about = try TestPaths.read(preview.appendingPathComponent("about/index.html"))
        #expect(try Self.links(in: about, list: "footer-nav").map(\.href) == ["../privacy/index.html", "../about/index.html"])
    }

    @Test func aPublishedTextMayNotLinkToADraftPage() async throws {
        let draft = "---\ntitle: \"Privacy\"\ndraft: true\n---\nText.\n"
        let (folder, content) = try Self.smallSite([
            "pages/about.md": Self.about + "\n\nRead the [privacy notice](../privacy/index.html).\n", "pages/privacy.md": draft,
        ])
        let output = folder.appendingPathComponent("Output")
        do {
            _ = try await Self.build(content, into: output)
            Issue.record("a link to a draft page was published")
        } catch {
            #expect(error.diagnostics.contains {
                $0.location.file.hasSuffix("pages/about.md") && $0.location.line == 12 && $0.message.contains("leads to a draft page (privacy/index.html)")
            }, "\(error.diagnostics)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // With drafts the page is there, and so is the link.
        _ = try await Self.build(content, into: folder.appendingPathComponent("Preview"), drafts: true)
    }

    @Test func aDraftMethodologyTextLeavesThePageWithoutItAndItsLinksStand() async throws {
        let (folder, content) = try Self.smallSite([
            "pages/methodology.md": "---\ntitle: \"How the ratings are worked out\"\ndraft: true\n---\n\(Self.marker) text.\n",
            "pages/about.md": Self.about + "\n\nSee [how ratings work](../methodology/index.html#programme-pdu-2023).\n",
        ])
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let page = try TestPaths.read(output.appendingPathComponent(Routes.methodology))
        #expect(page.contains("<h1>How scores and ratings work</h1>") && !page.contains(Self.marker))
        #expect(try DraftTraceTests.holdsTheMarker(output, Self.marker) == [])
        let preview = folder.appendingPathComponent("Preview")
        _ = try await Self.build(content, into: preview, drafts: true)
        let shown = try TestPaths.read(preview.appendingPathComponent(Routes.methodology))
        #expect(shown.contains("<h1>How the ratings are worked out</h1>") && shown.contains("\(Self.marker) text.") && shown.contains("draft-banner"))
    }

    @Test func whatAPageSaysIsEscapedEverywhereItIsShown() async throws {
        let (folder, content) = try Self.smallSite([
            "pages/about.md": "---\ntitle: \"<script>alert(1)</script> & \\\"more\\\"\"\ndescription: \"\\\"><img src=x>\"\n---\nText.\n",
            "site.yml": Self.siteSettings + "navigation:\n  - { page: about }\n  - { title: \"<b>Regions</b>\", url: regions/ }\n",
        ])
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let html = try TestPaths.read(output.appendingPathComponent("about/index.html"))
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x>") && !html.contains("<b>Regions"))
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;</h1>"), "\(html)")
        #expect(html.contains("<meta name=\"description\" content=\"&quot;&gt;&lt;img src=x&gt;\">"))
        #expect(try Self.links(in: html, list: "site-nav").map(\.title) == ["&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;", "&lt;b&gt;Regions&lt;/b&gt;"])
    }
}
