"""Sentence splitting with exact code-point offsets.

Each layout block is its own unit; inside a block, text is split on newlines and then at
sentence-final punctuation, guarding abbreviations, initials, decimals and closing quotes.
"""

from __future__ import annotations

import re

from graph.model import Block, Sentence

#: Abbreviations that never end a sentence (titles, months before a day, "No. 5" ...).
_NEVER_FINAL = frozenset(
    """mr mrs ms dr prof sen sens rep reps gov gen lt col capt sgt cmdr adm maj st ft mt rev
    hon pres supt atty vs approx dept est jan feb mar apr jun jul aug
    sep sept oct nov dec e.g i.e cf al messrs mme mlle sr ste""".split()
)
#: Abbreviations that may end a sentence: a boundary only if the next word starts a sentence.
_MAYBE_FINAL = frozenset(
    """inc corp co ltd llc plc jr u.s u.k u.n u.s.a d.c a.m p.m etc bros assn ave blvd rd
    n.y l.a e.u""".split()
)
#: Capitalised words that typically start a sentence (used after ambiguous abbreviations).
_STARTERS = frozenset(
    """the a an he she it they we i this that these those but and or so yet in on at for
    after before when while if as there his her its their our my your some many most no
    not however meanwhile still also then now today yesterday earlier later what who why
    how one two three""".split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[.!?]+[\"'”’)\]]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*(\S+?)[,.;:!?\"”’]*(?:\s|$)")

_BYLINE = re.compile(
    r"^(?:by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}(?:\s*(?:,|and|&)\s*.*)?$"
    r"|(?:updated|published|posted|last updated|photo|image|credit|photograph|video"
    r"|illustration|file photo)\b\s*[:|,]?.*"
    r"|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*\|\s*(?:staff|reporter|editor|correspondent)"
    r")",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"\b(?:subscribe|sign up|newsletter|read more|all rights reserved|click here|"
    r"cookie|privacy policy|terms of (?:use|service)|follow us|share this|advertisement|"
    r"copyright|©|related:|recommended for you|log in|sign in|contact us|"
    r"this story has been (?:updated|corrected))\b",
    re.IGNORECASE,
)
_ATTRIBUTION_TAIL = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|asked|added|wrote|continued|explained|noted|"
    r"replied|told|recalled|tweeted)\b[^.!?]{0,60}[.!?]"
)
_MONTH_DAY = re.compile(r"^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$", re.I)


def _is_boundary(text: str, dot_end: int, punct: str, unit_end: int) -> bool:
    """Decide whether the punctuation run ending at ``dot_end`` ends a sentence."""
    start = dot_end - len(punct)
    m = _WORD_BEFORE.search(text, max(0, start - 30), start + 1)
    nxt = _NEXT_WORD.match(text, dot_end, unit_end)
    next_word = nxt.group(1) if nxt else ""
    if not next_word:
        return True
    first = next_word[0]
    if first.islower():
        return False
    if punct[-1] in "\"”’'" and _ATTRIBUTION_TAIL.match(text, dot_end, unit_end):
        return False  # “Is it over?” Trump said.
    if "." not in punct or punct.strip("\"'”’)]").endswith(("!", "?", "…")):
        return True
    if m is None:
        return True  # "in 2015. The", '."' ...
    word = m.group(1).lower()
    if word in ("no", "nos", "vol", "pp", "fig", "figs", "v"):
        return not first.isdigit()
    if len(word) == 1 and word.isalpha():
        # an initial ("John F. Kennedy"); a boundary only before a sentence starter
        return next_word.lower().strip("\"“") in _STARTERS and len(next_word) > 1
    if word in _NEVER_FINAL:
        return bool(_MONTH_DAY.match(word)) and next_word.lower() in _STARTERS
    if word in _MAYBE_FINAL or word.count(".") >= 1:
        return next_word.lower().strip("\"“'‘") in _STARTERS
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _classify(text: str, kind: str) -> str:
    if kind in ("heading", "list_item", "byline"):
        return kind
    if kind in ("boilerplate",):
        return kind
    stripped = text.strip()
    if len(stripped) < 200 and _BYLINE.match(stripped):
        return "byline"
    if len(stripped) < 200 and _BOILERPLATE.search(stripped):
        return "boilerplate"
    return "sentence"


def _split_unit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one line of one block) into trimmed sentence spans."""
    out: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.end(), m.group(0), end):
            s, e = _trim(text, cur, m.end())
            if e > s:
                out.append((s, e))
            cur = m.end()
    s, e = _trim(text, cur, end)
    if e > s:
        out.append((s, e))
    return out


def _merge_tiny(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Glue stray fragments (a lone closing quote or ')') to the previous sentence."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        frag = text[s:e]
        if merged and not any(ch.isalnum() for ch in frag):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if stop > pos:
            out.append((pos, stop))
        pos = stop + 1
    return out


def split_sentences(text: str, blocks: list[Block] | None = None) -> list[Sentence]:
    """Split ``text`` into sentences; offsets are code points into ``text``."""
    units: list[tuple[int, int, str]] = []
    if blocks:
        for b in sorted(blocks, key=lambda b: b.start):
            for s, e in _lines(text, max(0, b.start), min(len(text), b.end)):
                units.append((s, e, b.kind))
    else:
        units = [(s, e, "paragraph") for s, e in _lines(text, 0, len(text))]
    sentences: list[Sentence] = []
    for us, ue, kind in units:
        if kind in ("heading", "byline"):
            spans = [_trim(text, us, ue)]
            spans = [sp for sp in spans if sp[1] > sp[0]]
        else:
            spans = _merge_tiny(_split_unit(text, us, ue), text)
            if kind == "paragraph" and len(spans) == 1 and _looks_like_heading(text, *spans[0]):
                kind = "heading"
        for s, e in spans:
            sentences.append(Sentence(s, e, _classify(text[s:e], kind)))
    return sentences


_TERMINAL = ".!?:;\"”’)…"


def _looks_like_heading(text: str, start: int, end: int) -> bool:
    """A short line without final punctuation (a title or section heading)."""
    line = text[start:end]
    if line[-1] in _TERMINAL or len(line.split()) > 14:
        return False
    return not _BYLINE.match(line) and not _BOILERPLATE.search(line)
