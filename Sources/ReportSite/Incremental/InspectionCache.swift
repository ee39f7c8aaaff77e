import Foundation

/// Inspections as an earlier build decoded them, by file, with the file's size and modification
/// time then: a file whose stamp is unchanged is not read or parsed again.
///
/// On a large site, parsing every front matter would be most of a one-file rebuild. Each entry is its
/// own run of bytes (see `ByteWriter`), decoded on whichever core asks for it, and entries of files
/// that did not change are written back as they were read. Only files that loaded without a single
/// diagnostic are kept, so warnings are always found anew.
struct InspectionCache: Sendable {
    /// Changed whenever the layout of an entry changes, so that an old file is never misread.
    private static let header = Array("reportsite inspections 2\n".utf8)

    /// One file's entry: its stamp when it was read and the inspection's bytes.
    struct Record: Sendable {
        var size: Int64
        var modified: Int64
        var payload: Data
        /// The inspection itself, when this process decoded or parsed it: a cache kept in memory
        /// between builds (by the preview server) then hands it out without decoding it again.
        var inspection: Inspection?
    }

    private(set) var records: [String: Record]
    /// Entries are trusted only for files last changed before this instant (nanoseconds since 1970):
    /// a file changed in the same tick as the build that stored it could keep its stamp.
    let settledBefore: Int64
    /// Whether it holds exactly the entries of the cache it was made from, so that the file on disk
    /// need not be written again.
    var isUnchanged = false

    init(records: [String: Record] = [:], settledBefore: Int64 = 0) {
        self.records = records
        self.settledBefore = settledBefore
    }

    /// The same entries, trusted for files changed before another instant.
    func settled(before instant: Int64) -> InspectionCache {
        InspectionCache(records: records, settledBefore: instant)
    }

    /// The decoded reports kept in `cache`, trusting files changed before `settledBefore`; empty when unreadable.
    static func read(from cache: BuildCache, settledBefore: Int64) -> InspectionCache {
        cache.read(BuildCache.inspectionsName).flatMap { decode($0, settledBefore: settledBefore) } ?? InspectionCache()
    }

    static func decode(_ data: Data, settledBefore: Int64) -> InspectionCache? {
        data.withUnsafeBytes { raw -> InspectionCache? in
            guard raw.count >= header.count, raw.prefix(header.count).elementsEqual(header) else { return nil }
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[header.count...]))
            var records: [String: Record] = [:]
            while !reader.isAtEnd {
                let path = reader.string()
                let size = Int64(reader.int()), modified = Int64(reader.int())
                let payload = reader.run()
                guard !reader.failed else { return nil }
                let start = header.count + payload.lowerBound
                // A slice of the file's bytes, not a copy of them.
                records[path] = Record(size: size, modified: modified, payload: data[data.startIndex + start..<data.startIndex + start + payload.count],
                                       inspection: nil)
            }
            return InspectionCache(records: records, settledBefore: settledBefore)
        }
    }

    /// The inspection stored for `path`, when the file still has the stamp it had then.
    func inspection(at path: String, size: Int64, modified: Int64) -> Inspection? {
        guard let record = records[path], record.size == size, record.modified == modified, modified < settledBefore else {
            return nil
        }
        if let inspection = record.inspection { return inspection }
        let payload = record.payload
        return payload.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let inspection = Self.readInspection(&reader, payload: payload)
            return reader.failed || !reader.isAtEnd ? nil : inspection
        }
    }

    /// The entry to store for an inspection decoded from a file with this stamp.
    static func record(for inspection: Inspection, size: Int64, modified: Int64) -> Record {
        var writer = ByteWriter()
        writeInspection(inspection, to: &writer)
        return Record(size: size, modified: modified, payload: Data(writer.bytes), inspection: inspection)
    }

    mutating func store(_ record: Record, for path: String) {
        records[path] = record
    }

    /// Drops the entry of a file that must be read again (one that read with a warning).
    mutating func forget(_ path: String) {
        records[path] = nil
    }

    /// The file's bytes, entries in path order.
    func encoded() -> Data {
        chunks().reduce(into: Data()) { $0.append($1) }
    }

    /// The file's bytes in pieces, to be written one after another: the entries' bytes are the
    /// records' own, not copied into one buffer as large as the file.
    func chunks() -> [Data] {
        var chunks = [Data(Self.header)]
        for path in records.keys.sorted() {
            guard let record = records[path] else { continue }
            var writer = ByteWriter()
            writer.string(path)
            writer.int(Int(record.size))
            writer.int(Int(record.modified))
            writer.int(record.payload.count)
            chunks.append(Data(writer.bytes))
            chunks.append(record.payload)
        }
        return chunks
    }

    // Every stored field of `Inspection`, in declaration order; a round-trip test checks none is lost.

    private static func writeInspection(_ inspection: Inspection, to writer: inout ByteWriter) {
        writer.string(inspection.slug)
        writer.string(inspection.title)
        writer.string(inspection.kind.rawValue)
        writer.optional(inspection.pduName) { $0.string($1) }
        writer.string(inspection.regionSlug)
        writer.string(inspection.frameworkID)
        writer.optional(inspection.published) { $0.string($1.description) }
        writer.optional(inspection.fieldworkStart) { $0.string($1.description) }
        writer.optional(inspection.score) { $0.int($1) }
        writer.optional(inspection.maxScore) { $0.int($1) }
        writer.optional(inspection.overall) { $0.string($1) }
        writer.dictionary(inspection.ratings) { $0.string($1) }
        writer.dictionary(inspection.keyQuestions) { writer, questions in
            writer.dictionary(questions) { $0.word($1.bitPattern) }
        }
        writer.int(inspection.recommendations.count)
        for group in inspection.recommendations {
            writer.string(group.to)
            writer.strings(group.items)
        }
        writer.optional(inspection.leadInspector) { $0.string($1) }
        writer.optional(inspection.summary) { $0.string($1) }
        writer.int(inspection.sources.count)
        for source in inspection.sources {
            writer.string(source.title)
            writer.optional(source.url) { $0.string($1) }
        }
        writer.optional(inspection.notes) { $0.string($1) }
        writer.bool(inspection.draft)
        let held = inspection.body.held
        writer.optional(held.text) { $0.string($1) }
        writer.optional(held.file) { writer, file in
            writer.string(file.path)
            writer.int(file.offset)
        }
        writer.int(inspection.bodyFirstLine)
        writeLocation(inspection.location, to: &writer)
        if let bytes = inspection.fieldLocations.encodedBytes {
            writer.raw(bytes)
        } else {
            writer.dictionary(inspection.fieldLocations.all) { writeLocation($1, to: &$0, in: inspection.location.file) }
        }
        writer.word(inspection.frontMatterDigest.value)
        writer.word(inspection.bodyDigest.value)
    }

    /// The report `reader` is at, in `payload` (the bytes it reads): its fields' locations are
    /// left in a slice of `payload`, read when a diagnostic asks for one.
    private static func readInspection(_ reader: inout ByteReader, payload: Data) -> Inspection? {
        let slug = reader.string(), title = reader.string()
        guard let kind = Inspection.Kind(rawValue: reader.string()) else { return nil }
        let pduName = reader.optional { $0.string() }
        let regionSlug = reader.string(), frameworkID = reader.string()
        let published = reader.optional { PartialDate($0.string()) } ?? nil
        let fieldworkStart = reader.optional { PartialDate($0.string()) } ?? nil
        let score = reader.optional { $0.int() }, maxScore = reader.optional { $0.int() }
        let overall = reader.optional { $0.string() }
        let ratings = reader.dictionary { $0.string() }
        let keyQuestions = reader.dictionary { $0.dictionary { Double(bitPattern: $0.word()) } }
        var recommendations: [Inspection.RecommendationGroup] = []
        for _ in 0..<max(0, min(reader.int(), 100_000)) {
            recommendations.append(.init(to: reader.string(), items: reader.strings()))
        }
        let leadInspector = reader.optional { $0.string() }
        let summary = reader.optional { $0.string() }
        var sources: [Source] = []
        for _ in 0..<max(0, min(reader.int(), 100_000)) {
            sources.append(Source(title: reader.string(), url: reader.optional { $0.string() }))
        }
        let notes = reader.optional { $0.string() }
        let draft = reader.bool()
        let text = reader.optional { $0.string() }
        let file = reader.optional { reader in (path: reader.string(), offset: reader.int()) }
        let body: MarkdownText = file.map { .file($0.path, from: $0.offset) } ?? MarkdownText(text ?? "")
        let bodyFirstLine = reader.int()
        let location = readLocation(&reader)
        let start = reader.position
        reader.skipDictionary { skipLocation(&$0) }
        let locationFile = location.file
        let fieldLocations = FieldLocations(encoded: payload[payload.startIndex + start..<payload.startIndex + reader.position]) { bytes in
            bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                let locations = reader.dictionary { readLocation(&$0, in: locationFile) }
                return reader.failed ? [:] : locations
            }
        }
        let frontMatterDigest = ContentDigest(value: reader.word()), bodyDigest = ContentDigest(value: reader.word())
        return Inspection(
            slug: slug, title: title, kind: kind, pduName: pduName, regionSlug: regionSlug, frameworkID: frameworkID,
            published: published, fieldworkStart: fieldworkStart, score: score, maxScore: maxScore, overall: overall,
            ratings: ratings, keyQuestions: keyQuestions, recommendations: recommendations, leadInspector: leadInspector,
            summary: summary, sources: sources, notes: notes, draft: draft, body: body, bodyFirstLine: bodyFirstLine,
            fieldLocations: fieldLocations, location: location, frontMatterDigest: frontMatterDigest, bodyDigest: bodyDigest)
    }

    /// A place; its file is left out when it is `file` (the fields of a report are all in its own).
    private static func writeLocation(_ location: SourceLocation, to writer: inout ByteWriter, in file: String? = nil) {
        writer.string(location.file == file ? "" : location.file)
        writer.optional(location.line) { $0.int($1) }
        writer.optional(location.column) { $0.int($1) }
    }

    private static func skipLocation(_ reader: inout ByteReader) {
        _ = reader.run()
        _ = reader.optional { $0.int() }
        _ = reader.optional { $0.int() }
    }

    private static func readLocation(_ reader: inout ByteReader, in file: String? = nil) -> SourceLocation {
        let written = reader.string()
        return SourceLocation(file: written.isEmpty ? file ?? "" : written,
                              line: reader.optional { $0.int() }, column: reader.optional { $0.int() })
    }
}
