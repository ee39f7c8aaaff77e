/// Site-wide settings from `Content/site.yml`.
public struct SiteSettings: Sendable, Hashable {
    public var title: String
    public var description: String?
    /// Absolute URL the site is published under, ending in `/`.
    public var baseURL: String
    public var licence: String
    public var licenceURL: String?
    /// The links of the header's navigation, in order.
    public var navigation: [SiteLink] = SiteSettings.defaultNavigation
    /// The links of every page's footer, in order.
    public var footer: [SiteLink] = []
    /// Whether every report is printed to a PDF, linked from its page (`pdf: true`): a setting of the
    /// site, so that every build keeps them.
    public var printsPDFs = false
    /// Where `pdf:` is set, for a diagnostic about printing.
    public var pdfSetting: SourceLocation?
    /// The largest file of `files/` that is published, in bytes (`attachment_size_limit`, in MB).
    public var attachmentSizeLimit = SiteSettings.defaultAttachmentSizeLimit

    public static let defaultAttachmentSizeLimit: Int64 = 50 * 1_000_000

    /// The navigation of a site whose `site.yml` names none: every page the site makes for readers.
    public static let defaultNavigation: [SiteLink] = [
        SiteLink(title: "National overview", target: .url(Routes.home)),
        SiteLink(title: "Regions", target: .url(Routes.regions)),
        SiteLink(title: "PDUs", target: .url(Routes.pdus)),
        SiteLink(title: "How ratings work", target: .url(Routes.methodology)),
        SiteLink(title: "Glossary", target: .url(Routes.glossary)),
        SiteLink(title: "Search", target: .url(Routes.search)),
    ]
}

/// Everything loaded from a content folder.
public struct SiteContent: Sendable {
    /// Nil when `site.yml` is missing or wrong (which is then reported).
    public var settings: SiteSettings?
    public var frameworks: [Framework]
    public var regions: [Region]
    public var inspections: [Inspection]
    /// Terms from `glossary.yml`, when there is one.
    public var glossary: [GlossaryTerm] = []
    /// The files under `files/`, copied into the site.
    public var attachments: [Attachment] = []
    /// The pages of `pages/`, drafts included, the methodology text among them.
    public var pages: [SitePage] = []
    /// The texts of files of which no report, region or page could be made (their front matter has
    /// errors): `check` still checks their links and images, so that one run finds every mistake.
    public var unplacedTexts: [UnplacedText] = []
}

/// The text of a file whose front matter has errors, with the page it would make.
public struct UnplacedText: Sendable {
    public var page: String
    public var file: String
    public var firstLine: Int
    public var body: String
}
