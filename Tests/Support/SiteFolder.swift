import Foundation
import ReportSite

/// Content folders for tests, and the files of a built site read back to be compared.
public enum SiteFolder {
    /// A tiny valid content folder: one region, one PDU, one inspection.
    public static func makeContent(in folder: URL) throws -> URL {
        let content = folder.appendingPathComponent("Content")
        try TestPaths.write("""
            title: "Test site"
            base_url: "https://example.org/"
            licence: "Open Government Licence"
            """, to: content.appendingPathComponent("site.yml"))
        try TestPaths.write(try TestPaths.read(URL(fileURLWithPath: TestPaths.content).appendingPathComponent("frameworks/pdu-2023.yml")),
                            to: content.appendingPathComponent("frameworks/pdu-2023.yml"))
        try TestPaths.write("""
            ---
            name: "Test Region"
            pdus:
              - name: "Alpha"
            ---
            """, to: content.appendingPathComponent("regions/test-region.md"))
        try TestPaths.write(TestContent.alphaInspection, to: content.appendingPathComponent("inspections/alpha-2024.md"))
        return content
    }

    /// A copy of the real content and templates, dated a minute ago so that a build right after
    /// trusts their stamps.
    public static func copyOfTheSite(in folder: URL) throws -> (content: URL, templates: URL) {
        let content = folder.appendingPathComponent("Content"), templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: TestPaths.content, toPath: content.path)
        try FileManager.default.copyItem(atPath: TestPaths.templates, toPath: templates.path)
        let past = Date(timeIntervalSinceNow: -60)
        for root in [content, templates] {
            for path in LinkChecker.allFiles(root) {
                try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: root.appendingPathComponent(path).path)
            }
        }
        return (content, templates)
    }

    /// An edit that found nothing to replace: the test it is part of fails.
    public struct NothingToReplace: Error, CustomStringConvertible {
        public var file: String
        public var old: String
        public var description: String { "\(file) has no '\(old)'" }
    }

    /// Replaces `old` with `new` in a file, throwing (so failing the test) if `old` is not there.
    public static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try TestPaths.read(file)
        guard text.contains(old) else { throw NothingToReplace(file: file.lastPathComponent, old: old) }
        try TestPaths.write(text.replacingOccurrences(of: old, with: new), to: file)
    }

    /// Adds `text` at the end of a file.
    public static func append(_ text: String, to file: URL) throws {
        try TestPaths.write(try TestPaths.read(file) + text, to: file)
    }

    /// The name of the marker a build leaves in its output: it holds the id of the build that made it.
    public static let markerName = ".reportsite-output"

    /// Every file under `folder` with its bytes; the ownership marker by its form alone, as each
    /// build gives the site a new id.
    public static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in LinkChecker.allFiles(folder) {
            let data = try Data(contentsOf: folder.appendingPathComponent(path))
            files[path] = path == markerName ? Data(markerForm(data).utf8) : data
        }
        return files
    }

    /// The marker's text with its id replaced, so that two markers of the right form compare equal.
    public static func markerForm(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"^reportsite [0-9a-f-]{36}\n$"#, with: "reportsite <id>", options: .regularExpression)
    }

    /// How two built sites differ, byte for byte (the marker by its form): the files only one of them
    /// has, and the files both have with other bytes.
    public struct Difference: Equatable, CustomStringConvertible {
        public var onlyInFirst: [String] = []
        public var onlyInSecond: [String] = []
        public var differing: [String] = []
        public var isEmpty: Bool { onlyInFirst.isEmpty && onlyInSecond.isEmpty && differing.isEmpty }
        public var description: String {
            "only in the first: \(onlyInFirst.prefix(5)); only in the second: \(onlyInSecond.prefix(5)); differing: \(differing.prefix(5))"
        }
    }

    /// Compares the files of two folders byte for byte, ignoring the id in the ownership marker.
    public static func compare(_ first: URL, _ second: URL) throws -> Difference {
        let one = try snapshot(first), two = try snapshot(second)
        return Difference(onlyInFirst: one.keys.filter { two[$0] == nil }.sorted(),
                          onlyInSecond: two.keys.filter { one[$0] == nil }.sorted(),
                          differing: one.keys.filter { two[$0] != nil && two[$0] != one[$0] }.sorted())
    }

    /// What a build killed halfway leaves beside its output: the staged tree, the tree put aside.
    public static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".staging-") || $0.contains(".old-") }
    }
}
