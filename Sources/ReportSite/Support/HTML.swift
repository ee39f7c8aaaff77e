import Foundation

/// Markup being written: UTF-8 bytes in one buffer, escaped by construction.
///
/// A template is a string literal of this type. Its literal text is markup; a `String` interpolated
/// into it is text and is escaped; markup made elsewhere (rendered Markdown, a chart's SVG) goes in
/// only through the named `\(trusted:)`, so that nothing reaches a page unescaped by accident. The
/// escaping is right for XML too (the feed, the sitemap): `&#39;` is a character reference in both.
public struct HTML: Sendable, ExpressibleByStringInterpolation {
    /// The markup, as UTF-8.
    public private(set) var bytes: [UInt8]

    /// No markup.
    public init() {
        bytes = []
    }

    public init(stringLiteral literal: String) {
        bytes = Array(literal.utf8)
    }

    public init(stringInterpolation: Interpolation) {
        bytes = stringInterpolation.bytes
    }

    /// `markup`, taken as markup without escaping: for what is already HTML (rendered Markdown, SVG).
    public init(trusted markup: String) {
        bytes = Array(markup.utf8)
    }

    /// The markup, ready to write.
    public var data: Data { Data(bytes) }

    /// The markup as a string (for tests and the preview's messages).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func append(_ other: HTML) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Builds a template's markup. Each kind of value has its own overload, so a value of a type
    /// with none (an optional, a view) is a compile error rather than its description on the page.
    public struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) {
            var literal = literal
            literal.withUTF8 { bytes.append(contentsOf: $0) }
        }

        /// Text, escaped.
        public mutating func appendInterpolation(_ text: String) {
            HTML.appendEscaped(text, to: &bytes)
        }

        /// A number, as digits.
        public mutating func appendInterpolation(_ number: Int) {
            bytes.append(contentsOf: String(number).utf8)
        }

        /// A piece of markup a template made (a row, a badge).
        public mutating func appendInterpolation(_ html: HTML) {
            bytes.append(contentsOf: html.bytes)
        }

        /// Markup made outside the templates and already safe: rendered Markdown, a chart's SVG.
        public mutating func appendInterpolation(trusted markup: String) {
            var markup = markup
            markup.withUTF8 { bytes.append(contentsOf: $0) }
        }

        /// `html` when `condition` holds, else nothing: typed as markup, so that its quotes stay quotes.
        public mutating func appendInterpolation(if condition: Bool, _ html: @autoclosure () -> HTML) {
            if condition { bytes.append(contentsOf: html().bytes) }
        }

        /// Each item of `items` as `render` makes it, one after another.
        public mutating func appendInterpolation<Items: Sequence>(each items: Items, _ render: (Items.Element) -> HTML) {
            for item in items { bytes.append(contentsOf: render(item).bytes) }
        }
    }
}

extension HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as character references.
    ///
    /// On bytes: most text has nothing to escape and is returned as it is, without a copy. A `<`
    /// followed by a combining mark is escaped too, where a loop over characters would see one
    /// character that is not `<` and leave it.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscape) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` to `bytes`, escaped as `escape` does.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: needsEscape) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x26: bytes.append(contentsOf: "&amp;".utf8)
                case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
                case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
                case 0x22: bytes.append(contentsOf: "&quot;".utf8)
                case 0x27: bytes.append(contentsOf: "&#39;".utf8)
                default: bytes.append(byte)
                }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Whether `byte` is ASCII whitespace, which is all the whitespace cmark-gfm's HTML is made of between tags.
    public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
}
