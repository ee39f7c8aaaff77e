import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files with plain system calls.
///
/// `Data.write(to:)` flushes every file to the disk before it returns (an `fsync` each): for a site
/// of thousands of pages that is much of the kernel's share of a build. Like other site
/// generators, reportsite leaves the flushing to the operating system: a build that fails or is
/// killed still leaves the last good site (pages are moved in only when all are made), but a power
/// cut in the seconds after a build can leave pages the disk had not yet received; the README says
/// to make a clean build then.
enum FileWriter {
    /// Writes `data` at `path`, making its folder when it does not exist yet.
    static func write(_ data: Data, to path: String) throws {
        try write([data], to: path)
    }

    /// Writes `chunks` one after another as the file at `path`. Missing folders are made below `root`
    /// only while `root` itself exists: a folder removed under a build (a preview stopped by a signal)
    /// is not made again by the build's last writes.
    static func write(_ chunks: [Data], to path: String, within root: String? = nil) throws {
        try write(FileParts(count: chunks.count) { chunks[$0] }, to: path, within: root)
    }

    /// Writes `parts` one after another as the file at `path`, each made only when its turn comes.
    static func write(_ parts: FileParts, to path: String, within root: String? = nil) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if descriptor < 0, errno == ENOENT {
            if let root, access(root, F_OK) != 0 { throw POSIXError(.ENOENT) }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        // Small parts (a cache's entries, each a few hundred bytes) are gathered into one buffer, so
        // that a file of 20,000 parts is a few dozen system calls, not 20,000.
        var buffer: [UInt8] = []
        func flush() throws {
            try buffer.withUnsafeBytes { try writeAll($0, to: descriptor) }
            buffer.removeAll(keepingCapacity: true)
        }
        for index in 0..<parts.count {
            try parts.part(index).withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                if bytes.count < gatheredPart {
                    buffer.append(contentsOf: bytes)
                    if buffer.count >= gatheredPart { try flush() }
                } else {
                    try flush()
                    try writeAll(bytes, to: descriptor)
                }
            }
        }
        try flush()
    }

    /// Parts smaller than this are gathered before they are written.
    private static let gatheredPart = 1 << 18

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
    }

    // `write` alone would name this type's own method.
    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #else
    private static let systemWrite = Darwin.write
    #endif
}

/// A file made and written a part at a time, so that no more than a part of it is held at once: the
/// build's caches grow with the reports and are written when the build holds the most.
struct FileParts: Sendable {
    var count: Int
    var part: @Sendable (Int) -> Data

    init(count: Int, part: @escaping @Sendable (Int) -> Data) {
        self.count = count
        self.part = part
    }

    /// A file of one part.
    init(_ data: Data) {
        self.init(count: 1) { _ in data }
    }

    /// The whole file.
    var joined: Data {
        (0..<count).reduce(into: Data()) { $0.append(part($1)) }
    }
}
