import Dispatch
import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// Resumes a continuation with the first of a thread's result and a timeout.
final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Set before either side can resume; read and cleared under the lock.
    var continuation: CheckedContinuation<T?, Never>?

    func resume(_ value: T?) {
        let waiting: CheckedContinuation<T?, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: value)
    }
}

/// Every content file is read in bounded time and memory: a generated corpus of hostile YAML and
/// Markdown, and mutations of the real reports, each either accepted (and then rendered) or refused
/// with an error at a line, within a bound generous enough to catch a hang, not to time anything.
@Suite("Hostile corpus")
struct HostileCorpusTests {
    /// Far above any file's time (the slowest takes well under a second in a debug build), far
    /// below a hang (the alias case this caught took 33 s, a 20,000-cell table row 5.5 s in cmark-gfm).
    static let bound: Double = 20

    /// Runs `work` on a thread of its own, giving up (nil) after `seconds`: a hang fails the test
    /// instead of stopping the suite. Awaited, not waited for, so that no thread of the shared pool
    /// is blocked (other tests' tasks need it: a blocked one delayed their timers by seconds).
    static func within<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () -> T) async -> T? {
        let once = ResumeOnce<T>()
        return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            once.continuation = continuation
            let thread = Thread { once.resume(work()) }
            thread.stackSize = 8 << 20
            thread.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { once.resume(nil) }
        }
    }

    /// The front matter of the small valid report, with `extra` lines after its first field.
    static func report(frontMatter extra: String, body: String = "## Foreword\n\nText.\n") -> String {
        TestContent.alphaInspection
            .replacingOccurrences(of: "type: pdu\n", with: "type: pdu\n" + extra + "\n")
            .replacingOccurrences(of: "## Foreword\n\nText.", with: body)
    }

    // MARK: - The corpus

    /// YAML made from the pieces that fooled or slowed the reader: anchors and aliases (as values,
    /// keys and merge keys), quotes of both kinds (unbalanced too), comments, flow and block nesting.
    static func generatedYAML(count: Int) -> [(String, String)] {
        var random = SeededGenerator(state: 17)
        let names = ["a", "b", "c", "x1", "é", "_"]
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        func scalar() -> String {
            pick(["l", "'q'", "\"q\"", "b '", "'", "\"", "'it''s'", "\"\\\"\"", "# c", "x #c", "0x3A", "1e2", "+5", "-1", "58",
                  "~", "null", "\"\\u001B[2J\"", "!!str x", "? k", "%", "@", "`", "|", ">"])
        }
        func node(_ depth: Int) -> String {
            let roll = Int.random(in: 0..<10, using: &random)
            let anchor = Int.random(in: 0..<4, using: &random) == 0 ? "&\(pick(names)) " : ""
            if roll < 2 { return "*" + pick(names) }
            if depth <= 0 || roll < 5 { return anchor + scalar() }
            // Wide near the leaves, a single chain deeper down: the nesting, not the size, is the point.
            let items = (0..<Int.random(in: 0...(depth > 4 ? 1 : 4), using: &random)).map { _ in node(depth - 1) }
            if roll < 8 { return anchor + "[" + items.joined(separator: ", ") + "]" }
            return anchor + "{" + items.map { "\($0) : \(node(depth - 1))" }.joined(separator: ", ") + "}"
        }
        var files: [(String, String)] = []
        for index in 0..<count {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let key = pick(["x", "<<", "*a", "&k x", "'q'", "\"k\"", "? [a]", "[a, b]", "summary", "title"])
                let depth = Int.random(in: 0...(index % 10 == 0 ? 40 : 6), using: &random)
                if index % 7 == 0 {
                    // Block nesting, as deep as the flow nesting above.
                    lines.append((0..<depth).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " " + node(2))
                } else {
                    lines.append("\(key): \(node(depth))")
                }
            }
            files.append(("yaml-\(index).md", report(frontMatter: lines.joined(separator: "\n"))))
        }
        // The case that hung: nine aliases a level, eight levels, the last two used as keys, behind a quote.
        let levels = Array("abcdefgh")
        var parts = ["&a [" + Array(repeating: "l", count: 9).joined(separator: ",") + "]"]
        for level in 1..<levels.count {
            parts.append("&\(levels[level]) [" + Array(repeating: "*\(levels[level - 1])", count: 9).joined(separator: ",") + "]")
        }
        files.append(("yaml-alias-keys.md", report(frontMatter: "x: [b ', " + parts.joined(separator: ", ") + ", {*h : 1, *g : 2}]")))
        files.append(("yaml-laughs.md", report(frontMatter: "l0: &l0 \"lol\"\n" + (1...9).map { level in
            "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]"
        }.joined(separator: "\n"))))
        return files
    }

    /// Bodies that made cmark-gfm slow, over and under the limits.
    static func markdownPathologies() -> [(String, String)] {
        let depth = MarkdownLimits.maximumNesting, columns = MarkdownLimits.maximumColumns
        let bodies: [(String, String)] = [
            ("quotes-deep-lazy", String(repeating: ">", count: 30_000) + "x\n" + String(repeating: "x\n", count: 15_000)),
            ("quotes-at-limit-lazy", String(repeating: "> ", count: depth) + "x\n" + String(repeating: "x\n", count: MarkdownLimits.maximumBytes / 2 - 100)),
            ("quotes-staircase", (0..<400).map { String(repeating: ">", count: $0) + " x" }.joined(separator: "\n")),
            ("mixed-containers", String(repeating: "> - ", count: 3_000) + "x\n" + String(repeating: "x\n", count: 24_000)),
            ("lists-deep-lazy", String(repeating: "- ", count: 5_000) + "x\n" + String(repeating: "x\n", count: 25_000)),
            ("lists-indent-staircase", (0..<2_000).map { String(repeating: " ", count: 2 * $0) + "- x" }.joined(separator: "\n")),
            ("lists-indent-at-limit", (0..<64).map { String(repeating: " ", count: 2 * $0) + "- x" }.joined(separator: "\n") + "\n" + String(repeating: "x\n", count: 100_000)),
            ("table-wide", "|" + String(repeating: "a|", count: 20_000) + "\n|" + String(repeating: "-|", count: 20_000) + "\n"),
            ("table-wide-row", "|a|b|\n|-|-|\n|" + String(repeating: "b|", count: 20_000) + "\n"),
            ("table-tall", "|a|b|c|d|e|f|g|h|\n|-|-|-|-|-|-|-|-|\n" + String(repeating: "x\n", count: 2_000_000)),
            ("table-at-limit", "|" + String(repeating: "a|", count: columns - 1) + "\n|" + String(repeating: "-|", count: columns - 1) + "\n"
                + String(repeating: "|" + String(repeating: "b|", count: columns - 1) + "\n", count: MarkdownLimits.maximumBytes / (2 * columns) - 3)),
            ("table-in-quote", "> |a|b|\n> |-|-|\n" + String(repeating: "> |" + String(repeating: "c|", count: 5_000) + "\n", count: 4)),
            ("fenced-pipes", "```\n" + String(repeating: "|", count: 50_000) + "\n" + String(repeating: " ", count: 500) + "x\n```\n"),
            ("emphasis", String(repeating: "*a **a ", count: 30_000)),
            ("underscores", String(repeating: "_a __a ", count: 40_000)),
            ("brackets", String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000)),
            ("links", String(repeating: "[a](b ", count: 50_000)),
            ("backticks", (1..<300).map { String(repeating: "`", count: $0) + "a" }.joined()),
            ("angles", String(repeating: "<", count: 100_000)),
            ("footnotes", String(repeating: "[^a]", count: 20_000) + "\n\n[^a]: x\n"),
            ("long-line", String(repeating: "word ", count: MarkdownLimits.maximumBytes / 5)),
            ("over-the-size-limit", String(repeating: "*a", count: MarkdownLimits.maximumBytes / 2 + 1)),
            ("email-addresses", String(repeating: "a@b.co ", count: MarkdownLimits.maximumLinks + 1)),
            ("headings-atx", String(repeating: "## a\n", count: MarkdownLimits.maximumHeadings + 1)),
            ("nul-and-controls", "a\u{0}b\u{1B}[2J\u{7}c\n"),
            ("html-comment-runs", String(repeating: "<!-- ", count: 20_000)),
            // Underlined with '-' (level 2): a line of '=' would make each a level-1 heading, an error.
            ("setext-runs", String(repeating: "a\n-\n", count: MarkdownLimits.maximumHeadings)),
            ("setext-over", String(repeating: "a\n-\n", count: MarkdownLimits.maximumHeadings + 1)),
            ("setext-level-one-runs", String(repeating: "a\n=\n", count: MarkdownLimits.maximumHeadings)),
            ("link-reference-definitions", (0..<20_000).map { "[r\($0)]: /x\($0)" }.joined(separator: "\n")),
        ]
        return bodies.map { ("md-\($0.0).md", report(frontMatter: "", body: $0.1)) }
    }

    /// The real reports, each changed a few ways at random: YAML punctuation, anchors and aliases,
    /// control characters and invalid UTF-8, numbers in other spellings, lines lost or repeated,
    /// and a body made pathological.
    static func mutatedRealReports(perFile: Int) throws -> [(String, Data)] {
        var random = SeededGenerator(state: 2026)
        let folder = URL(fileURLWithPath: TestPaths.content).appendingPathComponent("inspections")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && !$0.hasSuffix(".cy.md") }.sorted()
        let insertions = [" &a", " *a", " <<: *a", "'", "\"", "[", "{", "}", "]", " # ", ": :", "\u{1B}[31m", "\u{0}", "\u{7F}", "\u{85}",
                          " !!binary x", " ? ", "|", ">", "\t", "0x3A", "1e2", "+5", "\n  - ", "\n<<: {a: 1}", "\nk: &b [*b]"]
        var files: [(String, Data)] = []
        for name in names {
            let original = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = String(decoding: original, as: UTF8.self)
            let fence = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex)?.lowerBound ?? text.endIndex
            let frontLength = text.distance(from: text.startIndex, to: fence)
            for variant in 0..<perFile {
                var bytes = Array(text.utf8)
                for _ in 0...Int.random(in: 0...3, using: &random) {
                    let position = Int.random(in: 4..<max(5, min(bytes.count, frontLength)), using: &random)
                    switch Int.random(in: 0..<6, using: &random) {
                    case 0: bytes.insert(contentsOf: Array(insertions[Int.random(in: 0..<insertions.count, using: &random)].utf8), at: position)
                    case 1: bytes.insert(contentsOf: [0xC3, 0x28, 0xFF], at: position)
                    case 2:
                        // A line repeated (a duplicate field) or lost.
                        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                        let line = Int.random(in: 1..<max(2, min(lines.count, 30)), using: &random)
                        var changed = lines
                        if Bool.random(using: &random) { changed.insert(lines[line], at: line) } else { changed.remove(at: line) }
                        bytes = Array(changed.joined(separator: "\n").utf8)
                    case 3:
                        // Every number in another spelling.
                        let spelled = String(decoding: bytes, as: UTF8.self)
                            .replacingOccurrences(of: #": (\d+)\b"#, with: ": 0x$1", options: .regularExpression)
                        bytes = Array(spelled.utf8)
                    case 4:
                        let pathologies = ["\n" + String(repeating: "> ", count: 100) + "x\n", "\n|a|b|\n|-|-|\n|" + String(repeating: "c|", count: 1_000) + "\n",
                                           "\n" + String(repeating: "- ", count: 50) + "x\n", "\n" + String(repeating: "[", count: 10_000) + "\n"]
                        bytes += Array(pathologies[Int.random(in: 0..<pathologies.count, using: &random)].utf8)
                    default:
                        bytes.insert(contentsOf: Array(String(repeating: "[", count: Int.random(in: 1...60, using: &random)).utf8), at: position)
                    }
                }
                files.append(("real-\(variant)-\(name)", Data(bytes)))
            }
        }
        return files
    }

    /// The pathologies that stay within every limit, which must be accepted.
    static let atTheLimits: Set<String> = ["md-quotes-at-limit-lazy.md", "md-lists-indent-at-limit.md", "md-table-at-limit.md",
                                           "md-fenced-pipes.md", "md-long-line.md", "md-setext-runs.md", "md-emphasis.md"]

    // MARK: - Tests

    /// Reads one report as the loader does; then, if it is accepted, renders its body as a build would.
    static func outcome(of path: String) -> (errors: [Diagnostic], seconds: Double) {
        let start = Date()
        let loader = ContentLoader(root: (path as NSString).deletingLastPathComponent)
        let slug = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let (inspection, log) = loader.decodeReport(at: path, slug: slug)
        let errors = log.diagnostics.filter { $0.severity == .error }
        if errors.isEmpty, let inspection {
            _ = MarkdownRenderer().render(inspection.body.markdown)
        }
        return (errors, Date().timeIntervalSince(start))
    }

    @Test func everyFileIsAcceptedOrRefusedAtALineInBoundedTimeAndMemory() async throws {
        let folder = try TestPaths.scratch()
        var files = Self.generatedYAML(count: 300).map { ($0.0, Data($0.1.utf8)) }
        files += Self.markdownPathologies().map { ($0.0, Data($0.1.utf8)) }
        files += try Self.mutatedRealReports(perFile: 3)
        #expect(files.count > 550)
        var slowest = (name: "", seconds: 0.0)
        var accepted = 0
        for (name, data) in files {
            let path = folder.appendingPathComponent(name.replacingOccurrences(of: ".md", with: "").lowercased()
                .replacingOccurrences(of: "_", with: "-") + ".md").path
            try data.write(to: URL(fileURLWithPath: path))
            guard let (errors, seconds) = await Self.within(Self.bound, { Self.outcome(of: path) }) else {
                Issue.record("\(name): no answer within \(Int(Self.bound)) s")
                continue
            }
            if seconds > slowest.seconds { slowest = (name, seconds) }
            if errors.isEmpty { accepted += 1 }
            // Text at the limits is text the limits allow.
            if Self.atTheLimits.contains(name) { #expect(errors.isEmpty, "\(name): \(errors.map(\.description))") }
            let unlocated = errors.filter { $0.location.line == nil || $0.location.file != path }
            #expect(unlocated.isEmpty, "\(name): \(unlocated.map(\.description))")
            // Whatever the file holds, what is printed holds no raw control character.
            #expect(errors.allSatisfy { !$0.description.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } }, "\(name)")
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("hostile corpus: \(files.count) files, \(accepted) accepted, slowest \(slowest.name) \(String(format: "%.2f", slowest.seconds)) s, peak memory \(usage.ru_maxrss / 1024) MB")
        #expect(usage.ru_maxrss < 1 << 20, "peak memory \(usage.ru_maxrss / 1024) MB")
        // Some mutations leave a report valid; the generated pathologies under the limits are accepted.
        #expect(accepted > 0)
    }

    /// A sample of the corpus through the executable, as a user runs it: `reportsite build` on a
    /// working copy with one hostile report added exits 0, or 1 with an error at that file's line,
    /// and prints no raw control character.
    @Test func theBuildCommandAnswersEachSampleFileWithExitZeroOrALocatedError() async throws {
        let yaml = Self.generatedYAML(count: 12)
        let markdown = Self.markdownPathologies()
        let sample = yaml.suffix(4) + yaml.prefix(8) + markdown.filter { ["md-quotes-deep-lazy.md", "md-table-wide-row.md", "md-table-tall.md",
            "md-table-at-limit.md", "md-setext-runs.md", "md-quotes-at-limit-lazy.md", "md-nul-and-controls.md"].contains($0.0) }
        for (name, text) in sample {
            let folder = try ReportSiteBinary.workingCopy()
            let report = folder.appendingPathComponent("Content/inspections/\(name)")
            try Data(text.utf8).write(to: report)
            let process = Process()
            process.executableURL = ReportSiteBinary.executable
            process.arguments = ["build"]
            process.currentDirectoryURL = folder
            let errors = folder.appendingPathComponent("stderr.txt")
            try Data().write(to: errors)
            process.standardError = try FileHandle(forWritingTo: errors)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let started = Date()
            guard await Self.within(Self.bound, { process.waitUntilExit(); return true }) != nil else {
                process.terminate()
                Issue.record("\(name): reportsite build did not end within \(Int(Self.bound)) s")
                continue
            }
            let seconds = Date().timeIntervalSince(started)
            let stderr = try TestPaths.read(errors)
            #expect([0, 1].contains(process.terminationStatus), "\(name): exit \(process.terminationStatus)")
            if process.terminationStatus == 1 {
                #expect(stderr.contains("Content/inspections/\(name):") && stderr.range(of: #"\.md:\d+(:\d+)?: error: "#, options: .regularExpression) != nil,
                        "\(name): \(stderr.prefix(500))")
            }
            #expect(!stderr.unicodeScalars.contains { TextScan.isControl($0) && $0 != "\n" }, "\(name)")
            print("reportsite build with \(name): exit \(process.terminationStatus) in \(String(format: "%.2f", seconds)) s")
        }
    }

    @Test func theAliasesThatHungAreRefusedAtTheirColumn() async throws {
        let folder = try TestPaths.scratch()
        guard let (name, text) = Self.generatedYAML(count: 0).first(where: { $0.0 == "yaml-alias-keys.md" }) else {
            Issue.record("no alias case")
            return
        }
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        // 33 s before the parser's events were checked; a hang fails here rather than stopping the suite.
        let result = try #require(await Self.within(Self.bound) { Self.outcome(of: path) })
        #expect(result.errors.map(\.description) == [
            "\(path):4:10: error: YAML anchors and aliases (&name, *name) are not supported in content\n    note: write the value out in full",
        ])
    }

    @Test func aReportThatIsAFolderAPipeOrABrokenLinkIsAnErrorAndNothingBlocks() async throws {
        let folder = try TestPaths.scratch()
        let content = try SiteFolder.makeContent(in: folder)
        let inspections = content.appendingPathComponent("inspections")
        try FileManager.default.createDirectory(at: inspections.appendingPathComponent("folder-2024.md"), withIntermediateDirectories: true)
        #expect(mkfifo(inspections.appendingPathComponent("pipe-2024.md").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: inspections.appendingPathComponent("dangling-2024.md").path,
                                                   withDestinationPath: folder.appendingPathComponent("nowhere.md").path)
        // A pipe must not be opened for a blocking read: nothing would ever write to it.
        let diagnostics = try #require(await Self.within(Self.bound) { ContentLoader(root: content.path).read().diagnostics })
        let printed = diagnostics.map { $0.description.replacingOccurrences(of: inspections.path + "/", with: "") }
        #expect(printed.contains { $0.hasPrefix("folder-2024.md: error: not a readable file: it is a folder") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("pipe-2024.md: error: not a readable file: it is a named pipe") }, "\(printed)")
        #expect(printed.contains { $0.hasPrefix("dangling-2024.md: error: not a readable file: it is a symbolic link that leads nowhere") }, "\(printed)")
    }

    @Test func controlCharactersArePrintedEscapedInTextAndJSON() {
        let diagnostic = Diagnostic(at: SourceLocation(file: "a\u{1B}]0;x\u{7}.md", line: 2, column: 3), field: "title\u{9B}",
                                    "found '\u{1B}[2J'", note: "\u{202E}reversed")
        #expect(diagnostic.description == "a\\u{1B}]0;x\\u{7}.md:2:3: error: title\\u{9B}: found '\\u{1B}[2J'\n    note: \\u{202E}reversed")
        let json = DiagnosticReport([diagnostic]).json()
        #expect(json.contains("\\\\u{1B}[2J"))
        #expect(!json.unicodeScalars.contains { TextScan.isControl($0) && $0 != "\n" })
    }

    @Test func positionsOfControlCharactersAndInvalidUTF8() {
        #expect(TextScan.firstControlCharacter(in: "a: b\ncé: \u{1B}x")?.line == 2)
        #expect(TextScan.firstControlCharacter(in: "a: b\ncé: \u{1B}x")?.column == 5)
        #expect(TextScan.firstControlCharacter(in: "a:\tb\r\n\u{85}") == nil)
        let bytes: [UInt8] = Array("ok\né".utf8) + [0xFF] + Array("z".utf8)
        #expect(TextScan.firstInvalidUTF8(in: bytes).map { [$0.line, $0.column, Int($0.byte)] } == [2, 2, 0xFF])
        #expect(TextScan.firstInvalidUTF8(in: Array("all good\n".utf8)) == nil)
    }
}
