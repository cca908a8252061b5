"""HTML rendering: real headings, ordered lists, tables, as reports published as web pages."""

from __future__ import annotations

from html import escape

from corpus.model import (
    Block,
    Bullets,
    Contents,
    Document,
    Heading,
    Para,
    RecList,
    RunPara,
    Table,
    TitlePage,
)

_CSS = """
body { font-family: Arial, Helvetica, sans-serif; max-width: 52em; margin: 2em auto; line-height: 1.5; }
.title-page { text-align: center; margin-bottom: 4em; }
.para-no { font-weight: bold; margin-right: 0.6em; }
.rec { margin-left: 2.5em; text-indent: -2.5em; }
.rec-label { font-weight: bold; display: inline-block; min-width: 2.2em; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
blockquote { font-style: italic; }
header, footer { color: #555; font-size: 0.85em; }
"""

_OL_TYPE = {"num": "1", "alpha": "a", "roman": "i"}


def _e(text: str) -> str:
    return escape(text, quote=False)


def _sub(items: list[str], intro: str) -> list[str]:
    if not items:
        return []
    out = [f"<p>{_e(intro)}</p>", "<ul>"]
    out.extend(f"<li>{_e(s)}</li>" for s in items)
    out.append("</ul>")
    return out


def render_html(doc: Document) -> bytes:
    """The document as one UTF-8 HTML page; level-1 headings are anchors the contents link to."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_e(doc.title)}</title>",
        f'<meta name="author" content="{escape(doc.author)}">',
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<header>{_e(doc.header)}</header>",
        "<main>",
    ]
    anchor = 0
    for b in doc.blocks:
        if isinstance(b, Heading) and b.level == 1:
            anchor += 1
        out.extend(_block_html(b, anchor))
    out += ["</main>", f"<footer>{_e(doc.footer)}</footer>", "</body>", "</html>", ""]
    return "\n".join(out).encode("utf-8")


def _block_html(b: Block, anchor: int) -> list[str]:
    """The lines of one block; `anchor` numbers the current chapter (level-1 heading)."""
    if isinstance(b, TitlePage):
        out = ['<div class="title-page">']
        for style, text in b.lines:
            out.append(
                f"<h1>{_e(text)}</h1>" if style == "title" else f'<p class="{style}">{_e(text)}</p>'
            )
        out.append("</div>")
        return out
    if isinstance(b, Contents):
        return [
            '<nav class="contents">',
            "<h2>Contents</h2>",
            "<ul>",
            *(f'<li><a href="#s{i}">{_e(t)}</a></li>' for i, (_, t) in enumerate(b.entries, 1)),
            "</ul>",
            "</nav>",
        ]
    if isinstance(b, Heading):
        return [_heading_html(b, anchor)]
    if isinstance(b, Para):
        return [_para_html(b)]
    if isinstance(b, Bullets):
        tag = "ol" if b.ordered else "ul"
        return [f"<{tag}>", *(f"<li>{_e(t)}</li>" for t in b.items), f"</{tag}>"]
    if isinstance(b, RecList):
        return _rec_list_html(b)
    if isinstance(b, RunPara):
        return [_run_para_html(b)]
    if isinstance(b, Table):
        return _table_html(b)
    return []  # a page break has no place in a web page


def _heading_html(b: Heading, anchor: int) -> str:
    tag = {1: "h2", 2: "h3", 3: "h4"}[b.level]
    ident = f' id="s{anchor}"' if b.level == 1 else ""
    num = f"{b.number}. " if b.number and b.level == 3 else (f"{b.number} " if b.number else "")
    return f"<{tag}{ident}>{_e(num + b.text)}</{tag}>"


def _para_html(b: Para) -> str:
    if b.style == "quote":
        return f"<blockquote>{_e(b.text)}</blockquote>"
    if b.number:
        return f'<p><span class="para-no">{b.number}</span> {_e(b.text)}</p>'
    return f"<p>{_e(b.text)}</p>"


def _rec_list_html(b: RecList) -> list[str]:
    """An ordered or bulleted list when the browser numbers it, else paragraphs with labels."""
    out: list[str] = []
    if b.auto and b.style in _OL_TYPE:
        start = b.items[0].ordinal if b.items else 1
        attrs = f' type="{_OL_TYPE[b.style]}"' if b.style != "num" else ""
        attrs += f' start="{start}"' if start != 1 else ""
        out.append(f'<ol class="recommendations"{attrs}>')
        for it in b.items:
            out.append("<li>")
            out.append(f"<p>{_e(it.text)}</p>")
            out.extend(_sub(it.sub_items, it.sub_intro))
            out.append("</li>")
        out.append("</ol>")
    elif b.auto and b.style == "bullets":
        out.append('<ul class="recommendations">')
        for it in b.items:
            out.append(f"<li>{_e(it.text)}")
            out.extend(_sub(it.sub_items, it.sub_intro))
            out.append("</li>")
        out.append("</ul>")
    else:
        out.append('<div class="recommendations">')
        for it in b.items:
            if b.style == "recn":
                out.append(f"<h4>{_e(it.printed)}</h4>")
                out.append(f"<p>{_e(it.text)}</p>")
            else:
                style = ' style="margin-left:3em"' if it.level else ""
                out.append(
                    f'<p class="rec"{style}><span class="rec-label">{_e(it.printed)}</span> {_e(it.text)}</p>'
                )
            out.extend(_sub(it.sub_items, it.sub_intro))
        out.append("</div>")
    return out


def _run_para_html(b: RunPara) -> str:
    n = len(b.items)
    parts = []
    for i, it in enumerate(b.items):
        sep = "." if i == n - 1 else ("; and" if i == n - 2 else ";")
        parts.append(f"{_e(it.printed)} {_e(it.text)}{sep}")
    return f"<p>{_e(b.intro)} {' '.join(parts)}</p>"


def _table_html(b: Table) -> list[str]:
    out = [f'<table class="{b.kind}">']
    if b.caption:
        out.append(f"<caption>{_e(b.caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in b.header) + "</tr></thead>")
    out.append("<tbody>")
    for row in b.rows:
        out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody>")
    out.append("</table>")
    return out
