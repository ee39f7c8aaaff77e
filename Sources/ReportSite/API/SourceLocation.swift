/// A place in a content file, for pointing an author at a mistake.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// Path of the file, as the user named it (relative to the working directory where possible).
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown, as compilers print it.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
