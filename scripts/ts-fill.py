#!/usr/bin/env python3
"""Fill a Qt Linguist .ts file from translation lists and mark those messages finished.

    scripts/ts-fill.py --ts translations/tokendesk_de.ts --lang de translations/pending/*.json

Each JSON file is a list of objects, the format of translations/pending/NAME.json:

    {"context": "tokendesk::MainWindow", "source": "&Quit", "comment": "", "de": "&Beenden", "fr": "&Quitter"}

A message with %n (numerus="yes" in the .ts) takes a list of forms, e.g. "de": ["%n Token", "%n Tokens"].
A message is found by context, source and comment (the disambiguation, "" for none). The .ts is
edited in place, line for line as lupdate writes it, so `git diff` shows only the translations;
every entry that matches no message, or whose forms do not fit, is listed and the exit status is 1.
"""

import argparse
import html
import json
import re
import sys

CONTEXT_RE = re.compile(r"(<context>\s*<name>)(.*?)(</name>)(.*?)(</context>)", re.S)
MESSAGE_RE = re.compile(r"(?P<indent>[ \t]*)<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
TRANSLATION_RE = re.compile(r"(?P<indent>[ \t]*)<translation(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</translation>)", re.S)


def escape(text):
    """The escaping lupdate writes: &, <, >, quotes, apostrophes, and no-break spaces and control
    characters as numeric references (&#xa0;), so a later lupdate run changes nothing."""
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))
    return "".join("&#x%x;" % ord(c) if c == "\u00a0" or (ord(c) < 0x20 and c not in "\n\t") else c for c in text)


def element_text(body, tag):
    match = re.search(r"<%s>(.*?)</%s>" % (tag, tag), body, re.S)
    return html.unescape(match.group(1)) if match else ""


def load_entries(paths, lang):
    entries = {}
    problems = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for entry in json.load(f):
                key = (entry["context"], entry["source"], entry.get("comment") or "")
                value = entry.get(lang)
                if value in (None, "", []):
                    problems.append("%s: no %s translation for %r" % (path, lang, key))
                    continue
                entries[key] = (value, path)
    return entries, problems


def fill_message(match, context, entries, used, problems):
    attrs, body, indent = match.group("attrs"), match.group("body"), match.group("indent")
    key = (context, element_text(body, "source"), element_text(body, "comment"))
    if key not in entries:
        return match.group(0)
    translation = TRANSLATION_RE.search(body)
    if translation and re.search(r'type="(vanished|obsolete)"', translation.group("attrs")):
        return match.group(0)
    value, path = entries[key]
    used.add(key)
    numerus = 'numerus="yes"' in attrs
    inner = indent + "    "
    if numerus:
        if not isinstance(value, list) or len(value) < 2 or any(not form for form in value):
            problems.append("%s: %r needs a list of plural forms" % (path, key))
            return match.group(0)
        forms = "".join("\n%s    <numerusform>%s</numerusform>" % (inner, escape(form)) for form in value)
        new = "%s<translation>%s\n%s</translation>" % (inner, forms, inner)
    else:
        if not isinstance(value, str):
            problems.append("%s: %r is not a %%n message; give one string" % (path, key))
            return match.group(0)
        new = "%s<translation>%s</translation>" % (inner, escape(value))
    if translation:
        body = body[: translation.start()] + new + body[translation.end():]
    else:
        body = body.rstrip() + "\n" + new + "\n" + indent
    return "%s<message%s>%s</message>" % (indent, attrs, body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", required=True, help="the .ts file to fill in place")
    parser.add_argument("--lang", required=True, help="the key of the translations in the JSON files (de, fr)")
    parser.add_argument("json", nargs="+", help="translation lists")
    args = parser.parse_args()

    entries, problems = load_entries(args.json, args.lang)
    with open(args.ts, encoding="utf-8") as f:
        text = f.read()
    used = set()

    def fill_context(match):
        context = html.unescape(match.group(2))
        messages = MESSAGE_RE.sub(lambda m: fill_message(m, context, entries, used, problems), match.group(4))
        return match.group(1) + match.group(2) + match.group(3) + messages + match.group(5)

    text = CONTEXT_RE.sub(fill_context, text)
    with open(args.ts, "w", encoding="utf-8") as f:
        f.write(text)

    unused = [key for key in entries if key not in used]
    for key in unused:
        problems.append("%s: no such message in %s: %r" % (entries[key][1], args.ts, key))
    for problem in problems:
        print(problem, file=sys.stderr)
    print("%s: %d messages filled, %d problems" % (args.ts, len(used), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
