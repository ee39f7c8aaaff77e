import Foundation

/// URL-safe names for pages and anchors.
enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens: "Kent, Surrey and Sussex" ->
    /// "kent-surrey-and-sussex". Everything else, including `/` and `.`, becomes a separator, so a
    /// slug can never climb out of the folder it names.
    static func make(_ text: String) -> String {
        // ASCII text (nearly every name) is folded on bytes, without a string per letter.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var slug: [UInt8] = []
            slug.reserveCapacity(text.utf8.count)
            var pendingHyphen = false
            for byte in text.utf8 {
                let folded: UInt8? = switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                default: nil
                }
                if let folded {
                    if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                    pendingHyphen = false
                    slug.append(folded)
                } else {
                    pendingHyphen = true
                }
            }
            return String(decoding: slug, as: UTF8.self)
        }
        return makeFromScalars(text)
    }

    /// `make`, one Unicode scalar at a time: for any text, and the reference the ASCII path is tested against.
    static func makeFromScalars(_ text: String) -> String {
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
    /// Whether `name` can be a file's name in a web address as it is: ASCII letters, digits, `-`,
    /// `_` and `.`, starting with a letter or digit (so never `.` or `..`).
    static func isSafeFileName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    static func isValid(_ text: String) -> Bool {
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
