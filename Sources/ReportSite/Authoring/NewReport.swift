import Foundation

/// Starts a report file for an editor: every field of the format, each of the framework's standards
/// and key questions as a placeholder with a comment saying what it takes, and an outline of the
/// report's sections. The file is a draft, and passes `check` as it is; filled in, it builds.
public struct NewReport: Sendable {
    /// What the report is of: a PDU (by its name or an alias) or a region (by its slug or name).
    public enum Subject: Sendable {
        case pdu(String)
        case region(String)
    }

    public var subject: Subject
    /// The framework's id; by default the newest programme of the subject's level.
    public var framework: String?
    /// When it was (or will be) published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; by default this year.
    public var date: String?
    /// The file's name (its slug) when the editor chooses it; by default the subject and the year,
    /// with the month and day added when a report of that year already has the shorter name.
    public var slug: String?

    public init(subject: Subject, framework: String? = nil, date: String? = nil, slug: String? = nil) {
        self.subject = subject
        self.framework = framework
        self.date = date
        self.slug = slug
    }

    /// Writes the new report into `content`'s inspections folder; returns its path. Refuses to
    /// replace a file that is there, and a PDU, region, framework or date the content does not know.
    public func write(into content: String, today: PartialDate = PartialDate(day: Date())) throws(DiagnosticsError) -> String {
        let (path, text) = try make(from: ContentLoader(root: content).read().content, content: content, today: today)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: path), "cannot write the new report: \(error.localizedDescription)")])
        }
        return path
    }

    /// The new report's path and text.
    func make(from site: SiteContent, content: String, today: PartialDate) throws(DiagnosticsError) -> (path: String, text: String) {
        let level: Framework.Level
        let region: Region
        var pdu: Region.PDU?
        switch subject {
        case .pdu(let name):
            level = .pdu
            guard let found = site.regions.lazy.compactMap({ region in region.pdu(named: name).map { (region, $0) } }).first
                    ?? site.regions.lazy.compactMap({ region in region.pdus.first { $0.slug == Slug.make(name) }.map { (region, $0) } }).first
            else {
                let names = site.regions.flatMap { $0.pdus.map(\.name) }
                throw Self.problem("no PDU is called '\(name)'", content: content,
                                   note: Spelling.closest(to: name, in: names).map { "did you mean '\($0)'?" } ?? "PDUs are listed in regions/<slug>.md")
            }
            (region, pdu) = (found.0, found.1)
        case .region(let name):
            level = .region
            guard let found = site.regions.first(where: { $0.slug == name || $0.name == name || $0.slug == Slug.make(name) }) else {
                throw Self.problem("no region is called '\(name)'", content: content,
                                   note: "regions: \(site.regions.map(\.slug).joined(separator: ", "))")
            }
            region = found
        }
        let candidates = site.frameworks.filter { $0.level == level }
        guard let framework = framework.map({ id in candidates.first { $0.id == id } }) ?? candidates.last else {
            let ids = candidates.map(\.id)
            throw Self.problem(self.framework.map { "no \(level.rawValue) framework is called '\($0)'" } ?? "no \(level.rawValue) framework in frameworks/",
                               content: content, note: ids.isEmpty ? "add one to frameworks/" : "frameworks: \(ids.joined(separator: ", "))")
        }
        let when = try date.map { text throws(DiagnosticsError) -> PartialDate in
            guard let date = PartialDate(text) else {
                throw Self.problem("'\(text)' is not a real date", content: content, note: "write YYYY-MM-DD, YYYY-MM or YYYY")
            }
            return date
        } ?? PartialDate("\(today.year)")!
        let folder = (content as NSString).appendingPathComponent("inspections")
        let slug = try freeSlug(base: pdu.map(\.slug) ?? "\(region.slug)-region", date: when, taken: Self.slugs(in: folder), folder: folder)
        let path = (folder as NSString).appendingPathComponent("\(slug).md")
        return (path, text(region: region, pdu: pdu, framework: framework, date: when))
    }

    /// The slugs of the reports under `folder`, sub-folders included: a slug names one report whichever
    /// folder its file is in.
    static func slugs(in folder: String) -> Set<String> {
        Set(DirectoryWalk.files(under: folder).filter { $0.hasSuffix(".md") }.map { relative in
            String(((relative as NSString).lastPathComponent as NSString).deletingPathExtension)
        })
    }

    /// The chosen slug, or the first free one of `base-YYYY`, `base-YYYY-MM`, `base-YYYY-MM-DD` (as far
    /// as the date goes); a diagnostic saying how to choose one when none is free.
    private func freeSlug(base: String, date: PartialDate, taken: Set<String>, folder: String) throws(DiagnosticsError) -> String {
        if let slug {
            guard Slug.isValid(slug) else {
                throw Self.problem("'\(slug)' is not a valid file name for a report", content: folder,
                                   note: "use lower-case letters, digits and single hyphens, e.g. '\(Slug.make(slug))'")
            }
            guard !taken.contains(slug) else {
                throw DiagnosticsError([Diagnostic(at: SourceLocation(file: (folder as NSString).appendingPathComponent("\(slug).md")),
                                                   "a report named '\(slug)' is already there; refusing to replace it",
                                                   note: "edit that report, or choose another name with --slug")])
            }
            return slug
        }
        var candidates = ["\(base)-\(date.year)"]
        if let month = date.month { candidates.append("\(base)-\(date.year)-" + (month < 10 ? "0" : "") + "\(month)") }
        if let day = date.day { candidates.append(candidates[candidates.count - 1] + "-" + (day < 10 ? "0" : "") + "\(day)") }
        if let free = candidates.first(where: { !taken.contains($0) }) { return free }
        let last = candidates[candidates.count - 1]
        let note = date.day == nil
            ? "give the full publication date (--date YYYY-MM-DD) for a name with it, or choose one with --slug NAME"
            : "edit that report, or choose another name with --slug NAME (e.g. \(base)-\(date.year)-2)"
        throw DiagnosticsError([Diagnostic(at: SourceLocation(file: (folder as NSString).appendingPathComponent("\(last).md")),
                                           "a report named '\(last)' is already there; refusing to replace it", note: note)])
    }

    private static func problem(_ message: String, content: String, note: String) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(at: SourceLocation(file: content), message, note: note)])
    }

    private func text(region: Region, pdu: Region.PDU?, framework: Framework, date: PartialDate) -> String {
        let subject = pdu.map { "\($0.name) PDU" } ?? "the \(region.name) region"
        let ratingNames = framework.ratings.reversed().map(\.name).joined(separator: ", ")
        var lines = [
            "---",
            "# A new inspection report of \(Self.oneLine(subject)). Fill in what the published report gives and leave",
            "# empty what it does not: the site then says \"not published\". Never guess a value.",
            "# While `draft: true` stays, only the preview (reportsite serve) shows the report.",
            pdu == nil ? "title: \(quoted("Regional inspection of probation services: \(region.name) (\(date.year))"))"
                : "title: \(quoted("An inspection of probation services in \(pdu!.name) PDU"))",
            "type: \(pdu == nil ? "region" : "pdu")",
        ]
        if let pdu { lines.append("pdu: \(quoted(pdu.name))") }
        lines += [
            "region: \(quoted(region.slug))",
            "framework: \(quoted(framework.id))                 # \(Self.oneLine(framework.name))",
            "draft: true",
            "# The day the report was published: YYYY-MM-DD (or YYYY-MM, or YYYY, when that is all a source gives).",
            "published: \(quoted("\(date)"))",
            "# The first day of fieldwork, in the same form.",
            "fieldwork_start:",
            "# The composite score\(framework.maxScore.map { ", out of \($0)" } ?? "") (the points of the standards' ratings), and the overall rating.",
            "score:",
            "overall:",
            "# One rating per standard: \(ratingNames).",
            "ratings:",
        ]
        let width = framework.standards.map(\.id.count).max() ?? 0
        for standard in framework.standards {
            lines.append("  \(standard.id):\(String(repeating: " ", count: width - standard.id.count + 2))# \(Self.oneLine("\(standard.number) \(standard.name)"))")
        }
        let rated = framework.standards.filter { !$0.keyQuestions.isEmpty }
        if !rated.isEmpty {
            lines.append("# Each key question's percentage of cases answered 'Yes' (0-100), as the report's tables give it.")
            lines.append("key_questions:")
            for standard in rated {
                lines.append("  \(standard.id):  # \(Self.oneLine("\(standard.number) \(standard.name)"))")
                for question in standard.keyQuestions {
                    lines.append("    \(question.id):  # \(Self.oneLine(question.text))")
                }
            }
        }
        lines += [
            "# Who each recommendation is to, and what it says, word for word.",
            "recommendations:",
            "  # - to: \(quoted(pdu.map { "\($0.name) PDU" } ?? "The \(region.name) region"))",
            "  #   items:",
            "  #     - \"...\"",
            "lead_inspector:",
            "# One or two sentences for lists and search: the report's own summary.",
            "summary:",
            "# The public documents a reader can find: a name, and a link where there is one.",
            "sources:",
            "  # - title: \"HM Inspectorate of Probation, An inspection of ... (\(date.year))\"",
            "  #   url: \"https://...\"",
            "# Working notes for editors (where a figure came from, what is still to check): never published.",
            "notes:",
            "---",
            "## Foreword",
            "",
            "## Background",
            "",
        ]
        for domain in framework.domains {
            lines.append(Self.oneLine("## \(domain.number). \(domain.name)"))
            lines.append("")
            for standard in domain.standards {
                lines.append(Self.oneLine("### \(standard.number) \(standard.name)"))
                lines.append("")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` as a YAML double-quoted scalar that reads back as `text`: quotes and backslashes
    /// escaped, and every control character and every character YAML takes for a line break
    /// (U+0085, U+2028, U+2029) written as an escape, so the value stays on its line whatever a
    /// name holds.
    func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Self.breaksALine(scalar) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `text` for a comment or heading line: every control or line-breaking character a space.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { breaksALine($0) ? " " : $0 }))
    }

    /// Control characters (C0, DEL, C1, which include U+0085) and the Unicode line and paragraph separators.
    static func breaksALine(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
