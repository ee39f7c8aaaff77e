/// Where each page lives in the output folder. Every path is built from validated slugs, so no page
/// can be written outside the output folder.
package enum Routes {
    package static let home = "index.html"
    package static let regions = "regions/index.html"
    package static let pdus = "pdus/index.html"
    package static let notFound = "404.html"
    package static let search = "search/index.html"
    package static let glossary = "glossary/index.html"
    package static let methodology = "methodology/index.html"
    package static let searchIndex = "search-index.js"
    /// A language's names of PDUs and regions for its search page, in its folder (`cy/search/names.js`);
    /// the default language's are in `searchIndex`.
    package static let searchNames = "search/names.js"
    package static let feed = "feed.xml"
    /// Where the files under `Content/files/` go in the site, at the same paths.
    package static let attachmentsFolder = "files"
    package static let sitemap = "sitemap.xml"
    /// One of the sitemap files a sitemap index names, above the protocol's 50,000 addresses a file.
    package static func sitemapPart(_ number: Int) -> String { "sitemap-\(number).xml" }
    package static let robots = "robots.txt"
    /// Marks a preview's folder (a build with live reload), set apart from a published site's.
    package static let previewMarker = ".reportsite-preview"
    /// Marks a folder a build made, a published site or a preview.
    package static let outputMarker = StagedOutput.markerName
    package static let dataCSV = "data/inspections.csv"
    package static let dataJSON = "data/inspections.json"

    /// The address a page is known by: the base URL plus its folder (`…/inspections/x/`), not `index.html`.
    package static func canonical(_ path: String, base: String) -> String {
        let pretty = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return base + pretty
    }

    package static func inspection(_ slug: String) -> String { "inspections/\(slug)/index.html" }
    /// The self-contained, printable version of an inspection.
    package static func printVersion(_ slug: String) -> String { "inspections/\(slug)/print.html" }
    /// The PDF made from the print version by `reportsite pdf`.
    package static func pdf(_ slug: String) -> String { "inspections/\(slug)/\(slug).pdf" }
    /// A page of `Content/pages/`; the methodology text's page is the methodology page.
    package static func page(_ slug: String) -> String {
        slug == SitePage.methodologySlug ? methodology : "\(slug)/index.html"
    }
    /// One shard of the search index's full-text part: the postings of the words that hash to it.
    package static func searchShard(_ number: Int) -> String { "search/s/\(number).js" }
    /// The folder of the search shards, whose files the manifest carries from build to build.
    package static let searchShards = "search/s/"
    /// The rest of a word's postings that its shard holds only the best of (see `SearchIndex`): those
    /// of the reports in list `list`, of the `word`th split word of shard `shard`.
    package static func searchRest(shard: Int, word: Int, list: Int) -> String { "search/p/\(shard)-\(word)-\(list).js" }
    /// The folder of the rests of split words' postings, whose files the manifest carries from build to build.
    package static let searchRests = "search/p/"
    /// Whether `path` is one of the search index's files that a build not remaking the index
    /// carries over from the last: its shards, rests and lists of report names.
    package static func isCarriedSearchFile(_ path: String) -> Bool {
        path.hasPrefix(searchShards) || path.hasPrefix(searchRests) || path.hasPrefix(searchReportLists)
    }
    /// One list of the reports' page names in the order the search shards number them (see `SearchIndex`).
    package static func searchReports(_ number: Int) -> String { "search/r/\(number).js" }
    /// The folder of the report name lists, whose files the manifest carries from build to build.
    package static let searchReportLists = "search/r/"
    /// A report's text for the search page's snippets, loaded only when the report is a result shown.
    package static func searchText(_ slug: String) -> String { "search/t/\(slug).js" }
    package static func region(_ slug: String) -> String { "regions/\(slug)/index.html" }
    package static func pdu(_ slug: String) -> String { "pdus/\(slug)/index.html" }

    /// Files of the site that every language shares, at the site root: attachments, open data, the
    /// sitemap and robots.txt. Another language's pages link up to them.
    package static func isShared(_ path: String) -> Bool {
        path.hasPrefix(attachmentsFolder + "/") || path.hasPrefix("data/") || path == sitemap || path == robots
            || (path.hasPrefix("sitemap-") && path.hasSuffix(".xml"))
    }

    /// The prefix that leads from the page at `path` back to the site root (`../../`), so that links
    /// are relative and the site works from any folder, a server or `file://`.
    package static func rootPrefix(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
