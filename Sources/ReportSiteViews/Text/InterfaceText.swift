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
    public var text: String
    /// The `lang` of `text` when it is not the page's: a key the page's language does not give yet,
    /// shown in the default language's words.
    public var language: String?

    public init(_ text: String, language: String? = nil) {
        self.text = text
        self.language = language
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
    private let values: [TextKey: Value]
    /// Keys this language does not give, with the `lang` of the default language whose text stands in.
    private let borrowed: [TextKey: String]

    /// `values` must hold every key (the loader fills gaps from the default language and lists them
    /// in `borrowed`).
    public init(code: String, htmlLanguage: String, plurals: PluralRule, values: [TextKey: Value], borrowed: [TextKey: String] = [:]) {
        self.code = code
        self.htmlLanguage = htmlLanguage
        self.plurals = plurals
        self.values = values
        self.borrowed = borrowed
    }

    /// The value `key` has in this language, or that of the default language standing in for it.
    public func value(_ key: TextKey) -> Value? { values[key] }

    /// The keys this language's file does not give, shown in the default language's text.
    public var borrowedKeys: Set<TextKey> { Set(borrowed.keys) }

    /// The text of `key`, its `{placeholders}` filled from `values`.
    public subscript(_ key: TextKey, _ fills: (String, String)...) -> Phrase {
        guard case .text(let text) = values[key] else { return Phrase(key.rawValue) }
        return Phrase(Self.fill(text, fills), language: borrowed[key])
    }

    /// The text of `key` for `count`: the language's form for that number, with `{count}` and the
    /// other placeholders filled.
    public subscript(_ key: TextKey, count count: Int, _ fills: (String, String)...) -> Phrase {
        guard case .plural(let forms) = values[key] else { return Phrase(key.rawValue) }
        let text = forms[plurals.form(for: count)] ?? forms[.other] ?? key.rawValue
        return Phrase(Self.fill(text, [("count", String(count))] + fills), language: borrowed[key])
    }

    /// The items of a list (the months, January first).
    public func list(_ key: TextKey) -> [String] {
        guard case .list(let items) = values[key] else { return [] }
        return items
    }

    /// `text` with each `{name}` replaced by its value, in one pass (so that a value holding braces
    /// is never read as a placeholder); a placeholder with no value stays as written.
    static func fill(_ text: String, _ fills: [(String, String)]) -> String {
        guard !fills.isEmpty, text.contains("{") else { return text }
        let values = Dictionary(fills, uniquingKeysWith: { first, _ in first })
        var filled = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            filled += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            filled += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return filled + rest
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
