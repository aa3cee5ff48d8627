#!/usr/bin/env python3
"""bibkit feed's output read by real consumers: feedparser (Atom, RSS: bozo must be 0),
xmllint (well-formed XML), icalendar (RFC 5545) and a JSON Feed 1.1 check.

usage: feed_consumers.py BIBKIT DATA_DIR COLLECTIONS_DIR
Exits 77 (ctest's skip) when a consumer is not installed (scripts/setup.sh test installs them).
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
try:
    import feedparser
    import icalendar
except ImportError as error:
    print(f"SKIP: {error.name} is missing (Debian: python3-feedparser, python3-icalendar)")
    sys.exit(SKIP)
if shutil.which("xmllint") is None:
    print("SKIP: xmllint is missing (Debian: libxml2-utils)")
    sys.exit(SKIP)

HOSTILE = r"""@talk{hostile,
  title = {<script>alert('x')</script> & ]]> \textbf{bold} 😀 """ + "\x01\x0b" + r""" caf\'e},
  author = {Marchand, {\'E}lodie},
  type = {Invited, talk; \\ odd},
  venue = {A & B <venue>},
  location = {""" + "L" * 400 + r"""},
  date = {2026-02-03T09:30Z},
  url = {javascript:alert(1)},
  slides = {https://h.example.org/a b.pdf},
  abstract = {""" + "word " * 3000 + r"""]]> done},
}
@news{hostilenews,
  date = {2026-02-03},
  title = {News ]]> & <b>},
  body = {<script>x</script> [bad](javascript:alert(1)) [ok](/p/) """ + "😀" * 200 + "\x0c" + r"""},
}
"""

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(bibkit, args, out):
    subprocess.run([bibkit, "feed", *args, "--site-url", "https://emarchand.example.org",
                    "--author", "Élodie Marchand", "-o", out], check=True)


def check_xml_feed(path, expected_entries):
    result = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    check(result.returncode == 0, f"{path}: xmllint: {result.stderr}")
    parsed = feedparser.parse(path)
    check(parsed.bozo == 0, f"{path}: feedparser bozo: {parsed.get('bozo_exception')}")
    check(len(parsed.entries) == expected_entries,
          f"{path}: {len(parsed.entries)} entries, expected {expected_entries}")
    ids = [entry.get("id") for entry in parsed.entries]
    check(all(ids) and len(set(ids)) == len(ids), f"{path}: ids missing or repeated: {ids}")
    check(all(entry.get("published_parsed") for entry in parsed.entries),
          f"{path}: an entry without a date feedparser understands")
    print(f"ok {path}: feedparser bozo=0, {len(parsed.entries)} entries; xmllint well-formed")


def check_ics(path, expected_events):
    with open(path, "rb") as file:
        raw = file.read()
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", f"{path}: does not end in CRLF")
    check(b"\n" not in raw.replace(b"\r\n", b""), f"{path}: a bare line feed")
    check(all(len(line) <= 75 for line in lines), f"{path}: a line longer than 75 octets")
    calendar = icalendar.Calendar.from_ical(raw)
    check(calendar.get("VERSION") == "2.0" and calendar.get("PRODID"), f"{path}: VERSION/PRODID")
    events = calendar.walk("VEVENT")
    check(len(events) == expected_events, f"{path}: {len(events)} events, not {expected_events}")
    uids = [str(event.get("UID")) for event in events]
    check(len(set(uids)) == len(uids), f"{path}: repeated UIDs")
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            check(event.get(name) is not None, f"{path}: {event.get('UID')} has no {name}")
        start = event.decoded("DTSTART")
        check(isinstance(start, (datetime.date, datetime.datetime)), f"{path}: DTSTART {start}")
    print(f"ok {path}: icalendar parsed {len(events)} events")


def check_json_feed(path, expected_items):
    with open(path, encoding="utf-8") as file:
        feed = json.load(file)
    check(feed.get("version") == "https://jsonfeed.org/version/1.1", f"{path}: version")
    check(isinstance(feed.get("title"), str), f"{path}: title")
    items = feed.get("items")
    check(isinstance(items, list) and len(items) == expected_items, f"{path}: items")
    for item in items or []:
        check(isinstance(item.get("id"), str) and item["id"], f"{path}: an item without id")
        check("content_html" in item or "content_text" in item, f"{path}: no content")
        published = item.get("date_published", "").replace("Z", "+00:00")
        try:
            datetime.datetime.fromisoformat(published)
        except ValueError:
            check(False, f"{path}: date_published {published!r} is not RFC 3339")
        url = item.get("url", "https://x")
        check(url.startswith(("http://", "https://")), f"{path}: url {url}")
    print(f"ok {path}: JSON Feed 1.1 with {len(items or [])} items")


def main():
    bibkit, data, collections = sys.argv[1:4]
    out = tempfile.mkdtemp(prefix="bibkit-feeds-")
    hostile = os.path.join(out, "hostile.bib")
    with open(hostile, "w", encoding="utf-8") as file:
        file.write(HOSTILE)
    news, talks, papers = (os.path.join(data, name) for name in
                           ("news.bib", "talks.bib", "papers.bib"))
    news_dir, talks_dir = os.path.join(collections, "_news"), os.path.join(collections, "_talks")
    cases = [  # (input, kind, count)
        ("news", news, "news", 12), ("talks", talks, "talks", 11),
        ("papers", papers, "publications", None), ("collection_news", news_dir, "news", 3),
        ("collection_talks", talks_dir, "talks", 3), ("hostile_talks", hostile, "talks", 1),
        ("hostile_news", hostile, "news", 1),
    ]
    for name, source, kind, count in cases:
        for fmt in ("atom", "rss", "json"):
            path = os.path.join(out, f"{name}.{fmt}")
            run(bibkit, [source, "--kind", kind, "--format", fmt, "--limit", "20"], path)
            expected = count if count is not None else 20
            if fmt == "json":
                check_json_feed(path, expected)
            else:
                check_xml_feed(path, expected)
        if kind == "talks":
            path = os.path.join(out, f"{name}.ics")
            run(bibkit, [source, "--kind", kind, "--format", "ics"], path)
            check_ics(path, count)
    shutil.rmtree(out)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("all consumers accept every feed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
