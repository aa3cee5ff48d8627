#!/usr/bin/env python3
"""A hostile bibliography (data/hostile.bib: <script> in titles and names, javascript: and
data: URLs, quotes that try to leave attributes, Liquid/Mustache braces, control characters)
through every HTML and Markdown output: query -f html (the reference, alfolio, a user
template, --standalone), query -f markdown (reference and alfolio) and render of a page.

Every output must be inert: no element or attribute that the input wrote (<script, <img,
<svg, <iframe, <b onmouseover, on…= attributes), no link to a javascript: or data: URL, `{{`
and `{%` from the data written as &#123; (Liquid and Mustache see no tag), no control
characters. The page's own text (its front matter and `{{ page.title }}`) is left as it is.

usage: web_hostile.py BIBKIT DATA_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

FORBIDDEN = [
    r'<script', r'<img', r'<svg', r'<iframe', r'<b ', r'<[a-zA-Z][^>]*\son\w+\s*=', r'href="\s*javascript:',
    r'href="\s*data:', r'href="\s*java\s*script:', r'\]\(\s*javascript:', r'\]\(\s*data:',
]


def run(command):
    result = subprocess.run(command, capture_output=True)
    if result.returncode not in (0, 1):
        raise SystemExit('FAIL %s: exit %d: %s' % (' '.join(command), result.returncode,
                                                 result.stderr.decode(errors='replace')))
    return result.stdout.decode('utf-8')


def check(name, text):
    problems = []
    body = text
    if name.startswith('markdown'):
        # A backslash-escaped character is literal text in CommonMark.
        body = re.sub(r'\\[<>"\[\]()*_`]', '', body)
    for pattern in FORBIDDEN:
        for m in re.finditer(pattern, body, re.I):
            problems.append('%s: %r at %d: …%s…' % (name, pattern, m.start(), body[max(0, m.start() - 40):m.start() + 40]))
    for c in body:
        if (ord(c) < 0x20 and c not in '\n\t') or 0x7f <= ord(c) <= 0x9f:
            problems.append('%s: control character U+%04X' % (name, ord(c)))
    if re.search(r'\{\{\s*site|\{\{\s*raw|\{%\s*include', body):
        problems.append('%s: a Liquid tag from the data is live' % name)
    # Attribute values stay inside their quotes: every tag is well-formed name="…" pairs.
    for tag in re.findall(r'<[a-zA-Z][^>]*>', body):
        if not re.fullmatch(r'<[a-zA-Z0-9]+(\s+[a-zA-Z-]+="[^"<>]*")*\s*/?>', tag):
            problems.append('%s: a tag with broken attributes: %s' % (name, tag))
    return problems


def main():
    bibkit, data = sys.argv[1:3]
    bib = os.path.join(data, 'hostile.bib')
    template = os.path.join(data, 'hostile_template.mustache')
    outputs = {}
    base = [bibkit, 'query', bib, '--style', 'bibkit', '--highlight', 'Owner, Alice']
    outputs['html'] = run(base + ['-f', 'html'])
    outputs['html alfolio'] = run(base + ['-f', 'html', '--template', 'alfolio'])
    outputs['html user template'] = run(base + ['-f', 'html', '--template', template])
    outputs['html standalone'] = run(base + ['-f', 'html', '--standalone', '--template', 'alfolio'])
    outputs['markdown'] = run(base + ['-f', 'markdown'])
    outputs['markdown alfolio'] = run(base + ['-f', 'markdown', '--template', 'alfolio'])
    outputs['markdown user template'] = run(base + ['-f', 'markdown', '--template', template])
    page = os.path.join(data, 'hostile_page.md')
    page_text = open(page, encoding='utf-8').read()
    rendered = run([bibkit, 'render', page, '-f', bib, '--style', 'bibkit'])
    problems = []
    if not rendered.startswith('---\ntitle: hostile\n---\nText {{ page.title }} stays.'):
        problems.append('render: the page around the tags was changed')
    outputs['render'] = rendered.replace('---\ntitle: hostile\n---\nText {{ page.title }} stays.', '')
    for name, text in outputs.items():
        if 'evil1' not in text and 'Attack' not in text:
            problems.append('%s: the entries are missing' % name)
        problems += check(name, text)
    if '&#123;' not in outputs['html'] or '&#123;' not in outputs['markdown']:
        problems.append('the braces of {{site.secret}} are not written as &#123;')
    for problem in problems:
        print('FAIL ' + problem)
    print('%d outputs checked, %d problems' % (len(outputs), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
