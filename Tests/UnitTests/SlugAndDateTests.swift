import Foundation
import Testing
@testable import ReportSite
import ReportSiteViews
import ReportSiteTestSupport

@Suite("Slugs and dates")
struct SlugAndDateTests {
    /// ASCII names are folded on bytes; the result must be the scalar-by-scalar one.
    @Test func theASCIIPathFoldsAsTheGeneralOne() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019 -_.,&/'()é\t")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let ascii = text.replacingOccurrences(of: "é", with: "e")
            #expect(Slug.make(ascii) == Slug.makeFromScalars(ascii), "\(ascii.debugDescription)")
        }
        #expect(Slug.make("Requires improvement") == "requires-improvement")
        #expect(Slug.make("  Kent, Surrey & Sussex  ") == "kent-surrey-sussex")
    }

    @Test(arguments: [
        ("Kent, Surrey and Sussex", "kent-surrey-and-sussex"),
        ("Swansea, Neath and Port Talbot", "swansea-neath-and-port-talbot"),
        ("  Essex   South ", "essex-south"),
        ("Cwm Taf Morgannwg", "cwm-taf-morgannwg"),
        ("Ynys Môn & Gwynedd", "ynys-mon-gwynedd"),
        ("../../etc/passwd", "etc-passwd"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("///", ""),
    ])
    func slugs(text: String, expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test func validSlugsAreWhatFileNamesMustBe() {
        #expect(Slug.isValid("essex-south-2024"))
        #expect(!Slug.isValid("Essex-South"))
        #expect(!Slug.isValid("essex--south"))
        #expect(!Slug.isValid("../x"))
        #expect(!Slug.isValid(""))
    }

    @Test func partialDatesPrintAsTheyParseAtEveryPrecision() throws {
        for year in [1900, 1999, 2024, 2999] {
            #expect(try #require(PartialDate("\(year)")).description == "\(year)")
            for month in 1...12 {
                let monthText = month < 10 ? "0\(month)" : "\(month)"
                #expect(try #require(PartialDate("\(year)-\(monthText)")).description == "\(year)-\(monthText)")
                for day in [1, 9, 10, 28] {
                    let text = "\(year)-\(monthText)-" + (day < 10 ? "0\(day)" : "\(day)")
                    #expect(try #require(PartialDate(text)).description == text)
                }
            }
        }
    }

    @Test func partialDatesParseAtEachPrecisionAndRejectImpossibleDates() throws {
        #expect(try #require(PartialDate("2024-07-18")).longForm == "18 July 2024")
        #expect(try #require(PartialDate("2022-08")).longForm == "August 2022")
        #expect(try #require(PartialDate("2025")).longForm == "2025")
        #expect(PartialDate("2024-02-29") != nil)
        #expect(PartialDate("2023-02-29") == nil)
        #expect(PartialDate("2024-13") == nil)
        #expect(PartialDate("18/07/2024") == nil)
        #expect(PartialDate("2024-7-18") == nil)
        #expect(try #require(PartialDate("2024-04-29")) < #require(PartialDate("2024-07-18")))
    }

    /// A text of digits and hyphens is read from its bytes; the same text with a space before it
    /// goes the general way (trimmed, split): both must give the same date, or none.
    @Test func datesReadFromTheirBytesAsTheGeneralWayReadsThem() {
        var generator = SeededGenerator(state: 20261208)
        let pieces = ["2024", "1899", "3000", "1900", "07", "7", "13", "00", "29", "31", "02", "-", "--", "", "0", "12345", "99999999999999999999"]
        var texts = ["", "-", "2024-", "-2024", "2024--07", "2024-02-29", "2023-02-29", "2024-07-18-01"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "-"))
        }
        for text in texts {
            #expect(PartialDate(text) == PartialDate(" " + text), "'\(text)'")
        }
        #expect(texts.contains { PartialDate($0) != nil } && texts.contains { PartialDate($0) == nil })
    }

    @Test func scoresAndMissingValuesReadAsText() {
        #expect(Format.score(5, outOf: 21, .english) == "5/21")
        #expect(Format.score(nil, outOf: 21, .english) == "not published")
        #expect(Format.date(nil, .english) == "not published")
        #expect(Format.percentage(33) == "33%")
    }

    /// Dates, scores and "not published" in the page's language: Welsh months from cy.yml's list.
    @Test func datesAndScoresReadInThePagesLanguage() throws {
        var log = DiagnosticLog()
        let texts = InterfaceTextDecoder.load(languages: ["en", "cy"], content: TestPaths.content, &log)
        let welsh = try #require(texts.last)
        #expect(Format.date(PartialDate("2024-07-18"), welsh) == "18 Gorffennaf 2024")
        #expect(Format.date(PartialDate("2024-02"), welsh) == "Chwefror 2024")
        #expect(Format.date(PartialDate("2024"), welsh) == "2024")
        #expect(Format.date(nil, welsh) == "heb ei gyhoeddi")
        #expect(Format.score(5, outOf: 21, welsh) == "5/21")
        #expect(Format.percentage(33.5, welsh) == "33.5%")
        #expect(Format.date(PartialDate("2024-07-18"), .english) == "18 July 2024")
        #expect(Format.date(PartialDate("2024-07-18"), .english) == PartialDate("2024-07-18")?.longForm)
    }

    /// Headings are trimmed without Foundation; the result must be Foundation's, every kind of white
    /// space included (and characters that look like it but are not).
    @Test func trimmingWhiteSpaceIsFoundations() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "é", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}",
                                     "\u{2003}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}", "\u{200B}", "\u{180E}", "\u{FEFF}", "’"]
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(text.trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
        }
    }

    /// Chart coordinates and figures are written without C's formatter where that is exact; every
    /// number must read as `%.*f` writes it, ties and near-ties, negatives and negative zero included.
    @Test func fixedPointNumbersAreCs() {
        var generator = SystemRandomNumberGenerator()
        var numbers: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 0.045, -0.001, 99.95, 1e12, 1e15, -1e13,
                                 .infinity, -.infinity, .nan, 0.049999999, 0.05, 12.345, 1234.5678, 0.0625, 3.14159]
        for _ in 0..<20_000 {
            let magnitude = [1.0, 10, 100, 1_000, 100_000].randomElement(using: &generator)!
            numbers.append(Double.random(in: -magnitude...magnitude, using: &generator))
            // Numbers that are exact halves once scaled, and their neighbours.
            let half = (Double(Int.random(in: -20_000...20_000, using: &generator)) + 0.5) / [1.0, 10, 100, 1_000].randomElement(using: &generator)!
            numbers += [half, half.nextUp, half.nextDown]
        }
        for number in numbers {
            for places in 0...5 {
                #expect(HTML.fixed(number, places: places) == String(format: "%.\(places)f", number), "\(number) \(places)")
            }
        }
    }
}
