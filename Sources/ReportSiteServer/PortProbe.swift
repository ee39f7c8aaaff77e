import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the server's address can be had, asked before the first build: a busy port then costs
/// the author one line, not a full build and a socket error.
package enum PortProbe {
    /// The port is taken (by an earlier preview, say).
    package struct InUse: Error, CustomStringConvertible {
        package var host: String
        package var port: Int

        package var description: String {
            "port \(port) on \(host) is already in use: stop what uses it, or choose another with --port (--port 0 picks a free one)"
        }
    }

    /// Throws `InUse` when `host:port` is taken; port 0 (any free port) is always available.
    package static func check(host: String, port: Int) throws {
        guard port != 0 else { return }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else { return }
        defer { freeaddrinfo(found) }
        let probe = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard probe >= 0 else { return }
        defer { close(probe) }
        // As the server binds: an address left in TIME_WAIT by a server that just stopped is free.
        var one: Int32 = 1
        setsockopt(probe, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if bind(probe, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0, errno == EADDRINUSE {
            throw InUse(host: host, port: port)
        }
    }
}
