"""Pure helpers that turn article-derived text into safe HTML / Markdown.

Everything that comes from an article (text, titles, outlet names, URLs) is untrusted. These
functions escape it for HTML *and* for Streamlit's Markdown (``$`` starts LaTeX, ``*``/``_``
emphasis, ``[`` links), so the result is inert whether it is shown with
``st.markdown(..., unsafe_allow_html=True)`` or plain ``st.markdown``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

#: Span roles that get a highlight, outermost first (nesting order of the <mark> tags).
ROLES: tuple[str, ...] = ("claim", "content", "source", "cue", "hedge", "negation")
ROLE_LABELS = {
    "content": "claimed content",
    "source": "source",
    "cue": "attribution cue",
    "hedge": "hedge",
    "negation": "negation",
}
_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "$": "&#36;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;", "`": "&#96;",
    "~": "&#126;", "\\": "&#92;", "#": "&#35;", "|": "&#124;", "{": "&#123;", "}": "&#125;",
    "\r": " ", "\n": " ",
})

HIGHLIGHT_CSS = """
<style>
.cg-para { font-size: 1.05rem; line-height: 1.9; padding: .75rem 1rem;
  border-left: 4px solid #94a3b8; background: #f8fafc; border-radius: 4px; color: #0f172a; }
.cg-para mark { padding: 0; border-radius: 2px; color: inherit; }
.cg-para mark.claim { background: transparent; border-bottom: 2px solid #0f172a; }
.cg-list { margin: .25rem 0 .75rem 1.1rem; padding: 0; line-height: 1.6; }
.cg-list li { margin-bottom: .3rem; overflow-wrap: anywhere; }
.cg-para mark.content { background: #e0f2fe; }
.cg-para mark.source { background: #bbf7d0; font-weight: 600; }
.cg-para mark.cue { background: #ddd6fe; font-style: italic; }
.cg-para mark.hedge { background: #fde68a; }
.cg-para mark.negation { background: #fecaca; text-decoration: underline wavy #b91c1c; }
.cg-legend mark { padding: 0 .35em; border-radius: 3px; margin-right: .4em; font-size: .85rem; }
.cg-legend mark.content { background: #e0f2fe; } .cg-legend mark.source { background: #bbf7d0; }
.cg-legend mark.cue { background: #ddd6fe; } .cg-legend mark.hedge { background: #fde68a; }
.cg-legend mark.negation { background: #fecaca; }
.cg-pill { display: inline-block; padding: .1rem .6rem; border-radius: 999px; color: white;
  font-weight: 600; font-size: .85rem; }
</style>
"""
STATUS_COLORS = {
    "disputed": "#dc2626",
    "confirmed": "#16a34a",
    "speculative": "#d97706",
    "sourced": "#2563eb",
    "unsourced": "#6b7280",
}


def esc(text: object) -> str:
    """Escape any value for HTML and Markdown; newlines become spaces."""
    value = "" if text is None else str(text)
    return value.translate(_ESCAPES)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The newline-delimited paragraph(s) around ``text[start:end]``."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, (len(text) if right < 0 else right)


def _valid_spans(spans: Iterable[Mapping], lo: int, hi: int) -> list[tuple[int, int, str]]:
    kept = []
    for span in spans:
        role = str(span.get("role", ""))
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            continue
        start, end = max(start, lo), min(end, hi)
        if role in ROLES and start < end:
            kept.append((start, end, role))
    return kept


def highlight_html(text: str, spans: Iterable[Mapping], start: int, end: int,
                   claim: tuple[int, int] | None = None) -> str:
    """``text[start:end]`` as escaped HTML, with each span wrapped in ``<mark class=ROLE>``.

    ``spans`` are mappings with ``role``, ``start`` and ``end`` (offsets into ``text``);
    overlapping spans nest in the order of :data:`ROLES`. ``claim`` marks the claim sentence.
    Unknown roles and spans outside the window are ignored. Every text segment is escaped.
    """
    start = max(0, start)
    end = min(len(text), end)
    marks = _valid_spans(spans, start, end)
    if claim is not None:
        marks += _valid_spans([{"role": "claim", "start": claim[0], "end": claim[1]}], start, end)
    cuts = sorted({start, end, *(s for s, _, _ in marks), *(e for _, e, _ in marks)})
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        if left >= right:
            continue
        roles = sorted({r for s, e, r in marks if s <= left and right <= e}, key=ROLES.index)
        segment = esc(text[left:right])
        for role in reversed(roles):
            segment = f'<mark class="{role}">{segment}</mark>'
        out.append(segment)
    return '<div class="cg-para">' + "".join(out) + "</div>"


def list_html(items: Iterable[object]) -> str:
    """An escaped bullet list as one HTML block (Markdown would auto-link URLs in the text)."""
    return '<ul class="cg-list">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def legend_html(roles: Iterable[str]) -> str:
    wanted = set(roles)
    present = [r for r in ROLE_LABELS if r in wanted]
    items = "".join(f'<mark class="{r}">{ROLE_LABELS[r]}</mark>' for r in present)
    return f'<div class="cg-legend">{items}</div>' if items else ""


def status_pill(status: str) -> str:
    color = STATUS_COLORS.get(status, "#6b7280")
    return f'<span class="cg-pill" style="background:{color}">{esc(status)}</span>'


def safe_url(url: object) -> str | None:
    """The URL if it is a plain http(s) URL, else None (no ``javascript:``, ``data:``, ...)."""
    value = str(url or "").strip()
    parts = urlsplit(value)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(
        c in value for c in '<>"\'` \n\r\t'
    ):
        return value
    return None


def link_html(url: object, label: object) -> str:
    """An escaped link for http(s) URLs; any other URL is shown as escaped text only."""
    href = safe_url(url)
    if href is None:
        return esc(label)
    return (f'<a href="{html.escape(href, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{esc(label)}</a>')


def neutralise(text: object, limit: int = 200) -> str:
    """Text for canvas labels and tooltips: no angle brackets, no control characters."""
    value = "" if text is None else str(text)
    value = value.replace("<", "‹").replace(">", "›")
    value = "".join(c if c.isprintable() or c == "\n" else " " for c in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def short(text: object, limit: int = 90) -> str:
    value = " ".join(str(text or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
