extension String {
    /// The text without white space or line breaks at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without going through Foundation, for
    /// texts trimmed once a heading.
    func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isWhiteSpaceOrNewline($0) }),
              let last = scalars.lastIndex(where: { !Self.isWhiteSpaceOrNewline($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Foundation's `.whitespacesAndNewlines`: Unicode's White_Space, and the zero-width space
    /// Foundation still counts as a space.
    private static func isWhiteSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200B || scalar.properties.isWhitespace
    }
}
