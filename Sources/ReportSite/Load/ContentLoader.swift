import Foundation
import ReportSiteViews

/// Reads a content folder into `SiteContent`, collecting every problem on the way.
struct ContentLoader: Sendable {
    /// The content folder as the user named it; diagnostics show paths under it.
    var root: String
    /// Inspections an earlier build decoded; files whose stamps match are not parsed again.
    var cache: InspectionCache?
    /// Whether to make the cache for the next build (which costs encoding each parsed inspection).
    var makesCache = false
    /// The site's address for this build, in place of `site.yml`'s `base_url`.
    var baseURL: BaseURLOverride?
    /// The files' stamps the build took before reading anything, by path, when it took them: a
    /// report's cache entry is checked against its stamp there rather than by asking again.
    var stamps: [String: InputStamps.Stamp] = [:]

    init(root: String, baseURL: BaseURLOverride? = nil) {
        self.root = root
        self.baseURL = baseURL
    }

    init(root: String, cache: InspectionCache?, makesCache: Bool, baseURL: BaseURLOverride? = nil, stamps: [String: InputStamps.Stamp] = [:]) {
        self.root = root
        self.cache = cache
        self.makesCache = makesCache
        self.baseURL = baseURL
        self.stamps = stamps
    }

    /// Loads everything, or throws every diagnostic found when any is an error.
    func load() throws(DiagnosticsError) -> (content: SiteContent, warnings: [Diagnostic]) {
        let (content, diagnostics) = read()
        guard content.settings != nil, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticsError(diagnostics)
        }
        return (content, diagnostics)
    }

    /// Loads whatever can be loaded, with every diagnostic found, so that later checks can still run
    /// on the files that were fine.
    func read() -> (content: SiteContent, diagnostics: [Diagnostic]) {
        let (content, diagnostics, _) = readCaching()
        return (content, diagnostics)
    }

    /// `read()`, with the inspection cache for the next build when `makesCache`.
    func readCaching() -> (content: SiteContent, diagnostics: [Diagnostic], cache: InspectionCache?) {
        var log = DiagnosticLog()
        let settings = loadSettings(&log)
        var frameworks: [Framework] = []
        var seen: [String: String] = [:]
        for file in files(in: "frameworks", ext: "yml", &log) {
            guard isUnique(file, &seen, &log), let (yaml, _) = readYAMLFile(file, &log) else { continue }
            if let framework = FrameworkDecoder.decode(yaml, id: file.slug, &log) { frameworks.append(framework) }
        }
        var unplaced: [UnplacedText] = []
        let regions: [Region] = decodeEach(uniqueFiles(in: "regions", ext: "md", &log), folder: "regions", route: Routes.region, &log, &unplaced) {
            yaml, document, file, log in
            RegionDecoder.decode(yaml, slug: file.slug, body: document.body, bodyFirstLine: document.bodyFirstLine, &log)
        }
        // Walked once each: the reports and pages, and their translations beside them.
        let inspectionFiles = DirectoryWalk.entries(under: join(root, "inspections"))
        let pageFiles = DirectoryWalk.entries(under: join(root, "pages"))
        let (inspections, newCache) = readInspections(uniqueFiles(in: "inspections", ext: "md", walked: inspectionFiles, &log), &log, unplaced: &unplaced)
        let pages: [SitePage] = decodeEach(uniqueFiles(in: "pages", ext: "md", walked: pageFiles, &log), folder: "pages", route: Routes.page, &log, &unplaced) {
            yaml, document, file, log in
            SitePageDecoder.decode(yaml, slug: file.slug, document: document, &log)
        }
        var glossary: [GlossaryTerm] = []
        let glossaryPath = join(root, "glossary.yml")
        if FileManager.default.fileExists(atPath: glossaryPath), let (yaml, _) = readYAMLFile((glossaryPath, "glossary"), &log) {
            glossary = GlossaryDecoder.decode(yaml, &log)
        }
        let translations = self.translations(languages: settings?.languages ?? ["en"], inspections: Dictionary(inspections.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }),
                                             pages: Set(pages.map(\.slug)), inspectionFiles: inspectionFiles.files, pageFiles: pageFiles.files, &log)
        return (SiteContent(settings: settings, frameworks: frameworks, regions: regions, inspections: inspections,
                            glossary: glossary, attachments: attachments(limit: settings?.attachmentSizeLimit ?? SiteSettings.defaultAttachmentSizeLimit, &log),
                            pages: pages, unplacedTexts: unplaced,
                            texts: interfaceTexts(languages: settings?.languages ?? ["en"], &log), translations: translations),
                log.diagnostics, newCache)
    }

    /// The translations beside the reports and pages (`x.cy.md`), each of a file that is there, into
    /// one of the site's languages other than the default; `inspectionFiles` and `pageFiles` are the
    /// files the walks of the two folders found.
    private func translations(
        languages: [String], inspections: [String: Inspection], pages: Set<String>, inspectionFiles: [String], pageFiles: [String],
        _ log: inout DiagnosticLog
    ) -> [Translation] {
        var found: [Translation] = []
        let folders = [("inspections", Translation.Kind.inspection, Set(inspections.keys), inspectionFiles), ("pages", .page, pages, pageFiles)]
        for (folder, kind, originals, files) in folders {
            let directory = join(root, folder)
            let named = files.compactMap { relative in
                TranslationDecoder.parts(ofName: SiteTree.split(relative).name).map { (relative, $0.slug, $0.language) }
            }
            for (relative, slug, language) in named.sorted(by: { $0.0 < $1.0 }) {
                let path = join(directory, relative)
                guard languages.dropFirst().contains(language) else {
                    log.append(Diagnostic(at: SourceLocation(file: path), "'\(language)' is not one of the site's other languages, so this translation is not published",
                                          note: "site.yml's languages: \(languages.joined(separator: ", ")); the first is the originals' language"))
                    continue
                }
                guard originals.contains(slug) else {
                    log.append(Diagnostic(at: SourceLocation(file: path), "a translation of '\(slug)', which is not in \(folder)/",
                                          note: "name it after the file it translates: \(folder)/<name>.\(language).md beside <name>.md"))
                    continue
                }
                var fileLog = DiagnosticLog()
                guard let (yaml, document) = readMarkdownFile((path, slug), folder: folder, &fileLog), let yaml else {
                    log.append(contentsOf: fileLog.diagnostics)
                    continue
                }
                var digest = ContentDigest(path)
                digest.combine(document.yaml)
                digest.combine(document.body)
                if let translation = TranslationDecoder.decode(yaml, kind: kind, slug: slug, language: language, body: document.body,
                                                               bodyFirstLine: document.bodyFirstLine, digest: digest, &fileLog) {
                    if let original = inspections[slug], kind == .inspection {
                        TranslationDecoder.checkMatches(translation, original: original, yaml, &fileLog)
                    }
                    found.append(translation)
                }
                log.append(contentsOf: fileLog.diagnostics)
            }
        }
        return found
    }

    /// The interface text of each language, from `i18n/`; English as the templates give it when the
    /// folder has no file for it.
    private func interfaceTexts(languages: [String], _ log: inout DiagnosticLog) -> [InterfaceText] {
        let texts = InterfaceTextDecoder.load(languages: languages, content: root, &log)
        return texts.isEmpty ? [.english] : texts
    }

    /// Reads the reports on all cores, taking from the cache those whose files kept their stamps.
    /// The stamp is taken before the file is read (by the build, before anything, or here), so a
    /// file changed meanwhile is stored with its older stamp and read again next time.
    private func readInspections(
        _ files: [(path: String, slug: String)], _ log: inout DiagnosticLog, unplaced: inout [UnplacedText]
    ) -> ([Inspection], InspectionCache?) {
        let cache = self.cache, makesCache = self.makesCache, stamps = self.stamps
        let outcomes = files.map { FileRef(path: $0.path, slug: $0.slug) }.concurrentMap {
            file -> (inspection: Inspection?, log: DiagnosticLog, record: InspectionCache.Record?, reused: Bool, text: UnplacedText?) in
            let stamp = stamps[file.path] ?? InputStamps.stamp(file.path)
            if let cache, let stamp, let cached = cache.inspection(at: file.path, size: stamp.size, modified: stamp.modified) {
                var record = cache.records[file.path]
                record?.inspection = cached
                return (cached, DiagnosticLog(), record, true, nil)
            }
            let (inspection, fileLog, text) = decodeReportKeepingText(at: file.path, slug: file.slug)
            var record: InspectionCache.Record?
            if makesCache, fileLog.diagnostics.isEmpty, let inspection, let stamp {
                record = InspectionCache.record(for: inspection, size: stamp.size, modified: stamp.modified)
            }
            return (inspection, fileLog, record, false, text)
        }
        var inspections: [Inspection] = []
        var next = cache?.emptied() ?? InspectionCache(settledBefore: 0)
        var reused = 0
        for (file, outcome) in zip(files, outcomes) {
            log.append(contentsOf: outcome.log.diagnostics)
            if let inspection = outcome.inspection { inspections.append(inspection) }
            if let text = outcome.text { unplaced.append(text) }
            if let record = outcome.record { next.store(record, for: file.path) }
            if outcome.reused { reused += 1 }
        }
        guard makesCache else { return (inspections, nil) }
        next.isUnchanged = reused == files.count && reused == (cache?.records.count ?? -1)
        return (inspections, next)
    }

    /// Reads and decodes one report, with what was wrong with it.
    func decodeReport(at path: String, slug: String) -> (inspection: Inspection?, log: DiagnosticLog) {
        let decoded = decodeReportKeepingText(at: path, slug: slug)
        return (decoded.inspection, decoded.log)
    }

    /// `decodeReport`, with the report's text when no report could be made of the file, for the link check.
    private func decodeReportKeepingText(at path: String, slug: String) -> (inspection: Inspection?, log: DiagnosticLog, text: UnplacedText?) {
        var log = DiagnosticLog()
        guard let (root, document) = readMarkdownFile((path, slug), folder: "inspections", &log) else { return (nil, log, nil) }
        let unplaced = UnplacedText(page: Routes.inspection(slug), file: path, firstLine: document.bodyFirstLine, body: document.body)
        guard let yaml = root else { return (nil, log, unplaced) }
        var inspection = InspectionDecoder.decode(yaml, slug: slug, body: document.body, bodyFirstLine: document.bodyFirstLine, &log)
        if inspection == nil { return (nil, log, unplaced) }
        inspection?.frontMatterDigest = ContentDigest(document.yaml)
        inspection?.bodyDigest = ContentDigest(document.body)
        // Only where the text starts is kept; the page reads it again when it is made.
        if let offset = document.bodyOffset { inspection?.body = .file(path, from: offset) }
        return (inspection, log, nil)
    }

    private func loadSettings(_ log: inout DiagnosticLog) -> SiteSettings? {
        let path = join(root, "site.yml")
        guard FileManager.default.fileExists(atPath: path) else {
            log.append(Diagnostic(at: SourceLocation(file: path), "missing site settings file",
                                  note: "create site.yml with title, base_url and licence"))
            return nil
        }
        guard let (yaml, _) = readYAMLFile((path, "site"), &log) else { return nil }
        return SiteSettingsDecoder.decode(yaml, baseURL: baseURL, &log)
    }

    /// `(path, slug)` of the files with extension `ext` in `folder`, sorted, reporting bad file names.
    /// Sub-folders are read too (authors may file inspections by year); the slug is the file name alone,
    /// so it must be unique across them. Hidden files and folders are skipped. A name with the
    /// extension that is not a regular file (a folder, a pipe, a link to nothing) is an error: skipped
    /// silently, a report would vanish from the site without a word.
    private func files(
        in folder: String, ext: String, walked: DirectoryWalk.Entries? = nil, _ log: inout DiagnosticLog
    ) -> [(path: String, slug: String)] {
        let directory = join(root, folder)
        var found: [(path: String, slug: String)] = []
        let suffix = ".\(ext)"
        let entries = walked ?? DirectoryWalk.entries(under: directory)
        for relative in entries.files {
            guard relative.hasSuffix(suffix) else { continue }
            let name = SiteTree.split(relative).name
            // A translation (`x.cy.md`) is read with its original (see `translations`).
            if ext == "md", TranslationDecoder.parts(ofName: name) != nil { continue }
            found.append((join(directory, relative), String(name.utf8.dropLast(suffix.utf8.count))!))
        }
        // Another spelling of a Markdown file's extension is a report the author expects to see.
        for relative in entries.files where !relative.hasSuffix(suffix) && ext == "md" && Self.looksLikeMarkdown(relative) {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            log.append(Diagnostic(.warning, at: SourceLocation(file: join(directory, relative)), "'\(name)' is not read: only .md files are",
                                  note: "rename it to \(stem).md"))
        }
        for relative in (entries.folders + entries.others).sorted() where relative.hasSuffix(suffix) {
            log.append(Diagnostic(at: SourceLocation(file: join(directory, relative)), "not a readable file: \(Self.kind(of: join(directory, relative)))",
                                  note: "a \(suffix) file in the content folder must be a regular file: rename or remove it"))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The files under `files/` that may be published: regular files (a symbolic link at any level
    /// would publish whatever it leads to), of a type that cannot run script when opened, no larger
    /// than `limit` bytes, each with a name that is safe in a web address.
    private func attachments(limit: Int64, _ log: inout DiagnosticLog) -> [Attachment] {
        let folder = join(root, Routes.attachmentsFolder)
        var info = stat()
        guard lstat(folder, &info) == 0 else { return [] }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            log.append(Diagnostic(at: SourceLocation(file: folder), "\(Routes.attachmentsFolder)/ must be a folder, not \(Self.kind(of: folder))",
                                  note: "put the files themselves in it: a link would publish whatever it leads to"))
            return []
        }
        let entries = SiteTree.entries(in: folder)
        for relative in entries.others.sorted() {
            log.append(Diagnostic(at: SourceLocation(file: join(folder, relative)), "not a regular file: \(Self.kind(of: join(folder, relative)))",
                                  note: "only regular files are published from \(Routes.attachmentsFolder)/: a link would publish whatever it leads to; copy the file in instead"))
        }
        var found: [Attachment] = []
        // Hidden files (`.DS_Store`, an editor's backup) are no one's attachment.
        for relative in entries.files.sorted() where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let path = join(folder, relative)
            guard relative.split(separator: "/").allSatisfy(Slug.isSafeFileName) else {
                log.append(Diagnostic(at: SourceLocation(file: path), "'\(relative)' cannot be part of a web address",
                                      note: "name files with letters, digits, '-', '_' and '.' only, starting with a letter or digit"))
                continue
            }
            let type = AttachmentType(fileName: relative)
            guard type.isPublishable else {
                log.append(Diagnostic(at: SourceLocation(file: path), type.refusal, note: AttachmentType.allowedNote))
                continue
            }
            guard stat(path, &info) == 0 else { continue }
            if Int64(info.st_size) > limit {
                log.append(Diagnostic(at: SourceLocation(file: path),
                    "'\(relative)' is \(Format.fileSize(Int(info.st_size))), over the limit for an attachment (\(Format.fileSize(Int(limit))))",
                    note: "make the file smaller, or raise 'attachment_size_limit' in site.yml (in MB)"))
                continue
            }
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            found.append(Attachment(path: Routes.attachmentsFolder + "/" + relative, source: path, size: Int64(info.st_size), modified: modified))
        }
        return found
    }

    /// A name that ends in another spelling of `.md`: `.markdown`, `.MD`, `.mdown`, `.md.txt` …
    static func looksLikeMarkdown(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".md.txt"].contains(where: lower.hasSuffix)
    }

    /// What a path that is not a regular file is, in words.
    static func kind(of path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "it cannot be read" }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "it is a folder"
        case S_IFIFO: return "it is a named pipe"
        case S_IFSOCK: return "it is a socket"
        case S_IFCHR, S_IFBLK: return "it is a device"
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else { return "it is a symbolic link that leads nowhere" }
            return target.st_mode & S_IFMT == S_IFDIR ? "it is a symbolic link to a folder" : "it is a symbolic link to something not a file"
        default: return "it is not a regular file"
        }
    }

    /// The Markdown files of `folder` whose slugs are not already taken by an earlier file.
    private func uniqueFiles(
        in folder: String, ext: String, walked: DirectoryWalk.Entries? = nil, _ log: inout DiagnosticLog
    ) -> [(path: String, slug: String)] {
        var seen: [String: String] = [:]
        return files(in: folder, ext: ext, walked: walked, &log).filter { isUnique($0, &seen, &log) }
    }


    /// Reads and decodes every file on all cores (each file stands alone), then gathers the values and
    /// the diagnostics in file order, so the result is the same as reading them one by one.
    private func decodeEach<Value: Sendable>(
        _ files: [(path: String, slug: String)], folder: String, route: @escaping @Sendable (String) -> String,
        _ log: inout DiagnosticLog, _ unplaced: inout [UnplacedText],
        _ decode: @escaping @Sendable (YAMLValue, FrontMatterDocument, (path: String, slug: String), inout DiagnosticLog) -> Value?
    ) -> [Value] {
        let outcomes = files.map { FileRef(path: $0.path, slug: $0.slug) }.concurrentMap { file -> (Value?, DiagnosticLog, UnplacedText?) in
            var fileLog = DiagnosticLog()
            guard let (root, document) = readMarkdownFile((file.path, file.slug), folder: folder, &fileLog) else { return (nil, fileLog, nil) }
            let value = root.flatMap { decode($0, document, (file.path, file.slug), &fileLog) }
            let text = value == nil
                ? UnplacedText(page: route(file.slug), file: file.path, firstLine: document.bodyFirstLine, body: document.body) : nil
            return (value, fileLog, text)
        }
        var values: [Value] = []
        for (value, fileLog, text) in outcomes {
            log.append(contentsOf: fileLog.diagnostics)
            if let value { values.append(value) }
            if let text { unplaced.append(text) }
        }
        return values
    }

    private struct FileRef: Sendable {
        var path: String
        var slug: String
    }

    /// Reports a slug used by two files; the second one is left out.
    private func isUnique(_ file: (path: String, slug: String), _ seen: inout [String: String], _ log: inout DiagnosticLog) -> Bool {
        if let first = seen[file.slug] {
            log.append(Diagnostic(at: SourceLocation(file: file.path, line: 1), "the page name '\(file.slug)' is already used by \(first)",
                                  note: "two files cannot make the same page: rename one"))
            return false
        }
        seen[file.slug] = file.path
        return true
    }

    /// No report comes near this; a larger file is a mistake (or an attack) and is not read.
    static let maximumFileBytes = 16 << 20

    private func readText(_ path: String, _ log: inout DiagnosticLog) -> String? {
        readTextAndSize(path, &log)?.text
    }

    /// The file's text, and its size in bytes.
    ///
    /// Opened without blocking and checked to be a regular file before reading: a path that became a
    /// named pipe after the folder was listed would otherwise wait forever for a writer.
    private func readTextAndSize(_ path: String, _ log: inout DiagnosticLog) -> (text: String, bytes: Int)? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            log.append(Diagnostic(at: SourceLocation(file: path), "cannot read the file: \(String(cString: strerror(errno)))"))
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            log.append(Diagnostic(at: SourceLocation(file: path), "not a readable file: \(Self.kind(of: path))"))
            return nil
        }
        if Int(info.st_size) > Self.maximumFileBytes {
            log.append(Diagnostic(at: SourceLocation(file: path), "the file is larger than \(Self.maximumFileBytes >> 20) MB"))
            return nil
        }
        guard let data = try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data() else {
            log.append(Diagnostic(at: SourceLocation(file: path), "cannot read the file"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let found = TextScan.firstInvalidUTF8(in: data)
            let byte = found.map { ": byte 0x" + String($0.byte, radix: 16, uppercase: true) } ?? ""
            log.append(Diagnostic(at: SourceLocation(file: path, line: found?.line ?? 1, column: found?.column),
                                  "the file is not valid UTF-8 text\(byte)", note: "save it as UTF-8"))
            return nil
        }
        return (text, data.count)
    }

    private func checkSlug(_ file: (path: String, slug: String), _ log: inout DiagnosticLog) -> Bool {
        guard Slug.isValid(file.slug) else {
            log.append(Diagnostic(at: SourceLocation(file: file.path), "file name '\(file.slug)' is not a valid page name",
                                  note: "use lower-case letters, digits and single hyphens, e.g. '\(Slug.make(file.slug))'"))
            return false
        }
        return true
    }

    private func readYAMLFile(_ file: (path: String, slug: String), _ log: inout DiagnosticLog) -> (YAMLValue, String)? {
        guard checkSlug(file, &log), let text = readText(file.path, &log) else { return nil }
        switch YAMLReader.parse(text, file: file.path, firstLine: 1) {
        case .success(let value): return (value, text)
        case .failure(var diagnostic):
            // A YAML file is all front matter: it is the file that is empty.
            if diagnostic.message == YAMLReader.emptyMessage {
                diagnostic.message = "the file is empty"
                diagnostic.note = file.slug == "site" ? "site.yml needs title, base_url and licence" : nil
            }
            log.append(diagnostic)
            return nil
        }
    }

    /// The file's front matter, read, and its text. When the YAML does not parse even once mended
    /// (see `YAMLReader.parseRecovering`), the value is nil and the text is still checked here, so that
    /// one run reports the text's mistakes with the YAML's; the caller keeps the text for the link check.
    private func readMarkdownFile(
        _ file: (path: String, slug: String), folder: String, _ log: inout DiagnosticLog
    ) -> (YAMLValue?, FrontMatterDocument)? {
        guard let document = splitMarkdownFile(file, &log) else { return nil }
        // A body over the limits is left out whole: checking its links would hand it to cmark-gfm.
        if let problem = MarkdownLimits.firstProblem(in: document.body, file: file.path, firstLine: document.bodyFirstLine) {
            if case .failure(let diagnostic) = YAMLReader.parse(document.yaml, file: file.path, firstLine: document.yamlFirstLine) {
                log.append(diagnostic)
            }
            log.append(problem)
            return nil
        }
        let recovered = YAMLReader.parseRecovering(document.yaml, file: file.path, firstLine: document.yamlFirstLine)
        for diagnostic in recovered.diagnostics {
            var diagnostic = diagnostic
            if diagnostic.message == YAMLReader.emptyMessage { diagnostic.note = Self.fieldsNeeded[folder] }
            log.append(diagnostic)
        }
        if recovered.value == nil {
            TextChecks.check(document.body, file: file.path, firstLine: document.bodyFirstLine, &log)
        }
        return (recovered.value, document)
    }

    /// What an empty front matter needs, by folder: the fields a file of it cannot do without.
    static let fieldsNeeded: [String: String] = [
        "inspections": "a report needs title, type (pdu or region), pdu (for a PDU inspection), region, framework, published, "
            + "score, overall and ratings; 'reportsite new' writes a report with every field in place",
        "regions": "a region needs name and pdus (a list, each with a name)",
        "pages": "a page needs a title; description, updated and draft are optional",
    ]

    /// The file's front matter and text, not yet parsed.
    private func splitMarkdownFile(_ file: (path: String, slug: String), _ log: inout DiagnosticLog) -> FrontMatterDocument? {
        guard checkSlug(file, &log), let (text, fileBytes) = readTextAndSize(file.path, &log) else { return nil }
        switch FrontMatter.split(text, file: file.path) {
        case .success(var document):
            // Decoding drops a byte-order mark: then the text's bytes are not the file's.
            if fileBytes != text.utf8.count { document.bodyOffset = nil }
            return document
        case .failure(let diagnostic):
            log.append(diagnostic)
            return nil
        }
    }

    private func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }
}
