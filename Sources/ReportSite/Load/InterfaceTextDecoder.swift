import Foundation
import ReportSiteViews

/// Reads the translation files, `Content/i18n/<language>.yml`: every key of `TextKey`, by language.
///
/// The default language's file must give every key. Another language's file may leave keys out: each
/// is a warning naming the file and the key, and the page shows the default language's text, marked
/// with its `lang`. A key the site does not have, a value of the wrong shape, a plural form the
/// language does not use, or placeholders other than the default language's, is an error.
enum InterfaceTextDecoder {
    /// The folder of the translation files, in the content folder.
    static let folder = "i18n"

    /// The path of `language`'s translation file under `content`, as diagnostics name it.
    static func file(of language: String, content: String) -> String {
        ((content as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent("\(language).yml")
    }

    /// The interface text of each of `languages` (the first is the default), read from `content`.
    static func load(languages: [String], content: String, _ log: inout DiagnosticLog) -> [InterfaceText] {
        var roots: [String: YAMLValue] = [:]
        for language in languages {
            let path = file(of: language, content: content)
            if language == InterfaceText.english.code, !FileManager.default.fileExists(atPath: path) { continue }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                log.append(Diagnostic(at: SourceLocation(file: path), "the translation file of '\(language)' is missing or unreadable",
                                      note: "every language of site.yml's 'languages' has its interface text in \(folder)/\(language).yml"))
                continue
            }
            switch YAMLReader.parse(text, file: path, firstLine: 1) {
            case .success(let root): roots[language] = root
            case .failure(let problem): log.append(problem)
            }
        }
        return decode(languages: languages, roots: roots, &log)
    }

    /// `load`, from parsed files (`roots`, by language code).
    static func decode(languages: [String], roots: [String: YAMLValue], _ log: inout DiagnosticLog) -> [InterfaceText] {
        guard let defaultLanguage = languages.first, let defaultRule = PluralRule.of(language: defaultLanguage) else { return [] }
        let defaultText: InterfaceText
        if let defaultRoot = roots[defaultLanguage] {
            let defaults = values(of: defaultRoot, rule: defaultRule, &log)
            for key in TextKey.allCases where defaults.values[key] == nil {
                log.append(Diagnostic(at: SourceLocation(file: defaultRoot.file), field: key.rawValue,
                                      "the default language's translation file does not give '\(key.rawValue)'",
                                      note: "the site's first language gives every key; the others fall back to it"))
            }
            guard defaults.values.count == TextKey.allCases.count else { return [] }
            defaultText = interfaceText(defaultLanguage, defaults.values, borrowed: [:], rule: defaultRule, root: defaultRoot, &log)
        } else if defaultLanguage == InterfaceText.english.code {
            // A content folder without translation files shows the English the templates were written in.
            defaultText = .english
        } else {
            return []
        }
        var texts = [defaultText]
        for language in languages.dropFirst() {
            guard let root = roots[language], let rule = PluralRule.of(language: language) else { continue }
            var read = values(of: root, rule: rule, &log)
            var borrowed: [TextKey: String] = [:]
            for key in TextKey.allCases {
                guard let value = read.values[key] else {
                    log.append(Diagnostic(.warning, at: root.location, field: key.rawValue,
                                          "'\(key.rawValue)' is not translated: its pages show the \(defaultLanguage) text",
                                          note: "add it to \(folder)/\(language).yml"))
                    read.values[key] = defaultText.value(key)
                    borrowed[key] = defaultText.htmlLanguage
                    continue
                }
                checkPlaceholders(key, value, against: defaultText.value(key), at: read.locations[key] ?? root, &log)
            }
            texts.append(interfaceText(language, read.values, borrowed: borrowed, rule: rule, root: root, &log))
        }
        return texts
    }

    /// Every key's value in one file, with where it is written.
    private static func values(of root: YAMLValue, rule: PluralRule, _ log: inout DiagnosticLog)
        -> (values: [TextKey: InterfaceText.Value], locations: [TextKey: YAMLValue]) {
        var values: [TextKey: InterfaceText.Value] = [:], locations: [TextKey: YAMLValue] = [:]
        func read(_ value: YAMLValue) {
            if let key = TextKey(rawValue: value.path) {
                locations[key] = value
                if let decoded = decode(value, as: key.shape, rule: rule, &log) { values[key] = decoded }
                return
            }
            guard value.path.isEmpty || groups.contains(value.path), let object = value.object(&log) else {
                let known = TextKey.allCases.map(\.rawValue)
                let note = Spelling.closest(to: value.path, in: known).map { "did you mean '\($0)'?" } ?? "the keys are those of the default language's file"
                log.append(value.diagnostic("unknown key '\(value.path)'", note: note))
                return
            }
            for entry in object.entries { read(entry.value) }
        }
        read(root)
        return (values, locations)
    }

    /// Every group of keys ("layout", "home.region_item"): the dotted prefixes of the keys.
    private static let groups: Set<String> = {
        var groups: Set<String> = []
        for key in TextKey.allCases {
            var parts = key.rawValue.split(separator: ".").dropLast()
            while !parts.isEmpty {
                groups.insert(parts.joined(separator: "."))
                parts = parts.dropLast()
            }
        }
        return groups
    }()

    private static func decode(_ value: YAMLValue, as shape: TextShape, rule: PluralRule, _ log: inout DiagnosticLog) -> InterfaceText.Value? {
        switch shape {
        case .text:
            return value.string(&log).map { .text($0) }
        case .list:
            return value.strings(&log).map { .list($0) }
        case .plural:
            guard let object = value.object(&log) else { return nil }
            var forms: [PluralForm: String] = [:]
            for (name, formValue) in object.entries {
                guard let form = PluralForm(rawValue: name), rule.forms.contains(form) else {
                    log.append(formValue.diagnostic("'\(name)' is not a plural form of this language",
                                                    note: "its forms: \(rule.forms.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if let text = formValue.string(&log) { forms[form] = text }
            }
            guard forms[.other] != nil else {
                log.append(value.diagnostic("a count's text needs its 'other' form",
                                            note: "the forms of this language: \(rule.forms.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            return .plural(forms)
        }
    }

    /// A translation names the placeholders the default language's text names: no fewer (a figure
    /// would go missing) and no others (they would show as written). A count's form may leave out
    /// `{count}` where the language spells the number in words.
    private static func checkPlaceholders(_ key: TextKey, _ value: InterfaceText.Value, against original: InterfaceText.Value?,
                                          at location: YAMLValue, _ log: inout DiagnosticLog) {
        switch (value, original) {
        case (.text(let text), .text(let original)?):
            let names = Set(InterfaceText.placeholders(in: text)), expected = Set(InterfaceText.placeholders(in: original))
            if names != expected {
                log.append(location.diagnostic("the placeholders differ from the default language's",
                                               note: "write \(describe(expected)) (found \(describe(names)))"))
            }
        case (.plural(let forms), .plural(let originals)?):
            let expected = Set(originals.values.flatMap(InterfaceText.placeholders(in:)))
            for (form, text) in forms.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let names = Set(InterfaceText.placeholders(in: text))
                if !names.isSubset(of: expected) || !expected.subtracting(["count"]).isSubset(of: names) {
                    log.append(location.diagnostic("the '\(form.rawValue)' form's placeholders differ from the default language's",
                                                   note: "write \(describe(expected)), {count} optional (found \(describe(names)))"))
                }
            }
        case (.list(let items), .list(let originals)?):
            if items.count != originals.count {
                log.append(location.diagnostic("the list has \(items.count) items where the default language's has \(originals.count)"))
            }
        default:
            break
        }
    }

    private static func describe(_ names: Set<String>) -> String {
        names.isEmpty ? "none" : names.sorted().map { "{\($0)}" }.joined(separator: ", ")
    }

    /// The language's text, checking that the file says which language it is.
    private static func interfaceText(_ language: String, _ values: [TextKey: InterfaceText.Value], borrowed: [TextKey: String],
                                      rule: PluralRule, root: YAMLValue, _ log: inout DiagnosticLog) -> InterfaceText {
        if case .text(let code)? = values[.languageCode], code != language {
            log.append(Diagnostic(at: root.location, field: TextKey.languageCode.rawValue,
                                  "the file of '\(language)' says it is '\(code)'", note: "write code: \"\(language)\""))
        }
        guard case .text(let htmlLanguage)? = values[.languageHtmlLang] else { preconditionFailure("every key has a value") }
        return InterfaceText(code: language, htmlLanguage: htmlLanguage, plurals: rule, values: values, borrowed: borrowed)
    }
}
