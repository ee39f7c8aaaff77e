import Foundation
import Hummingbird
import Logging

/// Hummingbird's local file provider, confined to its folder: a path that resolves (through symbolic
/// links) to anywhere outside the folder is treated as not there. `FileMiddleware` already refuses
/// `..` in paths, encoded or not.
struct ConfinedFileSystem: FileProvider {
    typealias FileAttributes = LocalFileSystem.FileAttributes
    typealias FileIdentifier = LocalFileSystem.FileIdentifier

    let local: LocalFileSystem
    /// The folder with symbolic links resolved.
    let realRoot: String

    init(folder: String) {
        local = LocalFileSystem(rootFolder: folder, threadPool: .singleton, logger: Logger(label: "reportsite.files"))
        realRoot = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }

    func getFileIdentifier(_ path: String) -> FileIdentifier? {
        guard let identifier = local.getFileIdentifier(path) else { return nil }
        let resolved = URL(fileURLWithPath: identifier).resolvingSymlinksInPath().path
        guard resolved == realRoot || resolved.hasPrefix(realRoot + "/") else { return nil }
        return identifier
    }

    /// The size of the file the file middleware serves for `path` (a folder's `index.html`), or nil.
    func size(ofFileServedAt path: String) async -> Int? {
        guard let id = getFileIdentifier(path), let attributes = try? await getAttributes(id: id) else { return nil }
        guard attributes.isFolder else { return attributes.size }
        guard path.hasSuffix("/"), let index = getFileIdentifier(path + "index.html"),
              let indexAttributes = try? await getAttributes(id: index), !indexAttributes.isFolder else { return nil }
        return indexAttributes.size
    }

    func getAttributes(id: FileIdentifier) async throws -> FileAttributes? {
        try await local.getAttributes(id: id)
    }

    func loadFile(id: FileIdentifier, context: some RequestContext) async throws -> ResponseBody {
        try await local.loadFile(id: id, context: context)
    }

    func loadFile(id: FileIdentifier, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        try await local.loadFile(id: id, range: range, context: context)
    }
}
