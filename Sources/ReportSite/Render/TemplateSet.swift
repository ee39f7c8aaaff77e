import Foundation
import Mustache

/// The Mustache templates of a `Templates/` folder, loaded at run time so the look changes without
/// recompiling.
public struct TemplateSet: Sendable {
    /// Templates the builder renders pages with; partials and layouts are up to the template author.
    public static let pageTemplates = [
        "home", "inspection", "print", "region", "pdu", "regions", "pdus", "404", "search", "glossary", "feed", "sitemap", "robots",
    ]
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
        // Before parsing: a template's pragma takes the content type registered under its name then.
        MustacheContentTypes.register(HTMLEscaping(), named: "HTML")
        do {
            library = try await MustacheLibrary(directory: folder)
        } catch is MustacheLibrary.ParserError {
            // The library stops at the first bad file; parse each one to report them all.
            throw DiagnosticsError(parseErrors(in: folder))
        } catch {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: folder), "cannot load templates: \(error)")])
        }
        var diagnostics = pageTemplates.filter { library.getTemplate(named: $0) == nil }.map {
            Diagnostic(at: SourceLocation(file: folder + "/\($0).mustache"), "missing page template '\($0)'",
                       note: "every one of \(pageTemplates.joined(separator: ", ")) must exist")
        }
        diagnostics += missingPartials(in: folder, library: library)
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return TemplateSet(folder: folder, library: library)
    }

    private static func templateFiles(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
    }

    private static func parseErrors(in folder: String) -> [Diagnostic] {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return templateFiles(in: folder).compactMap { file in
            do {
                _ = try MustacheTemplate(string: String(contentsOfFile: base + file, encoding: .utf8))
                return nil
            } catch let error as MustacheTemplate.ParserError {
                return Diagnostic(
                    at: SourceLocation(file: base + file, line: error.context.lineNumber, column: error.context.columnNumber),
                    "template does not parse: \(error.error)",
                    note: "check that every {{#section}} and {{^section}} has its {{/section}}")
            } catch {
                return Diagnostic(at: SourceLocation(file: base + file), "cannot read the template: \(error.localizedDescription)")
            }
        }
    }

    /// Swift-mustache renders a missing partial as nothing, which would silently drop part of a page;
    /// so every `{{> name}}` and `{{< name}}` must name a template of the folder.
    private static func missingPartials(in folder: String, library: MustacheLibrary) -> [Diagnostic] {
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*([><])\s*([^}\s]+)\s*\}\}"#)
        var diagnostics: [Diagnostic] = []
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        for file in templateFiles(in: folder) {
            guard let text = try? String(contentsOfFile: base + file, encoding: .utf8) else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let lineText = String(line)
                for match in pattern.matches(in: lineText, range: NSRange(lineText.startIndex..., in: lineText)) {
                    guard let nameRange = Range(match.range(at: 2), in: lineText) else { continue }
                    let name = String(lineText[nameRange])
                    if library.getTemplate(named: name) == nil {
                        let column = lineText.distance(from: lineText.startIndex, to: nameRange.lowerBound) + 1
                        diagnostics.append(Diagnostic(
                            at: SourceLocation(file: base + file, line: index + 1, column: column),
                            "template names a partial '\(name)' that does not exist",
                            note: "templates are named by their path under the folder without '.mustache', e.g. 'partials/rating'"))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Renders `view` with the page template `name`.
    func render<View: Encodable>(_ view: View, with name: String) -> String {
        library.render(TemplateValue.convert(view), withTemplate: name) ?? ""
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
