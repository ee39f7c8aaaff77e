import Foundation

/// Markup being written: UTF-8 bytes in one buffer, escaped by construction.
///
/// A template is a string literal of this type. Its literal text is markup; a `String` interpolated
/// into it is text and is escaped; an `HTML` interpolated into it is markup already and goes in as it
/// is. A `String` becomes markup without escaping in one place only: the Markdown renderer, whose
/// output is cmark-gfm's HTML (`init(renderedMarkdown:)`, `package`, so no program embedding the
/// library can call it). Everything else that is markup (charts, pages) is made by templates, from
/// literals and escaped text. The escaping is right for XML too (the feed, the sitemap): `&#39;` is a
/// character reference in both.
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
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

    /// cmark-gfm's HTML, taken as markup without escaping. The Markdown renderer alone calls it:
    /// the renderer leaves out raw HTML, so its output is markup it made itself.
    package init(renderedMarkdown markup: String) {
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

        /// A number with `places` digits after the point ("12.5" for 12.46 and one place), as C's
        /// `%.*f` writes it: coordinates of a chart.
        public mutating func appendInterpolation(_ number: Double, places: Int) {
            HTML.appendFixed(number, places: places, to: &bytes)
        }

        /// `count` spaces: the indentation of a piece that sits at different depths on different pages.
        public mutating func appendInterpolation(indent count: Int) {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }

        /// CSS for a `<style>` element, safe in it by construction (see `StyleText`).
        public mutating func appendInterpolation(_ style: StyleText) {
            bytes.append(contentsOf: style.css.utf8)
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

extension Sequence where Element == HTML {
    /// The pieces one after another, `separator` between each two.
    public func joined(separator: HTML = HTML()) -> HTML {
        var joined = HTML()
        var first = true
        for piece in self {
            if !first { joined.append(separator) }
            joined.append(piece)
            first = false
        }
        return joined
    }
}

extension HTML {
    /// `number` with `places` digits after the point, as C's `%.*f` writes it, appended to `bytes`.
    ///
    /// Charts write thousands of coordinates a page, so the usual case is worked out here: the number
    /// scaled and rounded, exact unless the scaled number is within a millionth of half way between
    /// two results (where the product's rounding could decide). That case, and numbers out of range,
    /// go to C's `vsnprintf`, which rounds the exact binary value as `%.*f` does.
    public static func appendFixed(_ number: Double, places: Int, to bytes: inout [UInt8]) {
        if places >= 0, places < scales.count, number.isFinite, number.magnitude < 1e12 {
            let scaled = number.magnitude * scales[places]
            let whole = scaled.rounded(.down), fraction = scaled - whole
            if (fraction - 0.5).magnitude > 1e-6 {
                let units = Int(whole) + (fraction > 0.5 ? 1 : 0), divisor = Int(scales[places])
                if number.sign == .minus { bytes.append(UInt8(ascii: "-")) }
                bytes.append(contentsOf: String(units / divisor).utf8)
                if places > 0 {
                    bytes.append(UInt8(ascii: "."))
                    let digits = String(units % divisor).utf8
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: places - digits.count))
                    bytes.append(contentsOf: digits)
                }
                return
            }
        }
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { buffer in
            let count = withVaList([Int32(places), number]) { vsnprintf(buffer.baseAddress, buffer.count, "%.*f", $0) }
            guard count > 0 else { return }
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buffer.count) { start in
                bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: min(Int(count), buffer.count - 1)))
            }
        }
    }

    /// The powers of ten `appendFixed` scales by, for up to four places.
    private static let scales: [Double] = [1, 10, 100, 1_000, 10_000]

    /// `number` with `places` digits after the point, as C's `%.*f` writes it.
    public static func fixed(_ number: Double, places: Int) -> String {
        var bytes: [UInt8] = []
        appendFixed(number, places: places, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
