import ReportSiteViews

/// Site-wide settings from `Content/site.yml`.
struct SiteSettings: Sendable, Hashable {
    var title: String
    var description: String?
    /// Absolute URL the site is published under, ending in `/`.
    var baseURL: String
    var licence: String
    var licenceURL: String?
    /// The links of the header's navigation, in order.
    var navigation: [SiteLink] = SiteSettings.defaultNavigation
    /// The links of every page's footer, in order.
    var footer: [SiteLink] = []
    /// Whether every report is printed to a PDF, linked from its page (`pdf: true`): a setting of the
    /// site, so that every build keeps them.
    var printsPDFs = false
    /// Where `pdf:` is set, for a diagnostic about printing.
    var pdfSetting: SourceLocation?
    /// The largest file of `files/` that is published, in bytes (`attachment_size_limit`, in MB).
    var attachmentSizeLimit = SiteSettings.defaultAttachmentSizeLimit
    /// The site's languages (`languages: [en, cy]`), the default first: its pages are at the root,
    /// each other language's under a folder of its code (`cy/`).
    var languages = ["en"]
    /// The title, description and licence in the site's other languages (`title_cy`, …), by language.
    var translatedTitle: [String: String] = [:]
    var translatedDescription: [String: String] = [:]
    var translatedLicence: [String: String] = [:]

    static let defaultAttachmentSizeLimit: Int64 = 50 * 1_000_000

    /// The navigation of a site whose `site.yml` names none: every page the site makes for readers.
    static let defaultNavigation: [SiteLink] = [
        SiteLink(title: "National overview", target: .url(Routes.home)),
        SiteLink(title: "Regions", target: .url(Routes.regions)),
        SiteLink(title: "PDUs", target: .url(Routes.pdus)),
        SiteLink(title: "How ratings work", target: .url(Routes.methodology)),
        SiteLink(title: "Glossary", target: .url(Routes.glossary)),
        SiteLink(title: "Search", target: .url(Routes.search)),
    ]
}

/// Everything loaded from a content folder.
struct SiteContent: Sendable {
    /// Nil when `site.yml` is missing or wrong (which is then reported).
    var settings: SiteSettings?
    var frameworks: [Framework]
    var regions: [Region]
    var inspections: [Inspection]
    /// Terms from `glossary.yml`, when there is one.
    var glossary: [GlossaryTerm] = []
    /// The files under `files/`, copied into the site.
    var attachments: [Attachment] = []
    /// The pages of `pages/`, drafts included, the methodology text among them.
    var pages: [SitePage] = []
    /// The texts of files of which no report, region or page could be made (their front matter has
    /// errors): `check` still checks their links and images, so that one run finds every mistake.
    var unplacedTexts: [UnplacedText] = []
    /// The interface text of each of the site's languages, the default first.
    var texts: [InterfaceText] = [.english]
    /// The reports' and pages' translations into the other languages.
    var translations: [Translation] = []
}

/// The text of a file whose front matter has errors, with the page it would make.
struct UnplacedText: Sendable {
    var page: String
    var file: String
    var firstLine: Int
    var body: String
}
