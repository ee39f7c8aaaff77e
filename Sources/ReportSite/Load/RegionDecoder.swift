/// Reads `regions/<slug>.md`.
enum RegionDecoder {
    static let fields = ["name", "pdus", "sources", "notes"]

    static func decode(
        _ root: YAMLValue, slug: String, body: String, bodyFirstLine: Int, _ log: inout DiagnosticLog
    ) -> Region? {
        guard let object = root.object(&log) else { return nil }
        object.rejectUnknownKeys(fields, &log)
        let name = object.required("name", &log)?.string(&log)
        var pdus: [Region.PDU] = []
        for item in object.required("pdus", &log)?.array(&log) ?? [] {
            guard let pdu = item.object(&log) else { continue }
            pdu.rejectUnknownKeys(["name", "aliases", "former", "note"], &log)
            guard let pduName = pdu.required("name", &log)?.string(&log) else { continue }
            let slug = Slug.make(pduName)
            if slug.isEmpty {
                log.append(item.diagnostic("PDU name '\(pduName)' has no letters or digits to make a page name from"))
                continue
            }
            pdus.append(Region.PDU(
                name: pduName, slug: slug,
                aliases: pdu.optional("aliases")?.strings(&log) ?? [],
                former: pdu.optional("former")?.bool(&log) ?? false,
                note: pdu.optional("note")?.string(&log),
                location: item.location))
        }
        let sources = SourceDecoder.sources(object.optional("sources"), &log)
        let notes = SourceDecoder.notes(object.optional("notes"), &log)
        TextChecks.check(body, file: root.file, firstLine: bodyFirstLine, &log)
        guard let name else { return nil }
        return Region(
            slug: slug, name: name, pdus: pdus, sources: sources, notes: notes, body: body, bodyFirstLine: bodyFirstLine,
            location: root.location)
    }
}
