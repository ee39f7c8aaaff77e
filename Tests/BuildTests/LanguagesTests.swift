import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// A site in two languages: every page in each, under its folder, with `<html lang>`, alternates that
/// point both ways and the toggle; translations of reports and pages beside them; and the mistakes
/// an editor can make in them. (Builds after edits of them are `EditAndCompareTests`' cases.)
@Suite("Languages")
struct LanguagesTests {
    static let twoLanguages = """
        title: "Test site"
        base_url: "https://example.org/"
        licence: "Open Government Licence"
        languages: [en, cy]

        """

    /// The small valid site, in English and Welsh when `welsh`, with `files` added (path -> text),
    /// and the Welsh interface text of the real content.
    static func site(welsh: Bool = true, _ files: [String: String] = [:]) throws -> (folder: URL, content: URL) {
        let folder = try TestPaths.scratch(UUID().uuidString)
        let content = try SiteFolder.makeContent(in: folder)
        if welsh {
            try TestPaths.write(twoLanguages, to: content.appendingPathComponent("site.yml"))
            try TestPaths.write(try TestPaths.read(URL(fileURLWithPath: TestPaths.content).appendingPathComponent("i18n/cy.yml")),
                                to: content.appendingPathComponent("i18n/cy.yml"))
        }
        for (path, text) in files { try TestPaths.write(text, to: content.appendingPathComponent(path)) }
        return (folder, content)
    }

    static func build(_ content: URL, into output: URL) async throws(DiagnosticsError) -> SiteBuilder.Report {
        try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
    }

    /// The diagnostics a build of `content` fails with, each as printed, paths relative to the content folder.
    static func failure(_ content: URL) async -> [String] {
        do {
            _ = try await build(content, into: content.deletingLastPathComponent().appendingPathComponent("Output"))
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: content.path + "/", with: "") }
        }
    }

    /// Every `<link rel="alternate" hreflang>` of `html`, as (hreflang, address).
    static func alternates(in html: String) -> [(language: String, url: String)] {
        LinkChecker.matches(#"<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">"#, in: html, groups: 2).map { ($0[0], $0[1]) }
    }

    // MARK: Pages in each language

    @Test func everyPageHasItsWelshCounterpartUnderCy() async throws {
        let (folder, content) = try Self.site()
        let output = folder.appendingPathComponent("Output")
        let report = try await Self.build(content, into: output)
        let pages = report.files.filter { $0.hasSuffix(".html") }
        let english = pages.filter { !$0.hasPrefix("cy/") }, welsh = pages.filter { $0.hasPrefix("cy/") }
        #expect(english.count > 10)
        #expect(Set(welsh) == Set(english.map { "cy/" + $0 }))
        // What every language shares is made once, at the root.
        for shared in [Routes.dataCSV, Routes.dataJSON, Routes.sitemap, Routes.robots] {
            #expect(report.files.contains(shared))
            #expect(!report.files.contains("cy/" + shared))
        }
        #expect(report.files.contains("cy/" + Routes.feed))
        #expect(report.files.contains("cy/" + Routes.searchNames))
    }

    @Test func everyPageSaysItsLanguageAndPointsToItsCounterpartBothWays() async throws {
        let (folder, content) = try Self.site()
        let output = folder.appendingPathComponent("Output")
        let report = try await Self.build(content, into: output)
        let base = "https://example.org/"
        for page in report.files where page.hasSuffix(".html") && !page.hasSuffix("print.html") && page != Routes.notFound
            && page != "cy/" + Routes.notFound {
            let html = try TestPaths.read(output.appendingPathComponent(page))
            let welsh = page.hasPrefix("cy/")
            #expect(html.contains(welsh ? "<html lang=\"cy\">" : "<html lang=\"en-GB\">"), "\(page)")
            let english = welsh ? String(page.dropFirst(3)) : page
            let expected = [("en-GB", Routes.canonical(english, base: base)), ("cy", Routes.canonical("cy/" + english, base: base))]
            #expect(Self.alternates(in: html).map { "\($0.language) \($0.url)" } == expected.map { "\($0.0) \($0.1)" }, "\(page)")
            // The toggle leads to the counterpart, named in its own language, with its lang.
            let toggles = LinkChecker.matches(#"<a class="language-toggle" href="([^"]+)" lang="([^"]+)" hreflang="([^"]+)">([^<]+)</a>"#,
                                              in: html, groups: 4)
            #expect(toggles.count == 1, "\(page)")
            if let toggle = toggles.first {
                let target = BodyLinkChecker.resolve(toggle[0], from: page).path
                #expect(target == (welsh ? english : "cy/" + english), "\(page): \(toggle[0])")
                #expect(toggle[1] == (welsh ? "en-GB" : "cy") && toggle[2] == toggle[1], "\(page)")
                #expect(toggle[3] == (welsh ? "English" : "Cymraeg"), "\(page)")
            }
        }
    }

    @Test func aSiteOfOneLanguageHasNoOtherFolderNoAlternatesAndNoToggle() async throws {
        let (folder, content) = try Self.site(welsh: false)
        let output = folder.appendingPathComponent("Output")
        let report = try await Self.build(content, into: output)
        #expect(!report.files.contains { $0.hasPrefix("cy/") })
        let home = try TestPaths.read(output.appendingPathComponent(Routes.home))
        #expect(Self.alternates(in: home).isEmpty)
        #expect(!home.contains("language-toggle"))
        #expect(!(try TestPaths.read(output.appendingPathComponent(Routes.sitemap))).contains("xhtml:link"))
    }

    @Test func theSitemapListsEveryPageInEveryLanguageWithItsAlternates() async throws {
        let (folder, content) = try Self.site()
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let sitemap = try TestPaths.read(output.appendingPathComponent(Routes.sitemap))
        let locations = LinkChecker.matches("<loc>([^<]+)</loc>", in: sitemap, groups: 1).map { $0[0] }
        #expect(locations.contains("https://example.org/pdus/alpha/") && locations.contains("https://example.org/cy/pdus/alpha/"))
        #expect(locations.count % 2 == 0)
        #expect(sitemap.contains("<xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://example.org/cy/pdus/alpha/\"/>"))
    }

    // MARK: Translations

    static let welshReport = """
        ---
        title: "Arolygiad o Alpha"
        summary: "Crynodeb yn Gymraeg."
        ---
        Testun yr adroddiad yn Gymraeg, gyda [data agored](../../data/inspections.csv).
        """

    @Test func aReportsTranslationGivesItsWelshPageItsWordsAndTheFiguresStayTheOriginals() async throws {
        let (folder, content) = try Self.site(["inspections/alpha-2024.cy.md": Self.welshReport,
                                               // Published, so that the feeds list it.
                                               "inspections/alpha-2024.md": TestContent.alphaInspection.replacingOccurrences(
                                                   of: "score: 5", with: "published: 2024-07-18\nscore: 5")])
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let english = try TestPaths.read(output.appendingPathComponent("inspections/alpha-2024/index.html"))
        let welsh = try TestPaths.read(output.appendingPathComponent("cy/inspections/alpha-2024/index.html"))
        #expect(welsh.contains("<h1>Arolygiad o Alpha</h1>") && welsh.contains("Testun yr adroddiad yn Gymraeg"))
        #expect(!english.contains("Arolygiad o Alpha"))
        // A link to what every language shares leads up out of the language's folder.
        #expect(welsh.contains("href=\"../../../data/inspections.csv\""))
        // The figures are the original's: the same score on both pages.
        let score = try #require(LinkChecker.matches(#"class="score">([^<]+)<"#, in: english, groups: 1).first?.first)
        #expect(welsh.contains("class=\"score\">\(score)<"))
        // The Welsh feed gives the report's Welsh summary and its Welsh page, the English feed its own.
        let welshFeed = try TestPaths.read(output.appendingPathComponent("cy/" + Routes.feed))
        #expect(welshFeed.contains("Crynodeb yn Gymraeg.") && welshFeed.contains("https://example.org/cy/inspections/alpha-2024/"))
        #expect(welshFeed.contains("Angen gwella") && !welshFeed.contains("Requires improvement"))
        #expect(!(try TestPaths.read(output.appendingPathComponent(Routes.feed))).contains("Crynodeb yn Gymraeg."))
        // Both sites find it by its Welsh words: one index holds every language's text.
        let shards = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search/s").path)
            .map { try TestPaths.read(output.appendingPathComponent("search/s/" + $0)) }.joined()
        #expect(shards.contains("\"gymraeg\""))
    }

    @Test func aTextWithNoTranslationIsMarkedWithItsLanguageUnderAWelshSentence() async throws {
        let (folder, content) = try Self.site()
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let welsh = try TestPaths.read(output.appendingPathComponent("cy/inspections/alpha-2024/index.html"))
        #expect(welsh.contains("<h1 lang=\"en-GB\">An inspection of Alpha PDU</h1>"))
        #expect(welsh.contains("<p class=\"language-note\">Cyhoeddir y testun hwn yn Saesneg yn unig.</p>"))
        #expect(welsh.contains("class=\"report-body\"") && welsh.contains("lang=\"en-GB\">\n<h2"))
        let english = try TestPaths.read(output.appendingPathComponent("inspections/alpha-2024/index.html"))
        #expect(!english.contains("language-note") && !english.contains("lang=\"en-GB\">\n<h2"))
        // Translated, the page is in Welsh throughout: no note, no mark.
        try TestPaths.write(Self.welshReport, to: content.appendingPathComponent("inspections/alpha-2024.cy.md"))
        _ = try await Self.build(content, into: output)
        let translated = try TestPaths.read(output.appendingPathComponent("cy/inspections/alpha-2024/index.html"))
        #expect(!translated.contains("language-note") && translated.contains("<h1>Arolygiad o Alpha</h1>"))
    }

    @Test func aTranslationGivingAFigureIsAnErrorNamingTheFieldAndLine() async throws {
        let (_, content) = try Self.site(["inspections/alpha-2024.cy.md": """
            ---
            title: "Arolygiad o Alpha"
            score: 20
            ---
            Testun.
            """])
        let problems = await Self.failure(content)
        #expect(problems.contains { $0.hasPrefix("inspections/alpha-2024.cy.md:3:") && $0.contains("'score' comes from alpha-2024.md") },
                "\(problems)")
    }

    @Test func aTranslationOfNoReportOrIntoNoLanguageOfTheSiteIsAnError() async throws {
        let (_, content) = try Self.site([
            "inspections/beta-2024.cy.md": Self.welshReport,
        ])
        #expect(await Self.failure(content).contains { $0.hasPrefix("inspections/beta-2024.cy.md") && $0.contains("a translation of 'beta-2024'") })
        let (_, english) = try Self.site(welsh: false, ["inspections/alpha-2024.cy.md": Self.welshReport])
        #expect(await Self.failure(english).contains { $0.hasPrefix("inspections/alpha-2024.cy.md") && $0.contains("not one of the site's other languages") })
    }

    @Test func aPagesTranslationIsItsWelshPage() async throws {
        let (folder, content) = try Self.site([
            "pages/about.md": "---\ntitle: \"About\"\n---\nAbout the site.\n",
            "pages/about.cy.md": "---\ntitle: \"Amdanom ni\"\n---\nAm y wefan.\n",
        ])
        let output = folder.appendingPathComponent("Output")
        _ = try await Self.build(content, into: output)
        let welsh = try TestPaths.read(output.appendingPathComponent("cy/about/index.html"))
        #expect(welsh.contains("<h1>Amdanom ni</h1>") && welsh.contains("Am y wefan."))
        #expect(try TestPaths.read(output.appendingPathComponent("about/index.html")).contains("<h1>About</h1>"))
    }

    // MARK: Settings

    @Test(arguments: [
        ("languages: [en, fr]", "'fr' is not a language the site can be published in"),
        ("languages: [en, cy, cy]", "'cy' is named twice"),
        ("languages: []", "'languages' names no language"),
    ])
    func aWrongLanguagesSettingIsAnErrorWithItsLine(setting: String, message: String) async throws {
        let (_, content) = try Self.site()
        try TestPaths.write(Self.twoLanguages.replacingOccurrences(of: "languages: [en, cy]", with: setting),
                            to: content.appendingPathComponent("site.yml"))
        let problems = await Self.failure(content)
        #expect(problems.contains { $0.hasPrefix("site.yml:4:") && $0.contains(message) }, "\(problems)")
    }

    @Test func aWelshKeyMissingWarnsWithTheFileAndKeyAndItsPagesShowTheEnglishMarked() async throws {
        let (folder, content) = try Self.site()
        let file = content.appendingPathComponent("i18n/cy.yml")
        try SiteFolder.edit(file, replacing: "  skip_link: \"Neidio i’r prif gynnwys\"\n", with: "")
        let output = folder.appendingPathComponent("Output")
        let report = try await Self.build(content, into: output)
        #expect(report.warnings.contains { $0.location.file.hasSuffix("i18n/cy.yml") && $0.field == "layout.skip_link" })
        let welsh = try TestPaths.read(output.appendingPathComponent("cy/index.html"))
        #expect(welsh.contains("<span lang=\"en-GB\">Skip to main content</span>"))
    }

    @Test func anUnknownKeyInATranslationFileIsAnError() async throws {
        let (_, content) = try Self.site()
        try SiteFolder.append("\nlayout_extra:\n  hello: \"Helo\"\n", to: content.appendingPathComponent("i18n/cy.yml"))
        #expect(await Self.failure(content).contains { $0.hasPrefix("i18n/cy.yml:") && $0.contains("unknown key 'layout_extra'") })
    }
}
