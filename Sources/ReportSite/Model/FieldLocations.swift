import Foundation

/// Where each field of a report's front matter was written, for the diagnostics that point at one.
///
/// A report read back from the build cache keeps the cache's bytes for them, decoded only when asked
/// for: a rebuild reads every report back, and most builds point at no field of most reports.
struct FieldLocations: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private let decoded: [String: SourceLocation]?
    private let encoded: Data
    private let decode: (@Sendable (Data) -> [String: SourceLocation])?

    init(_ locations: [String: SourceLocation]) {
        decoded = locations
        encoded = Data()
        decode = nil
    }

    init(dictionaryLiteral elements: (String, SourceLocation)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }

    /// Locations still in the bytes `encoded`, which `decode` reads when they are asked for.
    init(encoded: Data, decode: @escaping @Sendable (Data) -> [String: SourceLocation]) {
        decoded = nil
        self.encoded = encoded
        self.decode = decode
    }

    /// The bytes they were read from, when not yet decoded: written back to the cache as they are.
    var encodedBytes: Data? {
        decoded == nil ? encoded : nil
    }

    /// Every field's location.
    var all: [String: SourceLocation] {
        decoded ?? decode?(encoded) ?? [:]
    }

    subscript(field: String) -> SourceLocation? {
        all[field]
    }

    static func == (lhs: FieldLocations, rhs: FieldLocations) -> Bool {
        if let left = lhs.encodedBytes, let right = rhs.encodedBytes, left == right { return true }
        return lhs.all == rhs.all
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(all)
    }
}
