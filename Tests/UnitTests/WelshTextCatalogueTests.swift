import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The interface text catalogues, `Content/i18n/en.yml` and `cy.yml`, which the build does not read
/// yet: both parse, have the same keys and placeholders, give each count the plural forms of their
/// language, and the English is the templates' own text.
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

    @Test func bothSayTheBuildDoesNotReadThemYet() throws {
        for language in ["en", "cy"] {
            let text = try Self.catalogue(language).text
            #expect(text.hasPrefix("#"), "\(language).yml opens with its comment")
            #expect(text.contains("NOT YET READ BY THE BUILD"), "\(language).yml")
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

    /// Until the build reads the catalogue, the English of each message without a placeholder is
    /// word for word a text the templates or views write (tags left out), wherever they move to.
    @Test func theEnglishIsTheTemplatesOwnText() throws {
        var code = ""
        for folder in ["Templates", "Sources"] {
            let root = TestPaths.packageRoot.appendingPathComponent(folder)
            let walk = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let url as URL in walk where ["swift", "js"].contains(url.pathExtension) {
                code += try TestPaths.read(url) + "\n"
            }
        }
        // Tags left out (a link inside a sentence), each on its line; an attribute's text is in `code`.
        let text = code.replacingOccurrences(of: #"<[^>\n]*>"#, with: "", options: .regularExpression)
        let new: Set<String> = ["language.code", "language.name", "layout.language_toggle_label"]
        for (key, message) in try Self.messages("en") where !new.contains(key) {
            for string in message.texts where Self.placeholders(string).isEmpty {
                let found = code.contains(string) || text.contains(string)
                #expect(found, "\(key): '\(string)' is not in the templates")
            }
        }
    }
}
