import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

@Suite("JSON strings written by hand")
struct JSONStringTests {
    @Test func everyStringReadsBackAsWritten() throws {
        let samples = ["", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{08}\u{0C}\u{01}\u{1F}",
                       "Café – ‘quoted’ 👩🏽‍⚖️", "</script><script>alert(1)</script>", "a/b </ c"]
        for sample in samples {
            for inScript in [false, true] {
                let json = "[" + JSONString.quoted(sample, inScript: inScript) + "]"
                let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
                #expect(parsed == [sample], "\(sample.debugDescription) inScript: \(inScript) -> \(json)")
                if inScript { #expect(!json.contains("</"), "\(json)") }
            }
        }
        #expect(JSONString.quoted("a/b") == "\"a/b\"")
        #expect(JSONString.quoted("inspections/a/index.html", inScript: true) == "\"inspections/a/index.html\"")
        #expect(JSONString.quoted("</p>", inScript: true) == "\"<\\/p>\"")
    }
}
