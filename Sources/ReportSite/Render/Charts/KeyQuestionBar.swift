import Foundation

/// One key question's percentage as a bar, with the national median marked by a tick above the bar and
/// the regional one by a tick below it (told apart by place, not only by colour).
/// Decorative (`aria-hidden`): the table row it sits in gives the same three numbers as text.
struct KeyQuestionBar {
    var value: Double
    var national: Double?
    var regional: Double?

    func svg() -> String {
        func x(_ percentage: Double) -> String { String(format: "%.1f", min(100, max(0, percentage)) * 2) }
        var parts = [
            "<svg class=\"kq-bar\" viewBox=\"0 0 200 16\" aria-hidden=\"true\">",
            "<rect class=\"kq-bar-track\" x=\"0\" y=\"3\" width=\"200\" height=\"10\"/>",
            "<rect class=\"kq-bar-fill\" x=\"0\" y=\"3\" width=\"\(x(value))\" height=\"10\" data-value=\"\(Format.percentage(value))\"/>",
        ]
        if let national {
            parts.append("<rect class=\"kq-median kq-median-national\" x=\"\(x(national))\" y=\"0\" width=\"2\" height=\"8\" data-median=\"national\"/>")
        }
        if let regional {
            parts.append("<rect class=\"kq-median kq-median-regional\" x=\"\(x(regional))\" y=\"8\" width=\"2\" height=\"8\" data-median=\"regional\"/>")
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
