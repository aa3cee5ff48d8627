#!/usr/bin/env python3
"""jekyll-scholar's oracle cases (../shared/jekyll-scholar/cases) through `bibkit render`.

For every case: a site is made of the case's site_config.yml (as _config.yml) and papers.bib
(in _bibliography/), and

    bibkit render CASE/page.md --site SITE --style SHARED/csl/styles/apa.csl
                  --locale-dir SHARED/csl/locales

must give the case's expected.html up to whitespace between tags and the spelling of character
references (&#38; is &amp;). Where it does not, every difference must be explained in
DIFFERENCES (a Markdown table, see its text):
- a reference that reads differently: a row for its key (`*` for the case column), with its
  class: `jekyll-scholar` (jekyll-scholar, citeproc-ruby or latex-decode is wrong), `engine` (a
  gap in bibkit's CSL engine, to fix) or `bibkit` (bibkit's deliberate choice);
- other differences (entries, headings, counts): a row for the case (`*` for the key), or the
  case's documented query answer in tests/query/jekyll_scholar/CASE.keys;
- a case where jekyll-scholar crashed (expected.err): bibkit must render it.
A row that explains nothing any more is an error too, so progress is never silent.

usage: jekyll_scholar_html.py BIBKIT SHARED_DIR DIFFERENCES QUERY_ANSWERS_DIR [CASE...]
Exit 0 when all is explained, 1 otherwise, 77 (skipped) without the cases.
"""
import collections
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

SPAN = re.compile(r'<span id="([^"]*)">(.*?)</span></li>', re.S)
HEADING = re.compile(r'<h(\d) class="bibliography">(.*?)</h\d>', re.S)
COUNT = re.compile(r'<p class="oracle-count">(.*?)</p>', re.S)
ROW = re.compile(r'^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*(jekyll-scholar|engine|bibkit)\s*\|(.*)\|\s*$')


def normalized(text):
    text = text.replace('&#38;', '&amp;').replace('&#60;', '&lt;').replace('&#62;', '&gt;')
    text = text.replace('&#34;', '&quot;').replace('&#39;', '&#x27;')
    text = re.sub(r'>\s+', '>', text)
    text = re.sub(r'\s+<', '<', text)
    return re.sub(r'\s+', ' ', text).strip()


def structure(text):
    """Headings, entry ids and counts in document order."""
    events = re.finditer(r'<h(\d) class="bibliography">(.*?)</h\d>|<span id="([^"]*)">'
                         r'|<p class="oracle-count">(.*?)</p>|<(ol|ul) class="bibliography">', text)
    out = []
    for m in events:
        if m.group(1):
            out.append('h%s %s' % (m.group(1), m.group(2)))
        elif m.group(3):
            out.append(m.group(3))
        elif m.group(4) is not None:
            out.append('count ' + m.group(4))
        else:
            out.append('list')
    return out


def entries(text):
    return {key: body for key, body in SPAN.findall(text)}


def read_differences(path):
    rows = {}
    for line in open(path, encoding='utf-8'):
        m = ROW.match(line)
        if m and m.group(1) != 'case':
            rows[(m.group(1), m.group(2))] = m.group(3)
    return rows


def render(bibkit, shared, case_dir, site):
    shutil.copy(os.path.join(case_dir, 'site_config.yml'), os.path.join(site, '_config.yml'))
    os.makedirs(os.path.join(site, '_bibliography'), exist_ok=True)
    shutil.copy(os.path.join(case_dir, 'papers.bib'),
                os.path.join(site, '_bibliography', 'papers.bib'))
    command = [bibkit, 'render', os.path.join(case_dir, 'page.md'), '--site', site,
               '--style', os.path.join(shared, 'csl', 'styles', 'apa.csl'),
               '--locale-dir', os.path.join(shared, 'csl', 'locales')]
    return subprocess.run(command, capture_output=True, text=True)


def main():
    if len(sys.argv) < 5:
        print(__doc__)
        return 2
    bibkit, shared, differences_file, answers = sys.argv[1:5]
    cases_dir = os.path.join(shared, 'jekyll-scholar', 'cases')
    if not os.path.isdir(cases_dir) or not os.path.isfile(os.path.join(shared, 'csl', 'styles', 'apa.csl')):
        print('skipped: no jekyll-scholar cases or apa.csl in %s (../shared is absent)' % shared)
        return 77
    rows = read_differences(differences_file)
    used = set()
    names = sys.argv[5:] or sorted(os.listdir(cases_dir))
    failures = []
    identical = 0
    classes = collections.Counter()
    for name in names:
        case_dir = os.path.join(cases_dir, name)
        with tempfile.TemporaryDirectory() as site:
            result = render(bibkit, shared, case_dir, site)
        if result.returncode not in (0, 1):
            failures.append('%s: bibkit render failed (%d): %s' % (name, result.returncode, result.stderr.strip()))
            continue
        expected_html = os.path.join(case_dir, 'expected.html')
        if not os.path.exists(expected_html):
            classes['jekyll-scholar'] += 1
            print('%s: jekyll-scholar crashed, bibkit rendered it' % name)
            continue
        ours, theirs = normalized(result.stdout), normalized(open(expected_html, encoding='utf-8').read())
        if ours == theirs:
            identical += 1
            continue
        case_classes = set()
        explained = True
        if structure(ours) != structure(theirs):
            if (name, '*') in rows:
                used.add((name, '*'))
                case_classes.add(rows[(name, '*')])
            elif os.path.exists(os.path.join(answers, name + '.keys')):
                case_classes.add('bibkit')
            else:
                explained = False
                failures.append('%s: entries or headings differ, and no row explains it:\n  ours:   %s\n  theirs: %s'
                                % (name, structure(ours)[:40], structure(theirs)[:40]))
        mine, oracle = entries(ours), entries(theirs)
        for key in sorted(set(mine) & set(oracle)):
            if mine[key] == oracle[key]:
                continue
            row = (name, key) if (name, key) in rows else ('*', key)
            if row in rows:
                used.add(row)
                case_classes.add(rows[row])
            elif (name, '*') in rows:
                used.add((name, '*'))
                case_classes.add(rows[(name, '*')])
            else:
                explained = False
                failures.append('%s: %s reads differently, and no row explains it:\n  ours:   %s\n  theirs: %s'
                                % (name, key, mine[key], oracle[key]))
        if explained and not case_classes:
            if (name, '*') in rows:
                used.add((name, '*'))
                case_classes.add(rows[(name, '*')])
            else:
                explained = False
                failures.append('%s: the pages differ outside the references, and no row explains it' % name)
        if explained:
            for c in case_classes:
                classes[c] += 1
            print('%s: differs (%s)' % (name, ', '.join(sorted(case_classes))))
    if len(names) == len(os.listdir(cases_dir)):
        for row in sorted(set(rows) - used):
            failures.append('row %s | %s explains no difference any more: remove it' % row)
    for failure in failures:
        print('FAIL ' + failure)
    print('%d cases: %d identical up to whitespace, %d differ (cases with a difference of class: %s)'
          % (len(names), identical, len(names) - identical,
             ', '.join('%s %d' % kv for kv in sorted(classes.items()))))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
