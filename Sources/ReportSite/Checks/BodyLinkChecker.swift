import Foundation
import ReportSiteViews

/// Finds links in report, region and page texts that lead to no page, or to an `#anchor` the page lacks.
///
/// Authors link to other pages with relative URLs as the site lays them out, e.g. from an inspection
/// `../essex-north-2022/index.html#ratings` or `../../regions/east-of-england/index.html`.
struct BodyLinkChecker {
    /// The rendered texts whose links are checked; their pages are link targets too.
    let bodies: [BodyFacts]
    /// The other pages a link may lead to.
    let regions: [Region]
    let glossary: [GlossaryTerm]
    /// The files a text may link to or show, besides the pages.
    var attachments: [Attachment] = []
    /// The programmes, whose sections on the methodology page a link may name.
    var frameworks: [Framework] = []
    /// The paths of pages of `pages/` left out of this build as drafts: their texts are checked, but
    /// the texts of the site may not link to them.
    var draftPages: Set<String> = []

    /// A page a link can lead to, and where to look for the ids it has.
    private enum Target {
        /// A page with a text: the page's own ids, its headings' and its footnotes'.
        case text(BodyFacts, reserved: Set<String>)
        case ids(Set<String>)

        func has(_ id: String) -> Bool {
            switch self {
            case .ids(let ids):
                return ids.contains(id)
            case .text(let body, let reserved):
                return reserved.contains(id) || body.headings.contains { $0.id == id } || body.footnoteIDs.contains(id)
            }
        }
    }

    /// A check that passed: the digest of the targets it checked against, and the texts it checked.
    struct Passed: Sendable {
        var targets: String
        var bodies: [String: BodyFacts]
    }

    /// The problems of every text.
    func check() -> [Diagnostic] {
        check(changedSince: nil, targets: "")
    }

    /// The problems of the texts. After a check that `passed` against targets of the same digest
    /// (`targets`, this checker's `targetsDigest()`), a text with the same links and anchors as then
    /// would find what it found then, nothing: only the others are checked.
    func check(changedSince passed: Passed?, targets digest: String) -> [Diagnostic] {
        var checked = bodies
        if let passed, passed.targets == digest {
            checked = bodies.filter { body in passed.bodies[body.page].map { !$0.hasSameLinks(as: body) } ?? true }
        }
        guard !checked.isEmpty else { return [] }
        let targets = targets()
        var diagnostics: [Diagnostic] = []
        for body in checked {
            var found: [Diagnostic] = []
            defer { diagnostics += Diagnostic.limited(found) }
            for image in body.imagesWithoutAlt {
                found.append(Diagnostic(
                    at: SourceLocation(file: body.file, line: body.firstLine + image.line - 1, column: image.column),
                    "image '\(image.destination)' has no alt text",
                    note: "describe it between the brackets, ![like this](…), for people who cannot see it"))
            }
            for html in body.rawHTML {
                let shown = html.text.prefix(40).split(separator: "\n").first.map(String.init) ?? ""
                found.append(Diagnostic(
                    at: SourceLocation(file: body.file, line: body.firstLine + html.line - 1, column: html.column),
                    "raw HTML is not allowed in report text: use Markdown; tables are GFM tables (found '\(shown)')",
                    note: "write the text in Markdown; to show a tag as text, put it in `backticks`"))
            }
            for link in body.links {
                guard let problem = problem(with: link.destination, from: body.page, targets: targets) else { continue }
                found.append(Diagnostic(
                    at: SourceLocation(file: body.file, line: body.firstLine + link.line - 1, column: link.column),
                    problem.message, note: problem.note))
            }
        }
        return diagnostics
    }

    /// Every page, and where to find the ids a link may point at: looked up only for the links that
    /// name one, rather than a set made for each of 10,000 texts.
    private func targets() -> [String: Target] {
        var targets: [String: Target] = Dictionary(minimumCapacity: bodies.count + 200)
        let reserved = reservedIDs
        for body in bodies {
            targets[body.page] = .text(body, reserved: reserved[PageKind(body.page).rawValue])
        }
        let main: Target = .ids(["main"])
        for region in regions {
            for pdu in region.pdus { targets[Routes.pdu(pdu.slug)] = main }
        }
        for path in [Routes.home, Routes.regions, Routes.pdus, Routes.search] { targets[path] = main }
        targets[Routes.glossary] = .ids(Set(["main"] + glossary.map(\.id)))
        // Made from the framework files alone when it has no text (a text makes it one of `bodies`).
        if targets[Routes.methodology] == nil { targets[Routes.methodology] = .ids(reserved[PageKind.methodology.rawValue]) }
        // The site's own files and the attachments are link targets too; they have no anchors.
        for path in [Routes.dataCSV, Routes.dataJSON, Routes.feed] + attachments.map(\.path) { targets[path] = .ids([]) }
        return targets
    }

    /// The kinds of page with a text, each with the ids its template reserves.
    private enum PageKind: Int, CaseIterable {
        case region, inspection, methodology, site

        init(_ page: String) {
            self = page.hasPrefix("regions/") ? .region : page.hasPrefix("inspections/") ? .inspection
                : page == Routes.methodology ? .methodology : .site
        }
    }

    /// The ids the template gives each kind of page with a text, by the kind's `rawValue`.
    private var reservedIDs: [Set<String>] {
        let methodology = ViewBuilder.methodologyReservedIDs(frameworks)
        return PageKind.allCases.map { kind in
            switch kind {
            case .region: RegionPageView.reservedIDs
            case .inspection: InspectionPageView.reservedIDs
            case .methodology: methodology
            case .site: SitePageView.reservedIDs
            }
        }
    }

    /// The digest of everything `targets()` is made from, and of the draft pages: two checks whose
    /// digests are the same check links against the same pages and ids. The texts' part is the same
    /// whatever order they come in (each text's own digest, mixed, is added to the others').
    func targetsDigest() -> String {
        let reserved = reservedIDs.map { ids in ids.sorted().reduce(into: ContentDigest()) { $0.combine($1) } }
        var sum: UInt64 = 0
        for body in bodies {
            var entry = ContentDigest(body.page)
            entry.combine(reserved[PageKind(body.page).rawValue])
            entry.combine(UInt64(body.headings.count))
            for heading in body.headings { entry.combine(heading.id) }
            entry.combine(UInt64(body.footnoteIDs.count))
            for id in body.footnoteIDs { entry.combine(id) }
            sum &+= entry.mixed
        }
        var whole = ContentDigest()
        whole.combine(UInt64(bodies.count))
        whole.combine(sum)
        for digest in reserved { whole.combine(digest) }
        for part in [regions.flatMap { $0.pdus.map(\.slug) }, glossary.map(\.id), attachments.map(\.path), draftPages.sorted()] {
            whole.combine(UInt64(part.count))
            for item in part { whole.combine(item) }
        }
        return whole.description
    }

    private func problem(with destination: String, from page: String, targets: [String: Target]) -> (message: String, note: String)? {
        // Another site or mailto:, if its scheme is one content may use and the address is whole;
        // `//host/…` leaves the site too, for whatever host follows.
        if let problem = LinkPolicy.problem(destination) { return problem }
        // Bytes, not `contains(":")`, which goes through Foundation's search for every link of every text.
        if destination.utf8.contains(UInt8(ascii: ":")) { return nil }
        if destination.hasPrefix("/") {
            return ("link '\(destination)' starts at the server root", "use a relative link, which works under any base URL and from disk")
        }
        let (target, fragment) = Self.resolve(destination, from: page)
        guard let found = targets[target] else {
            return ("link '\(destination)' leads to no page or file (\(target))",
                    Self.suggestion(for: destination, target: target, among: targets.keys.filter { $0 != page })
                        ?? "link to a page of the site, e.g. '../other-slug/index.html', or to a file under Content/files/ as '../../files/name.pdf'")
        }
        if draftPages.contains(target) && !draftPages.contains(page) {
            return ("link '\(destination)' leads to a draft page (\(target)), which a build without drafts leaves out",
                    "publish the page (remove 'draft: true') or take the link out until it is")
        }
        if let fragment, !fragment.isEmpty, !found.has(fragment) {
            return ("link '\(destination)' names an anchor '#\(fragment)' that \(target == page ? "this page" : target) does not have",
                    "anchors are the ids of headings, e.g. '## Key findings' is '#key-findings'")
        }
        return nil
    }

    /// "Did you mean" for a link to no page: the pages of the same kind (reports, regions, PDUs, pages
    /// of `pages/`, files) whose name is closest to the one written, as the link would be written to
    /// them; nil when none is close. The page the link is on is not among `paths`: a report's link to
    /// "the last inspection" does not mean itself. Names as close as each other are all given (a report of 2023
    /// that does not exist may be meant as 2022 or 2024), up to three.
    static func suggestion(for destination: String, target: String, among paths: some Sequence<String>) -> String? {
        var parts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // The part of the path that names the page: `inspections/<slug>/index.html`, `<slug>/index.html`, `files/<name>`.
        let nameIndex: Int
        if parts.count == 3, parts[2] == "index.html", ["inspections", "regions", "pdus"].contains(parts[0]) { nameIndex = 1 }
        else if parts.count == 2, parts[1] == "index.html" { nameIndex = 0 }
        else if parts.count >= 2, parts[0] == Routes.attachmentsFolder { nameIndex = parts.count - 1 }
        else { return nil }
        let written = parts[nameIndex]
        guard !written.isEmpty else { return nil }
        var names: [String] = []
        for path in paths {
            let other = path.split(separator: "/", omittingEmptySubsequences: false)
            guard other.count == parts.count, other.indices.allSatisfy({ $0 == nameIndex || other[$0] == parts[$0] }) else { continue }
            names.append(String(other[nameIndex]))
        }
        let limit = max(2, written.count / 3)
        let scored = names.map { ($0, Spelling.distance(written.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit && $0.0 != written }
        guard let best = scored.map(\.1).min() else { return nil }
        let closest = scored.filter { $0.1 == best }.map(\.0).sorted().prefix(3)
        let shown = closest.map { name -> String in
            // As the author would write it: the link with the name changed, when the name is in it as written.
            if let range = destination.range(of: written, options: .backwards) { return "'" + destination.replacingCharacters(in: range, with: name) + "'" }
            parts[nameIndex] = name
            return "'" + parts.joined(separator: "/") + "'"
        }
        let list = shown.count <= 1 ? shown.joined() : shown.dropLast().joined(separator: ", ") + " or " + shown.last!
        return "did you mean \(list)?"
    }

    /// The site path a relative link from `page` leads to (`index.html` for a folder; `page` itself for
    /// `#anchor` alone), and the anchor it names.
    static func resolve(_ destination: String, from page: String) -> (path: String, fragment: String?) {
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = decoded(parts[0])
        let fragment = parts.count > 1 ? decoded(parts[1]) : nil
        guard !pathPart.isEmpty else { return (page, fragment) }
        let directory = page.lastIndex(of: "/").map { String(page[..<$0]) } ?? ""
        var resolved = normalise(directory + "/" + pathPart)
        if pathPart.hasSuffix("/") || resolved.isEmpty { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
        return (resolved, fragment)
    }

    /// The text with its percent escapes decoded (as given when they are not valid); Foundation is
    /// asked only when there is a `%`, which few links have.
    private static func decoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return String(text).removingPercentEncoding ?? String(text)
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
