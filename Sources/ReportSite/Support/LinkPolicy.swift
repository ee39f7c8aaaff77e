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

    /// The message and note for a refused link.
    static func problem(_ destination: String, scheme: String) -> (message: String, note: String) {
        ("link target '\(destination)' uses '\(scheme):', which is not allowed",
         "link to a web address (https://…), an email address (mailto:…) or a page of the site by a relative link")
    }
}
