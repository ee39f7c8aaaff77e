import Foundation

/// How values read on the page. Kept in one place so every page says "not published" the same way.
enum Format {
    static let notPublished = "not published"

    /// "18 July 2024", "July 2024", "2024" or "not published".
    static func date(_ date: PartialDate?) -> String {
        date?.longForm ?? notPublished
    }

    /// "5/21"; "5" when the maximum is unknown; "not published" without a score.
    static func score(_ score: Int?, outOf max: Int?) -> String {
        guard let score else { return notPublished }
        guard let max else { return String(score) }
        return "\(score)/\(max)"
    }

    /// "33%", or "33.5%" when the source gives a fraction.
    static func percentage(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }
}
