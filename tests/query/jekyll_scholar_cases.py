#!/usr/bin/env python3
"""jekyll-scholar's oracle cases (../shared/jekyll-scholar/cases) run through `bibkit query`.

Each case is a page of {% bibliography %} / {% bibliography_count %} tags that the real
jekyll-scholar 7.3.0 rendered; its keys.txt reduces the result to labels, counts, group headings
and entry keys in order. For every tag this runs

    bibkit query CASE/papers.bib --config CASE/site_config.yml [--config CASE/page.md]
                 --tag-options 'ARGS' --format keys|count

(the page is a --config when its front matter has settings), writes the same lines, and compares
them with keys.txt, or, where bibkit deliberately differs from jekyll-scholar (its bugs and
crashes), with tests/query/jekyll_scholar/CASE.keys, whose README.md gives the reason for each.

usage: jekyll_scholar_cases.py BIBKIT SHARED_DIR EXPECTED_DIR [CASE...]
Exit 0 when all agree, 1 when one does not, 77 (skipped) when SHARED_DIR has no cases.
"""
import difflib
import html
import os
import re
import subprocess
import sys

PART = re.compile(r'<div class="oracle-part" data-label="([^"]*)">(.*?)</div>', re.S)
TAG = re.compile(r'{%\s*(bibliography_count|bibliography)\b(.*?)%}', re.S)


def has_front_matter_settings(page):
    if not page.startswith('---'):
        return False
    end = page.find('\n---', 3)
    return end > 0 and re.search(r'^scholar:', page[:end], re.M) is not None


def grouped(case_dir, args, page):
    """Whether the tag groups: an empty grouped list renders nothing, an ungrouped one an
    empty <ol>, which keys.txt records as "(empty list)"."""
    texts = [open(os.path.join(case_dir, 'site_config.yml')).read()]
    if has_front_matter_settings(page):
        texts.append(page)
    configured = any(re.search(r'^\s*group_by:\s*(?!none\b)\S', t, re.M) for t in texts)
    return configured or re.search(r'(^|\s)(-g|--group[_-]by)\s', args) is not None


def run_tag(bibkit, case_dir, page, kind, args):
    command = [bibkit, 'query', os.path.join(case_dir, 'papers.bib'),
               '--config', os.path.join(case_dir, 'site_config.yml')]
    if has_front_matter_settings(page):
        command += ['--config', os.path.join(case_dir, 'page.md')]
    command += ['--tag-options', args.strip(),
                '--format', 'count' if kind == 'bibliography_count' else 'keys']
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        return ['ERROR (exit %d): %s' % (result.returncode, result.stderr.strip())]
    out = result.stdout.splitlines()
    if kind == 'bibliography_count':
        return ['count: ' + (out[0] if out else '?')]
    if not out and not grouped(case_dir, args, page):
        return ['(empty list)']
    return out


def case_lines(bibkit, case_dir):
    page = open(os.path.join(case_dir, 'page.md')).read()
    parts = PART.findall(page)
    if not parts:
        parts = [(None, page)]
    lines = []
    for label, body in parts:
        if label is not None:
            lines.append('--- ' + html.unescape(label))
        for kind, args in TAG.findall(body):
            lines += run_tag(bibkit, case_dir, page, kind, args)
    return lines


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    bibkit, shared, expected_dir = sys.argv[1:4]
    cases_dir = os.path.join(shared, 'jekyll-scholar', 'cases')
    if not os.path.isdir(cases_dir):
        print('skipped: no jekyll-scholar cases in %s (../shared is absent)' % shared)
        return 77
    names = sys.argv[4:] or sorted(os.listdir(cases_dir))
    failures = 0
    deviations = 0
    for name in names:
        case_dir = os.path.join(cases_dir, name)
        ours = os.path.join(expected_dir, name + '.keys')
        theirs = os.path.join(case_dir, 'keys.txt')
        expected_file = ours if os.path.exists(ours) else theirs
        actual = case_lines(bibkit, case_dir)
        if not os.path.exists(expected_file):
            # jekyll-scholar crashed (expected.err): only bibkit's own answer can say.
            failures += 1
            print('FAIL %s: no answer (jekyll-scholar crashed); bibkit printed:' % name)
            for line in actual:
                print('  ' + line)
            continue
        expected = open(expected_file).read().splitlines()
        if actual == expected:
            deviations += expected_file == ours
            continue
        failures += 1
        print('FAIL %s (against %s)' % (name, os.path.relpath(expected_file)))
        for line in difflib.unified_diff(expected, actual, 'expected', 'bibkit', lineterm='', n=1):
            print('  ' + line)
    print('%d cases, %d agree (%d with jekyll-scholar itself, %d with bibkit\'s documented '
          'answer), %d differ' % (len(names), len(names) - failures,
                                  len(names) - failures - deviations, deviations, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
