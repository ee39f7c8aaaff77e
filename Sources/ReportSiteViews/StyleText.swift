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
