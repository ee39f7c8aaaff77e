import Foundation

/// Where the files copied into the site as they are (CSS, scripts, the icon) live: `assets/` in the
/// templates folder.
package enum TemplateAssets {
    package static let folder = "assets"

    /// The assets folder under `templates`.
    package static func path(in templates: String) -> String {
        (templates as NSString).appendingPathComponent(folder)
    }

    /// The stylesheet whose `:root` block defines the look's colours and spacing.
    package static let stylesheet = "css/site.css"

    /// The `:root { … }` block of the stylesheet under `templates`: the colours and spacing, defined
    /// once, which the print version inlines (it stands alone, for printing and PDF); empty when the
    /// stylesheet has none. The view takes it as a `StyleText`, which keeps it from ending the print
    /// version's `<style>` element.
    package static func designTokens(in templates: String) -> String {
        let path = (Self.path(in: templates) as NSString).appendingPathComponent(stylesheet)
        guard let css = try? String(contentsOfFile: path, encoding: .utf8),
              let start = css.range(of: ":root {"),
              let end = css.range(of: "}", range: start.upperBound..<css.endIndex) else { return "" }
        return String(css[start.lowerBound..<end.upperBound]) + "\n"
    }

    /// `(relative path, absolute path)` of every asset file under `templates`, sorted.
    static func files(in templates: String) -> [(relative: String, absolute: String)] {
        let base = path(in: templates)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [(String, String)] = []
        for case let relative as String in enumerator {
            let absolute = (base as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((relative, absolute))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
