/// One problem found in the content, templates or output, with where it is.
///
/// Diagnostics are values, collected rather than thrown one at a time, so that an author sees every
/// mistake in one run.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Nothing wrong, but worth knowing (a report that will appear only on its publication day).
        case info
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The front-matter field concerned, as a dotted path (`ratings.leadership`), when there is one.
    public var field: String?
    public var message: String
    /// A short hint on how to fix it.
    public var note: String?

    public init(
        _ severity: Severity = .error, at location: SourceLocation, field: String? = nil,
        _ message: String, note: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.field = field
        self.message = message
        self.note = note
    }

    /// `Content/x.md:14:3: error: ratings.leadership: ...` followed by an indented note line.
    /// Messages quote what the author wrote, so control characters are shown escaped (`\u{1B}`):
    /// printed raw, an escape sequence in a content file could rewrite the terminal that shows it.
    public var description: String {
        var text = "\(TextScan.escaped(location.description)): \(severity.rawValue): "
        if let field { text += "\(TextScan.escaped(field)): " }
        text += TextScan.escaped(message)
        if let note { text += "\n    note: \(TextScan.escaped(note))" }
        return text
    }
}

/// A failed build or check: every diagnostic found, in file order.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The build was cancelled (a newer save in the preview): nothing is wrong with the content.
    public var isCancellation = false

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// A build stopped because its task was cancelled, having changed nothing.
    public static var cancelled: DiagnosticsError {
        var error = DiagnosticsError([])
        error.isCancellation = true
        return error
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { DiagnosticReport(diagnostics).text }
}

extension Diagnostic {
    /// The most diagnostics one check reports for one text: a text that repeats a mistake hundreds of
    /// thousands of times (a generated or pasted file) would otherwise print a line for each.
    public static let perTextLimit = 100

    /// `problems`, one check's for one text, cut to `perTextLimit`, with a last one saying how many
    /// more there were, at the first of those left out.
    public static func limited(_ problems: [Diagnostic]) -> [Diagnostic] {
        guard problems.count > perTextLimit else { return problems }
        let left = problems[perTextLimit]
        return Array(problems.prefix(perTextLimit)) + [Diagnostic(
            left.severity, at: left.location,
            "\(problems.count - perTextLimit) more problems like these in this text are not listed",
            note: "correct the ones listed and check again")]
    }
}

/// Collects diagnostics while a stage keeps going past the first problem.
package struct DiagnosticLog: Sendable {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    package mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    package mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Throws every diagnostic collected if any of them is an error.
    package func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(diagnostics) }
    }
}
