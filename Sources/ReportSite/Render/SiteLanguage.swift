import ReportSiteViews

/// One of the site's languages as its pages are made: its interface text, and the folder its pages
/// are in: the site root for the default language, a folder named after its code for each other
/// (`cy/`), which holds the same pages at the same paths.
struct SiteLanguage: Sendable {
    let text: InterfaceText
    /// `""` for the default language, else the language's code and a slash.
    let folder: String

    var code: String { text.code }
    var isDefault: Bool { folder.isEmpty }

    /// Every language of `graph`'s site, the default first.
    static func all(of graph: SiteGraph) -> [SiteLanguage] {
        graph.texts.enumerated().map { index, text in SiteLanguage(text: text, folder: index == 0 ? "" : text.code + "/") }
    }

    /// The default language of `graph`'s site.
    static func defaultLanguage(of graph: SiteGraph) -> SiteLanguage {
        SiteLanguage(text: graph.texts.first ?? .english, folder: "")
    }

    /// The digest of the language's text, which its pages are made from.
    var digest: ContentDigest {
        var digest = ContentDigest("language \(folder)")
        for key in TextKey.allCases {
            digest.combine(key.rawValue)
            switch text.value(key) {
            case .text(let value)?: digest.combine(value)
            case .plural(let forms)?: for form in PluralForm.allCases { digest.combine(forms[form] ?? "") }
            case .list(let items)?: items.forEach { digest.combine($0) }
            case nil: digest.combine("")
            }
            digest.combine(text.borrowedKeys.contains(key) ? "borrowed" : "own")
        }
        return digest
    }
}
