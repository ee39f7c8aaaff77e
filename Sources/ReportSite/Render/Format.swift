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

    /// "820 KB", "1.4 MB": a file's size as a download link gives it (1 KB = 1,000 bytes).
    static func fileSize(_ bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return "\(Int((Double(bytes) / 1_000).rounded())) KB" }
        let megabytes = Double(bytes) / 1_000_000
        return megabytes < 10 ? "\((megabytes * 10).rounded() / 10) MB" : "\(Int(megabytes.rounded())) MB"
    }

    /// "33%", or "33.5%" when the source gives a fraction.
    static func percentage(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }
}
