import ReportSiteViews
import CCmarkGFM
import Foundation

/// A heading of a rendered document, for its table of contents.
struct Heading: Sendable, Hashable {
    var level: Int
    var text: String
    /// The `id` attribute given to the heading, unique within the document.
    var id: String
}

/// A link destination written in a document, with where it was written (1-based, within the document).
struct MarkdownLink: Sendable, Hashable {
    var destination: String
    var line: Int
    var column: Int
}

/// Raw HTML written in a document, which is refused: where it was written and how it starts.
struct MarkdownRawHTML: Sendable, Hashable {
    var text: String
    var line: Int
    var column: Int
}

/// HTML made from Markdown, and what the page needs to know about it.
struct RenderedMarkdown: Sendable, Hashable {
    /// The text as markup: cmark-gfm's, the one `HTML` made from a string without escaping.
    var html: HTML
    var headings: [Heading]
    /// Destinations of links and images, for checking that they lead somewhere.
    var links: [MarkdownLink] = []
    /// Ids cmark-gfm gives footnotes and their references (`fn-1`, `fnref-1`).
    var footnoteIDs: Set<String> = []
    /// Raw HTML blocks and inlines, left out of `html` and reported as errors.
    var rawHTML: [MarkdownRawHTML] = []
    /// Images without alt text (`![](x.png)`), reported as errors.
    var imagesWithoutAlt: [MarkdownLink] = []
    /// The text as a reader reads it, as UTF-8 bytes (see `MarkdownRenderer.readerText`), when the
    /// renderer was asked for it: the search index counts its words and shows snippets of it.
    var text: [UInt8] = []
}

/// Markdown to HTML through the system cmark-gfm library, with the GFM extensions.
///
/// Rendered in cmark-gfm's safe mode: raw HTML is never emitted (a report's text is Markdown only, and
/// a filter of tags is no sanitiser: event attributes, `<form>`, `<base>` all pass one), and links
/// with dangerous schemes lose their target; the build reports both as errors with their place, from
/// `rawHTML` and `links`. The markup reportsite adds itself (heading ids, glossary links) goes in as
/// custom nodes, which safe mode prints as they are. Table alignment is a `style` attribute, as HTML5
/// has no `align`. Each call uses its own parser, so distinct documents can be rendered concurrently.
struct MarkdownRenderer: Sendable {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Ids the page around the document already uses, so heading ids never collide with them.
    var reservedIDs: Set<String>
    /// The files texts may link to, by their path in the site: a link to one is followed by its type
    /// and size, "(PDF, 1.2 MB)".
    var attachments: [String: Attachment] = [:]
    /// Whether to collect the text as a reader reads it (`RenderedMarkdown.text`).
    var collectsText = false
    /// On a page of a language other than the default (`cy/…`), one folder below where its text was
    /// written for: `../`, put before each relative link to a file every language shares
    /// (`Routes.isShared`), which stays at the site root.
    var sharedPrefix = ""

    init(reservedIDs: Set<String> = []) {
        self.reservedIDs = reservedIDs
        Self.registerExtensions
    }

    init(reservedIDs: Set<String>, attachments: [Attachment]) {
        self.init(reservedIDs: reservedIDs)
        self.attachments = Dictionary(attachments.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // Registration mutates a global registry inside cmark-gfm: do it exactly once per process.
    private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// cmark-gfm keeps the table of inline "special characters" in a global that every parser changes:
    /// finishing a parse adds the extensions' characters (`~`, `:`, `w`), parses the inlines and removes
    /// them again. Two finishes at once therefore lose strikethrough and autolinks at random, so
    /// `cmark_parser_finish` is serialised; block parsing, the tree walks and HTML rendering are not.
    private static let finishLock = NSLock()

    func render(_ markdown: String) -> RenderedMarkdown {
        render(markdown, glossary: [], glossaryPage: "")
    }

    /// Renders `markdown`, linking the first use of each glossary term (a whole word, or its plural
    /// with "s") to its entry on `glossaryPage`. Text in headings, links and code is left alone.
    /// `page` is where the text is shown, from which its links to attachments are resolved.
    func render(_ markdown: String, glossary: [GlossaryTerm], glossaryPage: String, page: String? = nil) -> RenderedMarkdown {
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: HTML(), headings: []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        // Fed by length, not as a C string, so a NUL byte in a body cannot cut it short.
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let parsed = Self.finishLock.withLock { cmark_parser_finish(parser) }
        guard let document = parsed else { return RenderedMarkdown(html: HTML(), headings: []) }
        defer { cmark_node_free(document) }

        let (links, footnoteIDs, rawHTML, imagesWithoutAlt) = linksFootnotesAndRawHTML(in: document)
        // Before the glossary's links and the headings' anchors go in: the text is the author's.
        let readerText = collectsText ? Self.readerText(of: document, sizeHint: markdown.utf8.count) : []
        if let page, !attachments.isEmpty { labelAttachmentLinks(in: document, from: page) }
        if let page, !sharedPrefix.isEmpty { relocateSharedLinks(in: document, from: page) }
        if !glossary.isEmpty { linkFirstUses(of: glossary, to: glossaryPage, in: document) }
        let headings = anchorHeadings(in: document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: HTML(), headings: headings, links: links, footnoteIDs: footnoteIDs, rawHTML: rawHTML,
                                    imagesWithoutAlt: imagesWithoutAlt)
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: HTML(renderedMarkdown: String(cString: rendered)), headings: headings, links: links, footnoteIDs: footnoteIDs, rawHTML: rawHTML,
                                imagesWithoutAlt: imagesWithoutAlt, text: readerText)
    }

    /// The level-1 headings of `markdown` as cmark-gfm reads it, `# Title` or a line underlined with
    /// `===`, with where each starts (1-based, within the document) and whether it is underlined.
    static func levelOneHeadings(in markdown: String) -> [(line: Int, column: Int, underlined: Bool)] {
        _ = MarkdownRenderer()
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART
        guard let parser = cmark_parser_new(options) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = finishLock.withLock({ cmark_parser_finish(parser) }) else { return [] }
        defer { cmark_node_free(document) }
        var found: [(line: Int, column: Int, underlined: Bool)] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 else { continue }
            // An ATX heading is one line; a setext heading is its text and the underline below it.
            let line = Int(cmark_node_get_start_line(node))
            found.append((line, Int(cmark_node_get_start_column(node)), Int(cmark_node_get_end_line(node)) > line))
        }
        return found
    }

    /// Replaces each heading with a custom block that prints `<hN id="...">`, since cmark-gfm itself
    /// gives headings no ids; returns the headings in document order.
    private func anchorHeadings(in document: OpaquePointer) -> [Heading] {
        var headingNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_HEADING { headingNodes.append(node) }
        }

        var used = reservedIDs
        var nextSuffix: [String: Int] = [:]
        var headings: [Heading] = []
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(of: node).trimmingWhiteSpace()
            let id = uniqueID(for: text, used: &used, nextSuffix: &nextSuffix)
            headings.append(Heading(level: level, text: text, id: id))

            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
        return headings
    }

    private func linkFirstUses(of glossary: [GlossaryTerm], to page: String, in document: OpaquePointer) {
        // Collect text nodes first: the tree must not change while the iterator walks it.
        var texts: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT, !isInsideLinkHeadingOrCode(node) else { continue }
            texts.append(node)
        }
        cmark_iter_free(iterator)

        var pending = glossary.filter { !$0.term.isEmpty }
        var needles = pending.map { Array($0.term.utf8) }
        for node in texts where !pending.isEmpty {
            var current: OpaquePointer? = node
            while let textNode = current, !pending.isEmpty, let literal = cmark_node_get_literal(textNode) {
                let text = String(cString: literal)
                guard let (index, range) = firstUse(of: needles, in: text) else { break }
                let term = pending.remove(at: index)
                needles.remove(at: index)
                let before = String(text[..<range.lowerBound]), word = String(text[range]), after = String(text[range.upperBound...])
                cmark_node_set_literal(textNode, before)
                guard let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let wordNode = cmark_node_new(CMARK_NODE_TEXT),
                      let rest = cmark_node_new(CMARK_NODE_TEXT) else { break }
                cmark_node_set_on_enter(link, "<a class=\"term\" href=\"\(page)#\(term.id)\"><abbr title=\"\(HTML.escape(term.expansion))\">")
                cmark_node_set_on_exit(link, "</abbr></a>")
                cmark_node_set_literal(wordNode, word)
                cmark_node_append_child(link, wordNode)
                cmark_node_set_literal(rest, after)
                cmark_node_insert_after(textNode, link)
                cmark_node_insert_after(link, rest)
                current = rest
            }
        }
    }

    private func isInsideLinkHeadingOrCode(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_HEADING || type == CMARK_NODE_IMAGE || type == CMARK_NODE_CODE_BLOCK {
                return true
            }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// The earliest whole-word use of any of `terms` in `text` (the term, or the term plus "s"); of
    /// terms used at the same place, the first listed.
    ///
    /// One pass over the UTF-8 bytes, stopping only where some term could start (a term matches only
    /// itself, byte for byte), looking at whole characters only around a match, to tell whether it
    /// is a word: Foundation's `range(of:)`, and then a pass per term, were a large part of a build.
    private func firstUse(of needles: [[UInt8]], in text: String) -> (Int, Range<String.Index>)? {
        // The ASCII bytes some term starts with, as bits; a term starting with any other byte
        // makes every such byte a candidate.
        var starts = (UInt64(0), UInt64(0)), startsAboveASCII = false
        for needle in needles {
            let byte = needle[0]
            if byte < 64 { starts.0 |= 1 << UInt64(byte) } else if byte < 128 { starts.1 |= 1 << UInt64(byte - 64) } else { startsAboveASCII = true }
        }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Range<String.Index>)? in
            for at in bytes.indices {
                let byte = bytes[at]
                // A byte that starts no term is passed over at once.
                let candidate = byte < 64 ? starts.0 >> UInt64(byte) & 1 == 1
                    : byte < 128 ? starts.1 >> UInt64(byte - 64) & 1 == 1 : startsAboveASCII
                guard candidate else { continue }
                for (index, needle) in needles.enumerated() where needle[0] == byte && at + needle.count <= bytes.count {
                    guard bytes[at..<(at + needle.count)].elementsEqual(needle) else { continue }
                    let lower = text.utf8.index(text.startIndex, offsetBy: at)
                    var end = text.utf8.index(lower, offsetBy: needle.count)
                    if end < text.endIndex, text[end] == "s" { end = text.index(after: end) }
                    let startsWord = lower == text.startIndex || !text[text.index(before: lower)].isLetterOrDigit
                    let endsWord = end == text.endIndex || !text[end].isLetterOrDigit
                    if startsWord && endsWord { return (index, lower..<end) }
                }
            }
            return nil
        } ?? nil
    }

    /// Puts "(PDF, 1.2 MB)" after each link to an attachment, so a reader knows what a click fetches.
    private func labelAttachmentLinks(in document: OpaquePointer, from page: String) {
        var labelled: [(OpaquePointer, Attachment)] = []
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_LINK,
                  let url = cmark_node_get_url(node) else { continue }
            let destination = String(cString: url)
            guard !destination.contains(":") else { continue }
            if let attachment = attachments[BodyLinkChecker.resolve(destination, from: page).path] { labelled.append((node, attachment)) }
        }
        cmark_iter_free(iterator)
        for (link, attachment) in labelled {
            guard let label = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(label, " (\(attachment.kind), \(Format.fileSize(Int(attachment.size))))")
            cmark_node_insert_after(link, label)
        }
    }

    /// Leads each relative link or image to a shared file (`Routes.isShared`) up out of the language's folder.
    private func relocateSharedLinks(in document: OpaquePointer, from page: String) {
        var moved: [(OpaquePointer, String)] = []
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  [CMARK_NODE_LINK, CMARK_NODE_IMAGE].contains(cmark_node_get_type(node)), let url = cmark_node_get_url(node) else { continue }
            let destination = String(cString: url)
            guard !destination.contains(":"), !destination.hasPrefix("/"), !destination.hasPrefix("#"),
                  Routes.isShared(BodyLinkChecker.resolve(destination, from: page).path) else { continue }
            moved.append((node, sharedPrefix + destination))
        }
        cmark_iter_free(iterator)
        for (node, destination) in moved { cmark_node_set_url(node, destination) }
    }

    private func linksFootnotesAndRawHTML(in document: OpaquePointer) -> ([MarkdownLink], Set<String>, [MarkdownRawHTML], [MarkdownLink]) {
        var links: [MarkdownLink] = []
        var footnotes: Set<String> = []
        var rawHTML: [MarkdownRawHTML] = []
        var imagesWithoutAlt: [MarkdownLink] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node) {
                    let link = MarkdownLink(destination: String(cString: url), line: Int(cmark_node_get_start_line(node)),
                                            column: Int(cmark_node_get_start_column(node)))
                    links.append(link)
                    if cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                       plainText(of: node).trimmingWhiteSpace().isEmpty {
                        imagesWithoutAlt.append(link)
                    }
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                rawHTML.append(MarkdownRawHTML(text: literal, line: Int(cmark_node_get_start_line(node)),
                                               column: Int(cmark_node_get_start_column(node))))
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                if let label = cmark_node_get_literal(node) {
                    let name = String(cString: label)
                    footnotes.insert("fn-\(name)")
                    footnotes.insert("fnref-\(name)")
                }
            default:
                break
            }
        }
        return (links, footnotes, rawHTML, imagesWithoutAlt)
    }

    /// `base`, or `base-2`, `base-3`, ... whichever is free. The suffix each base reached is kept:
    /// counting up from 2 for every heading made 50,000 headings of one name take minutes.
    private func uniqueID(for text: String, used: inout Set<String>, nextSuffix: inout [String: Int]) -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        var counter = nextSuffix[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        nextSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }

    /// The text of `document` as a reader reads it: each text's and code's characters, every run of
    /// white space one space; a space between blocks (paragraphs, headings, items, cells) but none
    /// where inline formatting or a link begins or ends ("a**b**c" is "abc"). An image's description
    /// (an attribute, not read in the flow) and a footnote's number are left out.
    ///
    /// Taken from the tree rather than from the HTML: reading every page's HTML back would cost more
    /// than this walk of the nodes.
    static func readerText(of document: OpaquePointer, sizeHint: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sizeHint)
        var pendingSpace = false, inImage = 0
        func append(_ literal: UnsafePointer<CChar>) {
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                    index += 1
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {  // a no-break space
                    pendingSpace = true
                    index += 2
                } else {
                    if pendingSpace, !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    // Copied run by run: most of a text is words between single spaces.
                    var end = index + 1
                    while end < bytes.count, bytes[end] != 0x20, bytes[end] != 0x0A, bytes[end] != 0x09, bytes[end] != 0x0D,
                          bytes[end] != 0xC2 { end += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                }
            }
        }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE {
                inImage += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            guard inImage == 0 else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { append(literal) }
            case CMARK_NODE_CODE_BLOCK:
                pendingSpace = true
                if let literal = cmark_node_get_literal(node) { append(literal) }
                pendingSpace = true
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_FOOTNOTE_REFERENCE, CMARK_NODE_HTML_INLINE:
                pendingSpace = true
            default:
                // A block's start or end (an extension's too: tables, cells) parts words.
                if type.rawValue & 0xC000 == 0x8000 { pendingSpace = true }
            }
        }
        return out
    }

    /// The text of a node's inline content, without markup.
    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

extension Character {
    fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
