extension HTML.Interpolation {
    /// Interface text, escaped; inside `<span lang>` when it is not in the page's language (a key
    /// the page's translation file does not give yet), so that a screen reader reads it right.
    public mutating func appendInterpolation(_ phrase: Phrase) {
        // Written straight into the page: the same markup as `HTML(phrase)`, without making it apart first.
        if let language = phrase.language {
            appendLiteral("<span lang=\"")
            HTML.appendEscaped(language, to: &bytes)
            appendLiteral("\">")
        }
        for piece in phrase.pieces {
            switch piece {
            case .words(let words): HTML.appendEscaped(words, to: &bytes, quotes: .none)
            case .value(let value): HTML.appendEscaped(value, to: &bytes)
            }
        }
        if phrase.language != nil { appendLiteral("</span>") }
    }

    /// Interface text in an attribute's value (an ARIA label, a title): escaped, and without the
    /// `lang` an attribute cannot carry.
    public mutating func appendInterpolation(attribute phrase: Phrase) {
        for piece in phrase.pieces {
            switch piece {
            case .words(let words): HTML.appendEscaped(words, to: &bytes, quotes: .double)
            case .value(let value): HTML.appendEscaped(value, to: &bytes)
            }
        }
    }

    /// Interface text where no element may go (a `<title>`, an SVG's `<title>`): escaped as in an
    /// attribute, without the `<span lang>`.
    public mutating func appendInterpolation(plain phrase: Phrase) {
        appendInterpolation(attribute: phrase)
    }
}

extension HTML {
    /// `phrase` as text in markup (see `appendInterpolation(_: Phrase)`).
    public init(_ phrase: Phrase) {
        self.init(words: phrase, links: [])
    }

    /// `sentence` as markup, the first use in it of each link's words made a link to its address:
    /// "Try the national overview", with "national overview" linked. The words are the translation's
    /// own, found in the sentence as its language writes them; words not found are left unlinked.
    public static func linking(_ sentence: Phrase, _ links: (words: Phrase, href: String)...) -> HTML {
        HTML(words: sentence, links: links)
    }

    private init(words phrase: Phrase, links: [(words: Phrase, href: String)]) {
        var text = Self.escapedText(phrase)
        for link in links {
            let words = Self.escapedText(link.words)
            guard !words.isEmpty, let range = text.range(of: words) else { continue }
            text.replaceSubrange(range, with: "<a href=\"\(Self.escape(link.href))\">\(words)</a>")
        }
        if let language = phrase.language {
            text = "<span lang=\"\(Self.escape(language))\">\(text)</span>"
        }
        self.init(stringLiteral: text)
    }

    /// Words of the interface as the text of an element: `&`, `<` and `>` escaped, quotes left as
    /// they are, as in a template's own words.
    static func textNode(_ words: String) -> HTML {
        var bytes: [UInt8] = []
        appendEscaped(words, to: &bytes, quotes: .none)
        return HTML(stringLiteral: String(decoding: bytes, as: UTF8.self))
    }

    /// A phrase's pieces escaped: its words as `textNode`, its values as any text.
    private static func escapedText(_ phrase: Phrase) -> String {
        var bytes: [UInt8] = []
        for piece in phrase.pieces {
            switch piece {
            case .words(let words): appendEscaped(words, to: &bytes, quotes: .none)
            case .value(let value): appendEscaped(value, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Which quotes words escape: none in an element's text, the double quote in an attribute's value.
    enum Quotes { case none, double }

    static func appendEscaped(_ text: String, to bytes: inout [UInt8], quotes: Quotes) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22 where quotes == .double: bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
    }
}
