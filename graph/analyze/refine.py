"""A proposed claim read on its unit's parse: keep what the syntax supports.

The surface rules propose an attribution, hedges and negations per sentence; here the parse
decides (graph/analyze/syntax.py): a cue must be a predicate with content whose subject can
speak, in the main clause; a hedge or negator counts only in the main clause; "would" under a
past-tense cue is backshift; advice to the reader is no claim; a quotation in a sentence whose
subject is a person is that person's ("she committed to building \\"the fastest phones\\"").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.analyze.doc import Unit
from graph.analyze.speakers import QUOTE_CHARS
from graph.analyze.syntax import (
    can_speak,
    carries_content,
    hedges_main_clause,
    in_subordinate_clause,
    is_advice,
    is_backshift,
    is_evidential,
    is_hedge_sense,
    is_modifier_participle,
    negates_main_clause,
    passive_agent,
    root_of,
    subject_of,
)
from graph.analyze.syntax_lexicon import (
    FORECAST_CUES,
    OBLIGATION_MODALS,
    SPEAKING_PRONOUNS,
    TENTATIVE_EVIDENTIAL,
)
from graph.model import Attribution, Claim, Cue, Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: attribution kinds whose cue is no verb of the sentence ("according to", a sign-off dash)
NON_VERBAL_KINDS = frozenset({"according_to", "quote", "continuation"})


def needs_parse(text: str, claim: Claim) -> bool:
    """Only units that can carry an attribution, a hedge, a negation, a quotation or advice."""
    if claim.attribution is not None or claim.hedges or claim.negations:
        return True
    unit = text[claim.start:claim.end]
    if any(ch in unit for ch in QUOTE_CHARS):
        return True
    words = {w.strip(",.;:!?").lower() for w in unit.split()}
    return bool(words & (OBLIGATION_MODALS | {"you", "your"}))


def entity_kinds(unit: Unit, claim: Claim, entities: dict[str, Entity]) -> dict[int, str]:
    kinds: dict[int, str] = {}
    for mention in claim.mentions:
        entity = entities.get(mention.entity_key)
        if entity is None:
            continue
        for token in unit.tokens_in(mention.span):
            kinds[token.i] = entity.type
    return kinds


def cue_token(unit: Unit, attribution: Attribution) -> Token | None:
    if attribution.cue is None:
        return None
    tokens = [t for t in unit.tokens_in(attribution.cue) if t.pos_ in ("VERB", "AUX")]
    if tokens:
        return next((t for t in tokens if t.pos_ == "VERB"), tokens[0])
    return unit.head_of(attribution.cue)


def source_head(unit: Unit, attribution: Attribution) -> Token | None:
    return unit.head_of(attribution.source) if attribution.source is not None else None


def is_attribution(unit: Unit, attribution: Attribution) -> bool:
    """An attribution at all, wherever it stands: its cue is a predicate, not a participle that
    modifies a noun ("a phone named Nova"), and its source is the speaker the parse names (the
    agent of a passive, not the noun the passive modifies)."""
    if attribution.kind in NON_VERBAL_KINDS or attribution.cue is None:
        return True
    cue = cue_token(unit, attribution)
    if cue is None:
        return True
    if is_modifier_participle(cue):
        return False
    agent = passive_agent(cue)
    return agent is None or attribution.source is None or attribution.source.overlaps(
        unit.span_of(agent, agent))  # "the strategy, articulated by X": X speaks


def sources_claim(unit: Unit, attribution: Attribution, kinds: dict[int, str]) -> bool:
    """The claim is what a speaker said: the source can speak (an event or object with an
    evidential verb is evidence, not a source: "the launch suggests ..."), the cue reports
    content ("testified before the committee" reports none), and it is not inside a relative
    or adverbial clause (there it covers that clause, not the claim)."""
    cue = cue_token(unit, attribution) if attribution.kind not in NON_VERBAL_KINDS else None
    if cue is None:
        return True
    head = source_head(unit, attribution)
    if head is not None and is_evidential(cue) and not can_speak(head, kinds):
        return False
    if not carries_content(cue):
        return False
    return not in_subordinate_clause(cue) or attribution.kind == "relative"


def cue_hedge(unit: Unit, cue: Token) -> Cue:
    return Cue(unit.span_of(cue, cue), cue.text, "hedge")


def with_hedge(hedges: list[Cue], hedge: Cue) -> list[Cue]:
    """``hedges`` with ``hedge`` added unless a hedge already covers its words."""
    return hedges if any(h.span.overlaps(hedge.span) for h in hedges) else [*hedges, hedge]


def tentative_cue(unit: Unit, attribution: Attribution) -> Cue | None:
    """ "X expects ...", "the launch suggests ...": the cue itself makes the claim speculative."""
    cue = cue_token(unit, attribution)
    if cue is None:
        return None
    lemma = cue.lemma_.lower()
    return cue_hedge(unit, cue) if lemma in FORECAST_CUES | TENTATIVE_EVIDENTIAL else None


def subject_attribution(text: str, unit: Unit, kinds: dict[int, str]) -> Attribution | None:
    """A sentence the rules left unattributed whose main subject is a speaker: a quotation in it
    is that speaker's ("she committed to building \"the fastest phones\""), and so is an
    expectation or plan ("Vantor expects sales to double")."""
    root = root_of(list(unit.parse)) if unit.parse is not None else None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    quoted = sum(t.text in QUOTE_CHARS for t in unit.parse) >= 2
    forecast = root.lemma_.lower() in FORECAST_CUES and any(
        c.dep_ in ("xcomp", "ccomp", "obj", "advcl") for c in root.children)
    if not (quoted or forecast):
        return None
    subject = subject_of(root)
    if subject is None or subject.lower_ in ("it", "this", "that") or subject.dep_ != "nsubj":
        return None
    speaker_like = kinds.get(subject.i) in ("person", "organization") or (
        subject.lower_ in SPEAKING_PRONOUNS)
    if not (speaker_like or (forecast and can_speak(subject, kinds))):
        return None
    words = [t for t in subject.subtree if t.dep_ not in ("punct", "appos", "acl:relcl")]
    source = unit.span_of(min(words, key=lambda t: t.i), max(words, key=lambda t: t.i))
    cue = unit.span_of(root, root)
    content = Span(unit.start, unit.sentence.end)
    return Attribution(content, source, cue, text[source.start:source.end], root.text,
                       "quote" if quoted else "verb")


def main_clause_hedges(unit: Unit, hedges: list[Cue], cue: Token | None = None) -> list[Cue]:
    """The hedges that qualify the unit's main clause; "would" under a past cue is backshift."""
    kept = []
    for hedge in hedges:
        head = unit.head_of(hedge.span)
        if head is None or (hedges_main_clause(head) and is_hedge_sense(head)
                            and not (cue is not None and is_backshift(head, cue))):
            kept.append(hedge)
    return kept



def main_clause_negations(unit: Unit, negations: list[Cue]) -> list[Cue]:
    return [n for n in negations
            if (head := unit.head_of(n.span)) is None or negates_main_clause(head)]


def refine_claim(text: str, unit: Unit, claim: Claim, entities: dict[str, Entity]) -> bool:
    """Refine ``claim`` in place from its unit's parse; False when it is no claim at all."""
    root = root_of(list(unit.parse))
    if root is not None and is_advice(root) and not any(ch in claim.text for ch in QUOTE_CHARS):
        return False
    kinds = entity_kinds(unit, claim, entities)
    attribution = claim.attribution
    if attribution is not None and not (is_attribution(unit, attribution)
                                        and sources_claim(unit, attribution, kinds)):
        cue = cue_token(unit, attribution)
        if cue is not None and cue.lemma_.lower() in TENTATIVE_EVIDENTIAL:
            claim.hedges = with_hedge(claim.hedges, cue_hedge(unit, cue))  # "the launch suggests"
        claim.attribution = attribution = None
        claim.content = Span(claim.start, claim.end)
    if attribution is None:
        attribution = subject_attribution(text, unit, kinds)
        claim.attribution = attribution
    cue = cue_token(unit, attribution) if attribution is not None else None
    if cue is not None and attribution.kind not in NON_VERBAL_KINDS:
        attribution.cue = unit.span_of(cue, cue)  # the verb, without auxiliaries and adverbs
        attribution.cue_text = cue.text
    hedges = main_clause_hedges(unit, claim.hedges, cue)
    if attribution is not None and attribution.kind not in NON_VERBAL_KINDS:
        tentative = tentative_cue(unit, attribution)
        if tentative is not None:
            hedges = with_hedge(hedges, tentative)
    claim.hedges = sorted(hedges, key=lambda h: h.span.start)
    claim.negations = main_clause_negations(unit, claim.negations)
    return True
