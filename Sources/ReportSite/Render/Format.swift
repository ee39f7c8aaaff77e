import Foundation
import ReportSiteViews

/// How values read on the page. Kept in one place so every page says "not published" the same way;
/// the words come from the page's language (`text`).
enum Format {
    /// "18 July 2024", "July 2024", "2024" or "not published", with the month's name in the page's
    /// language.
    static func date(_ date: PartialDate?, _ text: InterfaceText) -> String {
        guard let date else { return text[.commonNotPublished].text }
        return longForm(date, text)
    }

    /// "18 July 2024", "July 2024" or "2024".
    static func longForm(_ date: PartialDate, _ text: InterfaceText) -> String {
        let months = text.list(.datesMonths)
        guard let month = date.month, months.indices.contains(month - 1) else { return String(date.year) }
        let name = months[month - 1], year = String(date.year)
        guard let day = date.day else { return text[.datesMonthYear, ("month", name), ("year", year)].text }
        return text[.datesDayMonthYear, ("day", String(day)), ("month", name), ("year", year)].text
    }

    /// "5/21"; "5" when the maximum is unknown; "not published" without a score.
    static func score(_ score: Int?, outOf max: Int?, _ text: InterfaceText) -> String {
        guard let score else { return text[.commonNotPublished].text }
        guard let max else { return String(score) }
        return text[.numbersScoreOutOf, ("score", String(score)), ("max", String(max))].text
    }

    /// "820 KB", "1.4 MB": a file's size as a download link gives it (1 KB = 1,000 bytes).
    static func fileSize(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return "\(Int((Double(bytes) / 1_000).rounded())) KB" }
        let megabytes = Double(bytes) / 1_000_000
        return megabytes < 10 ? "\((megabytes * 10).rounded() / 10) MB" : "\(Int(megabytes.rounded())) MB"
    }

    /// "33", or "33.5" when the source gives a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : HTML.fixed(value, places: 1)
    }

    /// "33%", or "33.5%" when the source gives a fraction: in a diagnostic, which is in English.
    static func percentage(_ value: Double) -> String {
        number(value) + "%"
    }

    /// "33%" as the page's language writes a percentage.
    static func percentage(_ value: Double, _ text: InterfaceText) -> String {
        text[.numbersPercentage, ("value", number(value))].text
    }
}
