import Foundation

/// Inspections as an earlier build decoded them, by file, with the file's size and modification
/// time then: a file whose stamp is unchanged is not read or parsed again.
///
/// On a large site, parsing every front matter would be most of a one-file rebuild. Each entry is its
/// own run of bytes (see `ByteWriter`), decoded on whichever core asks for it, and entries of files
/// that did not change are written back as they were read. Only files that loaded without a single
/// diagnostic are kept, so warnings are always found anew.
///
/// Two files hold the entries: the whole set as some build wrote it (`inspections.bin`), and the
/// entries changed or removed since (`inspections-changes.bin`), which a build rewrites alone while it
/// is small beside the whole; past an eighth of it, both are written anew. Every entry carries the
/// stamp its file had, so an entry is only ever used for the file it was made from, whichever of the
/// two files it came from.
struct InspectionCache: Sendable {
    /// Changed whenever the layout of an entry changes, so that an old file is never misread.
    private static let header = Array("reportsite inspections 2\n".utf8)
    private static let changesHeader = Array("reportsite inspection changes 1\n".utf8)

    /// Where an entry's bytes are: in the file of all entries as it is, or not (read from the file of
    /// changes, or made by this process).
    enum Origin: Sendable {
        case wholeFile
        case changed
    }

    /// The file of all entries as the cache was read: its paths and its size, to tell which entries
    /// the file of changes must hold.
    struct WholeFile: Sendable {
        var paths: [String]
        var size: Int
    }

    /// One file's entry: its stamp when it was read and the inspection's bytes.
    struct Record: Sendable {
        var size: Int64
        var modified: Int64
        var payload: Data
        /// The inspection itself, when this process decoded or parsed it: a cache kept in memory
        /// between builds (by the preview server) then hands it out without decoding it again.
        var inspection: Inspection?
        var origin: Origin = .changed
    }

    private(set) var records: [String: Record]
    /// The file of all entries this cache was read from, if any.
    let wholeFile: WholeFile?
    /// Entries are trusted only for files last changed before this instant (nanoseconds since 1970):
    /// a file changed in the same tick as the build that stored it could keep its stamp.
    let settledBefore: Int64
    /// Whether it holds exactly the entries of the cache it was made from, so that the file on disk
    /// need not be written again.
    var isUnchanged = false

    init(records: [String: Record] = [:], settledBefore: Int64 = 0, wholeFile: WholeFile? = nil) {
        self.records = records
        self.settledBefore = settledBefore
        self.wholeFile = wholeFile
    }

    /// The same entries, trusted for files changed before another instant.
    func settled(before instant: Int64) -> InspectionCache {
        InspectionCache(records: records, settledBefore: instant, wholeFile: wholeFile)
    }

    /// An empty cache to store entries in, which will be written beside the same file of all entries as this one.
    func emptied() -> InspectionCache {
        InspectionCache(settledBefore: 0, wholeFile: wholeFile)
    }

    /// The decoded reports kept in `cache`, trusting files changed before `settledBefore`; empty when unreadable.
    static func read(from cache: BuildCache, settledBefore: Int64) -> InspectionCache {
        guard let whole = cache.read(BuildCache.inspectionsName) else { return InspectionCache() }
        return decode(whole, changes: cache.read(BuildCache.inspectionChangesName), settledBefore: settledBefore) ?? InspectionCache()
    }

    /// The entries of the file of all of them (`data`) with the changes since applied; nil when either
    /// is not of this layout.
    static func decode(_ data: Data, changes: Data? = nil, settledBefore: Int64) -> InspectionCache? {
        var records: [String: Record] = [:]
        var paths: [String] = []
        guard entries(of: data, header: header, { path, record in
            paths.append(path)
            records[path] = record
        }) else { return nil }
        if let changes {
            guard entries(of: changes, header: changesHeader, { path, record in
                records[path] = record.size < 0 ? nil : record
            }) else { return nil }
        }
        return InspectionCache(records: records, settledBefore: settledBefore, wholeFile: WholeFile(paths: paths, size: data.count))
    }

    /// Calls `found` with each entry of `data`, in order; false when the bytes are not a file of `header`'s layout.
    private static func entries(of data: Data, header: [UInt8], _ found: (String, Record) -> Void) -> Bool {
        let origin: Origin = header == Self.header ? .wholeFile : .changed
        return data.withUnsafeBytes { raw -> Bool in
            guard raw.count >= header.count, raw.prefix(header.count).elementsEqual(header) else { return false }
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[header.count...]))
            while !reader.isAtEnd {
                let path = reader.string()
                let size = Int64(reader.int()), modified = Int64(reader.int())
                let payload = reader.run()
                guard !reader.failed else { return false }
                let start = data.startIndex + header.count + payload.lowerBound
                // A slice of the file's bytes, not a copy of them.
                found(path, Record(size: size, modified: modified, payload: data[start..<start + payload.count], inspection: nil, origin: origin))
            }
            return true
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

    /// The file of all entries' bytes, entries in path order.
    func encoded() -> Data {
        chunks().reduce(into: Data()) { $0.append($1) }
    }

    /// The files to write for these entries: the file of changes alone, when the file of all entries
    /// this cache was read from holds the rest and the changes are small beside it; else both anew.
    func files() -> (whole: [Data]?, changes: [Data]) {
        guard let wholeFile else { return (chunks(), [Data(Self.changesHeader)]) }
        let changed = records.filter { $0.value.origin == .changed }
        let removed = wholeFile.paths.filter { records[$0] == nil }
        let size = changed.reduce(removed.reduce(0) { $0 + $1.utf8.count }) { $0 + $1.key.utf8.count + $1.value.payload.count }
        guard size <= wholeFile.size / 8 else { return (chunks(), [Data(Self.changesHeader)]) }
        let gone = Record(size: -1, modified: 0, payload: Data())
        let entries = changed.map { ($0.key, $0.value) } + removed.map { ($0, gone) }
        return (nil, Self.chunks(header: Self.changesHeader, entries.sorted { $0.0 < $1.0 }))
    }

    /// The file of all entries' bytes in pieces, to be written one after another: the entries'
    /// bytes are the records' own, not copied into one buffer as large as the file.
    func chunks() -> [Data] {
        Self.chunks(header: Self.header, records.keys.sorted().compactMap { path in records[path].map { (path, $0) } })
    }

    private static func chunks(header: [UInt8], _ entries: [(path: String, record: Record)]) -> [Data] {
        var chunks = [Data(header)]
        for (path, record) in entries {
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
