import Foundation
import Mustache
import Testing
@testable import ReportSite

/// The templates' `{{% CONTENT_TYPE: HTML }}` escaping must escape exactly as swift-mustache's own.
@Suite("Template escaping")
struct TemplateEscapingTests {
    static let samples = [
        "", "plain text", "Café – ‘quoted’ — 50%", "<script>alert('x')</script>", "a & b", "\"double\" and 'single'",
        "<<>>&&''\"\"", "emoji 👩🏽‍⚖️ <b>", "line\nbreak\ttab", "&amp; already escaped",
    ]

    @Test func thePragmaEscapesAsTheLibraryDoes() async throws {
        let folder = try TestPaths.scratch()
        try TestPaths.write("{{% CONTENT_TYPE: HTML }}\n[{{value}}]", to: folder.appendingPathComponent("fast.mustache"))
        try TestPaths.write("[{{value}}]", to: folder.appendingPathComponent("plain.mustache"))
        // TemplateSet registers the content type as it loads a folder.
        _ = try? await TemplateSet.load(from: folder.path)
        let fast = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}\n[{{value}}]")
        let library = try MustacheTemplate(string: "[{{value}}]")
        for sample in Self.samples {
            let ours = fast.render(["value": sample])
            #expect(ours == library.render(["value": sample]), "\(sample.debugDescription)")
            #expect(!ours.dropFirst().dropLast().contains("<"), "\(sample.debugDescription)")
        }
        #expect(fast.render(["value": "<b>&'\""]) == "[&lt;b&gt;&amp;&#39;&quot;]")
        // The one difference, which shows the pragma took reportsite's escaping, not the library's.
        #expect(fast.render(["value": "<\u{0338}"]) == "[&lt;\u{0338}]")
        #expect(library.render(["value": "<\u{0338}"]) == "[<\u{0338}]")
    }

    /// A "<" followed by a combining mark is one character that is not "<": escaped all the same.
    @Test func aLessThanSignWithACombiningMarkIsEscaped() {
        #expect(HTML.escape("<\u{0338}script>") == "&lt;\u{0338}script&gt;")
    }

    @Test func everyTemplateDeclaresTheContentType() throws {
        let base = URL(fileURLWithPath: TestPaths.templates)
        let files = LinkChecker.allFiles(base).filter { $0.hasSuffix(".mustache") }
        #expect(files.count > 10)
        for file in files {
            let text = try TestPaths.read(base.appendingPathComponent(file))
            #expect(text.hasPrefix("{{% CONTENT_TYPE: HTML }}\n"), "\(file) does not start with the pragma")
        }
    }
}
