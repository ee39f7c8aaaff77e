import Foundation

/// Diagnostics as people and programs read them: compiler-style text with a summary line, or JSON.
public struct DiagnosticReport: Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// "2 errors, 1 warning".
    public var summary: String {
        "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
    }

    /// One diagnostic per line (notes indented below), then the summary.
    public var text: String {
        (diagnostics.map(\.description) + [summary]).joined(separator: "\n")
    }

    /// `{"diagnostics": [{"severity", "file", "line", "column", "field", "message", "note"}], "errors", "warnings"}`.
    public func json() -> String {
        struct Entry: Encodable {
            var severity: String, file: String, line: Int?, column: Int?, field: String?, message: String, note: String?
        }
        struct Document: Encodable {
            var diagnostics: [Entry], errors: Int, warnings: Int
        }
        let entries = diagnostics.map {
            // Escaped as in the text form: JSON escapes C0 controls but passes DEL and C1 through.
            Entry(severity: $0.severity.rawValue, file: TextScan.escaped($0.location.file), line: $0.location.line,
                  column: $0.location.column, field: $0.field.map(TextScan.escaped), message: TextScan.escaped($0.message),
                  note: $0.note.map(TextScan.escaped))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(Document(diagnostics: entries, errors: errorCount, warnings: warningCount))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
