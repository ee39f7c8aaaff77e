import Foundation

/// Finds links in report and region texts that lead to no page, or to an `#anchor` the page lacks.
///
/// Authors link to other pages with relative URLs as the site lays them out, e.g. from an inspection
/// `../essex-north-2022/index.html#ratings` or `../../regions/east-of-england/index.html`.
struct BodyLinkChecker {
    /// The rendered texts whose links are checked; their pages are link targets too.
    let bodies: [BodyFacts]
    /// The other pages a link may lead to.
    let regions: [Region]
    let glossary: [GlossaryTerm]

    /// One page whose text can be linked to, with the ids it is known to have.
    private struct Target {
        var ids: Set<String>
    }

    func check() -> [Diagnostic] {
        // Every page and the ids a link may point at.
        var targets: [String: Target] = [:]
        for body in bodies {
            let reserved = body.page.hasPrefix("regions/") ? RegionPageView.reservedIDs : InspectionPageView.reservedIDs
            targets[body.page] = Target(ids: reserved.union(body.headings.map(\.id)).union(body.footnoteIDs))
        }
        for region in regions {
            for pdu in region.pdus { targets[Routes.pdu(pdu.slug)] = Target(ids: ["main"]) }
        }
        for path in [Routes.home, Routes.regions, Routes.pdus, Routes.search] { targets[path] = Target(ids: ["main"]) }
        targets[Routes.glossary] = Target(ids: Set(["main"] + glossary.map(\.id)))

        var diagnostics: [Diagnostic] = []
        for body in bodies {
            for link in body.links {
                guard let problem = problem(with: link.destination, from: body.page, targets: targets) else { continue }
                diagnostics.append(Diagnostic(
                    at: SourceLocation(file: body.file, line: body.firstLine + link.line - 1, column: link.column),
                    problem.message, note: problem.note))
            }
        }
        return diagnostics
    }

    private func problem(with destination: String, from page: String, targets: [String: Target]) -> (message: String, note: String)? {
        // Another site, mailto:, tel:. Bytes, not `contains(":")`, which goes through Foundation's
        // search for every link of every text.
        if destination.utf8.contains(UInt8(ascii: ":")) || destination.hasPrefix("//") { return nil }
        if destination.hasPrefix("/") {
            return ("link '\(destination)' starts at the server root", "use a relative link, which works under any base URL and from disk")
        }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil

        var target = page
        if !pathPart.isEmpty {
            let directory = (page as NSString).deletingLastPathComponent
            var resolved = Self.normalise(directory + "/" + pathPart)
            if pathPart.hasSuffix("/") || resolved.isEmpty { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
            target = resolved
        }
        guard let found = targets[target] else {
            return ("link '\(destination)' leads to no page (\(target))", "link to a page of the site, e.g. '../other-slug/index.html'")
        }
        if let fragment, !fragment.isEmpty, !found.ids.contains(fragment) {
            return ("link '\(destination)' names an anchor '#\(fragment)' that \(target == page ? "this page" : target) does not have",
                    "anchors are the ids of headings, e.g. '## Key findings' is '#key-findings'")
        }
        return nil
    }

    /// Resolves `.` and `..`; a path that climbs above the site root keeps a leading `..` and matches no page.
    static func normalise(_ path: String) -> String {
        var stack: [Substring] = []
        for component in path.split(separator: "/") {
            if component == "." { continue }
            if component == "..", let last = stack.last, last != ".." { stack.removeLast(); continue }
            stack.append(component)
        }
        return stack.joined(separator: "/")
    }
}
