import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// A link check after one that passed looks again only at the texts whose links or anchors changed,
/// and at every text when anything a link may lead to changed.
@Suite("Link checks after one that passed")
struct LinkCheckSinceTests {
    static func text(_ slug: String, links: [String] = [], headings: [String] = []) -> BodyFacts {
        BodyFacts(page: Routes.inspection(slug), file: "inspections/\(slug).md", firstLine: 10,
                  headings: headings.map { Heading(level: 2, text: $0, id: $0) },
                  links: links.enumerated().map { MarkdownLink(destination: $1, line: $0 + 1, column: 1) })
    }

    static func check(_ bodies: [BodyFacts], draftPages: Set<String> = [], since passed: BodyLinkChecker.Passed? = nil)
        -> (problems: [Diagnostic], targets: String) {
        let checker = BodyLinkChecker(bodies: bodies, regions: [], glossary: [], draftPages: draftPages)
        let targets = checker.targetsDigest()
        return (checker.check(changedSince: passed, targets: targets), targets)
    }

    /// Texts as a check passed them (their links all lead somewhere), and one with the same links
    /// that now lead nowhere only because the check's record is taken at its word.
    @Test func aTextWhoseLinksDidNotChangeIsCheckedAgainOnlyWhenATargetMoved() {
        let a = Self.text("a", links: ["../b/index.html#findings"]), b = Self.text("b", headings: ["findings"])
        let first = Self.check([a, b])
        #expect(first.problems.isEmpty)
        let passed = BodyLinkChecker.Passed(targets: first.targets, bodies: [a.page: a, b.page: b])

        // The same targets: a text whose links are as they were is not looked at again, one whose
        // links changed is.
        let broken = Self.text("a", links: ["../b/index.html#findings", "../nowhere/index.html"])
        let same = Self.check([a, b], since: passed)
        #expect(same.problems.isEmpty && same.targets == first.targets)
        let changed = Self.check([broken, b], since: passed)
        #expect(changed.problems.map(\.message) == ["link '../nowhere/index.html' leads to no page or file (inspections/nowhere/index.html)"])

        // The anchor `a` links to goes: `a`, unchanged, is checked again and fails.
        let withoutAnchor = Self.text("b", headings: ["summary"])
        let moved = Self.check([a, withoutAnchor], since: passed)
        #expect(moved.targets != first.targets)
        #expect(moved.problems.map(\.message) == ["link '../b/index.html#findings' names an anchor '#findings' that inspections/b/index.html does not have"])
        // So does its page.
        let gone = Self.check([a], since: passed)
        #expect(gone.problems.count == 1 && gone.targets != first.targets)
        // A page becoming a draft moves the targets too.
        #expect(Self.check([a, b], draftPages: ["about/index.html"], since: passed).targets != first.targets)
    }

    /// The digest of the targets is the same whatever order the texts come in, and moves with any
    /// text's anchors, not with its links.
    @Test func theTargetsDigestFollowsTheAnchorsNotTheOrder() {
        let texts = (0..<50).map { Self.text("r\($0)", links: ["../r\(($0 + 1) % 50)/index.html"], headings: ["h\($0)"]) }
        let digest = Self.check(texts).targets
        #expect(Self.check(texts.reversed()).targets == digest)
        #expect(Self.check(texts.shuffled()).targets == digest)
        var relinked = texts
        relinked[7].links = []
        #expect(Self.check(relinked).targets == digest)
        var reheaded = texts
        reheaded[7].headings = [Heading(level: 2, text: "Other", id: "other")]
        #expect(Self.check(reheaded).targets != digest)
    }
}
