import Foundation
import Testing
@testable import ReportSite
import ReportSiteViews
import ReportSiteTestSupport

/// The interface text catalogues, `Content/i18n/en.yml` and `cy.yml`: both parse, have the same keys
/// and placeholders, give each count the plural forms of their language; and the templates and
/// scripts write no words of their own, but name the keys.
@Suite("Welsh text catalogue")
struct WelshTextCatalogueTests {
    static let english: Set<String> = ["one", "other"]
    static let welsh: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    static func catalogue(_ language: String) throws -> (text: String, root: YAMLValue) {
        let url = TestPaths.packageRoot.appendingPathComponent("Content/i18n/\(language).yml")
        let text = try TestPaths.read(url)
        guard case .success(let root) = YAMLReader.parse(text, file: "i18n/\(language).yml", firstLine: 1) else {
            Issue.record("\(language).yml does not parse")
            throw CancellationError()
        }
        return (text, root)
    }

    /// A message: its text, or its text in each plural form ("" for a message without forms), or
    /// its list (the months).
    enum Message {
        case text(String)
        case forms([String: String])
        case list([String])

        var texts: [String] {
            switch self {
            case .text(let text): [text]
            case .forms(let forms): Array(forms.values)
            case .list(let items): items
            }
        }
    }

    /// Each message by its dotted key.
    static func messages(_ value: YAMLValue, path: String = "", into out: inout [String: Message]) {
        // Asked for a list, then a mapping, a value of another kind says so in `probe`, unread.
        var log = DiagnosticLog(), probe = DiagnosticLog()
        if let items = value.array(&probe) {
            out[path] = .list(items.compactMap { $0.string(&log) })
            return
        }
        guard let object = value.object(&probe) else {
            out[path] = .text(value.string(&log) ?? "")
            return
        }
        if !object.keys.isEmpty, object.keys.allSatisfy(welsh.contains) {
            var forms: [String: String] = [:]
            for (key, form) in object.entries { forms[key] = form.string(&log) ?? "" }
            out[path] = .forms(forms)
            return
        }
        for (key, child) in object.entries { messages(child, path: path.isEmpty ? key : "\(path).\(key)", into: &out) }
    }

    static func messages(_ language: String) throws -> [String: Message] {
        var out: [String: Message] = [:]
        messages(try catalogue(language).root, into: &out)
        return out
    }

    static func placeholders(_ text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{([a-z_]+)\}"#)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    @Test func bothOpenWithTheirComment() throws {
        for language in ["en", "cy"] {
            let text = try Self.catalogue(language).text
            #expect(text.hasPrefix("#"), "\(language).yml opens with its comment")
            #expect(!text.contains("NOT YET READ BY THE BUILD"), "\(language).yml: the build reads it")
        }
    }

    @Test func theWelshHasEveryEnglishKeyAndNoOther() throws {
        let en = try Self.messages("en"), cy = try Self.messages("cy")
        #expect(en.count > 150)
        #expect(Set(en.keys).subtracting(cy.keys).sorted() == [])
        #expect(Set(cy.keys).subtracting(en.keys).sorted() == [])
    }

    @Test func eachCountHasItsLanguagesPluralFormsAndEachMessageItsPlaceholders() throws {
        let en = try Self.messages("en"), cy = try Self.messages("cy")
        for (key, message) in en {
            let welsh = try #require(cy[key])
            switch (message, welsh) {
            case (.text, .text), (.list, .list): break
            case (.forms(let english), .forms(let welshForms)):
                #expect(Set(english.keys) == Self.english, "\(key): English plural forms")
                #expect(Set(welshForms.keys) == Self.welsh, "\(key): Welsh plural forms")
            default: Issue.record("\(key) is not the same kind of message in both")
            }
            // A Welsh form may leave the count out ("Dim canlyniadau"), but may add no placeholder
            // the page does not fill, and the plain messages keep every one.
            #expect(Self.placeholders(welsh.texts.joined(separator: " ")) == Self.placeholders(message.texts.joined(separator: " ")),
                    "\(key)")
        }
        for language in ["en", "cy"] {
            guard case .list(let months)? = try Self.messages(language)["dates.months"] else {
                Issue.record("\(language): dates.months is not a list")
                continue
            }
            #expect(months.count == 12, "\(language)")
        }
    }

    /// The templates' own files, each with its text.
    static func templates() throws -> [(name: String, text: String)] {
        var files: [(String, String)] = []
        for folder in ["Templates/Pages", "Templates/Pieces"] {
            let root = TestPaths.packageRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() where name.hasSuffix(".swift") {
                files.append(("\(folder)/\(name)", try TestPaths.read(root.appendingPathComponent(name))))
            }
        }
        return files
    }

    /// English words a template writes itself, where a reader sees or hears them: an element's text
    /// (`>Key questions<`, `>§ region<`) or an attribute a reader is given (`aria-label="Site"`), once
    /// every interpolation (`\(…)`, which is where a key's text goes in) is taken out, each leaving `§`.
    static func ownWords(in code: String) -> [String] {
        var plain = "", depth = 0
        var characters = code[...]
        // Interpolations out, whatever they hold (parentheses nest, strings inside them too).
        while let first = characters.first {
            if depth == 0, characters.hasPrefix("\\(") {
                depth = 1
                characters = characters.dropFirst(2)
                plain += "§"
                continue
            }
            if depth > 0 {
                if first == "(" { depth += 1 } else if first == ")" { depth -= 1 }
            } else {
                plain.append(first)
            }
            characters = characters.dropFirst()
        }
        let patterns = [
            #">([^<>"{}=\n\\]*[A-Za-z]{2}[^<>"{}=\n\\]*)<"#,
            #"(?:aria-label|title|data-label|alt|placeholder)=\\?"([^"\\§]*[A-Za-z]{2}[^"\\§]*)\\?""#,
        ]
        var found: [String] = []
        for pattern in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: plain, range: NSRange(plain.startIndex..., in: plain)) {
                if let range = Range(match.range(at: 1), in: plain) { found.append(String(plain[range])) }
            }
        }
        // A file's name ("inspections.csv", a link's text) is the file's in every language.
        let fileName = try! NSRegularExpression(pattern: #"^[a-z0-9-]+\.[a-z]+$"#)
        return found.filter { fileName.numberOfMatches(in: $0, range: NSRange($0.startIndex..., in: $0)) == 0 }
    }

    /// The preview's own pages (a failed build, a rebuild) are for the site's editors, in English,
    /// and in no language's folder: they have no interface text to take words from.
    static let editorsPages: Set<String> = ["Templates/Pages/BuildFailedPage.swift", "Templates/Pages/RebuildingPage.swift"]

    @Test func theDetectorFindsWordsATemplateWritesItself() {
        #expect(Self.ownWords(in: #"<h2 id="x">Key questions</h2><p>\(text[.keyQuestionsIntro])</p>"#) == ["Key questions"])
        #expect(Self.ownWords(in: #"<nav aria-label="Site"><td data-label=\"\(attribute: label)\">"#) == ["Site"])
        #expect(Self.ownWords(in: #"<a href=\"\(region.href)\">\(region.title) region</a>"#) == ["§ region"])
        #expect(Self.ownWords(in: #"<p>\(text.html(.homeLead, ("count", "\(n)")))</p> <th>\(x)</th>"#) == [])
        #expect(Self.ownWords(in: #"<a href="data/inspections.csv">inspections.csv</a>"#) == [])
    }

    /// Every word a reader meets comes from the translation files: no template writes English of
    /// its own, so a Welsh page has none but what cy.yml does not give yet (marked with its `lang`).
    @Test func noTemplateWritesWordsOfItsOwn() throws {
        for (name, text) in try Self.templates() where !Self.editorsPages.contains(name) {
            #expect(Self.ownWords(in: text) == [], "\(name)")
        }
    }

    /// The scripts hold no words either: what they show comes from the page's `data-` attributes.
    @Test func theScriptsWriteNoWordsOfTheirOwn() throws {
        let regex = try NSRegularExpression(pattern: #"(?:textContent\s*=|new Option\()\s*"[^"]*[A-Za-z]{2}"#)
        for script in ["search.js", "ratings-table.js"] {
            let text = try TestPaths.read(TestPaths.packageRoot.appendingPathComponent("Templates/assets/js/\(script)"))
            #expect(regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) == 0, "\(script)")
            #expect(!text.contains("\" result") && !text.contains("\" inspection"), "\(script) counts in English")
        }
    }

    /// Keys the site's code does not name yet, each for a reason; any other key is named somewhere,
    /// so a key left behind when its text moves shows here.
    static let notNamedYet: Set<TextKey> = []

    @Test func everyKeyIsNamedInTheCode() throws {
        var code = ""
        for folder in ["Templates", "Sources/ReportSite"] {
            let root = TestPaths.packageRoot.appendingPathComponent(folder)
            let walk = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let url as URL in walk where url.pathExtension == "swift" {
                code += try TestPaths.read(url) + "\n"
            }
        }
        let words = Set(code.split { !$0.isLetter && !$0.isNumber })
        let unnamed = TextKey.allCases.filter { !words.contains(Substring(String(describing: $0))) }
        #expect(Set(unnamed).subtracting(Self.notNamedYet).map(\.rawValue).sorted() == [])
        #expect(Self.notNamedYet.subtracting(unnamed).map(\.rawValue).sorted() == [], "named now: take it off the list")
    }
}
