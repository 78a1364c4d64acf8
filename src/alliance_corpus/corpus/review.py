"""A static HTML site for reviewing an annotated corpus: what restoration changed, flagged and linked.

:func:`write_review_site` writes, into one folder:

- ``index.html``: every document with its language, garble score and edit,
  flag and entity counts, in a table that a few lines of inline JavaScript
  sort (click a column heading) and filter (by text, language, least score);
- ``doc/<id>.html``: the raw and the restored text side by side, each edit
  marked in both with its kind, rule id and the rule's note; the restored
  text again with entities marked by label, linked to Wikidata (``Q`` ids) or
  to the gazetteer page (local ``ac:`` ids); the flags with their suggestions;
- ``gazetteer.html``: every gazetteer entry, one anchor per id.

The site works offline: no CDN, no web font, no request of any kind; the
only outgoing links are Wikidata pages a reader chooses to open.  Every piece
of document text is escaped, and each page's Content-Security-Policy allows
no script but the index's own (pinned by its hash), so hostile text in a
scraped page stays text.  The output is deterministic: the same corpus and
rules give the same bytes.

>>> marked("Japan v <Korea>", [Mark(6, 7, "mark", {"class": "edit"})])
'Japan <mark class="edit">v</mark> &lt;Korea&gt;'
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from ..records import AnnotatedDocument, Edit, Entity
from ..resources import Resources
from .container import Corpus
from .ids import is_safe_id
from .io import write_atomic

__all__ = ["Mark", "entity_link", "marked", "rule_notes", "write_review_site"]

WIKIDATA = "https://www.wikidata.org/wiki/"
GAZETTEER_PAGE = "gazetteer.html"
CODE_RULE_NOTE = "made by the restoration code, not by a rule file; see the README, section Restoration"


@dataclass(frozen=True)
class Mark:
    """A span of text to wrap in an element: ``tag`` with ``attributes``, optionally an ``inner`` element (a link)."""

    start: int
    end: int
    tag: str
    attributes: Mapping[str, str] = field(default_factory=dict)
    inner: tuple[str, Mapping[str, str]] | None = None


def write_review_site(corpus: Corpus, out: Path, *, resources: Resources | None = None) -> list[Path]:
    """Write the review site of ``corpus`` into ``out``; return the pages written, in order.

    ``resources`` gives the rule notes and the gazetteer (default: the bundled
    files plus those of the corpus root, the folder above the annotated one).
    Each document's page is written as soon as its record is read, and only
    a row of the corpus table is kept, so the memory the site takes does not
    grow with the corpus (a corpus opened with ``cache=False`` keeps no records either).
    """
    resources = resources or Resources.for_corpus(corpus.folder.resolve().parent)
    notes = rule_notes(resources)
    (out / "doc").mkdir(parents=True, exist_ok=True)
    rows, document_pages = [], []
    for doc in corpus:
        if not is_safe_id(doc.id):
            continue
        document_pages.append(out / "doc" / f"{doc.id}.html")
        write_atomic(document_pages[-1], document_page(doc, notes).encode("utf-8"))
        rows.append(IndexRow.of(doc))
    write_atomic(out / "index.html", index_page(rows).encode("utf-8"))
    write_atomic(out / GAZETTEER_PAGE, gazetteer_page(resources).encode("utf-8"))
    return [out / "index.html", out / GAZETTEER_PAGE, *document_pages]


def rule_notes(resources: Resources) -> dict[str, str]:
    """Rule id -> the rule's note, from the rule files in use."""
    return {rule.id: rule.note for rule in resources.rules}


def edit_note(edit: Edit, notes: Mapping[str, str]) -> str:
    """The note of each rule behind ``edit`` (merged edits name several rules, joined by ``+``)."""
    return " | ".join(f"{rule}: {notes.get(rule, CODE_RULE_NOTE)}" for rule in edit.rule.split("+"))


def entity_link(kb_id: str | None, *, prefix: str = "../") -> str | None:
    """Where an entity id leads: its Wikidata page, or its entry on the site's gazetteer page.

    >>> entity_link("Q17"), entity_link("ac:anpo-protests"), entity_link(None)
    ('https://www.wikidata.org/wiki/Q17', '../gazetteer.html#ac:anpo-protests', None)
    """
    if not kb_id:
        return None
    if kb_id.startswith("Q") and kb_id[1:].isdigit():
        return WIKIDATA + kb_id
    return f"{prefix}{GAZETTEER_PAGE}#{quote(kb_id, safe=':')}"


def marked(text: str, marks: Sequence[Mark]) -> str:
    """``text``, escaped, with each mark's span wrapped in its element.

    Marks may overlap: the text is cut at every boundary and each piece is
    wrapped in every mark that covers it.  An empty mark (a deletion, in the
    restored text) is written as an empty element at its place.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    empty: dict[int, list[Mark]] = {}
    for m in marks:
        if m.start == m.end:
            empty.setdefault(m.start, []).append(m)
    spans = sorted((m for m in marks if m.start < m.end), key=lambda m: (m.start, -m.end))
    pieces: list[str] = []
    active: list[Mark] = []
    next_span = 0
    for start, end in zip(cuts, cuts[1:] + [None]):
        pieces += [_wrap("", m) for m in empty.get(start, [])]
        if end is None:
            break
        active = [m for m in active if m.end > start]
        while next_span < len(spans) and spans[next_span].start <= start:
            active.append(spans[next_span])
            next_span += 1
        piece = html.escape(text[start:end])
        for m in reversed(active):
            piece = _wrap(piece, m)
        pieces.append(piece)
    return "".join(pieces)


def _wrap(inner_html: str, mark: Mark) -> str:
    if mark.inner:
        tag, attributes = mark.inner
        inner_html = f"<{tag}{_attributes(attributes)}>{inner_html}</{tag}>"
    return f"<{mark.tag}{_attributes(mark.attributes)}>{inner_html}</{mark.tag}>"


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


# ---------------------------------------------------------------- pages

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top;text-align:left}
th[data-key]{cursor:pointer;background:#f2f2f2}td.n{text-align:right}
.panes{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.text{white-space:pre-wrap;border:1px solid #ccc;padding:.6em;font-family:ui-monospace,monospace;font-size:13px;overflow-wrap:anywhere}
mark.edit{background:#ffe08a;border-bottom:2px solid #c90}
.raw mark.edit{background:#ffc9c9;border-bottom-color:#c33;text-decoration:line-through}
mark.edit:empty::before{content:"\\2038";color:#c33}
mark.ent{background:#d6ecff;border-radius:3px;padding:0 2px}
mark.ent::after{content:attr(data-label);font:bold 9px sans-serif;margin-left:3px;color:#036;vertical-align:super}
mark.ent.flagged{outline:2px dashed #c33}
mark.flag{background:none;border-bottom:3px wavy #c33}
code{background:#f4f4f4;padding:0 .2em}.muted{color:#666}
""".strip()

SORT_AND_FILTER = """
(function(){
var table=document.getElementById('documents'),body=table.tBodies[0];
var rows=Array.prototype.slice.call(body.rows);
var text=document.getElementById('filter-text'),lang=document.getElementById('filter-language'),
least=document.getElementById('filter-score'),shown=document.getElementById('shown');
function filter(){var t=text.value.toLowerCase(),l=lang.value,s=parseFloat(least.value)||0,n=0;
rows.forEach(function(r){var ok=r.textContent.toLowerCase().indexOf(t)>=0&&(!l||r.dataset.language===l)&&parseFloat(r.dataset.garble_score)>=s;
r.hidden=!ok;if(ok)n++;});shown.textContent=n;}
[text,lang,least].forEach(function(e){e.addEventListener('input',filter);});
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th){th.addEventListener('click',function(){
var key=th.dataset.key,numeric=th.dataset.numeric==='1',down=th.getAttribute('aria-sort')!=='ascending';
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',down?'ascending':'descending');
rows.sort(function(a,b){var x=a.dataset[key],y=b.dataset[key];
var c=numeric?parseFloat(x)-parseFloat(y):(x<y?-1:x>y?1:0);return down?c:-c;});
rows.forEach(function(r){body.appendChild(r);});});});
filter();document.body.setAttribute('data-script','ran');})();
""".strip()


def _page(title: str, body: str, *, script: str = "") -> str:
    # No source may be fetched; the one inline script allowed is pinned by its hash.
    allowed = f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'" if script else "'none'"
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {allowed}"
    tail = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n{tail}</body></html>\n"
    )


INDEX_COLUMNS = (
    ("id", "document", False), ("file", "file", False), ("title", "title", False), ("language", "language", False),
    ("garble_score", "garble score", True), ("edits", "edits", True), ("flags", "flags", True), ("entities", "entities", True),
)  # fmt: skip


class IndexRow(NamedTuple):
    """What the corpus table shows of one document: all the index page keeps of it."""

    id: str
    file: str
    title: str
    language: str
    garble_score: float
    edits: int
    flags: int
    entities: int

    @classmethod
    def of(cls, doc: AnnotatedDocument) -> IndexRow:
        language = doc.language.code if doc.language else "und"
        return cls(doc.id, doc.source.path, doc.source.title or "", language, doc.garble_score, len(doc.edits), len(doc.flags), len(doc.entities))


def index_page(documents: Iterable[AnnotatedDocument | IndexRow]) -> str:
    """The corpus table: one row per document (or per row already taken from one), sortable and filterable."""
    table = sorted((d if isinstance(d, IndexRow) else IndexRow.of(d) for d in documents), key=lambda d: d.id)
    rows, languages = [], Counter[str]()
    for doc in table:
        language = doc.language
        languages[language] += 1
        values = {"id": doc.id, "file": doc.file, "title": doc.title, "language": language, "garble_score": f"{doc.garble_score:.4f}",
                  "edits": str(doc.edits), "flags": str(doc.flags), "entities": str(doc.entities)}  # fmt: skip
        data = "".join(f' data-{key}="{_e(value)}"' for key, value in values.items())
        cells = [f'<td><a href="doc/{_e(doc.id)}.html">{_e(doc.id)}</a></td>']
        cells += [f'<td class="n">{_e(values[key])}</td>' if numeric else f"<td>{_e(values[key])}</td>" for key, _, numeric in INDEX_COLUMNS[1:]]
        rows.append(f"<tr{data}>{''.join(cells)}</tr>")
    head = "".join(f'<th data-key="{key}" data-numeric="{int(numeric)}">{_e(name)}</th>' for key, name, numeric in INDEX_COLUMNS)
    options = "".join(f'<option value="{_e(code)}">{_e(code)} ({count})</option>' for code, count in sorted(languages.items()))
    body = (
        f"<h1>Review of the annotated corpus</h1>\n<p>{len(table)} documents; <span id=\"shown\">{len(table)}</span> shown. "
        f'Click a column heading to sort. <a href="{GAZETTEER_PAGE}">Gazetteer</a></p>\n'
        '<p><label>Filter <input id="filter-text" type="search" placeholder="id, file, title..."></label> '
        f'<label>language <select id="filter-language"><option value="">any</option>{options}</select></label> '
        '<label>garble score at least <input id="filter-score" type="number" min="0" max="1" step="0.05" value="0"></label></p>\n'
        f'<table id="documents"><thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table>"
    )
    return _page("Corpus review", body, script=SORT_AND_FILTER)


def document_page(doc: AnnotatedDocument, notes: Mapping[str, str]) -> str:
    """One document: raw and restored text side by side with the edits, then entities, flags and edit details."""
    raw_marks, clean_marks, edit_rows = [], [], []
    for number, edit in enumerate(doc.edits, 1):
        note = edit_note(edit, notes)
        shared = {"class": f"edit kind-{edit.kind}", "data-kind": edit.kind, "data-rule": edit.rule, "data-note": note,
                  "title": f"{edit.kind} · {note}"}  # fmt: skip
        raw_marks.append(Mark(edit.raw_start, edit.raw_end, "mark", {**shared, "id": f"raw-{number}"}))
        clean_marks.append(Mark(edit.clean_start, edit.clean_end, "mark", {**shared, "id": f"clean-{number}"}))
        edit_rows.append(
            f'<tr class="edit-row" data-rule="{_e(edit.rule)}"><td class="n"><a href="#clean-{number}">{number}</a></td><td>{_e(edit.kind)}</td>'
            f"<td><code>{_e(edit.rule)}</code></td><td><del>{_e(edit.before)}</del> → <ins>{_e(edit.after)}</ins></td><td>{_e(note)}</td></tr>"
        )
    entity_marks = [_entity_mark(entity) for entity in doc.entities]
    flag_marks = [Mark(f.start, f.end, "mark", {"class": "flag", "data-kind": f.kind, "title": f"{f.kind}: {f.note}"}) for f in doc.flags]
    flag_rows = [
        f'<tr class="flag-row" data-kind="{_e(f.kind)}"><td>{_e(f.kind)}</td><td>{_e(f.text)}</td><td class="n">{f.start}–{f.end}</td>'
        f"<td>{_e(f.note)}</td><td>{'; '.join(f'<span class=suggestion>{_e(s)}</span>' for s in f.suggestions) or '—'}</td></tr>"
        for f in doc.flags
    ]
    entity_rows = [
        f'<tr class="entity-row" data-label="{_e(e.label)}"><td>{_e(e.text)}</td><td>{_e(e.label)}</td><td>{_e(e.canonical or "")}</td>'
        f"<td>{_link_html(e.kb_id)}</td><td>{_e(e.source)}</td><td>{'yes' if e.flagged else ''}</td></tr>"
        for e in doc.entities
    ]
    source = doc.source
    about = "".join(f"<dt>{_e(name)}</dt><dd>{_e(value)}</dd>" for name, value in source.model_dump().items() if value)
    language = f"{doc.language.code} ({doc.language.confidence:.2f})" if doc.language else "unknown"
    body = (
        f'<p><a href="../index.html">All documents</a></p>\n<h1>{_e(source.title or doc.id)}</h1>\n'
        f"<p>id <code>{_e(doc.id)}</code>; language {_e(language)}; garble score {doc.garble_score:.4f}; "
        f"{len(doc.edits)} edits, {len(doc.flags)} flags, {len(doc.entities)} entities</p>\n<dl>{about}</dl>\n"
        '<div class="panes"><section><h2>Raw</h2><div class="text raw" id="raw">'
        + marked(doc.raw_text, raw_marks)
        + '</div></section><section><h2>Restored</h2><div class="text clean" id="clean">'
        + marked(doc.text, clean_marks)
        + "</div></section></div>\n"
        '<h2>Entities and flags in the restored text</h2><div class="text annotated" id="annotated">'
        + marked(doc.text, entity_marks + flag_marks)
        + "</div>\n"
        + _table("flags", ("kind", "text", "at", "note", "suggestions"), flag_rows)
        + _table("entities", ("mention", "label", "canonical", "link", "found by", "flagged"), entity_rows)
        + _table("edits", ("#", "kind", "rule", "change", "note"), edit_rows)
    )
    return _page(source.title or doc.id, body)


def _entity_mark(entity: Entity) -> Mark:
    title = f"{entity.label}" + (f" · {entity.canonical}" if entity.canonical else "") + (f" ({entity.kb_id})" if entity.kb_id else "")
    attributes = {"class": "ent flagged" if entity.flagged else "ent", "data-label": entity.label, "title": title}
    if entity.kb_id:
        attributes["data-kb-id"] = entity.kb_id
    if entity.canonical:
        attributes["data-canonical"] = entity.canonical
    link = entity_link(entity.kb_id)
    return Mark(entity.start, entity.end, "mark", attributes, ("a", {"href": link}) if link else None)


def _link_html(kb_id: str | None) -> str:
    link = entity_link(kb_id)
    return f'<a href="{_e(link)}">{_e(kb_id)}</a>' if link else ""


def _table(name: str, headings: Sequence[str], rows: Sequence[str]) -> str:
    if not rows:
        return f'<h2>{_e(name.capitalize())}</h2><p class="muted" id="{name}">none</p>\n'
    head = "".join(f"<th>{_e(h)}</th>" for h in headings)
    return f'<h2>{_e(name.capitalize())}</h2><table id="{name}"><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table>\n"


def gazetteer_page(resources: Resources) -> str:
    """Every gazetteer entry, each row anchored at its id, so local ids have a page to link to."""
    rows = []
    for entry in sorted(resources.gazetteer.entries, key=lambda e: e.id):
        wikidata = f'<a href="{WIKIDATA}{_e(entry.id)}">Wikidata</a>' if entry.id.startswith("Q") else "local id, Wikidata id not yet verified"
        rows.append(
            f'<tr id="{_e(entry.id)}"><td><code>{_e(entry.id)}</code></td><td>{_e(entry.label)}</td><td>{_e(entry.name)}</td>'
            f"<td>{_e(', '.join(entry.aliases))}</td><td>{_e(entry.note)}</td><td>{wikidata}</td></tr>"
        )
    body = '<p><a href="index.html">All documents</a></p>\n<h1>Gazetteer</h1>\n' + _table(
        "entries", ("id", "label", "name", "aliases", "note", "link"), rows
    )
    return _page("Gazetteer", body)
