/// Reads `glossary.yml`: `terms:` a list of `{term, expansion, definition?, source?}`.
enum GlossaryDecoder {
    static func decode(_ root: YAMLValue, _ log: inout DiagnosticLog) -> [GlossaryTerm] {
        guard let object = root.object(&log) else { return [] }
        object.rejectUnknownKeys(["terms"], &log)
        var terms: [GlossaryTerm] = []
        for item in object.required("terms", &log)?.array(&log) ?? [] {
            guard let entry = item.object(&log) else { continue }
            entry.rejectUnknownKeys(["term", "expansion", "definition", "source"], &log)
            guard let term = entry.required("term", &log)?.string(&log),
                  let expansion = entry.required("expansion", &log)?.string(&log) else { continue }
            if terms.contains(where: { $0.term == term }) {
                log.append(item.diagnostic("the term '\(term)' is listed twice"))
                continue
            }
            if Slug.make(term).isEmpty {
                log.append(item.diagnostic("the term '\(term)' has no letters or digits to make an anchor from"))
                continue
            }
            terms.append(GlossaryTerm(term: term, expansion: expansion,
                                      definition: entry.optional("definition")?.string(&log),
                                      source: entry.optional("source")?.string(&log)))
        }
        return terms
    }
}
