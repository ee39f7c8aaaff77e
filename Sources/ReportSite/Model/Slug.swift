import Foundation

/// URL-safe names for pages and anchors.
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens: "Kent, Surrey and Sussex" ->
    /// "kent-surrey-and-sussex". Everything else, including `/` and `.`, becomes a separator, so a
    /// slug can never climb out of the folder it names.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            if let folded {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(folded)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// Whether `text` is already a valid slug (what file names of content must be).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 200 && make(text) == text
    }

    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "A"..."Z": return String(scalar).lowercased()
        case "&": return nil
        default:
            // Accented Latin letters keep their base letter (é -> e) so names stay readable.
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first
            if let base = decomposed, base != scalar, base.isASCII { return fold(base) }
            return nil
        }
    }
}
