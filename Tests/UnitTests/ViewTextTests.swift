import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// What the views work out from the site's fields: text for CSS, the path of the site's address.
@Suite("Text the views work out")
struct ViewTextTests {
    @Test func runningHeadersAreEscapedForCSS() {
        #expect(ViewBuilder.cssString("Essex South PDU: x") == "Essex South PDU\\3a  x")
        let hostile = ViewBuilder.cssString("\"; } body { display: none } </style><script>")
        #expect(!hostile.contains("\""))
        #expect(!hostile.contains("<"))
        #expect(!hostile.contains("}"))
        #expect(ViewBuilder.cssString("Ynys Môn") == "Ynys Môn")
    }

    /// The 404 page's `<base>` is the path of the site's address.
    @Test func theBasePathIsTheAddressPath() {
        #expect(ViewBuilder.path(of: "https://example.org") == "/")
        #expect(ViewBuilder.path(of: "https://example.org/a/b") == "/a/b/")
    }
}

/// The link checker the tests run over built sites.
@Suite("The tests' link checker")
struct LinkCheckerTests {
    @Test func theLinkCheckerCatchesBrokenLinks() throws {
        let folder = try TestPaths.scratch()
        try TestPaths.write("<a href=\"b.html#nowhere\">x</a><a href=\"missing/\">y</a><p id=\"here\"><a href=\"#here\">z</a></p>",
                            to: folder.appendingPathComponent("a.html"))
        try TestPaths.write("<h1 id=\"top\">B</h1>", to: folder.appendingPathComponent("b.html"))
        let result = try LinkChecker.check(site: folder)
        #expect(result.checked == 3)
        #expect(result.broken.map(\.link).sorted() == ["b.html#nowhere", "missing/"])
    }
}
