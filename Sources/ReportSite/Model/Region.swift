/// A probation region and the probation delivery units (PDUs) in it.
struct Region: Sendable, Hashable {
    /// A PDU as the region file lists it.
    struct PDU: Sendable, Hashable {
        var name: String
        var slug: String
        /// Other names reports use for the same PDU.
        var aliases: [String]
        /// No longer a PDU (merged or split); kept so its inspections have a home.
        var former: Bool
        var note: String?
        /// The councils and local delivery units it serves, each as a public document names it.
        var places: [Place] = []
        var location: SourceLocation
        /// The name in the site's other languages (`name_cy`), by language.
        var translatedName: [String: String] = [:]

        /// The names of the places it serves, each in English and, where it has one, in Welsh.
        var placeNames: [String] { places.flatMap(\.names) }
    }

    /// A council or local delivery unit a PDU serves, spelt as its source spells it.
    struct Place: Sendable, Hashable {
        enum Kind: String, Sendable, Hashable, CaseIterable {
            case council
            case localDeliveryUnit = "local delivery unit"
        }

        var name: String
        var kind: Kind
        /// How much of it the PDU serves when not all of it ("parts of", "excluding Eastleigh and New Forest").
        var coverage: String?
        /// The public document that says the PDU serves it.
        var source: Source
        var location: SourceLocation
        /// Its name in Welsh (`name_cy:`), where one is published, spelt as `welshNameSource` spells
        /// it; the same as `name` where the Welsh and English names are the same (Powys).
        var welshName: String? = nil
        /// The public document that gives `welshName` (for a Welsh council, the ONS names and codes).
        var welshNameSource: Source? = nil

        /// Every name it is known by: its name, then its Welsh name where that differs. A search for
        /// either finds the PDU that serves it.
        var names: [String] {
            guard let welshName, welshName != name else { return [name] }
            return [name, welshName]
        }
    }

    var slug: String
    var name: String
    var pdus: [PDU]
    /// Public documents a reader can follow.
    var sources: [Source]
    /// Working notes for editors: shown in the preview, never published.
    var notes: String?
    /// Markdown about the region.
    var body: String
    var bodyFirstLine: Int
    var location: SourceLocation
    var translatedName: [String: String] = [:]

    /// The PDU called `name` or known by it as an alias.
    func pdu(named name: String) -> PDU? {
        pdus.first { $0.name == name || $0.aliases.contains(name) }
    }
}
