import Foundation

/// CSS for a `<style>` element, such as the `:root` block the print version inlines from the site's
/// stylesheet.
///
/// A `<style>` element's text is not escaped as HTML is (a `"` in it stays a `"`); the one thing that
/// could end the element early is `</`, which is written `<\/`, the same in CSS. Made that way here, a
/// `StyleText` is safe in a `<style>` element whatever CSS it came from, so a template may insert it.
public struct StyleText: Sendable, Hashable {
    /// The CSS, with every `</` written `<\/`.
    public let css: String

    public init(_ css: String) {
        self.css = css.replacingOccurrences(of: "</", with: "<\\/")
    }
}

extension StyleText {
    /// `text` escaped for a double-quoted CSS string: everything but letters, digits and spaces becomes
    /// a hexadecimal escape, so no text can end the string or the `<style>` element.
    public static func escapedString(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            let plain = scalar.isASCIIAlphanumeric || scalar == " " || (scalar.value > 0x7F && scalar.properties.isAlphabetic)
            if plain {
                escaped.unicodeScalars.append(scalar)
            } else {
                escaped += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return escaped
    }

    /// A CSS `content` value that says `phrase`, each of its placeholders one of the page's counters:
    /// "Page {page} of {pages}" is `"Page " counter(page) " of " counter(pages)`, so that a printed
    /// page's foot is in the page's language.
    public static func content(_ phrase: Phrase) -> StyleText {
        let parts = InterfaceText.split(phrase.text).map { piece in
            switch piece {
            case .words(let words): "\"\(escapedString(words))\""
            case .value(let counter): "counter(\(escapedString(counter)))"
            }
        }
        return StyleText(parts.joined(separator: " "))
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
