extension HTML.Interpolation {
    /// Interface text, escaped; inside `<span lang>` when it is not in the page's language (a key
    /// the page's translation file does not give yet), so that a screen reader reads it right.
    public mutating func appendInterpolation(_ phrase: Phrase) {
        guard let language = phrase.language else {
            HTML.appendEscaped(phrase.text, to: &bytes)
            return
        }
        appendLiteral("<span lang=\"")
        HTML.appendEscaped(language, to: &bytes)
        appendLiteral("\">")
        HTML.appendEscaped(phrase.text, to: &bytes)
        appendLiteral("</span>")
    }

    /// Interface text in an attribute's value (an ARIA label, a title): escaped, and without the
    /// `lang` an attribute cannot carry.
    public mutating func appendInterpolation(attribute phrase: Phrase) {
        HTML.appendEscaped(phrase.text, to: &bytes)
    }
}
