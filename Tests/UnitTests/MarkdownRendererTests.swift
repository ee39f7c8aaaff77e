import Testing
@testable import ReportSite
import ReportSiteTestSupport

@Suite("Markdown through cmark-gfm")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(reservedIDs: ["ratings"])

    /// The earliest whole-word use of each term is linked, once; a term may start with any letter,
    /// ASCII or not, and terms used at the same place go to the first listed.
    @Test func glossaryTermsLinkTheirFirstWholeWordUse() {
        let glossary = [GlossaryTerm(term: "PO", expansion: "Probation officer"),
                        GlossaryTerm(term: "PSO", expansion: "Probation services officer"),
                        GlossaryTerm(term: "Équipe", expansion: "Team"),
                        GlossaryTerm(term: "POs", expansion: "never reached: PO's plural comes first")]
        let markdown = "SPOs and POSTS are not terms. Two POs met a PSO; the Équipe, one PO and another PSO.\n"
        let html = renderer.render(markdown, glossary: glossary, glossaryPage: "../glossary/index.html").html.text
        #expect(html.contains(#"<abbr title="Probation officer">POs</abbr></a> met"#), "\(html)")
        #expect(html.contains(#"<abbr title="Probation services officer">PSO</abbr></a>;"#), "\(html)")
        #expect(html.contains(#"<abbr title="Team">Équipe</abbr>"#), "\(html)")
        #expect(html.components(separatedBy: "<abbr").count == 4, "one link per term: \(html)")
        #expect(html.contains("SPOs and POSTS are not terms"))
        #expect(html.contains("one PO and another PSO."))
    }

    @Test func rendersAGFMTable() {
        let html = renderer.render("| Key question | % |\n|---|---:|\n| Engaging? | 58% |\n").html.text
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Key question</th>"))
        // A style attribute, not HTML4's align, which the Nu Html Checker rejects.
        #expect(html.contains("<td style=\"text-align: right\">58%</td>"), "\(html)")
        #expect(!html.contains("align="))
    }

    @Test func rendersFootnotes() {
        let html = renderer.render("Caseload 2,499[^2].\n\n[^2]: Source: Ministry of Justice.\n").html.text
        #expect(html.contains("href=\"#fn-2\""))
        #expect(html.contains("<li id=\"fn-2\">"))
        #expect(html.contains("Source: Ministry of Justice."))
    }

    /// Raw HTML of every kind is left out of the page and reported where it was written; links with
    /// a scheme that runs code lose their target.
    @Test(arguments: [
        "<img src=x onerror=alert(1)>", "<details open ontoggle=alert(1)>", "<a href=\"https://example.org\">x</a>",
        "<form action=\"https://example.org\"><button>Go</button></form>", "<object data=\"x.swf\"></object>", "<embed src=\"x.swf\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">", "<base href=\"https://example.org/\">",
        "<script>alert(1)</script>", "<abbr title=\"x\">PDU</abbr>", "<!-- a comment -->", "<style>body{display:none}</style>",
    ])
    func rawHTMLIsNeverEmittedAndIsFound(html raw: String) {
        let rendered = renderer.render("Text before.\n\nSome text \(raw) after.\n\n\(raw)\n")
        let tag = raw.dropFirst().prefix { $0.isLetter }
        #expect(tag.isEmpty ? !rendered.html.text.contains("a comment") : !rendered.html.text.contains("<\(tag)"), "\(rendered.html.text)")
        #expect(rendered.rawHTML.contains { $0.line == 3 && $0.column == 11 }, "\(rendered.rawHTML)")
        #expect(rendered.rawHTML.contains { $0.line == 5 && $0.column == 1 }, "\(rendered.rawHTML)")
    }

    @Test(arguments: ["[c](javascript:alert(1))", "[c](JaVaScRiPt:alert(1))", "[c](javascript&#58;alert(1))",
                      "[c](javascript&colon;alert(1))", "<javascript:alert(1)>", "[c](vbscript:msgbox)", "[c](data:text/html,x)",
                      "![i](javascript:alert(1))", "[c](%20javascript:alert(1))"])
    func linksThatRunCodeAreFoundAndLoseTheirTarget(markdown: String) {
        let rendered = renderer.render("Text \(markdown).\n")
        let targets = LinkChecker.matches(#"(?:href|src)="([^"]*)""#, in: rendered.html.text).map { $0.lowercased() }
        #expect(!targets.contains { $0.hasPrefix("javascript") || $0.hasPrefix("vbscript") || $0.hasPrefix("data") }, "\(rendered.html.text)")
        let link = rendered.links.first
        #expect(link.map { LinkPolicy.refusedScheme($0.destination) != nil } == true,
                "\(rendered.links)")
    }

    @Test func linksContentMayUse() {
        for allowed in ["https://example.org", "http://example.org/a:b", "mailto:x@example.org", "../other/index.html#a:b", "page.html?x=a:b", "#top"] {
            #expect(LinkPolicy.refusedScheme(allowed) == nil, "\(allowed)")
        }
        for refused in ["javascript:x", " JAVASCRIPT:x", "java\tscript:x", "\u{1}javascript:x", "data:x", "file:///etc/passwd", "tel:1"] {
            #expect(LinkPolicy.refusedScheme(refused) != nil, "\(refused)")
        }
    }

    @Test func strikethroughAutolinkAndTasklist() {
        let html = renderer.render("~~old~~ see https://example.org\n\n- [x] done\n").html.text
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func concurrentRenderingKeepsEveryExtension() async {
        // cmark-gfm's special-character table is global and every parse changes it: unserialised parses
        // drop `~~` and autolinks. Long texts keep parses overlapping, and tables are among them (later
        // cmark-gfm versions parse a table row's inlines while the text is fed, outside the lock).
        let renderer = self.renderer
        let paragraph = "Some words, ~~old~~ see https://example.org and more words to read.\n\n"
        let table = "| a | b |\n|---|---|\n| ~~x~~ | www.example.org |\n\n"
        let outputs = await withTaskGroup(of: String.self) { group in
            for index in 0..<400 {
                let text = String(repeating: index.isMultiple(of: 2) ? paragraph : table, count: 40)
                    + "~~old \(index)~~ see https://example.org/\(index)\n"
                group.addTask { renderer.render(text).html.text }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outputs.count == 400)
        #expect(outputs.allSatisfy { $0.components(separatedBy: "<del>").count == 42 })
        #expect(outputs.allSatisfy { $0.components(separatedBy: "<a href=\"").count == 42 })
    }

    @Test func headingsGetUniqueIDsAndATableOfContents() {
        let rendered = renderer.render("## Strengths\n\n### Strengths\n\n## P 1.1 *Leadership*\n\n## Ratings\n")
        #expect(rendered.headings.map(\.id) == ["strengths", "strengths-2", "p-1-1-leadership", "ratings-2"])
        #expect(rendered.headings.map(\.text) == ["Strengths", "Strengths", "P 1.1 Leadership", "Ratings"])
        #expect(rendered.headings.map(\.level) == [2, 3, 2, 2])
        #expect(rendered.html.text.contains("<h2 id=\"p-1-1-leadership\">"))
        #expect(rendered.html.text.contains("<em>Leadership</em>"))
        #expect(rendered.html.text.contains("<h3 id=\"strengths-2\">"))
    }
}
