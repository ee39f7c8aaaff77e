/// Finding, and showing safely, the characters of a file that a diagnostic is about.
///
/// Lines and columns are 1-based; a column counts characters (Unicode scalars), as the YAML parser
/// counts them, so a position is the same whichever of them reports it.
package enum TextScan {
    /// The first control character other than tab, line feed and carriage return (C0, DEL, and C1
    /// but NEL, as YAML forbids them), with where it is.
    package static func firstControlCharacter(in text: String) -> (line: Int, column: Int, scalar: Unicode.Scalar)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; column = 1; continue }
            if isForbiddenControl(scalar) { return (line, column, scalar) }
            column += 1
        }
        return nil
    }

    /// Where the first byte that is not valid UTF-8 is, and its value, or nil when all of `bytes` is.
    package static func firstInvalidUTF8<Bytes: Collection<UInt8>>(in bytes: Bytes) -> (line: Int, column: Int, byte: UInt8)? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1, offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            case .error:
                return (line, column, bytes[bytes.index(bytes.startIndex, offsetBy: offset)])
            case .emptyInput:
                return nil
            }
        }
    }

    /// `text` with every control character written as `\u{1B}`, so that a diagnostic shown in a
    /// terminal cannot move the cursor, retitle the window or clear the screen.
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 (line feed and tab included), DEL and C1: what a terminal may act on.
    /// Bidirectional overrides are included too, since they reorder what a reader sees.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x85: false
        case 0x00..<0x20, 0x7F...0x9F: true
        default: false
        }
    }
}
