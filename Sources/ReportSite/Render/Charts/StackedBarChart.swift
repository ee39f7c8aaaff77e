import Foundation

/// A horizontal stacked bar chart as inline SVG, made at build time: one bar per row, one segment per
/// category. Each segment carries its count as text (when it fits) and as `data-count`, so the chart
/// never relies on colour alone; the table printed beside it has every number.
struct StackedBarChart {
    struct Category {
        var name: String
        /// CSS class suffix: `seg-good`, `seg-none`, ...
        var slug: String
    }

    struct Row {
        var label: String
        var counts: [Int]
    }

    var id: String
    var title: String
    var categories: [Category]
    var rows: [Row]

    /// The chart's width in its own units. Each row's label is on a line above its bar, not beside
    /// it, so that the chart is narrow enough for a phone: at 340 units its text (12 units) is drawn
    /// at 12 CSS px or more whenever the chart is 340 px wide or wider, which it is on a phone of
    /// 360 px and up; the stylesheet caps it on a desktop so the text stays near body size.
    static let width = 340

    func svg() -> String {
        let width = Self.width, labelHeight = 16, barHeight = 20, rowGap = 8, legendLine = 20
        let total = max(1, rows.map { $0.counts.reduce(0, +) }.max() ?? 1)
        // The legend wraps: a swatch and the category's name, as many to a line as fit.
        var legend: [String] = []
        var x = 0, line = 0
        for category in categories {
            let itemWidth = 22 + category.name.count * 7
            if x > 0, x + itemWidth > width { x = 0; line += 1 }
            let y = line * legendLine
            legend.append("<rect class=\"seg seg-\(category.slug)\" x=\"\(x)\" y=\"\(y + 4)\" width=\"12\" height=\"12\"/>")
            legend.append("<text class=\"legend\" x=\"\(x + 16)\" y=\"\(y + 14)\">\(HTML.escape(category.name))</text>")
            x += itemWidth + 10
        }
        let legendHeight = (line + 1) * legendLine + 6
        let rowHeight = labelHeight + barHeight + rowGap
        let height = legendHeight + rows.count * rowHeight
        var parts: [String] = []
        parts.append("<svg class=\"chart stacked-chart\" id=\"\(id)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
        parts.append("<title id=\"\(id)-title\">\(HTML.escape(title)) (the table below gives the same numbers)</title>")
        parts.append(contentsOf: legend)
        for (index, row) in rows.enumerated() {
            let y = legendHeight + index * rowHeight
            parts.append("<text class=\"row-label\" x=\"0\" y=\"\(y + 12)\">\(HTML.escape(row.label))</text>")
            let barTop = y + labelHeight
            var offset = 0.0
            for (category, count) in zip(categories, row.counts) where count > 0 {
                let segment = Double(width) * Double(count) / Double(total)
                parts.append("<rect class=\"seg seg-\(category.slug)\" x=\"\(format(offset))\" y=\"\(barTop)\" width=\"\(format(segment))\" height=\"\(barHeight)\" data-row=\"\(HTML.escape(row.label))\" data-category=\"\(HTML.escape(category.name))\" data-count=\"\(count)\"/>")
                if segment >= 8 + 8 * Double(String(count).count) {
                    parts.append("<text class=\"seg-count seg-count-\(category.slug)\" x=\"\(format(offset + segment / 2))\" y=\"\(barTop + 14)\" text-anchor=\"middle\">\(count)</text>")
                }
                offset += segment
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// A vertical column chart as inline SVG: one column per value of `x`, labelled with its count.
struct ColumnChart {
    var id: String
    var title: String
    var xLabel: String
    /// `(x label, count)` in order.
    var columns: [(label: String, count: Int)]

    func svg() -> String {
        let columnWidth = 26, chartHeight = 140, top = 18, bottom = 40
        let width = max(200, columns.count * columnWidth + 20)
        let highest = max(1, columns.map(\.count).max() ?? 1)
        var parts: [String] = []
        // `width` and `height` give the chart its size in CSS px where the stylesheet lets it keep it
        // (on a phone, where it scrolls sideways rather than shrink its text below 12 px).
        parts.append("<svg class=\"chart column-chart\" id=\"\(id)\" viewBox=\"0 0 \(width) \(top + chartHeight + bottom)\" width=\"\(width)\" height=\"\(top + chartHeight + bottom)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
        parts.append("<title id=\"\(id)-title\">\(HTML.escape(title)) (the table below gives the same numbers)</title>")
        for (index, column) in columns.enumerated() {
            let x = 10 + index * columnWidth
            let height = chartHeight * column.count / highest
            let y = top + chartHeight - height
            if column.count > 0 {
                parts.append("<rect class=\"column\" x=\"\(x + 3)\" y=\"\(y)\" width=\"\(columnWidth - 6)\" height=\"\(height)\" data-label=\"\(HTML.escape(column.label))\" data-count=\"\(column.count)\"/>")
                parts.append("<text class=\"column-count\" x=\"\(x + columnWidth / 2)\" y=\"\(y - 4)\" text-anchor=\"middle\">\(column.count)</text>")
            }
            parts.append("<text class=\"column-label\" x=\"\(x + columnWidth / 2)\" y=\"\(top + chartHeight + 16)\" text-anchor=\"middle\">\(HTML.escape(column.label))</text>")
        }
        parts.append("<text class=\"axis-label\" x=\"\(width / 2)\" y=\"\(top + chartHeight + 34)\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
