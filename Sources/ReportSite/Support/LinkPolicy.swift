/// Which link targets content may use: web addresses (`http:`, `https:`), `mailto:` and relative
/// links. Anything else (`javascript:`, `data:`, `vbscript:`, `file:` ...) could run code or reach
/// the reader's own machine, so it is refused wherever content names a link.
enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme of `destination` when it is not allowed, as a browser would read it; nil when the
    /// link is allowed.
    ///
    /// Browsers drop tabs and line ends anywhere in a URL and leading spaces and control characters,
    /// so `java\tscript:` is a script; cmark-gfm has already decoded entities (`&#58;`). A colon
    /// before the first `/`, `?` or `#` ends a scheme; a scheme-like prefix with other characters is
    /// refused too, as no reader's link needs one.
    static func refusedScheme(_ destination: String) -> String? {
        var scheme: [UInt8] = []
        var started = false
        for byte in destination.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if !started && byte <= 0x20 { continue }
            started = true
            switch byte {
            case UInt8(ascii: ":"):
                let name = String(decoding: scheme, as: UTF8.self).lowercased()
                return allowedSchemes.contains(name) ? nil : name
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return nil
            default:
                scheme.append(byte)
            }
        }
        return nil
    }

    /// Why `destination` is not a link content may use, as a message and note; nil when it is a full,
    /// well-formed address with an allowed scheme (`https://host/…`, `mailto:someone@…`) or a path
    /// with no scheme.
    ///
    /// Besides a refused scheme, three spellings reach another site while looking like something else,
    /// and a browser follows each: a path starting with two slashes (either way round, as browsers read
    /// `\` as `/` in web addresses) takes the reader's own scheme and goes to the host after them;
    /// `https:evil.example` (no `//`) is read as `https://evil.example`; and `http://` with no host is a
    /// broken link.
    static func problem(_ destination: String) -> (message: String, note: String)? {
        // As a browser reads it: tabs and line ends dropped anywhere, leading spaces and controls dropped.
        var bytes: [UInt8] = []
        for byte in destination.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if bytes.isEmpty && byte <= 0x20 { continue }
            bytes.append(byte)
        }
        let slash: (UInt8) -> Bool = { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
        if bytes.count >= 2, slash(bytes[0]), slash(bytes[1]) {
            return ("link target '\(destination)' starts with '//', which leads to whatever host follows it",
                    "write another site's full address (https://host/path), or a relative link for a page of this site")
        }
        if let scheme = refusedScheme(destination) { return problem(destination, scheme: scheme) }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
              !bytes[..<colon].contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
        else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        let rest = bytes[(colon + 1)...]
        if scheme == "mailto" {
            return rest.contains(UInt8(ascii: "@")) ? nil
                : ("link target '\(destination)' names no email address", "write mailto:name@example.org")
        }
        // http or https: exactly `//`, then a host.
        guard rest.starts(with: "//".utf8), !(rest.dropFirst(2).first.map(slash) ?? false) else {
            return ("link target '\(destination)' is not a full address: '\(scheme):' must be followed by '//' and a host",
                    "write e.g. \(scheme)://www.example.org/path")
        }
        let authority = rest.dropFirst(2).prefix { !slash($0) && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let afterUser = authority.lastIndex(of: UInt8(ascii: "@")).map { authority[($0 + 1)...] } ?? authority
        let host = afterUser.prefix { $0 != UInt8(ascii: ":") }
        if host.isEmpty || host.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
            return ("link target '\(destination)' names no host after '\(scheme)://'",
                    "write e.g. \(scheme)://www.example.org/path")
        }
        return nil
    }

    /// The message and note for a refused link.
    static func problem(_ destination: String, scheme: String) -> (message: String, note: String) {
        ("link target '\(destination)' uses '\(scheme):', which is not allowed",
         "link to a web address (https://…), an email address (mailto:…) or a page of the site by a relative link")
    }
}
