"""Is a sentence a claim: declarative and checkable."""

from __future__ import annotations

import re

from graph.model import Sentence

_CALL_TO_ACTION = re.compile(
    r"^(?:please\s+)?(?:click|subscribe|sign up|follow|share|read|watch|listen|join|"
    r"download|register|donate|contact|email|call us|visit|learn more|see also|tap|log in)\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:\(?(?:photo|image|picture|video|file|credit|getty|ap photo|reuters)\b[^.]*\)?$"
    r"|.*\((?:photo|image|credit)[^)]*\)$)",
    re.IGNORECASE,
)
#: notes about the page rather than the story: "Originally published on ...", "Editor's note:
#: this story was updated ...", an embedded post's footer ("— Name (@handle) May 3")
_PAGE_NOTE = re.compile(
    r"^(?:(?:originally\s+)?(?:published|posted|appeared)\s+(?:on|in|at|by|first)\b"
    r"|editor['’]?s\s+note\b|(?:correction|clarification|update|updated)\s*:"
    r"|this\s+(?:story|article|report|post)\s+(?:was|has\s+been)\s+(?:updated|corrected)\b"
    r"|[—–-]\s*[^()]{1,60}\(@\w+\))"
    r"|.{0,80}\bcontributed\s+(?:reporting|research|to\s+this\s+(?:report|story))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*$")

MIN_WORDS = 4


def is_claim(text: str, sentence: Sentence) -> bool:
    """True for a declarative, checkable sentence (not a heading, question, byline...)."""
    if sentence.kind != "sentence":
        return False
    s = text[sentence.start : sentence.end].strip()
    words = _WORD.findall(s)
    if len(words) < MIN_WORDS:
        return False
    if _QUESTION_END.search(s):
        return False
    if _CALL_TO_ACTION.match(s) or _CAPTION.match(s) or _PAGE_NOTE.match(s):
        return False
    if not any(ch in s[-3:] for ch in ".!\"”’)'") and len(words) < 8:
        return False  # a fragment or heading-like line without final punctuation
    return True
