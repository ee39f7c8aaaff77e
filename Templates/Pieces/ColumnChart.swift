import ReportSiteViews

/// How many inspections got each score, as a vertical column chart in inline SVG: one column per
/// score, labelled with its count.
func columnChart(_ view: ScoreDistributionView, _ text: InterfaceText) -> HTML {
    let id = "\(view.id)-chart", xLabel = text[.chartsScoreAxis]
    let columnWidth = 26, chartHeight = 140, top = 18, bottom = 40
    let width = max(200, view.columns.count * columnWidth + 20)
    let highest = max(1, view.columns.map(\.count).max() ?? 1)
    var parts: [HTML] = []
    // `width` and `height` give the chart its size in CSS px where the stylesheet lets it keep it
    // (on a phone, where it scrolls sideways rather than shrink its text below 12 px).
    parts.append("<svg class=\"chart column-chart\" id=\"\(id)\" viewBox=\"0 0 \(width) \(top + chartHeight + bottom)\" width=\"\(width)\" height=\"\(top + chartHeight + bottom)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
    parts.append("<title id=\"\(id)-title\">\(view.caption) \(plain: text[.chartsTitleNote])</title>")
    for (index, column) in view.columns.enumerated() {
        let x = 10 + index * columnWidth
        let height = chartHeight * column.count / highest
        let y = top + chartHeight - height
        if column.count > 0 {
            parts.append("<rect class=\"column\" x=\"\(x + 3)\" y=\"\(y)\" width=\"\(columnWidth - 6)\" height=\"\(height)\" data-label=\"\(column.score)\" data-count=\"\(column.count)\"/>")
            parts.append("<text class=\"column-count\" x=\"\(x + columnWidth / 2)\" y=\"\(y - 4)\" text-anchor=\"middle\">\(column.count)</text>")
        }
        parts.append("<text class=\"column-label\" x=\"\(x + columnWidth / 2)\" y=\"\(top + chartHeight + 16)\" text-anchor=\"middle\">\(column.score)</text>")
    }
    parts.append("<text class=\"axis-label\" x=\"\(width / 2)\" y=\"\(top + chartHeight + 34)\" text-anchor=\"middle\">\(plain: xLabel)</text>")
    parts.append("</svg>")
    return parts.joined(separator: "\n")
}
