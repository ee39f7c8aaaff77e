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

    func svg() -> String {
        let labelWidth = 230, barWidth = 380, rowHeight = 26, legendHeight = 28
        let total = max(1, rows.map { $0.counts.reduce(0, +) }.max() ?? 1)
        let height = legendHeight + rows.count * rowHeight + 6
        var parts: [String] = []
        parts.append("<svg class=\"chart stacked-chart\" id=\"\(id)\" viewBox=\"0 0 \(labelWidth + barWidth + 10) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
        parts.append("<title id=\"\(id)-title\">\(HTML.escape(title)) (the table below gives the same numbers)</title>")
        // Legend: a swatch and the category's name.
        var x = 0
        for category in categories {
            parts.append("<rect class=\"seg seg-\(category.slug)\" x=\"\(x)\" y=\"6\" width=\"12\" height=\"12\"/>")
            parts.append("<text class=\"legend\" x=\"\(x + 16)\" y=\"16\">\(HTML.escape(category.name))</text>")
            x += 24 + category.name.count * 7
        }
        for (index, row) in rows.enumerated() {
            let y = legendHeight + index * rowHeight
            parts.append("<text class=\"row-label\" x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(HTML.escape(row.label))</text>")
            var offset = Double(labelWidth)
            for (category, count) in zip(categories, row.counts) where count > 0 {
                let width = Double(barWidth) * Double(count) / Double(total)
                parts.append("<rect class=\"seg seg-\(category.slug)\" x=\"\(format(offset))\" y=\"\(y + 3)\" width=\"\(format(width))\" height=\"\(rowHeight - 6)\" data-row=\"\(HTML.escape(row.label))\" data-category=\"\(HTML.escape(category.name))\" data-count=\"\(count)\"/>")
                if width >= 16 {
                    parts.append("<text class=\"seg-count seg-count-\(category.slug)\" x=\"\(format(offset + width / 2))\" y=\"\(y + 17)\" text-anchor=\"middle\">\(count)</text>")
                }
                offset += width
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
        parts.append("<svg class=\"chart column-chart\" id=\"\(id)\" viewBox=\"0 0 \(width) \(top + chartHeight + bottom)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
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
