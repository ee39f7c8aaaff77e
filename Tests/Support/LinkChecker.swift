import Foundation

/// Finds internal links (`href`, `src`) in a built site that point to a missing file or `#fragment`.
public enum LinkChecker {
    public struct Broken: CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): \(link) (\(reason))" }
    }

    public static func check(site root: URL) throws -> (checked: Int, broken: [Broken]) {
        let files = allFiles(root)
        var idsCache: [String: Set<String>] = [:]
        func ids(_ path: String) throws -> Set<String> {
            if let cached = idsCache[path] { return cached }
            let html = try String(contentsOfFile: root.appendingPathComponent(path).path, encoding: .utf8)
            let found = Set(matches(#"\s(?:id|name)="([^"]+)""#, in: html))
            idsCache[path] = found
            return found
        }
        var broken: [Broken] = []
        var checked = 0
        for page in files where page.hasSuffix(".html") {
            // <base> sets where links resolve from on a server; it is not a link itself.
            let html = try String(contentsOfFile: root.appendingPathComponent(page).path, encoding: .utf8)
                .replacingOccurrences(of: #"<base [^>]*>"#, with: "", options: .regularExpression)
            let directory = (page as NSString).deletingLastPathComponent
            for raw in matches(#"\s(?:href|src)="([^"]*)""#, in: html) {
                let link = raw.replacingOccurrences(of: "&amp;", with: "&")
                if link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") || link.hasPrefix("data:") { continue }
                checked += 1
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                var target = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                if target.isEmpty {
                    target = page
                } else {
                    if target.hasPrefix("/") {
                        broken.append(.init(page: page, link: link, reason: "root-absolute link breaks under a sub-path"))
                        continue
                    }
                    if target.hasSuffix("/") { target += "index.html" }
                    target = normalise(directory.isEmpty ? target : directory + "/" + target)
                }
                guard files.contains(target) else {
                    broken.append(.init(page: page, link: link, reason: "no file \(target)"))
                    continue
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
                    let decoded = fragment.removingPercentEncoding ?? fragment
                    if try !ids(target).contains(decoded) {
                        broken.append(.init(page: page, link: link, reason: "no id '\(decoded)' in \(target)"))
                    }
                }
            }
        }
        return (checked, broken)
    }

    /// Every match's first `groups` capture groups.
    public static func matches(_ pattern: String, in text: String, groups: Int) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1...groups).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    public static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    public static func allFiles(_ root: URL) -> Set<String> {
        var result: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                result.insert(path)
            }
        }
        return result
    }

    /// The same resolution of `.` and `..` as the body-link check uses (`BodyLinkChecker.normalise`,
    /// copied: the helpers use the library's public API alone).
    public static func normalise(_ path: String) -> String {
        var stack: [Substring] = []
        for component in path.split(separator: "/") {
            if component == "." { continue }
            if component == "..", let last = stack.last, last != ".." { stack.removeLast(); continue }
            stack.append(component)
        }
        return stack.joined(separator: "/")
    }
}
