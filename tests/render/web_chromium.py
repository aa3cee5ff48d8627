#!/usr/bin/env python3
"""The standalone publication page (bibkit query -f html --standalone) opened in headless
Chromium: the DOM it builds must hold every entry of the example bibliography (an element
with each key as its id, one list item per entry, the group headings) and no script element,
also when the bibliography is hostile (tests/render/data/hostile.bib).

usage: web_chromium.py BIBKIT EXAMPLE_DATA_DIR
Exit 77 (skipped) when chromium is not installed (Debian: chromium; scripts/setup.sh test).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def dump_dom(chromium, page, profile):
    command = [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
               '--user-data-dir=' + profile, '--virtual-time-budget=2000', '--dump-dom',
               'file://' + page]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or '<html' not in result.stdout:
        raise SystemExit('FAIL chromium exited %d: %s' % (result.returncode, result.stderr[-2000:]))
    return result.stdout


def standalone(bibkit, bib, out, extra):
    command = [bibkit, 'query', bib, '-f', 'html', '--standalone', '--style', 'bibkit', '-o', out] + extra
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit('FAIL %s: %s' % (' '.join(command), result.stderr))


def keys_of(bibkit, bib):
    result = subprocess.run([bibkit, 'query', bib, '-f', 'keys'], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line and not line.startswith('#')]


def main():
    bibkit, data = sys.argv[1:3]
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    if not chromium:
        print('skipped: chromium is not installed (Debian: chromium)')
        return 77
    problems = []
    with tempfile.TemporaryDirectory() as work:
        papers = os.path.join(data, 'papers.bib')
        page = os.path.join(work, 'publications.html')
        standalone(bibkit, papers, page, ['-g', 'year', '-G', 'descending', '--template', 'alfolio',
                                          '--highlight', 'Marchand, Élodie'])
        dom = dump_dom(chromium, page, os.path.join(work, 'profile'))
        keys = keys_of(bibkit, papers)
        for key in keys:
            if 'id="%s"' % key not in dom:
                problems.append('publications: no element with id %s' % key)
        items = len(re.findall(r'<li>', dom))
        if items != len(keys):
            problems.append('publications: %d list items for %d entries' % (items, len(keys)))
        if not re.search(r'<h2 class="bibliography">\d{4}</h2>', dom):
            problems.append('publications: no year heading')
        if re.search(r'<script', dom, re.I):
            problems.append('publications: a script element in the DOM')
        hostile = os.path.join(work, 'hostile.html')
        standalone(bibkit, os.path.join(HERE, 'data', 'hostile.bib'), hostile, ['--template', 'alfolio'])
        dom = dump_dom(chromium, hostile, os.path.join(work, 'profile'))
        if re.search(r'<(script|img|svg|iframe)\b', dom, re.I) or re.search(r'<[a-zA-Z][^>]*\son\w+=', dom):
            problems.append('hostile: the DOM has an element or attribute from the input')
        if 'id="evil1"' not in dom or 'id="evil2"' not in dom:
            problems.append('hostile: the entries are missing')
        print('%d entries in the publication page, %d list items' % (len(keys), items))
    for problem in problems:
        print('FAIL ' + problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
