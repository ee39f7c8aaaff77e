import Foundation

/// The Markdown of a report: the text itself, or the file and byte it starts at, read again when the
/// page is made.
///
/// The texts of a large site are far more than its figures. Holding where each one starts, rather than the text,
/// keeps a build's memory the same whatever the number of reports: a text is in memory only while
/// its page is being made.
struct MarkdownText: Sendable, Hashable, ExpressibleByStringLiteral {
    private enum Storage: Sendable, Hashable {
        case text(String)
        case file(path: String, offset: Int)
    }

    private let storage: Storage

    init(_ text: String) {
        storage = .text(text)
    }

    init(stringLiteral text: String) {
        self.init(text)
    }

    /// The text of `path` from byte `offset` to its end.
    static func file(_ path: String, from offset: Int) -> MarkdownText {
        MarkdownText(storage: .file(path: path, offset: offset))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The text when it is held, or else the file and byte it starts at (for the build's cache).
    var held: (text: String?, file: (path: String, offset: Int)?) {
        switch storage {
        case .text(let text): (text, nil)
        case .file(let path, let offset): (nil, (path, offset))
        }
    }

    /// The Markdown. A file that has gone since it was loaded reads as empty; the next build sees it gone.
    var markdown: String {
        switch storage {
        case .text(let text):
            return text
        case .file(let path, let offset):
            guard let data = FileManager.default.contents(atPath: path), data.count >= offset else { return "" }
            return String(decoding: data.dropFirst(offset), as: UTF8.self)
        }
    }
}
