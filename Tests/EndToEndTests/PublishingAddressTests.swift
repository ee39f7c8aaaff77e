import Foundation
import Testing
import ReportSite
import Templates
import ReportSiteTestSupport

/// The site's address per environment: `--base-url` and `REPORTSITE_BASE_URL` replace `site.yml`'s
/// `base_url` for one build; `check --strict` and `build` warn when the address is a placeholder or
/// not https; the address changes what prints it, and nothing else.
@Suite("The site's address", .serialized)
struct PublishingAddressTests {
    static let staging = "https://staging.probation-reports.service.gov.uk/"
    static let live = "https://probation-reports.service.gov.uk/"

    /// The executable run on a thread of its own, so that waiting for it never holds one of the few
    /// threads the concurrently running tests share (a test that times a wake-up would miss it).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> ReportSiteBinary.Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try runWaiting(arguments, in: directory, environment: environment))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func runWaiting(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> ReportSiteBinary.Run {
        try ReportSiteBinary.run(arguments, in: directory, environment: environment)
    }

    @Test func checkStrictRefusesThePlaceholderWithItsLineAndAcceptsARealAddress() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        // The everyday check leaves the address to publication.
        let plain = try await Self.run(["check"], in: folder)
        #expect(plain.status == 0 && plain.stdout.contains("0 errors, 0 warnings"), "\(plain.stdout)\(plain.stderr)")

        let strict = try await Self.run(["check", "--strict"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("Content/site.yml:2:11: error: base_url: the site's address 'https://example.org/' is a placeholder"), "\(strict.stderr)")
        #expect(strict.stderr.contains("note: give the address the site is published at in Content/site.yml, or with --base-url or REPORTSITE_BASE_URL"))

        let given = try await Self.run(["check", "--strict", "--base-url", Self.live], in: folder)
        #expect(given.status == 0, "\(given.stderr)")
        let fromEnvironment = try await Self.run(["check", "--strict"], in: folder, environment: ["REPORTSITE_BASE_URL": Self.live])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        // The option wins over the variable.
        let both = try await Self.run(["check", "--strict", "--base-url", "http://localhost:8080/"], in: folder,
                                environment: ["REPORTSITE_BASE_URL": Self.live])
        #expect(both.status == 1)
        #expect(both.stderr.contains("--base-url: error: the site's address 'http://localhost:8080/' is a placeholder"), "\(both.stderr)")

        let plainHTTP = try await Self.run(["check", "--strict"], in: folder, environment: ["REPORTSITE_BASE_URL": "http://probation-reports.service.gov.uk/"])
        #expect(plainHTTP.status == 1)
        #expect(plainHTTP.stderr.contains("REPORTSITE_BASE_URL: error: the site's address 'http://probation-reports.service.gov.uk/' is not https"), "\(plainHTTP.stderr)")

        // Written in site.yml, a real address passes without any option.
        let settings = folder.appendingPathComponent("Content/site.yml")
        try TestPaths.write(try TestPaths.read(settings).replacingOccurrences(of: "https://example.org/", with: Self.live), to: settings)
        let written = try await Self.run(["check", "--strict"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
    }

    @Test func aBadAddressIsAnErrorNamingWhereItWasGiven() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        for bad in ["ftp://files.example.gov.uk/", "https://", "https://a b.gov.uk/", "probation.gov.uk"] {
            let built = try await Self.run(["build", "--base-url", bad], in: folder)
            #expect(built.status == 1, "\(bad)")
            #expect(built.stderr.contains("--base-url: error: "), "\(bad): \(built.stderr)")
            #expect(built.stderr.contains("build failed: 1 error"), "\(bad): \(built.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))
    }

    @Test func buildWarnsOnThePlaceholderAndAnUpToDateBuildToo() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        for _ in 0..<2 {
            let built = try await Self.run(["build"], in: folder)
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.stderr.contains("Content/site.yml:2:11: warning: base_url: the site's address 'https://example.org/' is a placeholder"), "\(built.stderr)")
        }
        let given = try await Self.run(["build", "--base-url", Self.live], in: folder)
        #expect(given.status == 0)
        #expect(!given.stderr.contains("warning"), "\(given.stderr)")
    }

    /// A build into the same folder with another address makes the pages that print it again,
    /// rather than calling the site up to date.
    @Test func anotherAddressIsNotUpToDate() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        #expect(try await Self.run(["build", "--base-url", Self.live], in: folder).status == 0)
        let second = try await Self.run(["build"], in: folder, environment: ["REPORTSITE_BASE_URL": Self.staging])
        #expect(second.status == 0)
        #expect(!second.stdout.contains("up to date"), "\(second.stdout)")
        let sitemap = try TestPaths.read(folder.appendingPathComponent("Output/sitemap.xml"))
        #expect(sitemap.contains("<loc>\(Self.staging)inspections/alpha-2024/</loc>"), "\(sitemap)")
        #expect(!sitemap.contains(Self.live))
        // The same address again writes nothing (a build within two seconds of the last one reads the
        // files again rather than trust their dates, and may switch in the same site).
        let third = try await Self.run(["build"], in: folder, environment: ["REPORTSITE_BASE_URL": Self.staging])
        #expect(third.stdout.contains("up to date") || third.stdout.contains("; 0 of "), "\(third.stdout)")
    }

    /// The real content built at two addresses: the same files, and in them only the address differs,
    /// where the sitemap, feed, open data, robots.txt, canonical links and the print versions' "Online:"
    /// line (what the PDFs print) give it. Relative links stay relative.
    @Test func theAddressChangesWhatPrintsItAndNothingElse() async throws {
        let folder = try TestPaths.scratch()
        var sites: [[String: Data]] = []
        for address in [Self.live, Self.staging] {
            let output = folder.appendingPathComponent("Output-\(sites.count)")
            var options = SiteBuilder.Options(templates: SiteTemplates(), content: TestPaths.content, templatesFolder: TestPaths.templates,
                                              output: output.path, cacheRoot: folder.appendingPathComponent("cache").path)
            options.baseURL = BaseURLOverride(url: address, source: "--base-url")
            _ = try await SiteBuilder(options: options).build()
            sites.append(try SiteFolder.snapshot(output))
        }
        let (live, staging) = (sites[0], sites[1])
        #expect(Set(live.keys) == Set(staging.keys))
        // The print version's "Online:" lines, in each language the content has.
        var printedAddress: [String] = []
        for language in ["en", "cy"] {
            let yaml = try TestPaths.read(URL(fileURLWithPath: TestPaths.content).appendingPathComponent("i18n/\(language).yml"))
            printedAddress += LinkChecker.matches(#"\n  online(?:_version)?: "([^"]*)""#, in: yaml).map { "\($0) <a href=" }
        }
        #expect(printedAddress.count == 4)

        var changed: Set<String> = []
        for (path, data) in live.sorted(by: { $0.key < $1.key }) {
            guard let other = staging[path], other != data else { continue }
            changed.insert(path)
            let a = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            let b = String(decoding: other, as: UTF8.self).components(separatedBy: "\n")
            #expect(a.count == b.count, "\(path): lines added or removed")
            // Put back, the old address makes the file what it was: nothing but the address changed.
            #expect(b.map { $0.replacingOccurrences(of: Self.staging, with: Self.live) } == a, "\(path): more than the address changed")
            guard path.hasSuffix(".html") else { continue }
            for (lineA, lineB) in zip(a, b) where lineA != lineB {
                let known = ["<link rel=\"canonical\"", "<meta property=\"og:url\"", "<link rel=\"alternate\" hreflang="] + printedAddress
                #expect(known.contains { lineB.contains($0) }, "\(path): the address is in an unexpected place: \(lineB)")
            }
        }
        let mustChange = ["sitemap.xml", "feed.xml", "data/inspections.csv", "data/inspections.json", "robots.txt",
                          Routes.printVersion("essex-south-2024"), Routes.inspection("essex-south-2024")]
        for path in mustChange {
            #expect(changed.contains(path), "\(path) does not give the address")
        }
        let print = String(decoding: try #require(staging[Routes.printVersion("essex-south-2024")]), as: UTF8.self)
        #expect(print.contains("Online: <a href=\"\(Self.staging)inspections/essex-south-2024/\">"))
        #expect(String(decoding: try #require(staging["robots.txt"]), as: UTF8.self).contains("Sitemap: \(Self.staging)sitemap.xml"))
        // Assets, search index, regions' and PDUs' data: untouched.
        #expect(!changed.contains { $0.hasPrefix("css/") || $0.hasPrefix("js/") || $0 == Routes.searchIndex || $0.hasPrefix(Routes.searchShards) }, "\(changed.sorted())")
        // Links between pages never carry the address.
        let page = String(decoding: try #require(staging[Routes.inspection("essex-south-2024")]), as: UTF8.self)
        #expect(!page.contains("href=\"\(Self.staging)regions"), "an absolute link between pages")
    }
}
