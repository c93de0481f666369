"""Tiny tokenizer and word-form helpers shared by the analyzer modules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S. / D.C.
    r"|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: "Robert P. Casey"
    r"|\$?\d+(?:,\d{3})*(?:\.\d+)?%?"  # "12,000", "$4.5", but not the comma in "2024, said"
    r"|[^\W\d_]+(?=n['’]t\b)|n['’]t\b"  # "do|n't"
    r"|[^\W\d_]+(?=['’](?:re|ve|ll|d|m|s)\b)|['’](?:re|ve|ll|d|m)\b"  # "they|'re"
    r"|[^\W\d_](?:[\w]|[-'’&](?=\w))*"
    r"|[’']s\b"
    r"|\S"
)


@dataclass(frozen=True, slots=True)
class Tok:
    """A token; ``low`` (lower case, straight apostrophe) and ``is_cap`` are read so often by the
    rules that they are computed once, here."""

    start: int
    end: int
    text: str
    low: str = field(init=False)
    is_cap: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", self.text.lower().replace("’", "'"))
        object.__setattr__(self, "is_cap", self.text[:1].isupper())

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or self.text[:1] == "$"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    if end is None:
        end = len(text)
    return [Tok(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)]


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "know": ("knew", "known"),
    "see": ("saw", "seen"),
    "find": ("found",),
    "read": (),
    "feel": ("felt",),
    "hold": ("held",),
    "speak": ("spoke", "spoken"),
    "hear": ("heard",),
    "understand": ("understood",),
    "swear": ("swore", "sworn"),
    "forecast": (),
    "foresee": ("foresaw", "foreseen"),
    "give": ("gave", "given"),
    "make": ("made",),
    "put": (),
    "teach": ("taught",),
    "mean": ("meant",),
    "begin": ("began", "begun"),
    "lead": ("led",),
    "bet": (),
    "seek": ("sought",),
    "fight": ("fought",),
    "bring": ("brought",),
    "buy": ("bought",),
}


def inflect(lemma: str) -> set[str]:
    """Rough English verb forms of ``lemma`` (base, 3sg, past, -ing)."""
    forms = {lemma}
    forms.update(_IRREGULAR.get(lemma, ()))
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma not in _IRREGULAR:
        if lemma.endswith("e"):
            forms.add(lemma + "d")
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.add(lemma[:-1] + "ied")
        elif _doubles(lemma):
            forms.add(lemma + lemma[-1] + "ed")
        else:
            forms.add(lemma + "ed")
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        forms.add(lemma[:-1] + "ing")
    elif _doubles(lemma):
        forms.add(lemma + lemma[-1] + "ing")
    else:
        forms.add(lemma + "ing")
    return forms


_DOUBLING = frozenset(
    "admit commit regret refer prefer permit submit omit plan stop quip bet chat occur "
    "concur rebut abet".split()
)


def _doubles(lemma: str) -> bool:
    return lemma in _DOUBLING


def forms_table(lemmas: list[str] | set[str]) -> dict[str, str]:
    """Map every inflected form to its lemma."""
    table: dict[str, str] = {}
    for lemma in lemmas:
        for form in inflect(lemma):
            table.setdefault(form, lemma)
    return table
