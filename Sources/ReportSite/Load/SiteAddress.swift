import Foundation

/// The address the site is published at, given for one build (`--base-url`, or the environment
/// variable `REPORTSITE_BASE_URL` in CI) instead of `base_url` in `site.yml`: a staging build and the
/// live one are made from the same content.
public struct BaseURLOverride: Sendable, Hashable {
    /// The address as given.
    public var url: String
    /// Where it was given, named in diagnostics in place of a file: `--base-url` or the variable's name.
    public var source: String

    public init(url: String, source: String) {
        self.url = url
        self.source = source
    }

    /// The environment variable CI sets instead of passing `--base-url`.
    public static let environmentVariable = "REPORTSITE_BASE_URL"

    /// `--base-url` when given, else the environment variable when set and not empty, else nil.
    public static func from(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> BaseURLOverride? {
        if let option { return BaseURLOverride(url: option, source: "--base-url") }
        if let value = environment[environmentVariable], !value.isEmpty { return BaseURLOverride(url: value, source: environmentVariable) }
        return nil
    }
}

/// What is wrong with a site's address: as a value at all (an error, in any build), and for
/// publication (a warning from `check --strict` and `build`): the shipped placeholder, a local
/// address, or plain `http`. The pages link to each other relatively whatever the address; it is
/// what the sitemap, the feed, the open data, `robots.txt`, canonical links and the PDFs' "Online:"
/// line print, so a placeholder there sends readers and search engines nowhere.
package enum SiteAddress {
    /// Hosts that are never a published site's: the documentation domains and this machine.
    static let placeholderHosts: Set<String> = ["example.org", "example.com", "example.net", "localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"]
    /// Top-level names reserved for examples, tests and this machine.
    static let placeholderSuffixes = [".example.org", ".example.com", ".example.net", ".example", ".test", ".invalid", ".localhost"]

    /// Errors for an address that cannot be one: not `http(s)://`, no host, spaces, a query or a fragment.
    static func problems(_ url: String, at location: SourceLocation, field: String?) -> [Diagnostic] {
        let note = "write the address the site is published at, e.g. https://www.example.gov.uk/probation/"
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            return [Diagnostic(at: location, field: field, "base URL must start with https:// or http://", note: note)]
        }
        guard !url.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" }),
              let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            return [Diagnostic(at: location, field: field, "'\(url)' is not a web address a site can be published at", note: note)]
        }
        return []
    }

    /// Warnings for publishing at `url`: a placeholder or local host, or not https.
    package static func publicationWarnings(_ url: String, at location: SourceLocation, field: String?) -> [Diagnostic] {
        guard problems(url, at: location, field: field).isEmpty, let host = URLComponents(string: url)?.host?.lowercased() else { return [] }
        let given = field == nil ? "with \(location.file)" : "in \(location.file), or with --base-url or \(BaseURLOverride.environmentVariable) for one build"
        if placeholderHosts.contains(host) || placeholderSuffixes.contains(where: host.hasSuffix) {
            return [Diagnostic(.warning, at: location, field: field,
                               "the site's address '\(url)' is a placeholder: the sitemap, feed, open data, robots.txt and PDFs would point there",
                               note: "give the address the site is published at \(given)")]
        }
        if !url.hasPrefix("https://") {
            return [Diagnostic(.warning, at: location, field: field, "the site's address '\(url)' is not https",
                               note: "publish over https and give its https:// address \(given)")]
        }
        return []
    }

    /// The publication warnings for the address a build of `content` would use: the override when
    /// there is one, else `site.yml`'s `base_url`, with its line. A `site.yml` that cannot be read gives
    /// none: the content's own checks report that.
    package static func publicationWarnings(content: String, override: BaseURLOverride?) -> [Diagnostic] {
        if let override {
            return publicationWarnings(override.url, at: SourceLocation(file: override.source), field: nil)
        }
        let path = (content as NSString).appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
              case .success(let root) = YAMLReader.parse(text, file: path, firstLine: 1) else { return [] }
        var log = DiagnosticLog()
        guard let value = root.object(&log)?.optional("base_url"), let url = value.string(&log) else { return [] }
        return publicationWarnings(url, at: value.location, field: "base_url")
    }
}
