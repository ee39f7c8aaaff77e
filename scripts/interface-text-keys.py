#!/usr/bin/env python3
"""Writes Sources/ReportSiteViews/Text/TextKey.swift from Content/i18n/en.yml: one enum case per key;
and InterfaceText+English.swift: the English text, which a site without translation files shows.

Run it after adding a key to the English translation file (and to every other language's file), then
name the key in a template as `text[.caseName]`. A test fails while the enum and the file differ.
"""
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


def keys(value, prefix=""):
    """(dotted key, shape) of every leaf of the file, in the file's order."""
    if isinstance(value, dict):
        if "other" in value and set(value) <= PLURAL_FORMS:
            yield prefix, "plural"
            return
        for name, inner in value.items():
            yield from keys(inner, f"{prefix}.{name}" if prefix else name)
    elif isinstance(value, list):
        yield prefix, "list"
    else:
        yield prefix, "text"


def value_at(root, key):
    for name in key.split("."):
        root = root[name]
    return root


def swift_string(text):
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def english_file(english, found):
    lines = [
        "// Written by scripts/interface-text-keys.py from Content/i18n/en.yml: run it again after changing it.",
        "",
        "extension InterfaceText {",
        "    /// The English text, as `Content/i18n/en.yml` gives it: what a site shows when its content",
        "    /// folder has no translation files.",
        "    public static let english = InterfaceText(code: \"en\", htmlLanguage: \"en-GB\", plurals: .english, values: [",
    ]
    for key, shape in found:
        value = value_at(english, key)
        if shape == "plural":
            forms = ", ".join(f".{form}: {swift_string(text)}" for form, text in value.items())
            lines.append(f"        .{case_name(key)}: .plural([{forms}]),")
        elif shape == "list":
            items = ", ".join(swift_string(item) for item in value)
            lines.append(f"        .{case_name(key)}: .list([{items}]),")
        else:
            lines.append(f"        .{case_name(key)}: .text({swift_string(value)}),")
    lines += ["    ])", "}", ""]
    return "\n".join(lines)


def case_name(key):
    words = key.replace(".", "_").split("_")
    return words[0] + "".join(word[:1].upper() + word[1:] for word in words[1:])


def main():
    english = yaml.safe_load((ROOT / "Content/i18n/en.yml").read_text(encoding="utf-8"))
    found = list(keys(english))
    lines = [
        "// Written by scripts/interface-text-keys.py from Content/i18n/en.yml: run it again after adding a key.",
        "",
        "/// A piece of the interface's text, by its key in the translation files (`Content/i18n/<language>.yml`).",
        "///",
        "/// Templates name text only through these cases, so a key that does not exist does not compile.",
        "public enum TextKey: String, CaseIterable, Sendable {",
    ]
    lines += [f'    case {case_name(key)} = "{key}"' for key, _ in found]
    lines += [
        "",
        "    /// What the key's value is in a translation file.",
        "    public var shape: TextShape {",
        "        switch self {",
    ]
    for shape in ("plural", "list"):
        cases = [f".{case_name(key)}" for key, kind in found if kind == shape]
        if cases:
            lines.append(f"        case {', '.join(cases)}: .{shape}")
    lines += ["        default: .text", "        }", "    }", ""]
    lines += [
        "    /// The key's place in `allCases`: a page's labels are looked up in arrays by it, not by hashing",
        "    /// the key's name.",
        "    public var ordinal: Int {",
        "        switch self {",
    ]
    lines += [f"        case .{case_name(key)}: {index}" for index, (key, _) in enumerate(found)]
    lines += ["        }", "    }", "}", ""]
    target = ROOT / "Sources/ReportSiteViews/Text/TextKey.swift"
    target.write_text("\n".join(lines), encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {len(found)} keys", file=sys.stderr)
    (ROOT / "Sources/ReportSiteViews/Text/InterfaceText+English.swift").write_text(english_file(english, found), encoding="utf-8")


if __name__ == "__main__":
    main()
