/// A form a count's text takes (CLDR's names): English has `one` and `other`; Welsh all six.
public enum PluralForm: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other
}

/// Which form of a count's text a language uses for a number (CLDR's cardinal rules for whole numbers).
public struct PluralRule: Sendable, Equatable {
    /// The forms a translation file gives for each count's text, `other` always among them.
    public let forms: [PluralForm]
    private let choose: @Sendable (Int) -> PluralForm

    public static func == (lhs: PluralRule, rhs: PluralRule) -> Bool { lhs.forms == rhs.forms }

    /// The form for `count`.
    public func form(for count: Int) -> PluralForm { choose(count) }

    /// The rule of the language with this code, if the site knows it.
    public static func of(language code: String) -> PluralRule? {
        switch code {
        case "en": english
        case "cy": welsh
        default: nil
        }
    }

    /// 1 is `one`; every other number `other`.
    public static let english = PluralRule(forms: [.one, .other]) { $0 == 1 ? .one : .other }

    /// 0 `zero`, 1 `one`, 2 `two`, 3 `few`, 6 `many`, every other number `other`.
    public static let welsh = PluralRule(forms: PluralForm.allCases) { count in
        switch count {
        case 0: .zero
        case 1: .one
        case 2: .two
        case 3: .few
        case 6: .many
        default: .other
        }
    }
}
