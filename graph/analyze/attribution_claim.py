"""The claim's attribution: of all attributions in a sentence, the one the product stores
(a main-clause speech-verb attribution with a named source first)."""

from __future__ import annotations

from dataclasses import replace

from graph.analyze.attribution import find_attributions
from graph.analyze.lexicon import ATTITUDE_ADJ, CUE_FORMS, SPEECH_LEMMAS
from graph.model import Attribution, Sentence, Span

_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})


def find_attribution(text: str, sentence: Sentence) -> Attribution | None:
    """The main attribution of a sentence (a speech-verb one with a source first), or None.

    Attributions inside a subordinate clause ("... not $40 million as the city said") come
    after main-clause ones, and a stance adjective ("he wouldn't be worried") after both; a
    source-less passive of a non-speech verb ("A decision is expected") is a hedge or
    an event, not an attribution of the claim. Its source span is the speaker's name
    (``source_text``), not PolNeAR's mention ("who", "X, who was ...") that
    :func:`find_attributions` marks.
    """
    atts = [_named(text, a, sentence.start) for a in find_attributions(text, sentence)
            if not _hedge_passive(text, a)]
    if not atts:
        return None
    # stable: verb attributions before stance adjectives, main-clause ones first
    atts.sort(key=lambda a: (_adjective(a), _subordinate_text(text, a, sentence.start)))
    for att in atts:
        if _subordinate_text(text, att, sentence.start):
            break
        if att.source is not None and att.cue_text and not att.cue_text.endswith("ing") and any(
            w in SPEECH_LEMMAS for w in _lemmas(att.cue_text)
        ):
            return att
    for att in atts:
        if att.source is not None:
            return att
    return atts[0]


def _adjective(att: Attribution) -> bool:
    """ "were hopeful", "is confident": a stance, weaker than any verb of saying."""
    return bool(att.cue_text) and att.cue_text.split()[-1].lower() in ATTITUDE_ADJ


def _named(text: str, att: Attribution, start: int) -> Attribution:
    """The attribution with its source span narrowed from the mention to the name."""
    name = att.source_text
    if att.source is not None and not name:
        return replace(att, source=None)  # a bare "who" whose antecedent is no clear name
    if att.source is None or text[att.source.start : att.source.end] == name:
        return att
    i = text.find(name, att.source.start, att.source.end)
    if i < 0:  # a relative "who": the antecedent before it
        i = text.rfind(name, start, att.source.start)
    if i < 0:
        return att
    return replace(att, source=Span(i, i + len(name)))


def _lemmas(cue_text: str) -> list[str]:
    return [CUE_FORMS.get(w.lower(), w.lower()) for w in cue_text.split()]


def _hedge_passive(text: str, att: Attribution) -> bool:
    """ "A decision is expected" (a hedge) / "more than the council was told" (a comparison)."""
    if att.source is not None or not att.cue_text or " " not in att.cue_text:
        return False
    words = att.cue_text.lower().split()
    if words[-2] not in _BE and words[-2] != "been":
        return False
    if CUE_FORMS.get(words[-1]) not in SPEECH_LEMMAS:
        return True
    before = text[max(0, att.cue.start - 40) : att.cue.start].lower().split()
    return any(w in ("than", "as") for w in before[-4:])


def _subordinate_text(text: str, att: Attribution, start: int) -> bool:
    if att.source is None or att.source.start <= start:
        return False
    before = text[max(start, att.source.start - 6) : att.source.start].lower().split()
    return bool(before) and before[-1] in ("as", "than", "what")
