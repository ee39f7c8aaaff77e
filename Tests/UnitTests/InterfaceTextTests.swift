import Foundation
import Testing
@testable import ReportSite
import ReportSiteViews
import ReportSiteTestSupport

/// The translation files: every key read, gaps and mistakes reported with file, line and key.
@Suite("Interface text")
struct InterfaceTextTests {
    /// The files of `texts` (language -> YAML) parsed as `Content/i18n/<language>.yml`.
    static func decode(_ texts: [(String, String)]) -> (texts: [InterfaceText], diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        var roots: [String: YAMLValue] = [:]
        for (language, yaml) in texts {
            if case .success(let root) = YAMLReader.parse(yaml, file: "i18n/\(language).yml", firstLine: 1) { roots[language] = root }
        }
        let decoded = InterfaceTextDecoder.decode(languages: texts.map(\.0), roots: roots, &log)
        return (decoded, log.diagnostics)
    }

    static let english = (try? String(contentsOfFile: TestPaths.content + "/i18n/en.yml", encoding: .utf8)) ?? ""
    static let welsh = (try? String(contentsOfFile: TestPaths.content + "/i18n/cy.yml", encoding: .utf8)) ?? ""

    @Test func theSitesFilesGiveEveryKeyInBothLanguages() {
        var log = DiagnosticLog()
        let texts = InterfaceTextDecoder.load(languages: ["en", "cy"], content: TestPaths.content, &log)
        #expect(log.diagnostics.map(\.description) == [])
        #expect(texts.map(\.code) == ["en", "cy"])
        #expect(texts.map(\.htmlLanguage) == ["en-GB", "cy"])
        #expect(texts[1][.commonNotPublished].language == nil)
        #expect(texts[0].list(.datesMonths).count == 12 && texts[1].list(.datesMonths).count == 12)
    }

    @Test func aKeyMissingFromATranslationWarnsAndFallsBackMarkedWithItsLanguage() throws {
        let lines = Self.welsh.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("  not_published:") })
        let welsh = (lines[..<index] + lines[(index + 1)...]).joined(separator: "\n")
        let (texts, diagnostics) = Self.decode([("en", Self.english), ("cy", welsh)])
        #expect(diagnostics.count == 1)
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning && warning.field == "common.not_published" && warning.location.file == "i18n/cy.yml")
        #expect(warning.location.line != nil)
        #expect(texts[1][.commonNotPublished] == Phrase("not published", language: "en-GB"))
        let html: HTML = "<p>\(texts[1][.commonNotPublished])</p>"
        #expect(html.text == "<p><span lang=\"en-GB\">not published</span></p>")
    }

    @Test func anUnknownKeyIsAnErrorWhereItIsWritten() throws {
        let welsh = Self.welsh.replacingOccurrences(of: "  not_published:", with: "  not_publishd:")
        let diagnostics = Self.decode([("en", Self.english), ("cy", welsh)]).diagnostics
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("unknown key 'common.not_publishd'"))
        #expect(error.note == "did you mean 'common.not_published'?")
        let line = Self.welsh.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  not_published:") }.map { $0 + 1 }
        #expect(error.location.line == line)
    }

    @Test func aTranslationKeepsThePlaceholdersOfTheDefaultLanguage() throws {
        let welsh = Self.welsh.replacingOccurrences(of: "{page} – {site}", with: "{tudalen} – {site}")
        #expect(welsh != Self.welsh)
        let diagnostics = Self.decode([("en", Self.english), ("cy", welsh)]).diagnostics
        #expect(diagnostics.contains { $0.field == "layout.page_title" && $0.message.contains("placeholders differ") && $0.severity == .error })
    }

    @Test func aPluralFormTheLanguageDoesNotUseIsAnError() {
        let english = Self.english.replacingOccurrences(of: "    one: \"+ {count} draft (not counted)\"", with: "    two: \"+ {count} drafts\"\n    one: \"+ {count} draft (not counted)\"")
        let diagnostics = Self.decode([("en", english)]).diagnostics
        #expect(diagnostics.contains { $0.message == "'two' is not a plural form of this language" })
    }

    @Test func theDefaultLanguageGivesEveryKey() {
        let english = Self.english.replacingOccurrences(of: "  skip_link:", with: "  # skip_link:")
        let (texts, diagnostics) = Self.decode([("en", english)])
        #expect(texts.isEmpty)
        #expect(diagnostics.map(\.field) == ["layout.skip_link"])
    }

    @Test(arguments: [(0, PluralForm.zero), (1, .one), (2, .two), (3, .few), (4, .other), (6, .many), (10, .other), (100, .other)])
    func welshCountsTakeTheirCLDRForm(count: Int, form: PluralForm) {
        #expect(PluralRule.welsh.form(for: count) == form)
        #expect(PluralRule.english.form(for: count) == (count == 1 ? .one : .other))
    }

    @Test func placeholdersAreFilledInOnePass() {
        let text = InterfaceText(code: "en", htmlLanguage: "en-GB", plurals: .english,
                                 values: [.layoutPageTitle: .text("{page} – {site}"), .commonDraftsBeside: .plural([.one: "{count} draft", .other: "{count} drafts"])])
        #expect(text[.layoutPageTitle, ("page", "{site}"), ("site", "Reports")].text == "{site} – Reports")
        #expect(text[.commonDraftsBeside, count: 1].text == "1 draft")
        #expect(text[.commonDraftsBeside, count: 3].text == "3 drafts")
        let attribute: HTML = "<a title=\"\(attribute: Phrase("a \"b\" <c>", language: "en-GB"))\">"
        #expect(attribute.text == "<a title=\"a &quot;b&quot; &lt;c&gt;\">")
    }

    /// A key's own words go into markup as a template's own words do (a quote stays a quote); what
    /// the page fills in is escaped as any text is.
    @Test func aPhrasesWordsKeepTheirQuotesAndItsValuesAreEscaped() {
        let text = InterfaceText(code: "en", htmlLanguage: "en-GB", plurals: .english,
                                 values: [.pduPageAlsoCalled: .text("The PDU's \"{aliases}\" & more")])
        let phrase = text[.pduPageAlsoCalled, ("aliases", "<b>'x'</b>")]
        #expect(phrase.text == "The PDU's \"<b>'x'</b>\" & more")
        #expect(HTML("<p>\(phrase)</p>").text == "<p>The PDU's \"&lt;b&gt;&#39;x&#39;&lt;/b&gt;\" &amp; more</p>")
        #expect(HTML("<a title=\"\(attribute: phrase)\">").text == "<a title=\"The PDU's &quot;&lt;b&gt;&#39;x&#39;&lt;/b&gt;&quot; &amp; more\">")
        #expect(text.html(.pduPageAlsoCalled, ("aliases", "<i>y</i>")).text == "The PDU's \"<i>y</i>\" &amp; more")
    }

    /// A sentence's link is made of the translation's own words, found in the sentence.
    @Test func aSentenceLinksItsOwnWords() {
        let text = InterfaceText(code: "cy", htmlLanguage: "cy", plurals: .welsh,
                                 values: [.notFoundText: .text("Rhowch gynnig ar y trosolwg cenedlaethol."), .notFoundLinkOverview: .text("trosolwg cenedlaethol"),
                                          .notFoundLinkPdus: .text("unedau")])
        let html = HTML.linking(text[.notFoundText], (text[.notFoundLinkOverview], "../index.html"), (text[.notFoundLinkPdus], "x"))
        #expect(html.text == "Rhowch gynnig ar y <a href=\"../index.html\">trosolwg cenedlaethol</a>.")
    }
}
