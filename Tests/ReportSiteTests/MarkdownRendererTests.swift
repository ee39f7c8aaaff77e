import Testing
@testable import ReportSite

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
        let html = renderer.render(markdown, glossary: glossary, glossaryPage: "../glossary/index.html").html
        #expect(html.contains(#"<abbr title="Probation officer">POs</abbr></a> met"#), "\(html)")
        #expect(html.contains(#"<abbr title="Probation services officer">PSO</abbr></a>;"#), "\(html)")
        #expect(html.contains(#"<abbr title="Team">Équipe</abbr>"#), "\(html)")
        #expect(html.components(separatedBy: "<abbr").count == 4, "one link per term: \(html)")
        #expect(html.contains("SPOs and POSTS are not terms"))
        #expect(html.contains("one PO and another PSO."))
    }

    @Test func rendersAGFMTable() {
        let html = renderer.render("| Key question | % |\n|---|---:|\n| Engaging? | 58% |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>Key question</th>"))
        #expect(html.contains("<td align=\"right\">58%</td>"))
    }

    @Test func rendersFootnotes() {
        let html = renderer.render("Caseload 2,499[^2].\n\n[^2]: Source: Ministry of Justice.\n").html
        #expect(html.contains("href=\"#fn-2\""))
        #expect(html.contains("<li id=\"fn-2\">"))
        #expect(html.contains("Source: Ministry of Justice."))
    }

    @Test func tagfilterNeutralisesScriptButKeepsHarmlessHTML() {
        let html = renderer.render("<script>alert(1)</script>\n\nText with <abbr title=\"x\">PDU</abbr> and <iframe src=x></iframe>\n").html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script>"))
        #expect(!html.contains("<iframe"))
        #expect(html.contains("<abbr title=\"x\">PDU</abbr>"))
    }

    @Test func strikethroughAutolinkAndTasklist() {
        let html = renderer.render("~~old~~ see https://example.org\n\n- [x] done\n").html
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func concurrentRenderingKeepsEveryExtension() async {
        // cmark-gfm's special-character table is global; unserialised parses drop `~~` and autolinks.
        let renderer = self.renderer
        let outputs = await withTaskGroup(of: String.self) { group in
            for index in 0..<400 {
                group.addTask { renderer.render("~~old \(index)~~ see https://example.org/\(index)\n").html }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outputs.count == 400)
        #expect(outputs.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"https://example.org/") })
    }

    @Test func headingsGetUniqueIDsAndATableOfContents() {
        let rendered = renderer.render("## Strengths\n\n### Strengths\n\n## P 1.1 *Leadership*\n\n## Ratings\n")
        #expect(rendered.headings.map(\.id) == ["strengths", "strengths-2", "p-1-1-leadership", "ratings-2"])
        #expect(rendered.headings.map(\.text) == ["Strengths", "Strengths", "P 1.1 Leadership", "Ratings"])
        #expect(rendered.headings.map(\.level) == [2, 3, 2, 2])
        #expect(rendered.html.contains("<h2 id=\"p-1-1-leadership\">"))
        #expect(rendered.html.contains("<em>Leadership</em>"))
        #expect(rendered.html.contains("<h3 id=\"strengths-2\">"))
    }
}
