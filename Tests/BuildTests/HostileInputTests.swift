import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// No input may crash reportsite or make it write outside its output folder: every hostile file gets a
/// diagnostic naming it, and the build fails cleanly.
@Suite("Hostile input")
struct HostileInputTests {
    static let valid = TestContent.alphaInspection

    static let script = "<script>alert(document.cookie)</script>"

    /// `(file name, bytes)` of every hostile inspection file; each one is wrong in at least one way.
    static func hostileFiles() -> [(String, Data)] {
        var random = SeededGenerator(state: 2024)
        var files: [(String, Data)] = []
        func add(_ name: String, _ text: String) { files.append((name, Data(text.utf8))) }

        // Random bytes, NUL included, with and without front-matter fences around them.
        for index in 0..<30 {
            var bytes = (0..<Int.random(in: 1...4096, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            if index % 2 == 0 { bytes = Array("---\n".utf8) + bytes + Array("\n---\nbody\n".utf8) }
            files.append(("binary-\(index).md", Data(bytes)))
        }
        // Invalid UTF-8 in the front matter and in the body.
        for index in 0..<15 {
            var bytes = Array(valid.utf8)
            let position = index % 2 == 0 ? 10 : bytes.count - 3
            bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80], at: position)
            files.append(("utf8-\(index).md", Data(bytes)))
        }
        // Huge lines: in the YAML, and a huge body with broken front matter.
        add("huge-yaml-line.md", "---\ntitle: \"" + String(repeating: "x", count: 2 << 20) + "\"\n---\n")
        add("huge-body-line.md", "---\ntitle: [unclosed\n---\n" + String(repeating: "word ", count: 400_000))
        add("huge-key.md", "---\n" + String(repeating: "k", count: 100_000) + ": 1\n---\n")
        add("huge-list.md", "---\nsources: [" + String(repeating: "1,", count: 200_000) + "1]\n---\n")
        add("huge-lines.md", String(repeating: String(repeating: "#", count: 50_000) + "\n", count: 40))
        // Deep nesting, in flow and block style.
        for depth in [40, 100, 1_000, 10_000, 100_000] {
            add("deep-flow-\(depth).md", "---\nratings: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n---\n")
            add("deep-map-\(depth).md", "---\nratings: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n---\n")
            add("deep-block-\(depth).md", "---\n" + (0..<min(depth, 2_000)).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n---\n")
        }
        // Compact nested block sequences: "- - - - x".
        for depth in [50, 500, 5_000] {
            add("deep-dashes-\(depth).md", "---\nsources:\n  " + String(repeating: "- ", count: depth) + "x\n---\n")
        }
        // Anchors, aliases and alias bombs ("billion laughs").
        let laughs = (1...9).map { level in "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]" }
        add("alias-bomb.md", "---\nl0: &l0 \"lol\"\n" + laughs.joined(separator: "\n") + "\ntitle: *l9\n---\n")
        add("alias-simple.md", valid.replacingOccurrences(of: "score: 5", with: "score: &s 5\nmax_score: *s"))
        add("alias-merge.md", "---\nbase: &b {title: x, type: pdu}\n<<: *b\n---\n")
        for index in 0..<7 {
            add("alias-\(index).md", "---\na: &a [" + String(repeating: "*a,", count: index) + "x]\ntitle: *a\n---\n")
        }
        // "../" and absolute paths in every field that names something.
        let climbs = ["../../etc/passwd", "/etc/passwd", "..", "../Output", "..\\..\\windows", "%2e%2e/x", "./.", "a/../../b"]
        for (index, climb) in climbs.enumerated() {
            add("climb-region-\(index).md", valid.replacingOccurrences(of: "region: test-region", with: "region: \"\(climb)\""))
            add("climb-framework-\(index).md", valid.replacingOccurrences(of: "framework: pdu-2023", with: "framework: \"\(climb)\""))
            add("climb-pdu-\(index).md", valid.replacingOccurrences(of: "pdu: \"Alpha\"", with: "pdu: \"\(climb)\""))
        }
        // HTML and script in every field, each file also wrong in some way so that it is reported.
        let fields = ["title", "pdu", "region", "framework", "overall", "lead_inspector", "summary", "type"]
        for (index, field) in fields.enumerated() {
            for (variant, payload) in [script, "\"><img src=x onerror=alert(1)>", "{{chrome.root}}</main>", "javascript:alert(1)"].enumerated() {
                var text = valid
                if valid.contains("\n\(field):") {
                    text = text.replacingOccurrences(of: #"\n\#(field): [^\n]*"#, with: "\n\(field): \(yamlQuoted(payload))", options: .regularExpression)
                } else {
                    text = text.replacingOccurrences(of: "\n---\n## Foreword", with: "\n\(field): \(yamlQuoted(payload))\nscore_typo: 1\n---\n## Foreword")
                }
                if !["pdu", "region", "framework", "overall", "type"].contains(field) {
                    text = text.replacingOccurrences(of: "score: 5", with: "score: \(yamlQuoted(payload))")
                }
                add("html-\(index)-\(variant).md", text + "\n\n[broken](\(payload.replacingOccurrences(of: " ", with: "")))\n")
            }
        }
        // Wrong types, unknown keys, impossible values in the valid file.
        let mutations: [(String, String)] = [
            ("score: 5", "score: five"), ("score: 5", "score: [5]"), ("score: 5", "score: {a: 5}"), ("score: 5", "score: 5.5"),
            ("score: 5", "score: 99"), ("score: 5", "score: -1"), ("type: pdu", "type: prison"), ("type: pdu", "type: [pdu]"),
            ("title: \"An inspection of Alpha PDU\"", "title: [a, b]"), ("title: \"An inspection of Alpha PDU\"", "titel: x"),
            ("overall: \"Requires improvement\"", "overall: \"Excellent\""), ("overall: \"Requires improvement\"", "overall: 3"),
            ("score: 5", "score: 5\npublished: 2024-02-30"), ("score: 5", "score: 5\npublished: yesterday"),
            ("score: 5", "score: 5\npublished: 2024-13-01"), ("score: 5", "score: 5\nfieldwork_start: 99999"),
            ("score: 5", "score: 5\npublished: 2024-01-01\nfieldwork_start: 2024-06-01"),
            ("score: 5", "score: 5\nratings: [Good]"), ("score: 5", "score: 5\nratings:\n  leadership: Brilliant"),
            ("score: 5", "score: 5\nratings:\n  gardening: Good"), ("score: 5", "score: 5\nkey_questions:\n  assessment: {engagement: 101}"),
            ("score: 5", "score: 5\nkey_questions:\n  assessment: {engagement: lots}"), ("score: 5", "score: 5\nkey_questions:\n  assessment: {vibes: 50}"),
            ("score: 5", "score: 5\nkey_questions: [1, 2]"), ("score: 5", "score: 5\nrecommendations: \"do better\""),
            ("score: 5", "score: 5\nrecommendations:\n  - items: [a]"), ("score: 5", "score: 5\ndraft: perhaps"),
            ("score: 5", "score: 5\nsources: just one"), ("score: 5", "score: 5\nmax_score: 22"),
            ("score: 5", "score: 5\nratings:\n  assessment: Good\nkey_questions:\n  assessment: {engagement: 10, desistance: 90, safety: 90}"),
            ("region: test-region\n", ""), ("framework: pdu-2023\n", ""), ("type: pdu\n", ""), ("pdu: \"Alpha\"\n", ""),
            ("---\ntitle", "title"), ("---\n## Foreword", "## Foreword"), ("score: 5", "score: 5\nratings:\n\tleadership: Good"),
            ("score: 5", "score: 5\nscore: 6"), ("score: 5", "score: 5\n  bad indent: x"), ("score: 5", "score: 5\n- list: in map"),
        ]
        for (index, (find, replace)) in mutations.enumerated() {
            add("mutation-\(index).md", valid.replacingOccurrences(of: find, with: replace))
        }
        // Random deletions and insertions of YAML punctuation in the front matter.
        for index in 0..<30 {
            var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let line = Int.random(in: 1...7, using: &random)
            let junk = [": :", "- [", "{", "}", "\"", "'", "&", "*x", "!!binary x", "%YAML 9.9", "? ", "|", ">"]
            lines[line] += " " + junk[index % junk.count]
            if index % 3 == 0 { lines.remove(at: Int.random(in: 1...7, using: &random)) }
            add("punctuation-\(index).md", lines.joined(separator: "\n") + "\nunknown_field_\(index): 1\n")
        }
        // Missing or broken fences.
        add("no-front-matter.md", "## Just text\n")
        add("empty.md", "")
        add("only-fence.md", "---\n")
        add("unterminated.md", "---\ntitle: x\n## body")
        add("empty-yaml.md", "---\n---\nbody")
        add("yaml-scalar.md", "---\njust a string\n---\n")
        add("yaml-list.md", "---\n- a\n- b\n---\n")
        add("bom-only.md", "\u{FEFF}")
        add("crlf-unterminated.md", "---\r\ntitle: x\r\n")
        add("fence-spaces.md", " ---\ntitle: x\n---\n")
        // File names that are not slugs.
        for name in ["Bad Name", "UPPER", "a..b", "-leading", "trailing-", "dots.in.name", "%2e%2e", "semi;colon", "quote'name", "émoji-😀"] {
            add("\(name).md", valid)
        }
        return files
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func everyHostileFileGetsADiagnosticAndNothingCrashesOrEscapes() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let files = Self.hostileFiles()
        #expect(files.count >= 200)
        for (name, data) in files {
            try data.write(to: content.appendingPathComponent("inspections").appendingPathComponent(name))
        }
        let before = Set(LinkChecker.allFiles(folder))

        let diagnostics = await SiteChecker(content: content.path, templates: TestPaths.templates).check()
        let reported = Set(diagnostics.filter { $0.severity == .error }.map { URL(fileURLWithPath: $0.location.file).lastPathComponent })
        let silent = files.map(\.0).filter { !reported.contains($0) }
        #expect(silent.isEmpty, "no error for: \(silent.joined(separator: ", "))")
        // The valid file is still read and raises nothing.
        #expect(!reported.contains("alpha-2024.md"))
        // Every diagnostic points into the content folder, at a line when it names one.
        #expect(diagnostics.allSatisfy { $0.location.file.hasPrefix(content.path) })

        let output = folder.appendingPathComponent("Output")
        let builder = SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path))
        await #expect(throws: DiagnosticsError.self) { try await builder.build() }
        #expect(Set(LinkChecker.allFiles(folder)) == before)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: "/etc/passwd.html"))
    }

    @Test func markupInEveryFieldIsEscapedOnThePage() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        try TestPaths.write("""
            ---
            name: "Test Region \(Self.script)"
            pdus:
              - name: "Alpha"
                aliases: ["Alpha \(Self.script)"]
              - name: "Beta \(Self.script)"
                note: "\(Self.script)"
                former: true
            sources: ["\(Self.script)"]
            ---
            """, to: content.appendingPathComponent("regions/test-region.md"))
        try TestPaths.write("""
            ---
            title: "\(Self.script)"
            type: pdu
            pdu: "Alpha \(Self.script)"
            region: test-region
            framework: pdu-2023
            score: 5
            overall: "Requires improvement"
            lead_inspector: "\(Self.script)"
            summary: "\(Self.script)"
            recommendations:
              - to: "\(Self.script)"
                items: ["\(Self.script)"]
            sources: ["\(Self.script)"]
            ---
            ## Heading `\(Self.script)`

            Body `\(Self.script) <iframe src="https://example.org"></iframe>`
            """, to: content.appendingPathComponent("inspections/alpha-2024.md"))
        let output = folder.appendingPathComponent("Output")
        _ = try await SiteBuilder(options: .init(content: content.path, templates: TestPaths.templates, output: output.path)).build()
        var pages = 0
        for path in LinkChecker.allFiles(output) where path.hasSuffix(".html") {
            // The site's own scripts are the only script elements a page may have.
            let html = try TestPaths.read(output.appendingPathComponent(path))
                .replacingOccurrences(of: #"<script src="(\.\./)*(js/[a-z-]+(\.[0-9a-f]{10})?\.js|search-index\.js)" defer></script>"#, with: "", options: .regularExpression)
            #expect(!html.contains("<script"), "unescaped script in \(path)")
            #expect(!html.contains("<iframe"), "unescaped iframe in \(path)")
            pages += 1
        }
        #expect(pages >= 7)
        let inspection = try TestPaths.read(output.appendingPathComponent("inspections/alpha-2024/index.html"))
        #expect(inspection.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"))
    }
}
