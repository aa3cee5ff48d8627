#!/usr/bin/env python3
"""bibkit's CSL-JSON over the real-world corpora (../shared/corpora/bib/*.bib), two checks:

  csl_oracle.py schema --bibkit EXE --shared DIR
      `bibkit convert FILE --to csl-json` validates against shared/csl/schema/csl-data.json.

  csl_oracle.py pandoc --bibkit EXE --shared DIR --disagreements TSV [--min-agreement 0.97]
      Per entry, bibkit and `pandoc -f bibtex -t csljson FILE` agree on five fields: type,
      issued year, first author's family name, title text (case and markup ignored) and page
      (a dash between page numbers is a hyphen, whatever its spelling and the spaces around it).
      An entry counts as agreeing when every field agrees or its disagreement is listed in TSV,
      where pandoc is judged wrong (file, key, field, pandoc's value, ours, reason). A listed
      disagreement that no longer occurs fails the check too, so the list stays true.

Exit codes: 0 passed, 1 failed, 77 skipped (ctest's SKIP_RETURN_CODE) when ../shared, pandoc or
python3-jsonschema is absent (scripts/setup.sh test installs them).
"""

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

SKIP = 77
FIELDS = ("type", "year", "family", "title", "page")


def skip(message):
    print(f"SKIP: {message}")
    sys.exit(SKIP)


def corpus_files(shared):
    corpus = Path(shared) / "corpora" / "bib"
    if not corpus.is_dir():
        skip(f"{corpus} is absent (the shared/ folder beside the project)")
    files = sorted(corpus.glob("*.bib"))
    if not files:
        skip(f"no .bib files in {corpus}")
    return files


def bibkit_convert(bibkit, path):
    # Exit code 1 means "problems found in the input"; the output is complete all the same.
    run = subprocess.run([bibkit, "convert", str(path), "--to", "csl-json"], capture_output=True)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"bibkit convert {path.name}: exit code {run.returncode}\n"
                           + run.stderr.decode(errors="replace")[-2000:])
    return json.loads(run.stdout)


# ------------------------------------------------------------------------------------------------
# schema


def check_schema(args):
    try:
        import jsonschema
    except ImportError:
        skip("python3-jsonschema is not installed (scripts/setup.sh test installs it)")
    files = corpus_files(args.shared)
    schema_path = Path(args.shared) / "csl" / "schema" / "csl-data.json"
    if not schema_path.is_file():
        skip(f"{schema_path} is absent")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failed = False
    for path in files:
        items = bibkit_convert(args.bibkit, path)
        errors = sorted(validator.iter_errors(items), key=lambda e: list(e.absolute_path))
        print(f"{path.name}: {len(items)} items, {len(errors)} schema errors")
        for error in errors[:20]:
            where = "/".join(str(p) for p in error.absolute_path)
            item = error.absolute_path[0] if error.absolute_path else None
            key = items[item].get("id") if isinstance(item, int) and item < len(items) else "?"
            print(f"  [{key}] {where}: {error.message[:200]}")
        failed |= bool(errors)
    print("schema: " + ("FAILED" if failed else "every file validates"))
    return 1 if failed else 0


# ------------------------------------------------------------------------------------------------
# pandoc

TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")
PAGE_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]+\s*")


def plain(value):
    """CSL rich text as plain text: tags dropped, entities decoded, NFC, spaces collapsed."""
    if value is None:
        return None
    text = html.unescape(TAG.sub("", str(value)))
    return SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def year_of(item):
    issued = item.get("issued")
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if parts and parts[0]:
        return str(parts[0][0])
    for key in ("raw", "literal"):
        if key in issued:
            match = re.search(r"\d{4}", str(issued[key]))
            return match.group(0) if match else str(issued[key])
    return None


def family_of(item):
    authors = item.get("author")
    if not authors:
        return None
    first = authors[0]
    return plain(first.get("family", first.get("literal")))


def title_of(item):
    title = plain(item.get("title"))
    return title.casefold() if title is not None else None


def page_of(item):
    page = item.get("page")
    return PAGE_DASH.sub("-", plain(page)) if page is not None else None


EXTRACT = {"type": lambda item: item.get("type"), "year": year_of, "family": family_of,
           "title": title_of, "page": page_of}


def pandoc_convert(path, scratch):
    """pandoc's CSL-JSON for a file. pandoc stops at the first entry it cannot read; such
    entries are cut out one at a time (and named) until it reads the rest."""
    text = path.read_text(encoding="utf-8", errors="replace")
    dropped = []
    for _ in range(200):
        source = scratch / path.name
        source.write_text(text, encoding="utf-8")
        run = subprocess.run(["pandoc", "-f", "bibtex", "-t", "csljson", str(source)],
                             capture_output=True)
        if run.returncode == 0:
            return json.loads(run.stdout), dropped
        message = run.stderr.decode(errors="replace")
        match = re.search(r"\(line (\d+), column \d+\)", message)
        if not match:
            raise RuntimeError(f"pandoc on {path.name}: {message[-500:]}")
        lines = text.split("\n")
        # The unreadable entry is the last one that starts before the line pandoc stopped at.
        stop = int(match.group(1)) - 1
        start = next((i for i in range(min(stop, len(lines) - 1), -1, -1)
                      if lines[i].lstrip().startswith("@") and i < stop), None)
        if start is None:
            raise RuntimeError(f"pandoc on {path.name}: {message[-500:]}")
        key = re.match(r"\s*@\w+\s*[{(]\s*([^,\s]*)", lines[start])
        dropped.append(key.group(1) if key else f"line {start + 1}")
        text = "\n".join(lines[:start] + lines[stop:])
    raise RuntimeError(f"pandoc on {path.name}: too many unreadable entries")


def read_disagreements(path):
    listed = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 6 or not columns[5].strip():
            raise SystemExit(f"{path}:{number}: expected 6 tab-separated columns with a reason: "
                             "file, key, field, pandoc's value, ours, reason")
        file, key, field = columns[:3]
        if field not in FIELDS + ("entry",):
            raise SystemExit(f"{path}:{number}: unknown field '{field}'")
        listed[(file, key, field)] = columns[3:]
    return listed


def shown(value):
    return "(absent)" if value is None else value


def check_pandoc(args):
    if not shutil.which("pandoc"):
        skip("pandoc is not installed (scripts/setup.sh test installs it)")
    files = corpus_files(args.shared)
    listed = read_disagreements(args.disagreements)
    used = set()
    unexplained = []
    names = ("entries", "agree", "raw_agree") + FIELDS + tuple("raw_" + f for f in FIELDS)
    total = dict.fromkeys(names, 0)
    scratch = Path(args.scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    rows = []
    for path in files:
        ours = bibkit_convert(args.bibkit, path)
        theirs, dropped = pandoc_convert(path, scratch)
        if not ours and not theirs:
            print(f"{path.name}: no entries (macros only)")
            continue
        theirs_by_key = {item["id"]: item for item in theirs}
        ours_keys = {item["id"] for item in ours}
        counts = dict.fromkeys(names, 0)
        for key in theirs_by_key.keys() - ours_keys:
            counts["entries"] += 1
            if (path.name, key, "entry") in listed:
                used.add((path.name, key, "entry"))
                counts["agree"] += 1
                for field in FIELDS:
                    counts[field] += 1
            else:
                unexplained.append(f"{path.name}\t{key}\tentry\t(present)\t(absent)")
        skipped = 0
        for item in ours:
            other = theirs_by_key.get(item["id"])
            if other is None:
                skipped += 1  # pandoc could not read it: nothing to compare with
                continue
            counts["entries"] += 1
            whole = raw = True
            for field in FIELDS:
                mine, pandocs = EXTRACT[field](item), EXTRACT[field](other)
                if mine == pandocs:
                    counts[field] += 1
                    counts["raw_" + field] += 1
                    continue
                raw = False
                entry = (path.name, item["id"], field)
                if entry in listed:
                    used.add(entry)
                    counts[field] += 1
                    continue
                whole = False
                unexplained.append(f"{path.name}\t{item['id']}\t{field}\t{shown(pandocs)}\t"
                                   f"{shown(mine)}")
            counts["agree"] += whole
            counts["raw_agree"] += raw
        for name in counts:
            total[name] += counts[name]
        rows.append((path.name, counts))
        if dropped or skipped:
            print(f"{path.name}: pandoc cannot read {len(dropped)} entries "
                  f"({', '.join(dropped[:5])}{', …' if len(dropped) > 5 else ''}); "
                  f"{skipped} of ours not compared")
    rows.append(("all files", total))

    def percent(part, whole):
        return f"{100.0 * part / whole:.2f}%" if whole else "n/a"

    for title, prefix in (("as compared, before the list of pandoc's errors", "raw_"),
                          ("listed disagreements (pandoc judged wrong) counted as agreeing", "")):
        print()
        print(f"Agreement with pandoc, {title}")
        print()
        print("| file | entries | " + " | ".join(FIELDS) + " | all five |")
        print("|---|---|" + "---|" * (len(FIELDS) + 1))
        for name, counts in rows:
            cells = [percent(counts[prefix + f], counts["entries"]) for f in FIELDS]
            print(f"| {name} | {counts['entries']} | " + " | ".join(cells) +
                  f" | {percent(counts[prefix + 'agree'], counts['entries'])} |")
    print()
    print(f"{len(used)} listed disagreements (pandoc judged wrong) in {args.disagreements}")
    failed = False
    if unexplained:
        print(f"\n{len(unexplained)} unexplained disagreements "
              "(file, key, field, pandoc, bibkit):")
        for line in unexplained[: args.show]:
            print("  " + line)
        if len(unexplained) > args.show:
            print(f"  … and {len(unexplained) - args.show} more")
    stale = sorted(set(listed) - used)
    if stale:
        failed = True
        print(f"\n{len(stale)} listed disagreements no longer occur; remove them from the list:")
        for entry in stale:
            print("  " + "\t".join(entry))
    share = total["agree"] / total["entries"] if total["entries"] else 1.0
    if share < args.min_agreement:
        failed = True
        print(f"\nFAILED: {100 * share:.2f}% of entries agree on all five fields, "
              f"{100 * args.min_agreement:.0f}% required")
    else:
        print(f"\n{100 * share:.2f}% of entries agree on all five fields "
              f"({100 * args.min_agreement:.0f}% required)")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("check", choices=("schema", "pandoc"))
    parser.add_argument("--bibkit", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--disagreements")
    parser.add_argument("--min-agreement", type=float, default=0.97)
    parser.add_argument("--scratch", default="csl_oracle")
    parser.add_argument("--show", type=int, default=40, help="unexplained disagreements shown")
    args = parser.parse_args()
    if args.check == "schema":
        return check_schema(args)
    if not args.disagreements:
        parser.error("pandoc needs --disagreements")
    return check_pandoc(args)


if __name__ == "__main__":
    sys.exit(main())
