import Foundation
import Hummingbird

/// Refuses a path with a NUL or another control character, raw or percent-encoded, with 400.
///
/// Hummingbird's file middleware takes a file's content type from the text after the last dot: a
/// NUL in `/data/inspections.csv%00.html` made a CSV file be served as HTML. No file of the site has
/// such a name, so these paths are refused before any file is looked up.
struct ControlCharacterMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let raw = request.uri.path
        let decoded = raw.removingPercentEncoding
        guard let decoded, !Self.hasControl(raw), !Self.hasControl(decoded) else {
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Bad request: the path has a control character or bad percent-encoding\n")))
        }
        return try await next(request, context)
    }

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}

/// Answers `Range` requests as RFC 9110 says, in front of Hummingbird's file middleware, which gave
/// 206 with a negative length past the end, read `bytes=-10` as the first bytes and `bytes=-0` as
/// satisfiable.
///
/// One range (`a-b`, `a-` or `-n`) against a file of the preview is turned into the explicit
/// `bytes=first-last` the file middleware serves correctly; a range that starts past the end, or an
/// empty suffix, gets 416 with `Content-Range: bytes */size`. Several ranges, or a header that does
/// not parse, are ignored and the whole file is sent, as the RFC allows.
struct RangeMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Finds the size of the file a path is served from (nil when no file of the preview is).
    let fileSize: @Sendable (String) async -> Int?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.range] else { return try await next(request, context) }
        // The request passed on carries the range resolved here, or none.
        func passing(_ range: ClosedRange<Int>?) -> Request {
            var head = request.head
            head.headerFields[.range] = range.map { "bytes=\($0.lowerBound)-\($0.upperBound)" }
            return Request(head: head, body: request.body)
        }
        guard request.method == .get, let path = request.uri.path.removingPercentEncoding, let size = await fileSize(path) else {
            return try await next(passing(nil), context)
        }
        switch Self.resolve(header, size: size) {
        case .ignore:
            return try await next(passing(nil), context)
        case .unsatisfiable:
            return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(size)", .contentLength: "0"])
        case .range(let range):
            return try await next(passing(range), context)
        }
    }

    enum Outcome: Equatable {
        case ignore
        case unsatisfiable
        case range(ClosedRange<Int>)
    }

    /// What a `Range` header asks of a file of `size` bytes (RFC 9110, section 14.1.2).
    static func resolve(_ header: String, size: Int) -> Outcome {
        let value = header.trimmingCharacters(in: .whitespaces)
        guard value.lowercased().hasPrefix("bytes="), !value.contains(",") else { return .ignore }
        let spec = value.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard let dash = spec.firstIndex(of: "-") else { return .ignore }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        let digits = { (text: Substring) in !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        if first.isEmpty {
            // A suffix: the last n bytes. Too many digits to count is more than the file has.
            guard digits(last) else { return .ignore }
            let length = Int(last) ?? Int.max
            guard length > 0, size > 0 else { return .unsatisfiable }
            return .range(max(0, size - length)...(size - 1))
        }
        guard digits(first) else { return .ignore }
        guard let start = Int(first), start < size else { return .unsatisfiable }
        if last.isEmpty { return .range(start...(size - 1)) }
        guard digits(last) else { return .ignore }
        let end = Int(last) ?? Int.max
        guard end >= start else { return .ignore }
        return .range(start...min(end, size - 1))
    }
}
