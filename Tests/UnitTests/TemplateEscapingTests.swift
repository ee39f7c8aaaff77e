import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// Templates are `HTML` literals: interpolated text is escaped, markup goes in only by name.
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

    @Test func markupGoesInOnlyWhenNamed() {
        let svg = "<svg><title>A & B</title></svg>"
        let trusted: HTML = "<figure>\(trusted: svg)</figure>"
        #expect(trusted.text == "<figure><svg><title>A & B</title></svg></figure>")
        let text: HTML = "<figure>\(svg)</figure>"
        #expect(text.text == "<figure>&lt;svg&gt;&lt;title&gt;A &amp; B&lt;/title&gt;&lt;/svg&gt;</figure>")
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
