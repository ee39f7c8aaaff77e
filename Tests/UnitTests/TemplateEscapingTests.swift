import Foundation
import Testing
import ReportSiteViews
@testable import ReportSite
import ReportSiteTestSupport

/// Templates are `HTML` literals: interpolated text is escaped, markup goes in only as `HTML`.
@Suite("Template escaping")
struct TemplateEscapingTests {
    static let samples = [
        "", "plain text", "Café – ‘quoted’ — 50%", "<script>alert('x')</script>", "a & b", "\"double\" and 'single'",
        "<<>>&&''\"\"", "emoji 👩🏽‍⚖️ <b>", "line\nbreak\ttab", "&amp; already escaped",
    ]

    @Test func interpolatedTextIsEscapedAsHTMLEscapeDoes() {
        for sample in Self.samples {
            let html: HTML = "[\(sample)]"
            #expect(html.text == "[" + HTML.escape(sample) + "]", "\(sample.debugDescription)")
            #expect(!html.text.dropFirst().dropLast().contains("<"), "\(sample.debugDescription)")
        }
        let html: HTML = "[\("<b>&'\"")]"
        #expect(html.text == "[&lt;b&gt;&amp;&#39;&quot;]")
    }

    /// A "<" followed by a combining mark is one character that is not "<": escaped all the same.
    @Test func aLessThanSignWithACombiningMarkIsEscaped() {
        #expect(HTML.escape("<\u{0338}script>") == "&lt;\u{0338}script&gt;")
        let html: HTML = "\("<\u{0338}script>")"
        #expect(html.text == "&lt;\u{0338}script&gt;")
    }

    /// Markup is a type: an `HTML` goes in as it is, the same characters as a `String` are escaped.
    @Test func markupGoesInOnlyAsHTML() {
        let title = "A & B"
        let svg: HTML = "<svg><title>\(title)</title></svg>"
        let figure: HTML = "<figure>\(svg)</figure>"
        #expect(figure.text == "<figure><svg><title>A &amp; B</title></svg></figure>")
        let text: HTML = "<figure>\(svg.text)</figure>"
        #expect(text.text == "<figure>&lt;svg&gt;&lt;title&gt;A &amp;amp; B&lt;/title&gt;&lt;/svg&gt;</figure>")
    }

    /// Indentation is spaces, counted: no string goes in unescaped to make it.
    @Test func indentationIsThatManySpaces() {
        let nested: HTML = "\(indent: 4)<li>\(indent: 0)x</li>\n"
        #expect(nested.text == "    <li>x</li>\n")
        let depth = 2
        let list: HTML = "\(indent: depth)<ul>\n\(nested)\(indent: depth)</ul>"
        #expect(list.text == "  <ul>\n    <li>x</li>\n  </ul>")
    }

    /// CSS keeps its quotes in a `<style>` element, but cannot end it.
    @Test func styleTextCannotEndItsStyleElement() {
        let css = StyleText(":root { --font: \"DejaVu Sans\"; } a::after { content: \"</style><script>\"; }")
        let style: HTML = "<style>\(css)</style>"
        #expect(style.text == "<style>:root { --font: \"DejaVu Sans\"; } a::after { content: \"<\\/style><script>\"; }</style>")
        #expect(StyleText(StyleText("</").css).css == "<\\/")
    }

    /// A chart's coordinates: as C's `%.1f` writes them.
    @Test func numbersWithPlacesAreWrittenAsPrintfDoes() {
        let coordinates: HTML = "\(12.46, places: 1) \(0.0, places: 1) \(200.0, places: 1) \(3.25, places: 2)"
        #expect(coordinates.text == "12.5 0.0 200.0 3.25")
    }

    /// A conditional attribute is markup, its quotes kept; the text inside it is still escaped.
    @Test func conditionalMarkupKeepsItsQuotesAndEscapesItsText() {
        let name = "O'Neil <x>"
        let on: HTML = "<tr\(if: true, " class=\"kq-lowest\" title=\"\(name)\"")>"
        #expect(on.text == "<tr class=\"kq-lowest\" title=\"O&#39;Neil &lt;x&gt;\">")
        let off: HTML = "<tr\(if: false, " class=\"kq-lowest\"")>"
        #expect(off.text == "<tr>")
    }

    @Test func eachItemIsRenderedInOrderIntoOneBuffer() {
        let items = ["a", "<b>", "c"]
        let list: HTML = "<ul>\(each: items, { "<li>\($0)</li>" })</ul>\(3)"
        #expect(list.text == "<ul><li>a</li><li>&lt;b&gt;</li><li>c</li></ul>3")
        #expect(list.data == Data(list.text.utf8))
    }
}
