import Foundation
import Yams

/// A YAML node together with where it came from, read with typed accessors that report mistakes as
/// diagnostics instead of throwing, so one file can yield many problems in one pass.
struct YAMLValue {
    let node: Node
    /// Dotted path of this value inside the document (`ratings.leadership`); empty at the root.
    let path: String
    let file: String
    /// Added to the parser's line numbers: front matter starts below the `---` fence.
    let lineOffset: Int

    var location: SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// A scalar is null when tagged so, or when written plain as YAML 1.2 spells null; quoted text
    /// never is. This is the rule of Yams' default resolver, applied only where the model asks,
    /// because resolving every scalar's tag up front took a third of the time to load content.
    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        switch Tag.Name(rawValue: scalar.tag.rawValue) {
        case .null: return true
        case .implicit: return YAMLReader.nullWords.contains(scalar.string)
        default: return false
        }
    }

    func diagnostic(_ message: String, note: String? = nil, _ severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(severity, at: location, field: path.isEmpty ? nil : path, message, note: note)
    }

    /// Text of a scalar. Numbers and dates are returned as written, since the model parses them itself.
    func string(_ log: inout DiagnosticLog) -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            log.append(diagnostic("expected text, found \(kindName)"))
            return nil
        }
        return scalar.string
    }

    func int(_ log: inout DiagnosticLog) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            log.append(diagnostic("expected a whole number, found \(describeValue)"))
            return nil
        }
        return value
    }

    func number(_ log: inout DiagnosticLog) -> Double? {
        guard case .scalar(let scalar) = node,
              let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)), value.isFinite
        else {
            log.append(diagnostic("expected a number, found \(describeValue)"))
            return nil
        }
        return value
    }

    func bool(_ log: inout DiagnosticLog) -> Bool? {
        guard case .scalar(let scalar) = node else {
            log.append(diagnostic("expected true or false, found \(kindName)"))
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.append(diagnostic("expected true or false, found \(describeValue)"))
            return nil
        }
    }

    /// Items of a sequence. A single scalar is not silently promoted: lists must be lists.
    func array(_ log: inout DiagnosticLog) -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            log.append(diagnostic("expected a list, found \(kindName)"))
            return nil
        }
        return sequence.enumerated().map { index, child in
            YAMLValue(node: child, path: "\(path)[\(index)]", file: file, lineOffset: lineOffset)
        }
    }

    func object(_ log: inout DiagnosticLog) -> YAMLObject? {
        guard case .mapping(let mapping) = node else {
            log.append(diagnostic("expected a mapping of 'key: value' lines, found \(kindName)"))
            return nil
        }
        var entries: [(key: String, value: YAMLValue)] = []
        var keyLocations: [String: SourceLocation] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            entries.append((key, YAMLValue(node: valueNode, path: childPath, file: file, lineOffset: lineOffset)))
            keyLocations[key] = YAMLValue(node: keyNode, path: childPath, file: file, lineOffset: lineOffset).location
        }
        return YAMLObject(entries: entries, keyLocations: keyLocations, owner: self)
    }

    /// Strings of a list of scalars.
    func strings(_ log: inout DiagnosticLog) -> [String]? {
        array(&log)?.compactMap { $0.string(&log) }
    }

    private var kindName: String {
        switch node {
        case .scalar: isNull ? "nothing" : "'\(node.scalar?.string ?? "")'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private var describeValue: String {
        if case .scalar(let scalar) = node, !isNull {
            let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(shown)'"
        }
        return kindName
    }
}

/// A YAML mapping whose keys are read one by one; keys nobody read are reported as unknown.
struct YAMLObject {
    let entries: [(key: String, value: YAMLValue)]
    /// Where each key is written: an unknown key is reported where the author typed it.
    let keyLocations: [String: SourceLocation]
    let owner: YAMLValue

    var keys: [String] { entries.map(\.key) }

    /// The value of `key`, or nil when it is absent or explicitly empty.
    func optional(_ key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value of `key`, reporting its absence.
    func required(_ key: String, _ log: inout DiagnosticLog, note: String? = nil) -> YAMLValue? {
        if let value = optional(key) { return value }
        let field = owner.path.isEmpty ? key : "\(owner.path).\(key)"
        log.append(Diagnostic(at: owner.location, field: field, "missing required field '\(key)'", note: note))
        return nil
    }

    /// Reports every key not in `known`, suggesting the closest known key.
    func rejectUnknownKeys(_ known: [String], _ log: inout DiagnosticLog) {
        for (key, value) in entries where !known.contains(key) {
            let keyLocation = keyLocations[key] ?? value.location
            var note = "known fields: \(known.joined(separator: ", "))"
            if let suggestion = Spelling.closest(to: key, in: known) { note = "did you mean '\(suggestion)'?" }
            let field = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            log.append(Diagnostic(at: keyLocation, field: field, "unknown field '\(key)'", note: note))
        }
    }
}

/// Parses YAML text into a located root value, or a diagnostic pointing at the syntax error.
///
/// Front matter is small and flat, so anything else is refused before it can hurt: very large YAML,
/// deep nesting (the parser recurses, so depth could exhaust the stack) and anchors or aliases (an
/// "alias bomb" expands to billions of nodes).
enum YAMLReader {
    static let maximumBytes = 1 << 20
    static let maximumDepth = 32
    static let maximumNodes = 100_000
    /// How a plain scalar spells null in YAML (Yams' `Resolver.Rule.null`).
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLValue, Diagnostic> {
        let lineOffset = firstLine - 1
        if yaml.utf8.count > maximumBytes {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: firstLine),
                                       "the YAML is larger than \(maximumBytes / 1024) KB", note: "front matter holds fields, not text: put long text in the body"))
        }
        if let line = lineNestedTooDeep(yaml) {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: line + lineOffset),
                                       "the YAML is nested more than \(maximumDepth) levels deep"))
        }
        if let line = lineWithAnchorOrAlias(yaml) {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: line + lineOffset),
                                       "YAML anchors and aliases (&name, *name) are not supported in content",
                                       note: "write the value out in full"))
        }
        do {
            // Scalars stay untyped (the model reads numbers and dates itself), so no resolver rules
            // and no constructor maps; the encoding is given so Yams does not consult the environment.
            guard let root = try Yams.compose(yaml: yaml, .basic, Constructor([:], [:], [:]), .utf8) else {
                return .failure(Diagnostic(at: SourceLocation(file: file, line: firstLine), "the YAML is empty"))
            }
            var budget = maximumNodes
            if let problem = firstUnsupportedNode(root, budget: &budget) {
                let line = (problem.node.mark?.line ?? 1) + lineOffset
                return .failure(Diagnostic(at: SourceLocation(file: file, line: line, column: problem.node.mark?.column),
                                           problem.message))
            }
            return .success(YAMLValue(node: root, path: "", file: file, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: firstLine), "YAML error: \(error)"))
        }
    }

    /// The first line (1-based) at which flow brackets or block indentation go deeper than allowed.
    /// A cheap over-estimate: quoted text is skipped, and every indentation step counts as a level.
    static func lineNestedTooDeep(_ yaml: String) -> Int? {
        var flowDepth = 0
        var lineNumber = 1
        var quote: UInt8?
        var atLineStart = true
        var indent = 0
        var blockDepth = 0
        var previousIndents: [Int] = []
        var previous = UInt8(ascii: " ")
        for byte in yaml.utf8 {
            defer { previous = byte }
            if byte == UInt8(ascii: "\n") {
                lineNumber += 1
                atLineStart = true
                indent = 0
                if quote == UInt8(ascii: "'") { quote = nil }
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") { indent += 1; continue }
                atLineStart = false
                while let last = previousIndents.last, last >= indent { previousIndents.removeLast() }
                previousIndents.append(indent)
                blockDepth = previousIndents.count
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // A quote opens quoted text only where YAML allows one to start; elsewhere it is a character.
                if Self.quoteOpeners.contains(previous) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
            default: break
            }
            if flowDepth + blockDepth > maximumDepth { return lineNumber }
        }
        return nil
    }

    /// The first line (1-based) with `&name` or `*name` where a YAML value starts, outside quotes.
    /// Reads bytes, not characters: every character it looks for is ASCII, and it runs on every file.
    static func lineWithAnchorOrAlias(_ yaml: String) -> Int? {
        let bytes = Array(yaml.utf8)
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        let valueStarters: [UInt8] = Array(" \t-:[{,".utf8)
        var lineNumber = 1
        var quote: UInt8?
        var previous = space
        var skippingComment = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == newline {
                lineNumber += 1
                quote = nil
                previous = space
                skippingComment = false
                continue
            }
            defer { previous = byte }
            if skippingComment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            let startsValue = valueStarters.contains(previous)
            if byte == UInt8(ascii: "#") && (previous == space || previous == tab) { skippingComment = true; continue }
            if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && startsValue { quote = byte; continue }
            if (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*")) && startsValue, index < bytes.count {
                let next = bytes[index]
                let isName: Bool
                if next < 0x80 {
                    isName = next == UInt8(ascii: "_") || (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
                } else {
                    let character = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self).first
                    isName = character.map { $0.isLetter || $0.isNumber } ?? false
                }
                if isName { return lineNumber }
                // The character after a lone marker is not looked at again (a line end always is).
                if next != newline { index += 1 }
                continue
            }
        }
        return nil
    }

    private static let quoteOpeners: Set<UInt8> = Set(" \n\t-:[{,".utf8)

    /// More nodes than front matter ever needs: a last line of defence should an alias slip past the scan.
    private static func firstUnsupportedNode(_ node: Node, budget: inout Int) -> (node: Node, message: String)? {
        budget -= 1
        if budget < 0 { return (node, "the YAML has more than \(maximumNodes) values") }
        switch node {
        case .scalar:
            return nil
        case .alias:
            return (node, "YAML anchors and aliases (&name, *name) are not supported in content")
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let problem = firstUnsupportedNode(key, budget: &budget) ?? firstUnsupportedNode(value, budget: &budget) {
                    return problem
                }
            }
        case .sequence(let sequence):
            for child in sequence {
                if let problem = firstUnsupportedNode(child, budget: &budget) { return problem }
            }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return Diagnostic(at: at(mark), "YAML does not parse: \(problem)",
                              note: "check indentation, and quote text that contains ': ' or starts with a special character")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(at: at(context.mark), "duplicate field \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(at: SourceLocation(file: file, line: lineOffset + 1), "YAML does not parse: \(error)")
        }
    }
}
