import Foundation

/// Turns the print versions of a built site into PDFs with headless Chromium, when it is installed.
///
/// Each PDF is written to a temporary file beside its target and renamed into place, so a reader never
/// sees half a PDF. Chromium takes the document title from `<title>` into the PDF's metadata.
struct PDFExporter: Sendable {
    /// The names Chromium goes by on Debian and elsewhere, tried in order on `PATH`.
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    var site: String
    var browser: String

    /// Finds a browser, or returns a diagnostic saying how to install one.
    static func findBrowser(explicit: String? = nil) -> Result<String, Diagnostic> {
        if let explicit {
            return FileManager.default.isExecutableFile(atPath: explicit)
                ? .success(explicit)
                : .failure(Diagnostic(at: SourceLocation(file: explicit), "not an executable browser"))
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in browserNames {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return .success(candidate) }
            }
        }
        return .failure(Diagnostic(at: SourceLocation(file: "chromium"), "Chromium is not installed, so no PDF can be made",
                                   note: "install it (Debian: apt-get install chromium) or name it with --browser; the print versions (print.html) print from any browser"))
    }

    init(site: String, browser: String) {
        self.site = site
        self.browser = browser
    }

    /// Slugs of the inspections whose print version exists in the built site.
    func printableSlugs() -> [String] {
        let folder = (site as NSString).appendingPathComponent("inspections")
        let slugs = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return slugs.filter { FileManager.default.fileExists(atPath: (site as NSString).appendingPathComponent(Routes.printVersion($0))) }.sorted()
    }

    /// Removes the PDFs of reports that have no print version in the site any more (withdrawn,
    /// made drafts or deleted since the PDFs were made); returns their paths relative to the site.
    func removeOrphans() -> [String] {
        let folder = (site as NSString).appendingPathComponent("inspections")
        let printable = Set(printableSlugs())
        let slugs = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return slugs.sorted().compactMap { slug -> String? in
            let pdf = (site as NSString).appendingPathComponent(Routes.pdf(slug))
            guard !printable.contains(slug), FileManager.default.fileExists(atPath: pdf) else { return nil }
            try? FileManager.default.removeItem(atPath: pdf)
            // The report's folder goes with its last file.
            let reportFolder = (folder as NSString).appendingPathComponent(slug)
            if (try? FileManager.default.contentsOfDirectory(atPath: reportFolder))?.isEmpty == true {
                try? FileManager.default.removeItem(atPath: reportFolder)
            }
            return Routes.pdf(slug)
        }
    }

    /// Makes the PDF of each slug, two browsers at a time; returns the PDFs' paths relative to the site.
    func export(_ slugs: [String]) async throws(DiagnosticsError) -> [String] {
        let known = Set(printableSlugs())
        let unknown = slugs.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw DiagnosticsError(unknown.map {
                Diagnostic(at: SourceLocation(file: (site as NSString).appendingPathComponent(Routes.printVersion($0))),
                           "no print version of '\($0)' in the built site", note: "build the site first, and check the slug")
            })
        }
        let results = await withTaskGroup(of: Result<String, Diagnostic>.self) { group in
            var next = 0
            var results: [Result<String, Diagnostic>] = []
            func enqueue() {
                guard next < slugs.count else { return }
                let slug = slugs[next]
                next += 1
                group.addTask { self.exportOne(slug) }
            }
            for _ in 0..<2 { enqueue() }
            for await result in group {
                results.append(result)
                enqueue()
            }
            return results
        }
        let failures = results.compactMap { if case .failure(let diagnostic) = $0 { diagnostic } else { nil } }
        if !failures.isEmpty { throw DiagnosticsError(failures) }
        return results.compactMap { try? $0.get() }.sorted()
    }

    private func exportOne(_ slug: String) -> Result<String, Diagnostic> {
        let source = URL(fileURLWithPath: (site as NSString).appendingPathComponent(Routes.printVersion(slug))).standardizedFileURL
        let target = URL(fileURLWithPath: (site as NSString).appendingPathComponent(Routes.pdf(slug)))
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(slug).pdf.partial")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("reportsite-chromium-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: profile)
            try? FileManager.default.removeItem(at: partial)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            // The document outline gives the PDF bookmarks from the report's headings.
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(partial.path)", source.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: browser), "cannot start the browser: \(error.localizedDescription)"))
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let size = (try? FileManager.default.attributesOfItem(atPath: partial.path))?[.size] as? Int, size > 0
        else {
            let last = message.split(separator: "\n").last.map(String.init) ?? "no output"
            return .failure(Diagnostic(at: SourceLocation(file: source.path), "the browser made no PDF (status \(process.terminationStatus)): \(last)"))
        }
        do {
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: partial, to: target)
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: target.path), "cannot write the PDF: \(error.localizedDescription)"))
        }
        return .success(Routes.pdf(slug))
    }
}
