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

/// Views reach the templates as dictionaries and arrays, through their `Encodable` conformance.
@Suite("Template values")
struct TemplateValueTests {
    struct Inner: Encodable {
        var name: String
        var count: Int
    }

    struct Outer: Encodable {
        var title: String
        var known: Bool
        var share: Double
        var missing: String?
        var present: Inner?
        var items: [Inner]
        var byKey: [String: Int]
        var texts: [String]
    }

    /// Written by hand, with nested containers, as a type of the future might be.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case group, list }
        enum GroupKeys: String, CodingKey { case label }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var group = container.nestedContainer(keyedBy: GroupKeys.self, forKey: .group)
            try group.encode("inside", forKey: .label)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encode("two")
        }
    }

    @Test func storedPropertiesBecomeDictionariesAndMissingOptionalsStayMissing() throws {
        let value = Outer(title: "T", known: true, share: 0.5, missing: nil, present: Inner(name: "a", count: 1),
                          items: [Inner(name: "b", count: 2), Inner(name: "c", count: 3)], byKey: ["x": 9], texts: ["p", "q"])
        let converted = try #require(TemplateValue.convert(value) as? [String: Any])
        #expect(Set(converted.keys) == ["title", "known", "share", "present", "items", "byKey", "texts"])
        #expect((converted["title"] as? TemplateText)?.text == "T")
        #expect(converted["known"] as? Bool == true)
        #expect(converted["share"] as? Double == 0.5)
        #expect((converted["present"] as? [String: Any])?["count"] as? Int == 1)
        let items = try #require(converted["items"] as? [Any])
        #expect(items.compactMap { (($0 as? [String: Any])?["name"] as? TemplateText)?.text } == ["b", "c"])
        #expect((converted["byKey"] as? [String: Any])?["x"] as? Int == 9)
        #expect((converted["texts"] as? [Any])?.compactMap { ($0 as? TemplateText)?.text } == ["p", "q"])
    }

    @Test func nestedContainersAreResolved() throws {
        let converted = try #require(TemplateValue.convert(Handwritten()) as? [String: Any])
        #expect(((converted["group"] as? [String: Any])?["label"] as? TemplateText)?.text == "inside")
        let list = try #require(converted["list"] as? [Any])
        #expect(list.count == 2 && list[0] as? Int == 1 && (list[1] as? TemplateText)?.text == "two")
    }

    /// Text renders, escapes, takes transforms and opens sections as a plain string does.
    @Test func textBehavesAsAString() throws {
        let template = try MustacheTemplate(string:
            "{{a}}|{{{a}}}|{{#a}}in:{{.}}:{{outer}}{{/a}}|{{^a}}no{{/a}}|{{#empty(b)}}empty{{/empty(b)}}|{{^empty(a)}}full{{/empty(a)}}|{{uppercased(a)}}|{{#list}}[{{.}}]{{/list}}")
        let plain: [String: Any] = ["a": "<x>", "b": "", "outer": "O", "list": ["p", "q"]]
        let wrapped: [String: Any] = ["a": TemplateText(text: "<x>"), "b": TemplateText(text: ""), "outer": TemplateText(text: "O"),
                                      "list": [TemplateText(text: "p"), TemplateText(text: "q")]]
        #expect(template.render(wrapped) == template.render(plain))
        #expect(template.render(wrapped) == "&lt;x&gt;|<x>|in:&lt;x&gt;:O||empty|full|&lt;X&gt;|[p][q]")
    }

    @Test func aTemplateRendersTheConvertedView() throws {
        let template = try MustacheTemplate(string: "{{title}}:{{#items}}[{{name}}={{count}}]{{/items}}{{^missing}}none{{/missing}}{{#present}}/{{name}}{{/present}}")
        let value = Outer(title: "T", known: true, share: 0.5, missing: nil, present: Inner(name: "a", count: 1),
                          items: [Inner(name: "b", count: 2)], byKey: [:], texts: [])
        #expect(template.render(TemplateValue.convert(value)) == "T:[b=2]none/a")
    }
}
