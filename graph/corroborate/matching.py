"""Claim-to-claim matching: same content, dispute, or unrelated.

Compares the *content* span of two claims (not the attribution frame) with lexical
similarity (IDF-weighted cosine over stemmed tokens), shared entities, normalised
quantities (money, percentages, dates, numbers) and polarity (negation / denial cues).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from graph.corroborate import text as tx

IdfFn = Callable[[str], float]
MIN_OVERLAP = 0.3  # below this share of shared words, no IDF weighting can reach a threshold

DENIAL_CUES: frozenset[str] = frozenset(
    "denied denies deny denying rejected rejects refuted refutes disputed disputes dismissed "
    "dismisses contradicted contradicts debunked corrected".split()
)
_DENIAL_RE = re.compile(
    r"\b(?:denied|denies|refuted|refutes|rejected claims?|dismissed claims?|is false|was false|"
    r"are false|not true|untrue|incorrect|inaccurate|no evidence that|never happened)\b",
    re.I,
)


FUTURE_CUES: frozenset[str] = frozenset({"will", "shall", "'ll", "won't", "is to", "are to"})
MIN_CONTENT_WORDS = 3  # a shorter content span is matched on the whole sentence instead


def firm(f: ClaimFeatures) -> bool:
    """Can this claim confirm or dispute another? Not when hedged; a bare future tense
    ("will recall starting April 4") is an announcement, not a hedge, for this purpose."""
    return not f.speculative or all(h.lower().strip() in FUTURE_CUES for h in f.hedges)


class MatchKind(StrEnum):
    SAME = "same"
    DISPUTE = "dispute"


@dataclass(slots=True)
class ClaimFeatures:
    """What matching needs to know about one claim (or a review's reviewed text)."""

    iri: str
    text: str  # content span text
    article_url: str = ""
    outlet: str = ""
    domain: str = ""
    published: date | None = None
    full_text: str = ""  # whole claim sentence (for denial cues outside the content span)
    tokens: tuple[str, ...] = ()
    quantities: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    negated: bool = False
    denial: bool = False
    speculative: bool = False
    sourced: bool = False
    analyzed: bool = True
    source_text: str | None = None
    cue_text: str | None = None
    hedges: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def polarity(self) -> bool:
        """True for an affirmative statement, False for a negated or denied one."""
        return not (self.negated ^ self.denial)


def is_denial(cue_text: str | None, full_text: str, content_text: str) -> bool:
    """A denial frame around the content: cue 'denied', or 'is false' outside the content."""
    if cue_text and any(w in DENIAL_CUES for w in tx.words(cue_text)):
        return True
    frame = full_text.replace(content_text, " ") if content_text else full_text
    return bool(_DENIAL_RE.search(frame))


def make_features(
    iri: str,
    content: str,
    *,
    full_text: str = "",
    entities: Iterable[str] = (),
    negated: bool | None = None,
    cue_text: str | None = None,
    content_tokens: Iterable[str] | None = None,
    **kwargs: object,
) -> ClaimFeatures:
    """Build features from the content text; ``negated`` defaults to a negation-word test.
    ``content_tokens``: ``text.tokens(content)`` when the caller has them already."""
    full = full_text or content
    neg = tx.has_negation(content) if negated is None else negated
    return ClaimFeatures(
        iri=iri,
        text=content,
        full_text=full,
        tokens=tuple(tx.tokens(content) if content_tokens is None else content_tokens),
        quantities=frozenset(tx.quantities(content)),
        entities=frozenset(entities),
        negated=neg,
        denial=is_denial(cue_text, full, content),
        cue_text=cue_text,
        **kwargs,  # type: ignore[arg-type]
    )


def cosine(a: Iterable[str], b: Iterable[str], idf: IdfFn | None = None) -> float:
    """IDF-weighted cosine between two token bags (plain cosine without ``idf``)."""
    ca, cb = Counter(a), Counter(b)
    if not ca or not cb or not (ca.keys() & cb.keys()):
        return 0.0
    w = {t: (idf(t) if idf else 1.0) for t in ca.keys() | cb.keys()}
    dot = sum(ca[t] * cb[t] * w[t] ** 2 for t in ca.keys() & cb.keys())
    na = math.sqrt(sum((c * w[t]) ** 2 for t, c in ca.items()))
    nb = math.sqrt(sum((c * w[t]) ** 2 for t, c in cb.items()))
    return dot / (na * nb) if na and nb else 0.0


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of the smaller token set found in the other (a cheap pre-filter)."""
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def _words_only(toks: Iterable[str]) -> list[str]:
    return [t for t in toks if not t[0].isdigit()]


WordView = tuple[tuple[str, ...], frozenset[str], Counter[str], int]


@functools.lru_cache(maxsize=20_000)  # ~1 KB an entry; see store.MAX_KEPT_ROWS
def _word_view(toks: tuple[str, ...]) -> WordView:
    """``_words_only``, its set, its counts and their sum of squares, cached: a stored claim is
    compared against many others."""
    words = tuple(_words_only(toks))
    counts = Counter(words)
    return words, frozenset(words), counts, sum(c * c for c in counts.values())


def _plain_cosine(a: WordView, b: WordView) -> float:
    """``cosine(a[0], b[0])`` without IDF, from cached counts: every product and sum is a whole
    number (exact in a float too), so the result is the same to the last bit."""
    ca, cb = a[2], b[2]
    if not ca or not cb:
        return 0.0
    shared = a[1] & b[1]
    if not shared:
        return 0.0
    dot = sum(ca[t] * cb[t] for t in shared)
    na, nb = math.sqrt(a[3]), math.sqrt(b[3])
    return dot / (na * nb) if na and nb else 0.0


def shares_enough(sa: frozenset[str], sb: frozenset[str]) -> bool:
    """The first test of ``compare`` on word sets (see ``word_set``): without it, no match."""
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= MIN_OVERLAP


def word_set(toks: Iterable[str]) -> frozenset[str]:
    return _word_view(tuple(toks))[1]


@dataclass(frozen=True, slots=True)
class Match:
    kind: MatchKind
    similarity: float
    reason: str


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds on the word-only IDF cosine (tuned on the fixture corpus)."""

    same: float = 0.60
    same_with_evidence: float = 0.45  # with a shared figure or two shared entities
    dispute_topic: float = 0.45  # same topic, incompatible details
    actor_dispute: float = 0.70


DEFAULT_THRESHOLDS = Thresholds()


def _describe(values: set[str]) -> str:
    return "/".join(sorted(values))


def _as_written(f: ClaimFeatures, kind: str, values: set[str]) -> str:
    """Figures of one kind as the claim's text writes them ("$40 million", not "4e+07")."""
    spans = tx.quantity_spans(f.text)

    def written(value: str) -> str:
        if value.startswith("not "):
            return "not " + written(value[4:])
        key = f"{kind}:{value}"
        return spans.get(key) or spans.get("!" + key) or value

    return "/".join(sorted({written(v) for v in values}))


_MODEL_ID = re.compile(r"^(?=.*[a-z])(?=.*\d)[a-z0-9-]+$")


def _model_ids(tokens: Iterable[str]) -> set[str]:
    """Product / model identifiers such as ``x2``, ``a320``, ``f-150``."""
    return {t for t in tokens if _MODEL_ID.match(t)}


#: Share of the smaller claim's words outside entity names that the other claim must share
#: for "same content": entity names alone make a topic, not a statement.
MIN_PREDICATE_OVERLAP = 0.34
#: ... and at least this many of those words: "its 16-inch MacBook Pro" states nothing.
MIN_SHARED_PREDICATE_WORDS = 2
#: Word tokens two claims must share to match at all (same or dispute).
MIN_SHARED_WORDS = 3
_SPECIFIC_FIGURE = ("money:", "pct:", "date:", "year:")
#: Retrieval tokens that say nothing of what a claim states (modals, reporting verbs).
_FUNCTION_WORDS = frozenset(
    "will would could can may might must shall should also said say says told tell".split())


@functools.lru_cache(maxsize=20_000)
def _entity_words(entities: frozenset[str]) -> frozenset[str]:
    return frozenset(tx.stem(part) for key in entities for part in key.split("-"))


def _same_predicate(a: ClaimFeatures, b: ClaimFeatures, sa: frozenset[str],
                    sb: frozenset[str], shared_quantities: frozenset[str]) -> bool:
    """Do the two claims share what they say, beyond whom and where it is about? A shared
    amount, percentage, date or year counts as that."""
    if any(q.startswith(_SPECIFIC_FIGURE) for q in shared_quantities):
        return True
    names = _entity_words(a.entities | b.entities) | _FUNCTION_WORDS
    pa, pb = sa - names, sb - names
    shared = pa & pb
    return (len(shared) >= MIN_SHARED_PREDICATE_WORDS
            and len(shared) / min(len(pa), len(pb)) >= MIN_PREDICATE_OVERLAP)


def _figures_disagree(a: ClaimFeatures, b: ClaimFeatures, conflicts: list, sim: float,
                      th: Thresholds, sa: frozenset[str], sb: frozenset[str]) -> bool:
    """Different figures for the same statement about the same subject: a shared entity,
    the same predicate words, and for bare numbers (no unit: "12-inch" vs "16-inch" of two
    laptops) the similarity of a same-content match."""
    if not a.entities & b.entities or not _same_predicate(a, b, sa, sb, frozenset()):
        return False
    bare = all(kind == "num" for kind, _, _ in conflicts)
    return sim >= (th.same if bare else th.dispute_topic)


def _names_differ(a: ClaimFeatures, b: ClaimFeatures, sa: frozenset[str],
                  sb: frozenset[str]) -> bool:
    """Each claim names someone, in its own words, that the other does not mention at all. The
    same quote in two articles can be given different entity keys by each article's resolution
    ("New York" as new-york-city); that is not two actors."""
    only_a = (_entity_words(a.entities - b.entities) & sa) - sb
    only_b = (_entity_words(b.entities - a.entities) & sb) - sa
    return bool(only_a) and bool(only_b)


_NO_COMMENT = re.compile(
    r"\b(?:(?:declined|refused|did ?n[o']t (?:immediately )?respond|not immediately respond|"
    r"could ?n[o']t be reached|was not available|were not available) (?:to )?(?:for )?"
    r"(?:a )?(?:request for )?comment|had no (?:immediate |further )?comment|no comment)\b",
    re.I)


def _no_comment(f: ClaimFeatures) -> bool:
    """ "X declined to comment", "had no comment": a refusal states nothing to confirm or
    dispute (its negation would otherwise read as a denial of the story). Read in the claim's
    content, so a report that ends "..., but declined to comment on the cause" still counts."""
    return bool(_NO_COMMENT.search(f.text))


#: Two claims this alike in words and length state the same thing, one of them negated.
NEGATED_PAIR_OVERLAP = 0.6
NEGATED_PAIR_LENGTHS = 0.5


def _negation_words(text: str) -> frozenset[str]:
    return frozenset(w for w in tx.words(text) if w in tx.NEGATION_WORDS or w.endswith("n't"))


def _one_negated(a: ClaimFeatures, b: ClaimFeatures, va: WordView, vb: WordView) -> bool:
    """Is the polarity difference about the shared statement? Not when the sentences are the
    same words (the content spans were cut differently: a quote in two articles), and not when
    a long sentence negates something else than the short claim it shares words with."""
    if not (a.denial or b.denial) and _negation_words(a.text) == _negation_words(b.text):
        return False  # the same "not" in both: the analyses differ, not the statements
    full_a, full_b = set(tx.tokens(a.full_text)), set(tx.tokens(b.full_text))
    if full_a and full_b and len(full_a & full_b) / len(full_a | full_b) >= 0.9:
        return False
    (sa, sb), (na, nb) = (va[1], vb[1]), (len(va[1]), len(vb[1]))
    return (min(na, nb) / max(na, nb) >= NEGATED_PAIR_LENGTHS
            and len(sa & sb) / min(na, nb) >= NEGATED_PAIR_OVERLAP)


def compare(
    a: ClaimFeatures,
    b: ClaimFeatures,
    idf: IdfFn | None = None,
    th: Thresholds = DEFAULT_THRESHOLDS,
) -> Match | None:
    """Do ``a`` and ``b`` state the same content, incompatible content, or neither?"""
    va, vb = _word_view(tuple(a.tokens)), _word_view(tuple(b.tokens))
    (wa, sa), (wb, sb) = va[:2], vb[:2]
    if not sa or not sb or len(sa & sb) / min(len(sa), len(sb)) < MIN_OVERLAP:  # = overlap()
        return None
    sim = _plain_cosine(va, vb) if idf is None else cosine(wa, wb, idf)
    shared_entities = a.entities & b.entities
    shared_quantities = a.quantities & b.quantities
    # a shared figure is evidence; a single shared entity is not (one story names it everywhere),
    # nor is a bare number ("16" of every "16-inch laptop" in a review)
    evidence = any(q.startswith(_SPECIFIC_FIGURE) for q in shared_quantities) or (
        len(shared_entities) >= 2
    )
    if sim < th.dispute_topic and not (evidence and sim >= th.same_with_evidence):
        return None
    models_a, models_b = _model_ids(wa), _model_ids(wb)
    if models_a and models_b and not models_a & models_b:
        return None  # "Rover X2" vs "Rover X3": different things, not different figures
    if len(sa & sb) < MIN_SHARED_WORDS or _no_comment(a) or _no_comment(b):
        return None  # "And we are one of those." / "The office had no comment."
    conflicts = tx.quantity_conflicts(a.quantities, b.quantities)
    same_statement = (sim >= th.same or (evidence and sim >= th.same_with_evidence)) and (
        _same_predicate(a, b, va[1], vb[1], shared_quantities))
    if a.polarity != b.polarity and same_statement and not conflicts and _one_negated(a, b, va, vb):
        who = a if not a.polarity else b
        how = f"denial cue '{who.cue_text}'" if who.denial and who.cue_text else "negation"
        return Match(MatchKind.DISPUTE, sim, f"same content, opposite polarity ({how})")
    if conflicts and _figures_disagree(a, b, conflicts, sim, th, va[1], vb[1]):
        kind, va, vb = conflicts[0]
        label = {"money": "amount", "pct": "percentage", "year": "year", "date": "date"}.get(
            kind, "number"
        )
        stated_a, stated_b = _as_written(a, kind, va), _as_written(b, kind, vb)
        return Match(MatchKind.DISPUTE, sim, f"different {label}: {stated_a} vs {stated_b}")
    if (
        a.entities
        and b.entities
        and not shared_entities
        and sim >= th.actor_dispute
        and not conflicts
        and _names_differ(a, b, sa, sb)
    ):
        return Match(
            MatchKind.DISPUTE,
            sim,
            f"different actor: {_describe(set(a.entities))} vs {_describe(set(b.entities))}",
        )
    if conflicts:
        return None
    if sim >= th.same or (evidence and sim >= th.same_with_evidence):
        if not _same_predicate(a, b, va[1], vb[1], shared_quantities):
            return None  # the same people and places, saying something else
        detail = []
        if shared_entities:
            detail.append("entities " + ", ".join(sorted(shared_entities)))
        if shared_quantities:
            detail.append("figures " + ", ".join(sorted(shared_quantities)))
        extra = f"; shared {'; '.join(detail)}" if detail else ""
        return Match(MatchKind.SAME, sim, f"same content (similarity {sim:.2f}{extra})")
    return None
