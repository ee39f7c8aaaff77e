import Mustache

/// The escaping of `{{name}}` in templates that declare `{{% CONTENT_TYPE: HTML }}`: the same five
/// characters swift-mustache escapes, on bytes.
///
/// swift-mustache escapes text one character at a time through a dictionary, which was a tenth of
/// a full build. Its content types are the way it offers to change escaping: `TemplateSet` registers
/// this one under the name "HTML" before it loads the templates, and every template of `Templates/`
/// starts with the pragma. A template without it is escaped by the library's own, more slowly and
/// the same way.
struct HTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        HTML.escape(text)
    }
}
