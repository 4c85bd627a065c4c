#!/usr/bin/env python3
"""The translations are complete and up to date.

Fails on any message of a .ts file that is unfinished, vanished or obsolete, has an empty
translation, misses a plural form, or whose translation drops or adds a placeholder (%1, %L1,
%n) or its keyboard accelerator; and when lupdate on the current sources would add or remove a
message (the .ts files are stale), or a source holds a \\u escape lupdate misreads. Before that
it checks itself: doctored copies of a real file, one fault each, must each be refused.

    tst_translations.py --lupdate LUPDATE --sources LIST [--option OPT]... \
        --ts tokendesk_de.ts --ts tokendesk_fr.ts --plural-only tokendesk_en.ts
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:L?[1-9][0-9]?|n)")
# An accelerator: & before a letter or digit, not the escaped && ("Drag && drop").
ACCELERATOR = re.compile(r"(?<!&)&(?!&)\w")
# Plural forms Qt asks for, by the file's language (QTranslator's numerus rules).
FORMS = {"de": 2, "fr": 2, "en": 2}


def messages(path):
    """(context, source, comment) -> (numerus, translation element) for every message."""
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            result[key] = (message.get("numerus") == "yes", message.find("translation"))
    return result


def language(path):
    return ET.parse(path).getroot().get("language", "").split("_")[0]


def placeholders(text):
    """The placeholders of `text`, each once: a translation may say %1 twice (arg() fills both)."""
    return sorted(set(PLACEHOLDER.findall(text)))


def check_file(path, plural_only=False):
    """Every problem of one .ts file, as sentences."""
    problems = []
    lang = language(path)
    forms_wanted = FORMS.get(lang)
    if forms_wanted is None:
        return ["%s: unknown language %r" % (path, lang)]
    for (context, source, comment), (numerus, translation) in messages(path).items():
        where = "%s: %s %r%s" % (os.path.basename(path), context, source, " (%s)" % comment if comment else "")
        kind = translation.get("type") if translation is not None else "missing"
        if kind:
            problems.append("%s: %s" % (where, kind))
            continue
        if plural_only and not numerus:
            problems.append("%s: not a plural message in a plural-only file" % where)
            continue
        texts = [form.text or "" for form in translation.iter("numerusform")] if numerus else [translation.text or ""]
        if numerus and len(texts) != forms_wanted:
            problems.append("%s: %d plural forms, %s needs %d" % (where, len(texts), lang, forms_wanted))
        for text in texts:
            if not text.strip():
                problems.append("%s: empty translation" % where)
            elif placeholders(text) != placeholders(source):
                problems.append("%s: placeholders %s in %r, the source has %s"
                                % (where, placeholders(text), text, placeholders(source)))
            elif bool(ACCELERATOR.search(source)) != bool(ACCELERATOR.search(text)):
                problems.append("%s: the accelerator (&) is %s in %r" % (
                    where, "missing" if ACCELERATOR.search(source) else "added", text))
    return problems


def check_stale(path, args, plural_only=False):
    """The messages lupdate on the current sources would add to or remove from `path`."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(path))
        shutil.copyfile(path, copy)
        command = [args.lupdate, *args.option, *(["-pluralonly"] if plural_only else []),
                   "@" + args.sources, "-ts", copy]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            return ["lupdate failed on %s: %s" % (path, run.stderr.strip())]
        before, after = set(messages(path)), set(messages(copy))
    problems = ["%s is stale: lupdate would add %r" % (os.path.basename(path), key) for key in sorted(after - before)]
    problems += ["%s is stale: lupdate would remove %r" % (os.path.basename(path), key) for key in sorted(before - after)]
    return problems


# lupdate reads every hex digit after \u (\u201cCheck is U+201CC cut to U+01CC, "ǌheck"), the
# compiler four: such a message never matches its translation.
LONG_ESCAPE = re.compile(r"\\u[0-9A-Fa-f]{4}[0-9A-Fa-f]")


def check_escapes(sources):
    """Source lines whose \\u escape lupdate reads otherwise than the compiler does."""
    problems = []
    with open(sources, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if LONG_ESCAPE.search(line):
                    problems.append("%s:%d: a \\u escape followed by a hex digit, which lupdate reads as part of "
                                    "it: write the character itself" % (path, number))
    return problems


def doctored(path, tmp, name, old, new, count=1):
    """A copy of `path` with `old` replaced by `new` once, or None if `old` is not there."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        return None
    copy = os.path.join(tmp, name, os.path.basename(path))
    os.makedirs(os.path.dirname(copy))
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, count))
    return copy


def self_test(path, args):
    """This test refuses each fault in a copy of a good file: the checks above can fail."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    plain = re.search(r"<source>([^<]*%1[^<]*)</source>\s*<translation>([^<]*%1[^<]*)</translation>", text)
    plural = re.search(r"(<numerusform>[^<]*</numerusform>)(\s*)(<numerusform>[^<]*</numerusform>)", text)
    accel = re.search(r"<translation>([^<]*&amp;\w[^<]*)</translation>", text)
    source = re.search(r"<source>([^<]+)</source>", text)
    faults = {
        "unfinished": ("<translation>", '<translation type="unfinished">'),
        "vanished": ("<translation>", '<translation type="vanished">'),
        "obsolete": ("<translation>", '<translation type="obsolete">'),
        "empty": (plain.group(0), plain.group(0).replace(plain.group(2), "")),
        "placeholder dropped": (plain.group(0), plain.group(0).replace(plain.group(2), plain.group(2).replace("%1", "", 1))),
        "placeholder added": (plain.group(0), plain.group(0).replace(plain.group(2), plain.group(2) + " %9")),
        "plural form missing": (plural.group(0), plural.group(1)),
        "plural form empty": (plural.group(0), plural.group(1) + plural.group(2) + "<numerusform></numerusform>"),
        "accelerator dropped": (accel.group(0), accel.group(0).replace("&amp;", "", 1)),
        "stale: message gone from the sources": (source.group(0), "<source>%s, which no source says</source>" % source.group(1)),
    }
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (old, new) in faults.items():
            copy = doctored(path, tmp, name.replace(" ", "_").replace(":", ""), old, new)
            if copy is None:
                problems.append("self-test: %r not found in %s" % (old, path))
                continue
            found = check_file(copy) + (check_stale(copy, args) if name.startswith("stale") else [])
            if not found:
                problems.append("self-test: a copy of %s with the fault \"%s\" passed" % (os.path.basename(path), name))
            else:
                print("self-test: \"%s\" refused: %s" % (name, found[0]))
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--sources", required=True, help="the file listing the sources lupdate reads, one a line")
    parser.add_argument("--option", action="append", default=[], help="an lupdate option the build uses")
    parser.add_argument("--ts", action="append", default=[], help="a translation of every message")
    parser.add_argument("--plural-only", action="append", default=[], help="a file of plural forms only (English)")
    args = parser.parse_args()

    problems = self_test(args.ts[0], args) + check_escapes(args.sources)
    for path in args.ts:
        problems += check_file(path) + check_stale(path, args)
    for path in args.plural_only:
        problems += check_file(path, plural_only=True) + check_stale(path, args, plural_only=True)
    for path in args.ts + args.plural_only:
        print("%s: %d messages" % (path, len(messages(path))))
    for problem in problems:
        print("FAIL: " + problem)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
