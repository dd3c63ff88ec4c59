#!/usr/bin/env python3
"""Checks for .ci/print.sh, on the files a person would look at (standard library only).

  dom FILE            the JSON the overflow script left in a page dumped by Chromium
                      (`--dump-dom`): no table cell whose text is wider than the cell
  pages PDF HTML MAX  the printed report: at most MAX pages, every page with its
                      document-control line and "page N of M", and no page whose last line
                      is a table's header row, a heading or a group row (a header alone at
                      a page foot)
  orphans HTML OUT keep|drop
                      a document to show that check working: the style sheet of an isms
                      page (HTML) over 36 variants of one layout — a table of 20 to 55 rows,
                      then a heading and a table whose rows are grouped — so that some
                      variant brings the heading, the header row or a group row to a page
                      foot; `drop` removes the print rules that keep them with what follows
  csv FILE            a CSV SoA after a LibreOffice round trip: every id is text as written
                      (A.5.10 stays A.5.10), 93 framework rows, no id twice
  comment MD HTML     a PR comment and cmark-gfm's HTML of it: every Markdown table is a
                      table, no row is left as text, no raw HTML got through
"""
import csv
import html
import json
import re
import subprocess
import sys


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def dom(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<pre id="isms-check">(.*?)</pre>', text, re.S)
    if not m:
        fail(f"{path}: the overflow script left no result")
    result = json.loads(html.unescape(m.group(1)))
    if result["cells"] < 10:
        fail(f"{path}: only {result['cells']} cells measured")
    if result["overflow"]:
        fail(f"{path}: {len(result['overflow'])} cells overflow: " + "; ".join(result["overflow"][:8]))
    print(f"ok: {path}: {result['cells']} cells, none overflows")


def text_of(fragment):
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def page_text(pdf, n, layout=False):
    args = ["pdftotext", "-f", str(n), "-l", str(n)] + (["-layout"] if layout else []) + [pdf, "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages(pdf, page_html, limit):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    if count > int(limit):
        fail(f"{pdf}: {count} pages, more than {limit}")
    source = open(page_html, encoding="utf-8").read()
    control = re.search(r'@top-left \{ content: "([^"]*)"', source).group(1)
    heads = set()
    for thead in re.findall(r"<thead>(.*?)</thead>", source, re.S):
        cells = [text_of(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", thead, re.S)]
        if len(cells) > 1 and cells[0] and cells[1]:
            # A header row, as pdftotext -layout lays it out: its first two cells on a line.
            first = cells[1].split()[0]
            heads.add(re.compile(r"\s*" + re.escape(cells[0]) + r"\s+" + re.escape(first)))
    # Headings and the group rows of a table (the SoA's themes): their whole text on a line.
    for title in re.findall(r"<h[23][^>]*>(.*?)</h[23]>|<tr class=\"group\">(.*?)</tr>", source, re.S):
        text = " ".join(text_of("".join(title)).split())
        if text:
            heads.add(re.compile(r"\s*" + r"\s+".join(map(re.escape, text.split())) + r"\s*$"))
    footer = re.compile(r"^\s*(\d+) / (\d+) ページ\s*$|^\s*Page (\d+) of (\d+)\s*$")
    for n in range(1, count + 1):
        lines = [l for l in page_text(pdf, n, layout=True).splitlines() if l.strip()]
        if not lines or control.split(" · ")[0] not in lines[0]:
            fail(f"{pdf} page {n}: no document-control line at the top: {lines[:1]}")
        if not footer.match(lines[-1]) or str(count) not in lines[-1]:
            fail(f"{pdf} page {n}: no 'page {n} of {count}' at the foot: {lines[-1:]}")
        body = lines[1:-1]
        if body and any(h.match(body[-1]) for h in heads):
            fail(f"{pdf} page {n}: the page ends with a header alone (heading, header row or group row): {body[-1].strip()}")
    print(f"ok: {pdf}: {count} pages (at most {limit}), each with its control line and page number")


# The print rules that keep a header with what follows it, as html.rs writes them.
KEEP_WITH_NEXT = [
    "  h2, h3, figcaption { break-after: avoid; }\n",
    "  thead { display: table-header-group; break-after: avoid; }\n",
    "  thead tr { break-after: avoid; }\n",
    "  tr.group { break-after: avoid; }\n",
]


def orphans(page_html, out, mode):
    source = open(page_html, encoding="utf-8").read()
    style = re.search(r"<style>(.*?)</style>", source, re.S).group(1)
    for rule in KEEP_WITH_NEXT:
        if rule not in style:
            fail(f"{page_html}: the print rule {rule.strip()!r} is not in its style sheet")
        if mode == "drop":
            style = style.replace(rule, rule.replace("break-after: avoid;", "").replace("{  }", "{ }"))
    body = []
    for n in range(20, 56):
        filler = "".join(f"<tr><td>F-{i:03}</td><td>row {i} of {n}</td></tr>" for i in range(n))
        tall = "".join(
            f"<tr><td>C-{i}</td><td>control {i}\nits second line\nits third line\nits fourth line</td></tr>"
            for i in range(3)
        )
        body.append(
            f'<section class="page"><h2>Layout {n}</h2>\n'
            f'<table class="findings"><thead><tr><th>Code</th><th>Message</th></tr></thead>'
            f"<tbody>{filler}</tbody></table>\n<h3>Controls after {n} rows</h3>\n"
            f'<table class="soa"><thead><tr><th>No.</th><th>Control</th></tr></thead><tbody>'
            f'<tr class="group"><th colspan="2">First group of {n}</th></tr>{tall}'
            f'<tr class="group"><th colspan="2">Second group of {n}</th></tr>{tall}'
            f"</tbody></table></section>\n"
        )
    lang = re.search(r'<html lang="([a-z]+)"', source).group(1)
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><style>{style}</style></head>\n'
            f'<body>\n{"".join(body)}</body></html>\n'
        )


def csv_ids(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    ids = [r[0] for r in rows[1:]]
    framework = [i for i in ids if i.startswith("A.")]
    if len(framework) != 93:
        fail(f"{path}: {len(framework)} Annex A rows after the import, not 93: {ids[:12]}")
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        fail(f"{path}: ids read twice after the import: {dup}")
    for cited in ["A.5.10", "A.5.20", "A.5.30", "A.7.10", "A.8.10", "A.8.20", "A.8.30"]:
        if cited not in ids:
            fail(f"{path}: {cited} did not survive the import")
    print(f"ok: {path}: {len(ids)} rows, 93 Annex A ids read back as written, none twice")


def comment(md_path, html_path):
    md = open(md_path, encoding="utf-8").read()
    out = open(html_path, encoding="utf-8").read()
    tables_md = len(re.findall(r"^\|(?:---\|)+$", md, re.M))
    tables_html = out.count("<table>")
    if tables_md == 0 or tables_md != tables_html:
        fail(f"{md_path}: {tables_md} tables written, {tables_html} rendered")
    rows_md = len([l for l in md.splitlines() if l.startswith("| ") and not l.startswith("|---")])
    rows_html = out.count("<tr>")
    if rows_md != rows_html:
        fail(f"{md_path}: {rows_md} table rows written, {rows_html} rendered")
    text = re.sub(r"<[^>]+>", "", out)
    if re.search(r"^\s*\|", text, re.M):
        fail(f"{md_path}: a table row is left as text")
    if "<script" in out or "<img" in out:
        fail(f"{md_path}: raw HTML got through")
    first = re.search(r"<p><strong>([^<]*)</strong>", out)
    if not first:
        fail(f"{md_path}: no verdict in bold at the top")
    print(f"ok: {md_path}: {tables_html} tables, {rows_html} rows rendered; first line: {first.group(1)}")


if __name__ == "__main__":
    what, args = sys.argv[1], sys.argv[2:]
    {"dom": dom, "pages": pages, "orphans": orphans, "csv": csv_ids, "comment": comment}[what](*args)
