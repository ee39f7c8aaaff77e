// Yams' own copy of libyaml, a module of the Yams package (which offers no product for it): the
// parser whose events Yams composes, so no second YAML parser is involved.
import CYaml

/// What the YAML parser sees, checked event by event before Yams builds any node: anchors,
/// aliases, merge keys, keys that are not text, nesting and size.
///
/// Yams expands an alias into the node it names while composing, and compares mapping keys for
/// duplicates by value; a few hundred bytes of aliases used as keys make that exponential. A scan
/// of the text for `&` and `*` was fooled by a quote it misread, so this asks libyaml itself, whose
/// event parser keeps its own stack (no recursion) and takes time linear in the text.
enum YAMLShape {
    /// The first thing in `yaml` that content may not use, with its 1-based line and column;
    /// nil when there is none or when the text does not parse (composing then reports where).
    static func firstProblem(in yaml: String, maximumDepth: Int, maximumNodes: Int) -> (line: Int, column: Int, message: String, note: String?)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var text = yaml
        return text.withUTF8 { bytes -> (line: Int, column: Int, message: String, note: String?)? in
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            // For each open collection: whether it is a mapping, and whether its next node is a key.
            var open: [(isMapping: Bool, expectsKey: Bool)] = []
            var nodes = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { return nil }
                let mark = event.start_mark
                func problem(_ message: String, note: String? = nil) -> (line: Int, column: Int, message: String, note: String?) {
                    (Int(mark.line) + 1, Int(mark.column) + 1, message, note)
                }
                switch type {
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    open.removeLast()
                    continue
                case YAML_ALIAS_EVENT, YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    break
                default:
                    continue
                }
                nodes += 1
                if nodes > maximumNodes { return problem("the YAML has more than \(maximumNodes) values") }
                let anchor: UnsafeMutablePointer<yaml_char_t>? = switch type {
                case YAML_SCALAR_EVENT: event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor
                default: nil
                }
                if type == YAML_ALIAS_EVENT || anchor != nil {
                    return problem("YAML anchors and aliases (&name, *name) are not supported in content",
                                   note: "write the value out in full")
                }
                let isKey = open.last.map { $0.isMapping && $0.expectsKey } ?? false
                if let last = open.indices.last, open[last].isMapping { open[last].expectsKey.toggle() }
                if isKey {
                    guard type == YAML_SCALAR_EVENT else {
                        return problem("a field name must be text, not a list or a mapping")
                    }
                    let scalar = event.data.scalar
                    if scalar.style == YAML_PLAIN_SCALAR_STYLE, scalar.length == 2, scalar.value[0] == UInt8(ascii: "<"),
                       scalar.value[1] == UInt8(ascii: "<") {
                        return problem("YAML merge keys (<<) are not supported in content", note: "write the fields out in full")
                    }
                }
                if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT {
                    open.append((type == YAML_MAPPING_START_EVENT, true))
                    if open.count > maximumDepth { return problem("the YAML is nested more than \(maximumDepth) levels deep") }
                }
            }
            return nil
        }
    }
}
