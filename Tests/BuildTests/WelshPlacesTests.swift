import Foundation
import Testing
@testable import ReportSite
import ReportSiteTestSupport

/// The places the Welsh PDUs serve, each with its English and Welsh name (ONS's LAD23NM and
/// LAD23NMW), and the search names index that finds a PDU by either.
@Suite("Welsh places")
struct WelshPlacesTests {
    static let onsTitle = "ONS Local Authority Districts (December 2023) names and codes in the UK (LAD23NM / LAD23NMW)"

    static func wales() throws -> Region {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        return try #require(content.regions.first { $0.slug == "wales" })
    }

    @Test(arguments: [
        ("Caerdydd", "Cardiff", "Cardiff and the Vale"),
        ("Bro Morgannwg", "Vale of Glamorgan", "Cardiff and the Vale"),
        ("Wrecsam", "Wrexham", "North Wales"),
        ("Abertawe", "Swansea", "Swansea, Neath and Port Talbot"),
        ("Castell-nedd Port Talbot", "Neath Port Talbot", "Swansea, Neath and Port Talbot"),
        ("Casnewydd", "Newport", "Gwent"),
        ("Sir Benfro", "Pembrokeshire", "Dyfed Powys"),
        ("Pen-y-bont ar Ogwr", "Bridgend", "Cwm Taf Morgannwg"),
    ])
    func aWelshNameIsANameOfTheRightPDUsPlace(welsh: String, english: String, pduName: String) throws {
        let wales = try Self.wales()
        let serving = wales.pdus.filter { $0.placeNames.contains(welsh) }
        #expect(serving.map(\.name) == [pduName])
        let place = try #require(serving.first?.places.first { $0.welshName == welsh })
        #expect(place.name == english)
        #expect(place.kind == .council)
        #expect(place.names == [english, welsh])
        #expect(place.welshNameSource?.title == Self.onsTitle)
    }

    @Test func everyWelshPDUServesSomePlacesAndEveryNamedCouncilHasItsWelshName() throws {
        let wales = try Self.wales()
        #expect(wales.pdus.count == 6)
        for pdu in wales.pdus {
            #expect(!pdu.places.isEmpty, "\(pdu.name) has no places")
            for place in pdu.places where place.name != "Conway" {
                // Spelt as the MoJ's list spells it; 'Conway' does not match ONS's Conwy, and is left.
                #expect(place.welshName != nil, "\(place.name) has no Welsh name")
            }
        }
        // A name the same in both languages is one name, not two.
        let powys = try #require(wales.pdus.flatMap(\.places).first { $0.name == "Powys" })
        #expect(powys.welshName == "Powys")
        #expect(powys.names == ["Powys"])
    }

    @Test func theNamesIndexListsAPDUsWelshPlaceNames() throws {
        let (content, _) = try ContentLoader(root: TestPaths.content).load()
        let graph = try SiteGraph.build(content)
        let script = String(decoding: SearchIndex(graph: graph, facts: [:]).names(shards: 1), as: UTF8.self)
        let prefix = "window.REPORTSITE_SEARCH = "
        #expect(script.hasPrefix(prefix))
        let json = script.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let names = try #require(object["names"] as? [[String: Any]])
        func places(of pdu: String) -> [String] {
            names.first { $0["n"] as? String == pdu }?["p"] as? [String] ?? []
        }
        #expect(places(of: "Cardiff and the Vale") == ["Cardiff", "Caerdydd", "Vale of Glamorgan", "Bro Morgannwg"])
        #expect(places(of: "Swansea, Neath and Port Talbot") == ["Swansea", "Abertawe", "Neath Port Talbot", "Castell-nedd Port Talbot"])
        #expect(places(of: "North Wales").contains("Wrecsam"))
    }

    // MARK: the region file's fields

    static func decode(place: String) -> (region: Region?, printed: [String]) {
        PlacesAndSearchTests.decode(PlacesAndSearchTests.region(places: place) + """

              - title: "\(onsTitle)"
            """)
    }

    @Test func aWelshNameIsReadWithItsSource() throws {
        let (region, printed) = Self.decode(place: """
                  - name: "Cardiff"
                    kind: "council"
                    source: "\(PlacesAndSearchTests.listTitle)"
                    name_cy: "Caerdydd"
                    name_cy_source: "\(Self.onsTitle)"
                  - name: "Swansea"
                    kind: "council"
                    source: "\(PlacesAndSearchTests.listTitle)"
            """)
        #expect(printed.isEmpty, "\(printed)")
        let places = try #require(region?.pdus.first?.places)
        #expect(places.map(\.welshName) == ["Caerdydd", nil])
        #expect(places[0].welshNameSource == Source(title: Self.onsTitle))
        #expect(places[0].source.title == PlacesAndSearchTests.listTitle)
        #expect(places[1].names == ["Swansea"])
        #expect(region?.pdus.first?.placeNames == ["Cardiff", "Caerdydd", "Swansea"])
    }

    @Test(arguments: [
        ("    name_cy: \"Caerdydd\"", "a place's Welsh name has no source"),
        ("    name_cy_source: \"\(onsTitle)\"", "name_cy_source: is given without name_cy:"),
        ("    name_cy: \"Caerdydd\"\n        name_cy_source: \"Nobody's list\"", "source 'Nobody's list' is not one of this file's sources"),
        ("    name_cy: \"  \"\n        name_cy_source: \"\(onsTitle)\"", "a place's Welsh name is empty"),
    ])
    func aWelshNameWithoutItsSourceIsAnError(lines: String, message: String) throws {
        let (region, printed) = Self.decode(place: """
                  - name: "Cardiff"
                    kind: "council"
                    source: "\(PlacesAndSearchTests.listTitle)"
                \(lines)
            """)
        #expect(printed.contains { $0.contains(message) }, "\(printed)")
        #expect(region?.pdus.first?.places.isEmpty == true)
    }
}
