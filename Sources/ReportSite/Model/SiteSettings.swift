/// Site-wide settings from `Content/site.yml`.
public struct SiteSettings: Sendable, Hashable {
    public var title: String
    public var description: String?
    /// Absolute URL the site is published under, ending in `/`.
    public var baseURL: String
    public var licence: String
    public var licenceURL: String?
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
}
