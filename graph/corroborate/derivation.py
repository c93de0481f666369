"""Article-level derivation evidence: links, named source outlets, copied text, primary sources.

Pure helpers; the index stores their output and looks it up both ways.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from graph.corroborate import text as tx
from graph.model import Article

MIN_PARAGRAPH_WORDS = 12
MIN_COPIED_WORDS = 30  # copied paragraphs must add up to this many words
COPY_THRESHOLD = 0.6  # estimated Jaccard of 4-word shingles for a copied paragraph

_NAME = r"((?:[A-Z][\w&'’.-]*)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|de|du|la))*)"
_THE = r"(?:the\s+)?"
_NOT_A_DATE = (r"(?!(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")
CITATION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:[Aa]s\s+)?(?:first\s+)?reported\s+(?:first\s+)?(?:by|in)\s+" + _THE + _NAME,
        r"\btold\s+" + _THE + _NAME,
        r"\b(?:[Tt]he\s+)?" + _NAME + r"\s+(?:first\s+|originally\s+|previously\s+)?reported\b",
        r"\b(?:first|originally)\s+(?:published|reported|appeared)\s+(?:by|in|on)\s+"
        + _THE
        + _NAME,
        r"\b[Aa]ccording\s+to\s+(?:a\s+(?:report|story|article)\s+(?:by|in|from)\s+)?"
        + _THE
        + _NAME,
        r"\b(?:[Vv]ia|[Ss]ource:|[Cc]ourtesy\s+of|[Cc]ited\s+by)\s+" + _THE + _NAME,
        r"\b(?:report|reporting|story)\s+(?:by|from|in)\s+" + _THE + _NAME,
        r"\b(?:[Tt]he\s+)?" + _NAME + r"\s+(?:was\s+)?first\s+to\s+report\b",
        # "who noted in The Span Letter", "wrote in her newsletter, The Span Letter"
        r"\b(?:wrote|noted|argued|warned|observed|explained|reported)\s+in\s+"
        r"(?:(?:her|his|their|its|a|an)\s+)?(?:(?:newsletter|column|blog|op-ed|editorial|"
        r"post|piece)\s*,?\s+)?" + _THE + _NOT_A_DATE + _NAME,
    )
)

_INSTITUTIONAL = frozenset(
    "press office newsroom news media relations communications official government council "
    "investor investors ir blog statement statements room hq".split()
)
#: words that, after an owner's name, name one of its bodies ("Port Calder City Council")
_BODIES = frozenset(
    "city town county council councils mayor mayor's office offices department police board "
    "agency authority commission government administration hall".split()
)
_GENERIC_LABELS = frozenset(
    "www com org net gov edu example co uk io info news press newsroom media blog m amp".split()
)


def compact(name: str) -> str:
    """``The Harbor Times`` -> ``harbortimes``: the key outlet names are matched on."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"^the\s+", "", ascii_name.strip())
    ascii_name = re.sub(r"['’]s$", "", ascii_name)
    return re.sub(r"[^a-z0-9]+", "", ascii_name)


def normalize_url(url: str) -> str:
    """Host (no ``www.``) + path (no trailing slash) + non-tracking query; no scheme/fragment."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip().lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or ""
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query) if not k.lower().startswith(("utm_", "fbclid"))]
    )
    if not host and parts.scheme == "file":
        return "file:" + path
    return host + path + (("?" + query) if query else "")


def domain_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def outlet_keys(outlet: str, domain: str) -> set[str]:
    """Keys under which an article's outlet can be cited: compact name and main domain label."""
    keys = {compact(outlet)} if outlet.strip() else set()
    labels = [lab for lab in domain.lower().split(".") if lab and lab not in _GENERIC_LABELS]
    keys.update(lab.replace("-", "") for lab in labels if len(lab) >= 4)
    return {k for k in keys if len(k) >= 3}


@dataclass(frozen=True, slots=True)
class CitedOutlet:
    key: str  # compact name
    name: str  # as written
    phrase: str  # the sentence fragment that names it


def cited_outlets(text: str) -> list[CitedOutlet]:
    """Outlets the text names as its source ("as first reported by the Harbor Times")."""
    found: dict[str, CitedOutlet] = {}
    for rx in CITATION_PATTERNS:
        for m in rx.finditer(text):
            name = m.group(1).strip(" .,'’")
            key = compact(name)
            if len(key) >= 3 and key not in found:
                phrase = " ".join(m.group(0).split())
                found[key] = CitedOutlet(key=key, name=name, phrase=phrase)
    return list(found.values())


def paragraphs(article: Article) -> list[str]:
    """Body paragraphs long enough to be evidence of copying."""
    if article.blocks:
        spans = [
            article.text[b.start : b.end]
            for b in article.blocks
            if b.kind in ("paragraph", "quote", "list_item")
        ]
    else:
        spans = article.text.split("\n")
    return [p for p in (s.strip() for s in spans) if len(tx.words(p)) >= MIN_PARAGRAPH_WORDS]


def primary_entity(outlet: str, domain: str, entity_names: dict[str, str]) -> str | None:
    """The entity key whose own publication this outlet is, if any.

    ``Port Calder Press Office`` / ``press.portcalder.example`` is primary for "Port Calder";
    ``newsroom.meridianworks.example`` for "Meridian Works". ``Harbor Times`` is not primary
    for "Harbor": the words after the entity name must be institutional ("press office").
    A body of the owner is the owner's too: the city's press office is primary for the
    "Port Calder City Council" (the owner's name, then only words like "city council").
    """
    outlet_words = tx.words(outlet)
    labels = {lab.replace("-", "") for lab in domain.lower().split(".")}
    for key, name in entity_names.items():
        name_words = tx.words(name)
        if name_words and name_words[0] == "the":
            name_words = name_words[1:]
        for cut in range(len(name_words), 0, -1):
            if cut < len(name_words) and not all(w in _BODIES for w in name_words[cut:]):
                break
            if _owns(outlet_words, labels, name_words[:cut]):
                return key
    return None


def _owns(outlet_words: list[str], labels: set[str], name_words: list[str]) -> bool:
    """Is the outlet (its words, its domain labels) the publication of the named owner?"""
    compact = "".join(name_words)
    if len(compact) < 4:
        return False
    if compact in labels:
        return True
    n = len(name_words)
    if outlet_words[:n] == name_words and all(w in _INSTITUTIONAL for w in outlet_words[n:]):
        return True
    return any(outlet_words[:len(city_of)] == city_of
               and outlet_words[len(city_of):len(city_of) + n] == name_words
               for city_of in (["city", "of"], ["town", "of"], ["office", "of"]))
