/// A probation region and the probation delivery units (PDUs) in it.
public struct Region: Sendable, Hashable {
    /// A PDU as the region file lists it.
    public struct PDU: Sendable, Hashable {
        public var name: String
        public var slug: String
        /// Other names reports use for the same PDU.
        public var aliases: [String]
        /// No longer a PDU (merged or split); kept so its inspections have a home.
        public var former: Bool
        public var note: String?
        /// The councils and local delivery units it serves, each as a public document names it.
        public var places: [Place] = []
        public var location: SourceLocation

        /// The names of the places it serves, each in English and, where it has one, in Welsh.
        public var placeNames: [String] { places.flatMap(\.names) }
    }

    /// A council or local delivery unit a PDU serves, spelt as its source spells it.
    public struct Place: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case council
            case localDeliveryUnit = "local delivery unit"
        }

        public var name: String
        public var kind: Kind
        /// How much of it the PDU serves when not all of it ("parts of", "excluding Eastleigh and New Forest").
        public var coverage: String?
        /// The public document that says the PDU serves it.
        public var source: Source
        public var location: SourceLocation
        /// Its name in Welsh (`name_cy:`), where one is published, spelt as `welshNameSource` spells
        /// it; the same as `name` where the Welsh and English names are the same (Powys).
        public var welshName: String? = nil
        /// The public document that gives `welshName` (for a Welsh council, the ONS names and codes).
        public var welshNameSource: Source? = nil

        /// Every name it is known by: its name, then its Welsh name where that differs. A search for
        /// either finds the PDU that serves it.
        public var names: [String] {
            guard let welshName, welshName != name else { return [name] }
            return [name, welshName]
        }
    }

    public var slug: String
    public var name: String
    public var pdus: [PDU]
    /// Public documents a reader can follow.
    public var sources: [Source]
    /// Working notes for editors: shown in the preview, never published.
    public var notes: String?
    /// Markdown about the region.
    public var body: String
    public var bodyFirstLine: Int
    public var location: SourceLocation

    /// The PDU called `name` or known by it as an alias.
    public func pdu(named name: String) -> PDU? {
        pdus.first { $0.name == name || $0.aliases.contains(name) }
    }
}
