import Testing
@testable import ReportSiteServer
import ReportSiteTestSupport

/// What the preview server makes of a `Range` header and of a path, before any file is looked up.
@Suite("Strict requests")
struct StrictRequestTests {
    typealias Ranges = RangeMiddleware<PreviewRequestContext>

    @Test func rangesAreResolvedAsRFC9110Says() {
        let size = 1_000
        #expect(Ranges.resolve("bytes=0-9", size: size) == .range(0...9))
        #expect(Ranges.resolve("bytes=990-", size: size) == .range(990...999))
        // A suffix counts from the end; longer than the file, it is the whole file.
        #expect(Ranges.resolve("bytes=-10", size: size) == .range(990...999))
        #expect(Ranges.resolve("bytes=-5000", size: size) == .range(0...999))
        #expect(Ranges.resolve("bytes=0-99999999999999999999999", size: size) == .range(0...999))
        // Unsatisfiable: starting at or past the end, an empty suffix, any range of an empty file.
        #expect(Ranges.resolve("bytes=1000-", size: size) == .unsatisfiable)
        #expect(Ranges.resolve("bytes=100000000-", size: size) == .unsatisfiable)
        #expect(Ranges.resolve("bytes=99999999999999999999999-", size: size) == .unsatisfiable)
        #expect(Ranges.resolve("bytes=-0", size: size) == .unsatisfiable)
        #expect(Ranges.resolve("bytes=0-0", size: 0) == .unsatisfiable)
        // Not understood, or more than one range: ignored, the whole file is sent.
        for header in ["bytes=9-5", "bytes=0-1,5-6", "lines=0-9", "bytes=a-b", "bytes=", "bytes=-", "bytes=+1-2", "bytes=-+3"] {
            #expect(Ranges.resolve(header, size: size) == .ignore, "\(header)")
        }
    }

    @Test func pathsWithControlCharactersAreSpotted() {
        #expect(ControlCharacterMiddleware<PreviewRequestContext>.hasControl("/data/inspections.csv\u{0}.html"))
        #expect(ControlCharacterMiddleware<PreviewRequestContext>.hasControl("/a\u{1B}[2J"))
        #expect(ControlCharacterMiddleware<PreviewRequestContext>.hasControl("/a\u{85}"))
        #expect(!ControlCharacterMiddleware<PreviewRequestContext>.hasControl("/inspections/essex-south-2024/"))
        #expect(!ControlCharacterMiddleware<PreviewRequestContext>.hasControl("/é"))
    }
}
