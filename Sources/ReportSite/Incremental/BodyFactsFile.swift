import Foundation

/// The facts of every rendered text as one tab-separated file, kept beside the manifest.
///
/// JSON is many times slower each way for this; this reads and writes at disk speed. One record
/// per line: `P page file firstLine`, then the page's `H level id text`, `F id` and
/// `L line column destination`, `R line column html` and `A line column image` (an image without alt
/// text) lines. Tabs, line ends and backslashes in a field are escaped. (The search index keeps its
/// own state: `SearchPostings`.)
enum BodyFactsFile {
    static func encode(_ facts: [String: BodyFacts]) -> Data {
        parts(facts).joined
    }

    /// The file, made a part at a time as it is written, rather than held whole at the moment a
    /// build holds the most.
    static func parts(_ facts: [String: BodyFacts]) -> FileParts {
        let pages = facts.keys.sorted(), perPart = 1_000
        return FileParts(count: 1 + (pages.count + perPart - 1) / perPart) { index in
            guard index > 0 else { return Data(header.utf8) }
            // Each text's record is made on its own core.
            let first = (index - 1) * perPart, last = min(index * perPart, pages.count)
            let records: [[UInt8]] = Array(pages[first..<last]).concurrentMap { (page: String) -> [UInt8] in
                guard let fact = facts[page] else { return [] }
                return record(fact)
            }
            var data = Data()
            data.reserveCapacity(records.reduce(0) { $0 + $1.count })
            for record in records { data.append(contentsOf: record) }
            return data
        }
    }

    /// One text's record, written as bytes: made for every text at every full build.
    private static func record(_ fact: BodyFacts) -> [UInt8] {
        var record = RecordBytes()
        record.line("P", .text(fact.page), .text(fact.file), .number(fact.firstLine))
        for heading in fact.headings { record.line("H", .number(heading.level), .text(heading.id), .text(heading.text)) }
        for id in fact.footnoteIDs { record.line("F", .text(id)) }
        for link in fact.links { record.line("L", .number(link.line), .number(link.column), .text(link.destination)) }
        for html in fact.rawHTML { record.line("R", .number(html.line), .number(html.column), .text(html.text)) }
        for image in fact.imagesWithoutAlt { record.line("A", .number(image.line), .number(image.column), .text(image.destination)) }
        return record.bytes
    }

    /// A record's lines: a tag, then each field after a tab, escaped as `unescape` reads it back.
    private struct RecordBytes {
        private(set) var bytes: [UInt8] = []

        enum Field {
            case number(Int)
            case text(String)
        }

        mutating func line(_ tag: Unicode.Scalar, _ first: Field, _ second: Field? = nil, _ third: Field? = nil) {
            bytes.append(UInt8(ascii: tag))
            append(first)
            if let second { append(second) }
            if let third { append(third) }
            bytes.append(0x0A)
        }

        private mutating func append(_ field: Field) {
            bytes.append(0x09)
            switch field {
            case .number(let number): bytes.append(contentsOf: String(number).utf8)
            case .text(let text): append(escaping: text)
            }
        }

        /// A backslash, tab, line feed or carriage return as a backslash and `\\`, `t`, `n` or `r`.
        private mutating func append(escaping text: String) {
            guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                bytes.append(contentsOf: text.utf8)
                return
            }
            for byte in text.utf8 {
                switch byte {
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                default: bytes.append(byte)
                }
            }
        }
    }

    /// The facts in `data`, or nil when it is not such a file (then every text is rendered again).
    ///
    /// Read on bytes and on every core, in runs of whole records: it is on the path of every one-file
    /// rebuild.
    static func decode(_ data: Data) -> [String: BodyFacts]? {
        let header = Array(Self.header.utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String: BodyFacts]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= header.count, Array(bytes[0..<header.count]) == header else { return nil }
            let chunks = recordRuns(bytes, from: header.count, count: 4 * ProcessInfo.processInfo.activeProcessorCount)
            // The buffer outlives the concurrent map below, which only reads it.
            nonisolated(unsafe) let shared = bytes
            let decoded = chunks.concurrentMap { range in decodeRecords(shared, range) }
            var facts: [String: BodyFacts] = [:]
            facts.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
            for run in decoded {
                guard let run else { return nil }
                for fact in run { facts[fact.page] = fact }
            }
            return facts
        }
    }

    /// About `count` byte ranges covering `from...` that each start at a record (`P` at a line start).
    private static func recordRuns(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> [Range<Int>] {
        let step = max(1, (bytes.count - start) / max(1, count))
        var bounds = [start]
        var position = start + step
        while position < bytes.count {
            // The next "\nP\t" from here: a record starts just after its line end.
            while position + 2 < bytes.count, !(bytes[position] == 0x0A && bytes[position + 1] == 0x50 && bytes[position + 2] == 0x09) {
                position += 1
            }
            guard position + 2 < bytes.count else { break }
            bounds.append(position + 1)
            position += 1 + step
        }
        bounds.append(bytes.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }.filter { !$0.isEmpty }
    }

    private static func decodeRecords(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [BodyFacts]? {
        var facts: [BodyFacts] = []
        var current: BodyFacts?
        // Set once per text, not heading by heading: each change of them works out their digest again.
        var headings: [Heading] = []
        func finish() {
            guard var done = current else { return }
            done.headings = headings
            facts.append(done)
            // A new array: the text now holds the old one's storage, which emptying it while shared
            // would copy.
            headings = []
        }
        var lineStart = range.lowerBound
        // Where each field of a line is; only the texts among them become strings.
        var fields: [Range<Int>] = []
        func text(_ field: Int) -> String { unescape(UnsafeBufferPointer(rebasing: bytes[fields[field]])) }
        func number(_ field: Int) -> Int? { Self.number(bytes, fields[field]) }
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for index in lineStart...lineEnd where index == lineEnd || bytes[index] == 0x09 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            // The tag is one byte.
            guard fields[0].count == 1 else { return nil }
            switch (bytes[fields[0].lowerBound], fields.count) {
            case (UInt8(ascii: "P"), 4):
                finish()
                guard let firstLine = number(3) else { return nil }
                current = BodyFacts(page: text(1), file: text(2), firstLine: firstLine)
            case (UInt8(ascii: "H"), 4):
                guard let level = number(1) else { return nil }
                headings.append(Heading(level: level, text: text(3), id: text(2)))
            case (UInt8(ascii: "F"), 2):
                current?.footnoteIDs.append(text(1))
            case (UInt8(ascii: "A"), 4):
                guard let line = number(1), let column = number(2) else { return nil }
                current?.imagesWithoutAlt.append(MarkdownLink(destination: text(3), line: line, column: column))
            case (UInt8(ascii: "R"), 4):
                guard let line = number(1), let column = number(2) else { return nil }
                current?.rawHTML.append(MarkdownRawHTML(text: text(3), line: line, column: column))
            case (UInt8(ascii: "L"), 4):
                guard let line = number(1), let column = number(2) else { return nil }
                current?.links.append(MarkdownLink(destination: text(3), line: line, column: column))
            default:
                return nil
            }
        }
        finish()
        return facts
    }

    /// The decimal number (an optional `-`, then digits) written in `field`, nil when it is not one.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>) -> Int? {
        var index = field.lowerBound, negative = false
        if index < field.upperBound, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < field.upperBound, field.upperBound - index <= 18 else { return nil }
        var value = 0
        while index < field.upperBound {
            let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
            index += 1
        }
        return negative ? -value : value
    }

    /// Changed with the layout, so that an older file is never misread.
    private static let header = "reportsite texts 5\n"

    private static func unescape(_ field: UnsafeBufferPointer<UInt8>) -> String {
        guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(field.count)
        var escaping = false
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                default: result.append(byte)
                }
                escaping = false
            } else if byte == 0x5C {
                escaping = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
