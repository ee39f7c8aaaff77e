import Foundation
import Mustache

/// The Mustache templates of a `Templates/` folder, loaded at run time so the look changes without
/// recompiling.
public struct TemplateSet: Sendable {
    /// Templates the builder renders pages with; partials and layouts are up to the template author.
    public static let pageTemplates = ["home", "inspection", "region", "pdu", "regions", "pdus", "404"]
    /// Files under this sub-folder are copied to the output as they are (CSS, icons).
    public static let assetsFolder = "assets"

    public let folder: String
    let library: MustacheLibrary

    /// Loads every `*.mustache` file under `folder`; a syntax error or a missing page template is a diagnostic.
    public static func load(from folder: String) async throws(DiagnosticsError) -> TemplateSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: folder), "templates folder not found")])
        }
        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: folder)
        } catch let error as MustacheLibrary.ParserError {
            let file = folder.hasSuffix("/") ? folder + error.filename : folder + "/" + error.filename
            throw DiagnosticsError([Diagnostic(
                at: SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber),
                "template does not parse: \(error.error)")])
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: folder), "cannot load templates: \(error)")])
        }
        let missing = pageTemplates.filter { library.getTemplate(named: $0) == nil }
        if !missing.isEmpty {
            throw DiagnosticsError(missing.map {
                Diagnostic(at: SourceLocation(file: folder + "/\($0).mustache"), "missing page template '\($0)'")
            })
        }
        return TemplateSet(folder: folder, library: library)
    }

    /// Renders `view` with the page template `name`.
    func render(_ view: Any, with name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// `(relative path, absolute path)` of every asset file to copy into the output.
    func assets() -> [(relative: String, absolute: String)] {
        let base = (folder as NSString).appendingPathComponent(Self.assetsFolder)
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [(String, String)] = []
        for case let relative as String in enumerator {
            let absolute = (base as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((relative, absolute))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
