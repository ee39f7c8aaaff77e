import ReportSiteViews

/// One key question's percentage as a bar, with the national median marked by a tick above the bar and
/// the regional one by a tick below it (told apart by place, not only by colour). Decorative
/// (`aria-hidden`): the table row it sits in gives the same three numbers as text; `percentage` is the
/// row's, as it is written there.
func keyQuestionBar(_ bar: KeyQuestionBarView, percentage: String) -> HTML {
    // 200 units for 100%: a percentage outside 0–100 is drawn at the nearest end.
    func x(_ percentage: Double) -> Double { min(100, max(0, percentage)) * 2 }
    let national: HTML = bar.national.map {
        "<rect class=\"kq-median kq-median-national\" x=\"\(x($0), places: 1)\" y=\"0\" width=\"2\" height=\"8\" data-median=\"national\"/>"
    } ?? HTML()
    let regional: HTML = bar.regional.map {
        "<rect class=\"kq-median kq-median-regional\" x=\"\(x($0), places: 1)\" y=\"8\" width=\"2\" height=\"8\" data-median=\"regional\"/>"
    } ?? HTML()
    return """
    <svg class="kq-bar" viewBox="0 0 200 16" aria-hidden="true">\
    <rect class="kq-bar-track" x="0" y="3" width="200" height="10"/>\
    <rect class="kq-bar-fill" x="0" y="3" width="\(x(bar.value), places: 1)" height="10" data-value="\(percentage)"/>\
    \(national)\(regional)</svg>
    """
}
