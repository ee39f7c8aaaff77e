/// Reads `regions/<slug>.md`.
enum RegionDecoder {
    static let fields = ["name", "name_cy", "pdus", "sources", "notes"]

    static func decode(
        _ root: YAMLValue, slug: String, body: String, bodyFirstLine: Int, _ log: inout DiagnosticLog
    ) -> Region? {
        // First: the text is checked even when the front matter is not a mapping.
        TextChecks.check(body, file: root.file, firstLine: bodyFirstLine, &log)
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        let name = object.required("name", &log).flatMap { Self.name($0, &log) }
        // Read first: a place names its source by the title of one of them.
        let sources = SourceDecoder.sources(object.optional("sources"), &log)
        var pdus: [Region.PDU] = []
        for item in object.required("pdus", &log)?.array(&log) ?? [] {
            guard let pdu = item.object(&log) else { continue }
            pdu.rejectUnknownKeys(YAMLObject.translated(["name"]) + ["aliases", "former", "note", "places"], &log)
            guard let pduName = pdu.required("name", &log).flatMap({ Self.name($0, &log) }) else { continue }
            let slug = Slug.make(pduName)
            if slug.isEmpty {
                log.append(item.diagnostic("PDU name '\(pduName)' has no letters or digits to make a page name from"))
                continue
            }
            pdus.append(Region.PDU(
                name: pduName, slug: slug,
                aliases: pdu.optional("aliases")?.array(&log)?.compactMap { Self.name($0, &log) } ?? [],
                former: pdu.optional("former")?.bool(&log) ?? false,
                note: pdu.optional("note")?.string(&log),
                places: places(pdu.optional("places"), sources: sources, &log),
                location: item.location, translatedName: translatedNames(pdu, &log)))
        }
        let notes = SourceDecoder.notes(object.optional("notes"), &log)
        let translatedName = translatedNames(object, &log)
        guard let name else { return nil }
        return Region(
            slug: slug, name: name, pdus: pdus, sources: sources, notes: notes, body: body, bodyFirstLine: bodyFirstLine,
            location: root.location, translatedName: translatedName)
    }

    /// A region's or PDU's name in the site's other languages (`name_cy`), each one line like the name.
    private static func translatedNames(_ object: YAMLObject, _ log: inout DiagnosticLog) -> [String: String] {
        var names: [String: String] = [:]
        for language in YAMLObject.translationLanguages {
            if let value = object.optional("name_\(language)"), let text = name(value, &log) { names[language] = text }
        }
        return names
    }

    /// A name of a region, PDU or place, which is shown on one line wherever it appears and written
    /// into the reports `new` starts: a control character in it (a line break written `\n` in
    /// quotes, say) is an error at its place, and the name is not used.
    static func name(_ value: YAMLValue, _ log: inout DiagnosticLog) -> String? {
        guard let text = value.string(&log) else { return nil }
        if let found = text.unicodeScalars.first(where: NewReport.breaksALine) {
            log.append(value.diagnostic("the name '\(TextScan.escaped(text))' holds the control character \(TextScan.escaped(String(found)))",
                                        note: "a name is one line of text; take the character out"))
            return nil
        }
        return text
    }

    static let placeFields = ["name", "kind", "coverage", "source", "name_cy", "name_cy_source"]

    /// A PDU's `places:`: each with its name, its kind, and its source, the title of one of the
    /// file's `sources:` (so its web address is written once) or a source of its own; and, where one
    /// is published, its Welsh name (`name_cy:`) with the source of that name (`name_cy_source:`,
    /// written as `source:` is), which is often another document than the one that says the PDU
    /// serves the place.
    static func places(_ value: YAMLValue?, sources: [Source], _ log: inout DiagnosticLog) -> [Region.Place] {
        var places: [Region.Place] = []
        for item in value?.array(&log) ?? [] {
            guard let place = item.object(&log) else { continue }
            place.rejectUnknownKeys(placeFields, &log)
            let name = place.required("name", &log).flatMap { Self.name($0, &log) }
            var kind: Region.Place.Kind?
            if let kindValue = place.required("kind", &log, note: "one of: \(kinds)"), let text = kindValue.string(&log) {
                kind = Region.Place.Kind(rawValue: text)
                if kind == nil { log.append(kindValue.diagnostic("unknown kind of place '\(text)'", note: "one of: \(kinds)")) }
            }
            let coverage = place.optional("coverage")?.string(&log)
            var source: Source?
            if let value = place.required("source", &log, note: "the title of one of the file's sources:, or a title and url") {
                source = Self.source(of: value, among: sources, &log)
            }
            let welsh = welshName(of: place, among: sources, &log)
            if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                log.append(place.owner.diagnostic("a place's name is empty"))
                continue
            }
            guard let name, let kind, let source, let welsh else { continue }
            places.append(Region.Place(name: name, kind: kind, coverage: coverage, source: source, location: item.location,
                                       welshName: welsh.name, welshNameSource: welsh.source))
        }
        return places
    }

    /// A place's `name_cy:` and `name_cy_source:`: both or neither. `nil` when either is wrong (the
    /// place is then left out, as with any other field of it that is wrong); a pair of `nil`s when
    /// the place has no Welsh name.
    private static func welshName(
        of place: YAMLObject, among sources: [Source], _ log: inout DiagnosticLog
    ) -> (name: String?, source: Source?)? {
        let nameValue = place.optional("name_cy")
        let sourceValue = place.optional("name_cy_source")
        switch (nameValue, sourceValue) {
        case (nil, nil):
            return (nil, nil)
        case (let nameValue?, nil):
            log.append(nameValue.diagnostic(
                "a place's Welsh name has no source",
                note: "add name_cy_source: the title of one of the file's sources: (or a title and url) that publishes the name"))
            return nil
        case (nil, let sourceValue?):
            log.append(sourceValue.diagnostic("name_cy_source: is given without name_cy:", note: "add the Welsh name, or take the source out"))
            return nil
        case (let nameValue?, let sourceValue?):
            guard let welsh = Self.name(nameValue, &log) else { return nil }
            if welsh.trimmingCharacters(in: .whitespaces).isEmpty {
                log.append(nameValue.diagnostic("a place's Welsh name is empty", note: "leave name_cy: out where no Welsh name is published"))
                return nil
            }
            guard let source = Self.source(of: sourceValue, among: sources, &log) else { return nil }
            return (welsh, source)
        }
    }

    private static var kinds: String { Region.Place.Kind.allCases.map(\.rawValue).joined(separator: ", ") }

    /// A place's source: a title listed in `sources`, or a source written out.
    private static func source(of value: YAMLValue, among sources: [Source], _ log: inout DiagnosticLog) -> Source? {
        if case .mapping = value.node { return SourceDecoder.source(value, &log) }
        guard let title = value.string(&log) else { return nil }
        if let listed = sources.first(where: { $0.title == title }) { return listed }
        log.append(value.diagnostic("source '\(title)' is not one of this file's sources",
                                    note: "add it to sources: with its url, or write the place's source as title and url"))
        return nil
    }
}
