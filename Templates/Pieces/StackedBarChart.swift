import ReportSiteViews

/// How many inspections got each rating, per standard, as a horizontal stacked bar chart in inline SVG:
/// one bar per standard, one segment per rating, then "not published". Each segment carries its count
/// as text (when it fits) and as `data-count`, so the chart never relies on colour alone; the table
/// printed beside it has every number.
func stackedBarChart(_ view: RatingDistributionView, _ text: InterfaceText) -> HTML {
    let categories = view.ratings.map { (name: $0.name, slug: $0.slug) } + [(name: text[.ratingsNotPublished].text, slug: "none")]
    let rows = view.counts.map { (label: "\($0.number) \($0.name)", counts: $0.counts.map(\.count) + [$0.notPublished]) }
    let id = "\(view.id)-chart"
    let width = stackedChartWidth, labelHeight = 16, barHeight = 20, rowGap = 8, legendLine = 20
    let total = max(1, rows.map { $0.counts.reduce(0, +) }.max() ?? 1)
    // The legend wraps: a swatch and the category's name, as many to a line as fit.
    var legend: [HTML] = []
    var x = 0, line = 0
    for category in categories {
        let itemWidth = 22 + category.name.count * 7
        if x > 0, x + itemWidth > width { x = 0; line += 1 }
        let y = line * legendLine
        legend.append("<rect class=\"seg seg-\(category.slug)\" x=\"\(x)\" y=\"\(y + 4)\" width=\"12\" height=\"12\"/>")
        legend.append("<text class=\"legend\" x=\"\(x + 16)\" y=\"\(y + 14)\">\(category.name)</text>")
        x += itemWidth + 10
    }
    let legendHeight = (line + 1) * legendLine + 6
    let rowHeight = labelHeight + barHeight + rowGap
    let height = legendHeight + rows.count * rowHeight
    var parts: [HTML] = []
    parts.append("<svg class=\"chart stacked-chart\" id=\"\(id)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
    parts.append("<title id=\"\(id)-title\">\(view.caption) \(plain: text[.chartsTitleNote])</title>")
    parts.append(contentsOf: legend)
    for (index, row) in rows.enumerated() {
        let y = legendHeight + index * rowHeight
        parts.append("<text class=\"row-label\" x=\"0\" y=\"\(y + 12)\">\(row.label)</text>")
        let barTop = y + labelHeight
        var offset = 0.0
        for (category, count) in zip(categories, row.counts) where count > 0 {
            let segment = Double(width) * Double(count) / Double(total)
            parts.append("<rect class=\"seg seg-\(category.slug)\" x=\"\(offset, places: 1)\" y=\"\(barTop)\" width=\"\(segment, places: 1)\" height=\"\(barHeight)\" data-row=\"\(row.label)\" data-category=\"\(category.name)\" data-count=\"\(count)\"/>")
            if segment >= 8 + 8 * Double(String(count).count) {
                parts.append("<text class=\"seg-count seg-count-\(category.slug)\" x=\"\(offset + segment / 2, places: 1)\" y=\"\(barTop + 14)\" text-anchor=\"middle\">\(count)</text>")
            }
            offset += segment
        }
    }
    parts.append("</svg>")
    return parts.joined(separator: "\n")
}

/// The chart's width in its own units. Each row's label is on a line above its bar, not beside it, so
/// that the chart is narrow enough for a phone: at 340 units its text (12 units) is drawn at 12 CSS px
/// or more whenever the chart is 340 px wide or wider, which it is on a phone of 360 px and up; the
/// stylesheet caps it on a desktop so the text stays near body size.
let stackedChartWidth = 340
