/// What a key's value is in a translation file.
public enum TextShape: Sendable {
    /// A sentence or label, perhaps with `{placeholders}`.
    case text
    /// A count's text: one sentence for each plural form of the language.
    case plural
    /// A list (the months' names).
    case list
}

/// A piece of interface text, ready for a page.
public struct Phrase: Sendable, Equatable {
    /// A stretch of the text: the translation's own words, or a value the page filled into one of its
    /// `{placeholders}` (a name, a count).
    public enum Piece: Sendable, Equatable {
        case words(String)
        case value(String)

        /// What the piece reads as.
        public var string: String {
            switch self {
            case .words(let words): words
            case .value(let value): value
            }
        }
    }

    /// The text, its placeholders filled. Joined when asked for: most phrases are only written into
    /// a page, piece by piece.
    public var text: String {
        pieces.count == 1 ? pieces[0].string : pieces.reduce(into: "") { $0 += $1.string }
    }
    /// The `lang` of `text` when it is not the page's: a key the page's language does not give yet,
    /// shown in the default language's words.
    public var language: String?
    /// The same text in its pieces. Markup escapes a value as any text, but the translation's words
    /// only as markup needs (a quote in a sentence stays a quote), as a template's own words are.
    public var pieces: [Piece]

    public init(_ text: String, language: String? = nil) {
        self.init(pieces: [.words(text)], language: language)
    }

    public init(pieces: [Piece], language: String? = nil) {
        self.pieces = pieces
        self.language = language
    }

    /// Two phrases are the same when they read the same in the same language, however they were filled.
    public static func == (lhs: Phrase, rhs: Phrase) -> Bool {
        lhs.text == rhs.text && lhs.language == rhs.language
    }
}

/// The interface text of one language of the site: every `TextKey`'s value, from the language's
/// translation file, or from the default language's where that file does not give it.
public struct InterfaceText: Sendable {
    /// A key's value in a translation file.
    public enum Value: Sendable, Equatable {
        case text(String)
        case plural([PluralForm: String])
        case list([String])
    }

    /// The language's code (`en`, `cy`), which prefixes its pages' addresses unless it is the default.
    public let code: String
    /// The value of `<html lang>` and of `lang` on a link to this language.
    public let htmlLanguage: String
    public let plurals: PluralRule
    /// Each key's value; its text (`split` at its placeholders), or each plural form's, cut once here;
    /// and the `lang` standing in for a key this language does not give: by `TextKey.ordinal`, since
    /// pages ask for them thousands of times.
    private let entries: [Entry]

    private struct Entry: Sendable {
        var value: Value?
        var text: [Phrase.Piece]?
        var counts: [PluralForm: [Phrase.Piece]]?
        var borrowedFrom: String?
    }

    /// `values` must hold every key (the loader fills gaps from the default language and lists them
    /// in `borrowed`).
    public init(code: String, htmlLanguage: String, plurals: PluralRule, values: [TextKey: Value], borrowed: [TextKey: String] = [:]) {
        self.code = code
        self.htmlLanguage = htmlLanguage
        self.plurals = plurals
        var entries = [Entry](repeating: Entry(), count: TextKey.allCases.count)
        for (key, value) in values {
            entries[key.ordinal].value = value
            switch value {
            case .text(let text): entries[key.ordinal].text = Self.split(text)
            case .plural(let forms): entries[key.ordinal].counts = forms.mapValues(Self.split)
            case .list: break
            }
        }
        for (key, language) in borrowed { entries[key.ordinal].borrowedFrom = language }
        self.entries = entries
    }

    /// The value `key` has in this language, or that of the default language standing in for it.
    public func value(_ key: TextKey) -> Value? { entries[key.ordinal].value }

    /// The keys this language's file does not give, shown in the default language's text.
    public var borrowedKeys: Set<TextKey> { Set(TextKey.allCases.filter { entries[$0.ordinal].borrowedFrom != nil }) }

    /// The text of `key`, its `{placeholders}` filled from `values`.
    public subscript(_ key: TextKey, _ fills: (String, String)...) -> Phrase {
        Phrase(pieces: Self.filled(template(key), fills), language: entries[key.ordinal].borrowedFrom)
    }

    /// The text of `key` for `count`: the language's form for that number, with `{count}` and the
    /// other placeholders filled.
    public subscript(_ key: TextKey, count count: Int, _ fills: (String, String)...) -> Phrase {
        Phrase(pieces: Self.filled(template(key, count: count), [("count", String(count))] + fills), language: entries[key.ordinal].borrowedFrom)
    }

    /// The text of `key` as markup, its placeholders filled with markup (a link, a rating's badge):
    /// the words escaped as a template's own words are, and in `<span lang>` when borrowed.
    public func html(_ key: TextKey, _ fills: (String, HTML)...) -> HTML {
        markup(template(key), fills, language: entries[key.ordinal].borrowedFrom)
    }

    /// The text of `key` for `count` as markup, `{count}` and the other placeholders filled.
    public func html(_ key: TextKey, count: Int, _ fills: (String, HTML)...) -> HTML {
        markup(template(key, count: count), [("count", "\(count)")] + fills, language: entries[key.ordinal].borrowedFrom)
    }

    /// The unfilled text of a key, cut at its placeholders (its name where it has none, which the
    /// loader does not allow).
    private func template(_ key: TextKey) -> [Phrase.Piece] {
        entries[key.ordinal].text ?? [.words(key.rawValue)]
    }

    /// The unfilled text of a count's key in the form for `count`.
    private func template(_ key: TextKey, count: Int) -> [Phrase.Piece] {
        guard let forms = entries[key.ordinal].counts else { return [.words(key.rawValue)] }
        return forms[plurals.form(for: count)] ?? forms[.other] ?? [.words(key.rawValue)]
    }

    private func markup(_ template: [Phrase.Piece], _ fills: [(String, HTML)], language: String?) -> HTML {
        var html = HTML()
        for piece in template {
            switch piece {
            case .words(let words): html.append(HTML.textNode(words))
            case .value(let name): html.append(fills.first { $0.0 == name }?.1 ?? HTML.textNode("{\(name)}"))
            }
        }
        guard let language else { return html }
        return "<span lang=\"\(language)\">\(html)</span>"
    }

    /// The items of a list (the months, January first).
    public func list(_ key: TextKey) -> [String] {
        guard case .list(let items) = entries[key.ordinal].value else { return [] }
        return items
    }

    /// `text` with each `{name}` replaced by its value, in one pass (so that a value holding braces
    /// is never read as a placeholder); a placeholder with no value stays as written.
    static func fill(_ text: String, _ fills: [(String, String)]) -> String {
        Phrase(pieces: pieces(text, fills)).text
    }

    /// `text` cut at its placeholders: its words, and each placeholder's value from `fills` (a
    /// placeholder without one stays among the words as written).
    static func pieces(_ text: String, _ fills: [(String, String)]) -> [Phrase.Piece] {
        filled(split(text), fills)
    }

    /// `template`'s placeholders given their values from `fills` (the first of a name; a placeholder
    /// without one stays among the words as written). A text has a few placeholders at most, so
    /// `fills` is searched rather than made a dictionary.
    static func filled(_ template: [Phrase.Piece], _ fills: [(String, String)]) -> [Phrase.Piece] {
        guard !fills.isEmpty || template.contains(where: { if case .value = $0 { true } else { false } }) else { return template }
        return template.map { piece in
            guard case .value(let name) = piece else { return piece }
            return fills.first { $0.0 == name }.map { Phrase.Piece.value($0.1) } ?? .words("{\(name)}")
        }
    }

    /// `text` cut at its placeholders: its words, and each placeholder as a `.value` holding its name.
    static func split(_ text: String) -> [Phrase.Piece] {
        // A byte scan: `String.contains` of a string goes through Foundation's search.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return [.words(text)] }
        var pieces: [Phrase.Piece] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.words(String(rest[..<open]))) }
            pieces.append(.value(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.words(String(rest))) }
        return pieces
    }

    /// The `{placeholders}` of `text`, in order.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension InterfaceText {
    /// Keys' text as `data-` attributes, for a page's script, which holds no words of its own: for each
    /// `(name, key)`, ` data-NAME="…"`, or for a count's key ` data-NAME-FORM="…"` for each plural form
    /// of the language (the script picks the form with the browser's `Intl.PluralRules` for the page's
    /// `lang`, which follows the same CLDR rules). Placeholders are left for the script to fill.
    public func dataAttributes(_ keys: [(name: String, key: TextKey)]) -> HTML {
        var html = HTML()
        for (name, key) in keys {
            switch value(key) {
            case .plural(let forms):
                for form in plurals.forms {
                    html.append(" data-\(name)-\(form.rawValue)=\"\(attribute: Phrase(forms[form] ?? forms[.other] ?? ""))\"")
                }
            default:
                html.append(" data-\(name)=\"\(attribute: self[key])\"")
            }
        }
        return html
    }
}
