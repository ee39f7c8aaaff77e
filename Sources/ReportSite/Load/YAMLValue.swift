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
    /// Top-level fields on lines `YAMLReader.parseRecovering` left out, already reported: not missing.
    var leftOut: Set<String> = []

    var location: SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// A scalar is null when tagged so, or when written plain as YAML 1.2 spells null; quoted text
    /// never is. This is the rule of Yams' default resolver, applied only where the model asks,
    /// because resolving every scalar's tag up front would be a large part of loading content.
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

    /// Scores, points and percentages are written in decimal only: YAML's other spellings (`0x3A`,
    /// `0o7`, `1e2`, `+5`) are refused, since a reader of the file would not take `0x3A` for 58.
    func int(_ log: inout DiagnosticLog) -> Int? {
        guard case .scalar(let scalar) = node, Self.isDecimal(scalar.string, fraction: false),
              let value = Int(scalar.string)
        else {
            log.append(diagnostic("expected a whole number, found \(describeValue)", note: Self.decimalNote(for: node)))
            return nil
        }
        return value
    }

    func number(_ log: inout DiagnosticLog) -> Double? {
        guard case .scalar(let scalar) = node, Self.isDecimal(scalar.string, fraction: true),
              let value = Double(scalar.string), value.isFinite
        else {
            log.append(diagnostic("expected a number, found \(describeValue)", note: Self.decimalNote(for: node)))
            return nil
        }
        return value
    }

    /// `-?[0-9]+`, with `(\.[0-9]+)?` when `fraction` is allowed.
    static func isDecimal(_ text: String, fraction: Bool) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        bytes = bytes.dropFirst(whole.count)
        if bytes.isEmpty { return true }
        guard fraction, bytes.first == UInt8(ascii: "."), bytes.count > 1 else { return false }
        return bytes.dropFirst().allSatisfy(isDigit)
    }

    /// A hint for a number YAML reads but this site does not (hexadecimal, octal, exponent, sign).
    private static func decimalNote(for node: Node) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { return nil }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%"), isDecimal(String(text.dropLast()).trimmingCharacters(in: .whitespaces), fraction: true) {
            let number = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
            return "write the number alone, \(number), without quotes or '%': the pages add the % sign"
        }
        guard Double(scalar.string) != nil || scalar.string.hasPrefix("0x") || scalar.string.hasPrefix("0o") else { return nil }
        return "write it in decimal digits, such as 58 or 58.5 (no 0x, 0o, exponent or + sign)"
    }

    /// A date written YYYY-MM-DD, YYYY-MM or YYYY; an error, with `note`, when it is not a real one.
    func partialDate(_ log: inout DiagnosticLog, note: String = "write YYYY-MM-DD, or YYYY-MM / YYYY") -> PartialDate? {
        guard let text = string(&log) else { return nil }
        guard let date = PartialDate(text) else {
            log.append(diagnostic("'\(text)' is not a real date", note: note))
            return nil
        }
        return date
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
        if owner.path.isEmpty, owner.leftOut.contains(key) { return nil }
        let field = owner.path.isEmpty ? key : "\(owner.path).\(key)"
        log.append(Diagnostic(at: owner.location, field: field, "missing required field '\(key)'", note: note))
        return nil
    }

    /// The value of an unknown key that is a misspelling of `key` (one of `known`): reported as an
    /// unknown field already, it still stands for `key`, so that the checks after it can run and one
    /// pass finds every mistake.
    func misspelling(of key: String, among known: [String]) -> YAMLValue? {
        entries.first { !known.contains($0.key) && Spelling.closest(to: $0.key, in: known) == key && !$0.value.isNull }?.value
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
/// control characters, deep nesting (Yams composes recursively, so depth could exhaust the stack),
/// anchors, aliases and merge keys (an "alias bomb" expands to billions of nodes), keys that are not
/// text. `YAMLShape` finds these in the parser's own events, before Yams builds a node.
enum YAMLReader {
    static let maximumBytes = 1 << 20
    static let maximumDepth = 32
    static let maximumNodes = 100_000
    /// How a plain scalar spells null in YAML (Yams' `Resolver.Rule.null`).
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    static let emptyMessage = "the front matter is empty"

    static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLValue, Diagnostic> {
        let lineOffset = firstLine - 1
        if yaml.utf8.count > maximumBytes {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: firstLine),
                                       "the YAML is larger than \(maximumBytes / 1024) KB", note: "front matter holds fields, not text: put long text in the body"))
        }
        if let found = TextScan.firstControlCharacter(in: yaml) {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: found.line + lineOffset, column: found.column),
                                       "control character \(TextScan.escaped(String(found.scalar))) in the YAML",
                                       note: "remove it: front matter holds printable text only"))
        }
        if let problem = YAMLShape.firstProblem(in: yaml, maximumDepth: maximumDepth, maximumNodes: maximumNodes) {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: problem.line + lineOffset, column: problem.column),
                                       problem.message, note: problem.note))
        }
        do {
            // Scalars stay untyped (the model reads numbers and dates itself), so no resolver rules
            // and no constructor maps; the encoding is given so Yams does not consult the environment.
            guard let root = try Yams.compose(yaml: yaml, .basic, Constructor([:], [:], [:]), .utf8) else {
                return .failure(Diagnostic(at: SourceLocation(file: file, line: firstLine), emptyMessage))
            }
            return .success(YAMLValue(node: root, path: "", file: file, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: yaml, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(Diagnostic(at: SourceLocation(file: file, line: firstLine), "YAML error: \(error)"))
        }
    }

    /// What `parseRecovering` found: the value read, with every line it had to mend or leave out.
    struct Recovered {
        /// The front matter as read after mending; nil when even that did not parse.
        var value: YAMLValue?
        /// Why the YAML did not parse as written, one diagnostic per line at fault, top to bottom.
        var diagnostics: [Diagnostic]
    }

    /// Lines at fault mended or left out before giving up: a file with more is not worth guessing at.
    static let maximumRepairs = 8

    /// Parses `yaml` as `parse` does; when it does not parse, reports why and reads it again with the
    /// line at fault mended, so that one run reports the fields' own mistakes too, not just the first
    /// syntax error.
    ///
    /// A line indented with tabs is read with each tab as two spaces (what the author meant, almost
    /// always); any other line the parser stops at is left out, with the lines indented under it, and
    /// the fields on it are not reported as missing. What is read this way is only checked, never
    /// published: the file has errors, so no build goes ahead. Problems that make the text unsafe to
    /// read at all (size, control characters, nesting, aliases) are not mended.
    static func parseRecovering(_ yaml: String, file: String, firstLine: Int) -> Recovered {
        // Split into lines only when a line must be mended: almost every front matter parses at once,
        // and splitting every report's showed in the profile of loading.
        var lines: [String] = [], split = false
        var diagnostics: [Diagnostic] = []
        var leftOut: Set<String> = []
        var text = yaml
        var lastMended = 0
        while true {
            switch attempt(text, file: file, firstLine: firstLine) {
            case .success(var value):
                value.leftOut = leftOut
                return Recovered(value: value, diagnostics: diagnostics)
            case .failure(let failure):
                // The parser reads top to bottom, so a mistake of its own is below the line mended; one
                // at or above it is the mending's doing (the mistake was not where the parser stopped,
                // as with a quote left open), and is not reported.
                if !diagnostics.isEmpty, (failure.line ?? 0) <= lastMended { return Recovered(value: nil, diagnostics: diagnostics) }
                diagnostics.append(failure.diagnostic)
                if !split {
                    lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    split = true
                }
                // An open quote or bracket is found only at the end: there is no line to mend.
                guard diagnostics.count <= maximumRepairs, let line = failure.line, line >= 1, line <= lines.count,
                      !failure.diagnostic.message.contains("end of stream"),
                      !lines[line - 1].allSatisfy({ $0 == " " || $0 == "\t" }) else {
                    return Recovered(value: nil, diagnostics: diagnostics)
                }
                lastMended = line
                if failure.isTab {
                    let indent = lines[line - 1].prefix { $0 == " " || $0 == "\t" }
                    lines[line - 1] = String(repeating: " ", count: likelyIndent(before: line - 1, in: lines)) + lines[line - 1].dropFirst(indent.count)
                } else {
                    leaveOut(line: line - 1, of: &lines, keys: &leftOut)
                }
                text = lines.joined(separator: "\n")
            }
        }
    }

    /// The indentation a tab-indented line at `index` most likely meant: that of the line above it,
    /// or two more when that line opens a block (`ratings:`), so that the line stays in its mapping.
    private static func likelyIndent(before index: Int, in lines: [String]) -> Int {
        guard let above = lines[..<index].last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains("\t") }) else { return 0 }
        let indent = above.prefix { $0 == " " }.count
        let opensBlock = above.trimmingCharacters(in: .whitespaces).hasSuffix(":")
        return opensBlock ? indent + 2 : indent
    }

    /// Blanks `index` and the lines indented under it (its value, when it opens a block), keeping the
    /// line count so that every later line keeps its number; notes the top-level field it held.
    private static func leaveOut(line index: Int, of lines: inout [String], keys: inout Set<String>) {
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        let own = indent(lines[index])
        if own == 0, let colon = lines[index].firstIndex(of: ":") {
            let key = lines[index][..<colon].trimmingCharacters(in: .whitespaces)
            if !key.isEmpty { keys.insert(key) }
        }
        lines[index] = ""
        var next = index + 1
        while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty || indent(lines[next]) > own {
            lines[next] = ""
            next += 1
        }
    }

    /// `parse`, with the line at fault (1-based, within `yaml`) when the parser names one.
    private static func attempt(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLValue, Failure> {
        switch parse(yaml, file: file, firstLine: firstLine) {
        case .success(let value): return .success(value)
        case .failure(let diagnostic):
            // Only syntax errors are mended: the refusals before them guard against hostile text.
            let isSyntax = diagnostic.message.hasPrefix("YAML does not parse") || diagnostic.message.hasPrefix("tab characters")
            let line = isSyntax ? diagnostic.location.line.map { $0 - (firstLine - 1) } : nil
            return .failure(Failure(diagnostic: diagnostic, line: line, isTab: diagnostic.message.hasPrefix("tab characters")))
        }
    }

    private struct Failure: Error {
        var diagnostic: Diagnostic
        var line: Int?
        var isTab: Bool
    }

    private static func diagnostic(for error: YamlError, in yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(_, _, let mark, _) where startsWithTab(line: mark.line, of: yaml):
            return Diagnostic(at: SourceLocation(file: file, line: mark.line + lineOffset, column: 1),
                              "tab characters cannot indent YAML: use spaces", note: "indent with two spaces per level")
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

    /// Whether the indentation of line `line` (1-based) of `yaml` holds a tab.
    private static func startsWithTab(line: Int, of yaml: String) -> Bool {
        guard line >= 1 else { return false }
        let lines = yaml.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line <= lines.count else { return false }
        return lines[line - 1].prefix { $0 == " " || $0 == "\t" }.contains("\t")
    }
}

extension YAMLObject {
    /// The languages a name or title may be given in besides the original's, as `name_cy:`.
    static let translationLanguages = ["cy"]

    /// The keys that give `fields` in another language (`name` -> `name_cy`), for `rejectUnknownKeys`.
    static func translated(_ fields: [String]) -> [String] {
        fields.flatMap { field in [field] + translationLanguages.map { "\(field)_\($0)" } }
    }

    /// `field` in each other language the file gives it in (`name_cy: "Cymru"` -> `["cy": "Cymru"]`).
    func translations(of field: String, _ log: inout DiagnosticLog) -> [String: String] {
        var found: [String: String] = [:]
        for language in Self.translationLanguages {
            if let text = optional("\(field)_\(language)")?.string(&log) { found[language] = text }
        }
        return found
    }
}
