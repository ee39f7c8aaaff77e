/// Reads `site.yml`.
enum SiteSettingsDecoder {
    static let fields = ["title", "description", "base_url", "licence", "licence_url"]

    static func decode(_ root: YAMLValue, _ log: inout DiagnosticLog) -> SiteSettings? {
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        let title = object.required("title", &log)?.string(&log)
        let description = object.optional("description")?.string(&log)
        var baseURL = object.required("base_url", &log)?.string(&log)
        let licence = object.required("licence", &log)?.string(&log)
        let licenceURL = object.optional("licence_url").flatMap { SourceDecoder.link($0, &log) }
        if let url = baseURL, let value = object.optional("base_url") {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                log.append(value.diagnostic("base URL must start with https:// or http://"))
            }
            if !url.hasSuffix("/") { baseURL = url + "/" }
        }
        guard let title, let baseURL, let licence else { return nil }
        return SiteSettings(
            title: title, description: description, baseURL: baseURL, licence: licence, licenceURL: licenceURL)
    }
}
