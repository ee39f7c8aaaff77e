/// JSON string literals, for the files reportsite writes by hand (open data, the search index):
/// `JSONSerialization` goes through Foundation's object tree, many times slower for this.
enum JSONString {
    /// Appends `text` to `json` as a JSON string: quotes, backslashes and control characters escaped,
    /// the rest as it is. In a script, "</" is written "<\/" so that no string can close the script
    /// element it is in.
    ///
    /// Works on UTF-8 bytes: every character that needs an escape is ASCII, and no byte of a longer
    /// character is, so the bytes can be copied or escaped one at a time.
    static func append(_ text: String, to json: inout [UInt8], inScript: Bool = false) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &json, inScript: inScript) }
    }

    /// `append(_:to:inScript:)` of text given as UTF-8 bytes.
    static func append(bytes: UnsafeBufferPointer<UInt8>, to json: inout [UInt8], inScript: Bool = false) {
        json.append(0x22)
        defer { json.append(0x22) }
        do {
            // Most strings need no escape at all: copied whole. In a script a "/" needs one only
            // after a "<", so it is the "<" that sends a string the slow way.
            var plain = true
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || (inScript && byte == 0x3C) {
                plain = false
                break
            }
            if plain {
                json.append(contentsOf: bytes)
                return
            }
            var previous: UInt8 = 0x20
            for byte in bytes {
                switch byte {
                case 0x22: json.append(contentsOf: [0x5C, 0x22])  // \"
                case 0x5C: json.append(contentsOf: [0x5C, 0x5C])  // \\
                case 0x0A: json.append(contentsOf: [0x5C, 0x6E])  // \n
                case 0x0D: json.append(contentsOf: [0x5C, 0x72])  // \r
                case 0x09: json.append(contentsOf: [0x5C, 0x74])  // \t
                case 0x08: json.append(contentsOf: [0x5C, 0x62])  // \b
                case 0x0C: json.append(contentsOf: [0x5C, 0x66])  // \f
                case 0x2F where inScript && previous == 0x3C: json.append(contentsOf: [0x5C, 0x2F])  // <\/
                case _ where byte < 0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    json.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])  // \u00XX
                default: json.append(byte)
                }
                previous = byte
            }
        }
    }

    /// `text` as a JSON string (see `append`).
    static func quoted(_ text: String, inScript: Bool = false) -> String {
        var json: [UInt8] = []
        append(text, to: &json, inScript: inScript)
        return String(decoding: json, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text`.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
