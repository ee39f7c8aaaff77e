import Foundation
import Testing
import ReportSite
import ReportSiteTestSupport

/// What a web team types on its first day: `new page`, `new inspection` twice in a year, `clean`, `help`.
@Suite("Day-one commands", .serialized)
struct DayOneCommandTests {
    @Test func newPageWritesADraftThatChecksAndIsLeftOutOfTheBuild() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        let made = try await PublishingAddressTests.run(["new", "page", "Contact us"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Wrote Content/pages/contact-us.md: a draft."), "\(made.stdout)")
        let text = try TestPaths.read(folder.appendingPathComponent("Content/pages/contact-us.md"))
        #expect(text.contains("title: \"Contact us\"\n") && text.contains("draft: true\n"), "\(text)")

        let byName = try await PublishingAddressTests.run(["new", "page", "accessibility-help"], in: folder)
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(try TestPaths.read(folder.appendingPathComponent("Content/pages/accessibility-help.md")).contains("title: \"Accessibility help\"\n"))

        let check = try await PublishingAddressTests.run(["check"], in: folder)
        #expect(check.status == 0 && check.stdout.contains("0 errors, 0 warnings"), "\(check.stdout)\(check.stderr)")
        let built = try await PublishingAddressTests.run(["build"], in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/contact-us").path), "a draft page was published")

        let again = try await PublishingAddressTests.run(["new", "page", "contact-us"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("Content/pages/contact-us.md: error: a page named 'contact-us' is already there; refusing to replace it"), "\(again.stderr)")
        #expect(try TestPaths.read(folder.appendingPathComponent("Content/pages/contact-us.md")) == text)

        let taken = try await PublishingAddressTests.run(["new", "page", "regions"], in: folder)
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("error: the page name 'regions' is taken"), "\(taken.stderr)")
        let nameless = try await PublishingAddressTests.run(["new", "page", "!!!"], in: folder)
        #expect(nameless.status == 1)
        #expect(nameless.stderr.contains("error: '!!!' cannot name a page"), "\(nameless.stderr)")
    }

    @Test func newInspectionPicksAFreeNameOrSaysHowToChooseOne() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        // The small site has inspections/alpha-2024.md: a second report of 2024 takes the month.
        let second = try await PublishingAddressTests.run(["new", "inspection", "--pdu", "Alpha", "--date", "2024-11-05"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("Wrote Content/inspections/alpha-2024-11.md"), "\(second.stdout)")
        let third = try await PublishingAddressTests.run(["new", "inspection", "--pdu", "Alpha", "--date", "2024-11-20"], in: folder)
        #expect(third.stdout.hasPrefix("Wrote Content/inspections/alpha-2024-11-20.md"), "\(third.stdout)\(third.stderr)")
        // A year alone names no other file: the way to choose one is named.
        let yearOnly = try await PublishingAddressTests.run(["new", "inspection", "--pdu", "Alpha", "--date", "2024"], in: folder)
        #expect(yearOnly.status == 1)
        #expect(yearOnly.stderr.contains("Content/inspections/alpha-2024.md: error: a report named 'alpha-2024' is already there; refusing to replace it"), "\(yearOnly.stderr)")
        #expect(yearOnly.stderr.contains("note: give the full publication date (--date YYYY-MM-DD) for a name with it, or choose one with --slug NAME"))
        let chosen = try await PublishingAddressTests.run(["new", "inspection", "--pdu", "Alpha", "--date", "2024", "--slug", "alpha-2024-thematic"], in: folder)
        #expect(chosen.stdout.hasPrefix("Wrote Content/inspections/alpha-2024-thematic.md"), "\(chosen.stdout)\(chosen.stderr)")
        let badSlug = try await PublishingAddressTests.run(["new", "inspection", "--pdu", "Alpha", "--slug", "Alpha 2024"], in: folder)
        #expect(badSlug.status == 1)
        #expect(badSlug.stderr.contains("error: 'Alpha 2024' is not a valid file name for a report"), "\(badSlug.stderr)")
        // A report filed in a sub-folder holds its name too.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Content/inspections/2025"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("Content/inspections/alpha-2024-thematic.md"),
                                        to: folder.appendingPathComponent("Content/inspections/2025/alpha-2025.md"))
        let filed = try await PublishingAddressTests.run(["new", "inspection", "--pdu", "Alpha", "--date", "2025-02"], in: folder)
        #expect(filed.stdout.hasPrefix("Wrote Content/inspections/alpha-2025-02.md"), "\(filed.stdout)\(filed.stderr)")
        let check = try await PublishingAddressTests.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func helpHasNoStrayBackslashes() async throws {
        let folder = try TestPaths.scratch()
        for command in [["help", "new", "inspection"], ["help", "new", "page"], ["help", "clean"], ["help", "build"],
                        ["help", "check"], ["help", "serve"], ["help", "pdf"]] {
            let help = try await PublishingAddressTests.run(command, in: folder)
            #expect(help.status == 0)
            #expect(!help.stdout.contains("\\"), "\(command): \(help.stdout)")
            #expect(help.stdout.contains("USAGE:"), "\(command)")
        }
    }

    @Test func cleanRemovesTheOutputAndTheCacheAndNothingElse() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        #expect(try await PublishingAddressTests.run(["build"], in: folder).status == 0)
        // An incremental build leaves the tree it patches beside the output.
        let inspection = folder.appendingPathComponent("Content/inspections/alpha-2024.md")
        try TestPaths.write(try TestPaths.read(inspection).replacingOccurrences(of: "Text.", with: "Other text."), to: inspection)
        #expect(try await PublishingAddressTests.run(["build"], in: folder).status == 0)
        let fileManager = FileManager.default
        for made in ["Output", ".reportsite-cache", ".Output.previous"] {
            #expect(fileManager.fileExists(atPath: folder.appendingPathComponent(made).path), "\(made) was not made")
        }
        let cleaned = try await PublishingAddressTests.run(["clean"], in: folder)
        #expect(cleaned.status == 0, "\(cleaned.stderr)")
        #expect(cleaned.stdout.contains("Removed Output/"), "\(cleaned.stdout)")
        for made in ["Output", ".reportsite-cache", ".Output.previous"] {
            #expect(!fileManager.fileExists(atPath: folder.appendingPathComponent(made).path), "\(made) is still there")
        }
        for kept in ["Content/site.yml", "Templates/assets"] {
            #expect(fileManager.fileExists(atPath: folder.appendingPathComponent(kept).path), "\(kept) was removed")
        }
        let nothing = try await PublishingAddressTests.run(["clean"], in: folder)
        #expect(nothing.status == 0 && nothing.stdout.contains("Nothing to clean"), "\(nothing.stdout)")
        // The next build is a full one, and works.
        #expect(try await PublishingAddressTests.run(["build"], in: folder).status == 0)
    }

    @Test func cleanLeavesFoldersItDidNotMake() async throws {
        let folder = try ReportSiteBinary.workingCopy()
        let notOurs = folder.appendingPathComponent("Photos")
        try TestPaths.write("a photo", to: notOurs.appendingPathComponent("one.jpg"))
        let refused = try await PublishingAddressTests.run(["clean", "--output", "Photos"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Photos: error: Photos was not made by reportsite (it has no .reportsite-output); left as it is"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: notOurs.appendingPathComponent("one.jpg").path))

        // A cache folder holding a file builds do not make is left whole.
        #expect(try await PublishingAddressTests.run(["build", "--cache", "Scratch"], in: folder).status == 0)
        try TestPaths.write("notes", to: folder.appendingPathComponent("Scratch/notes.txt"))
        let cache = try await PublishingAddressTests.run(["clean", "--cache", "Scratch"], in: folder)
        #expect(cache.status == 1)
        #expect(cache.stderr.contains("Scratch/notes.txt: error: Scratch holds a file builds do not make; the cache was left as it is"), "\(cache.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Scratch/notes.txt").path))
        // The output, which is reportsite's, went all the same.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path))
    }
}
