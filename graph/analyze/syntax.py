"""Judgements read from a unit's dependency parse (UD labels, as the EWT-trained model gives).

Each function takes parsed tokens and answers one question the surface rules cannot: is this
cue word a predicate with content or a modifier ("a phone named Nova"), is this token in the
unit's main clause or inside a relative / adverbial clause, can this subject speak, is this
modal a backshift under a past-tense cue, is this unit advice to the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.analyze.attribution_stance import HUMAN_HEADS
from graph.analyze.syntax_lexicon import (
    AUDIENCE_LEMMAS,
    BACKSHIFT_MODALS,
    CONDITIONAL_MARKS,
    EMBEDDED_QUESTION_MARKS,
    EVIDENTIAL_LEMMAS,
    NEGATIVE_DETERMINERS,
    OBJECT_CUES,
    OBLIGATION_MODALS,
    ORGANISATION_NOUNS,
    SPEAKING_PRONOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

#: clause relations that keep a token in the unit's main clause (coordination, reported content)
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "root", "conj", "ccomp", "xcomp", "parataxis", "list"})
#: clause relations that open a subordinate clause: relative, adverbial, participial, subject
SUBORDINATE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "advcl:relcl", "csubj", "csubj:pass"})
CLAUSE_DEPS = MAIN_CLAUSE_DEPS | SUBORDINATE_DEPS
CONTENT_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})


def clause_path(token: Token) -> list[str]:
    """The relations of the clause heads from ``token`` up to the root, nearest first."""
    deps = []
    node = token
    while True:
        if node.dep_ in CLAUSE_DEPS and (node.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN",
                                                       "NUM", "PRON") or node.dep_ != "conj"):
            deps.append(node.dep_)
        if node.head.i == node.i:
            return deps
        node = node.head


def in_subordinate_clause(token: Token) -> bool:
    """Inside a relative, adverbial or participial clause, a clause that completes a noun
    ("signals about whether ...") or an embedded question ("uncertain whether ...")."""
    if any(dep in SUBORDINATE_DEPS for dep in clause_path(token)):
        return True
    node = token
    while node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS and node.dep_ != "conj" and (
                node.head.pos_ in ("NOUN", "PROPN", "PRON") or any(
                    c.dep_ == "mark" and c.lower_ in EMBEDDED_QUESTION_MARKS
                    for c in node.children)):
            return True
        node = node.head
    return False


def is_modifier_participle(cue: Token) -> bool:
    """ "a phone named Nova", "a strategy articulated by X", "focusing research on ...":
    a participle that modifies a noun or a clause, with no content of its own."""
    verb_form = cue.morph.get("VerbForm")
    if cue.dep_ in ("amod", "acl") and ("Part" in verb_form or "Ger" in verb_form):
        return not has_content(cue)
    if cue.dep_ in ("advcl", "conj", "xcomp") and "Ger" in verb_form:
        return not has_content(cue) and not any(c.dep_ in ("nsubj",) for c in cue.children)
    return False


def has_content(cue: Token) -> bool:
    """A clause, a quotation or a "that"-complement hangs on the cue."""
    for child in cue.children:
        if child.dep_ in CONTENT_DEPS and child.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            return True
        if child.dep_ in ("obj", "obl") and any(t.text in "\"“”" for t in child.subtree):
            return True
    return False


def carries_content(cue: Token) -> bool:
    """What the cue reports is in the sentence: a clause, a quotation, "of"-complement
    ("accused them of lying"), or, for verbs of saying, the object said ("announced the deal");
    not "testified before the committee" or "identifies the connection". Verbs of saying
    always report something, wherever the parse puts their content."""
    if has_content(cue) or cue.dep_ == "parataxis" or cue.lemma_.lower() in OBJECT_CUES:
        return True
    if any(t.text in "\"“”" for t in cue.doc):
        return True
    for child in cue.children:
        if child.dep_ in ("advcl", "csubj") and any(
                m.dep_ == "mark" and m.lower_ in ("that", "of", "whether", "if")
                for m in child.children):
            return True
    return False


def subject_of(predicate: Token) -> Token | None:
    """The subject of a predicate, inherited through coordination and control."""
    node = predicate
    for _ in range(6):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubj:outer"):
                return child
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "acl:relcl":
            return node.head  # "X, who noted ...": the antecedent
        return None
    return None


def passive_agent(predicate: Token) -> Token | None:
    for child in predicate.children:
        if child.dep_ == "obl:agent":
            return child
    return None


def can_speak(head: Token, kinds: dict[int, str]) -> bool:
    """A person, an organisation, a group or a described person; not an event or object.
    ``kinds`` maps a token index to the type of the entity mentioned there, when known."""
    kind = kinds.get(head.i)
    if kind is not None:
        return kind in ("person", "organization")
    lower = head.lower_
    if head.pos_ == "PRON":
        return lower in SPEAKING_PRONOUNS
    if head.pos_ == "PROPN":
        return True
    lemma = head.lemma_.lower()
    return lower in HUMAN_HEADS or lemma in HUMAN_HEADS or lemma in ORGANISATION_NOUNS


def is_evidential(cue: Token) -> bool:
    return cue.lemma_.lower() in EVIDENTIAL_LEMMAS or cue.lower_ in EVIDENTIAL_LEMMAS


def is_past(cue: Token) -> bool:
    if "Past" in cue.morph.get("Tense"):
        return True
    return any(c.dep_ in ("aux", "aux:pass") and "Past" in c.morph.get("Tense")
               for c in cue.children)


def is_backshift(modal: Token, cue: Token) -> bool:
    """ "she stated Vantor would go all in": "would" reports a "will" under a past cue."""
    return modal.lower_ in BACKSHIFT_MODALS and is_past(cue) and cue.is_ancestor(modal)


def is_conditional_mark(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ in CONDITIONAL_MARKS


def negates_main_clause(token: Token) -> bool:
    """A negator counts when it denies the main clause: "not" on the main verb, "no" on one of
    its arguments; not a negated relative clause or a contrast ("$52 million, not $40 million")."""
    if in_subordinate_clause(token) or inside_phrase(token):
        return False
    if token.lower_ in NEGATIVE_DETERMINERS:
        return True
    head = token.head
    if token.dep_ in ("advmod", "neg") and head.pos_ in ("NOUN", "PROPN", "NUM", "SYM") and (
            head.dep_ not in CLAUSE_DEPS or head.dep_ == "conj"):
        return False  # the "not" of a contrast between two nominals
    return True


def inside_phrase(token: Token) -> bool:
    """Inside a prepositional or nominal modifier ("without a deadline", "with no data")."""
    node = token
    while node.dep_ not in CLAUSE_DEPS and node.head.i != node.i:
        if node is not token and (node.dep_.startswith(("obl", "nmod")) or node.dep_ == "amod"):
            return True
        node = node.head
    return False


def is_deontic(modal: Token) -> bool:
    """ "we should support ...", "the public should not be forced": obligation, not doubt."""
    if modal.lower_ not in OBLIGATION_MODALS:
        return False
    verb = modal.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subject is not None and (subject.lower_ in SPEAKING_PRONOUNS
                                    or subject.pos_ == "PROPN" or subject.lower_ in HUMAN_HEADS
                                    or subject.lemma_.lower() in HUMAN_HEADS)


def is_past_inability(modal: Token) -> bool:
    """ "I couldn't believe it": "can" in the past, negated, is no possibility."""
    if modal.lower_ not in ("could", "couldn't", "couldn’t"):
        return False
    verb = modal.head
    negated = "n't" in modal.lower_ or "n’t" in modal.lower_ or any(
        c.dep_ == "advmod" and c.lower_ in ("not", "n't", "n’t") for c in verb.children)
    perfect = any(c.lower_ == "have" and c.dep_ == "aux" for c in verb.children)
    return negated and not perfect


def is_hedge_sense(token: Token) -> bool:
    """The cue word is used as a hedge: not "we should support" (obligation) or "I couldn't
    believe it" (past inability)."""
    return not (is_deontic(token) or is_past_inability(token))


def hedges_main_clause(token: Token) -> bool:
    """A hedge of the unit's own main clause (graph/analyze/refine.py applies it per claim)."""
    if is_conditional_mark(token):
        return True  # "if" opens a subordinate clause but conditions the main one
    if token.pos_ == "NOUN" and token.dep_ not in CLAUSE_DEPS:
        return False  # "the uncertainty is weighing on ...": a topic, not a hedge
    if token.pos_ == "ADJ" and token.dep_ in ("xcomp", "amod") and token.head.pos_ == "VERB":
        return False  # "left firms uncertain whether ...": their state, not the writer's doubt
    return not in_subordinate_clause(token) and not inside_phrase(token)


def is_advice(root: Token) -> bool:
    """Advice or an instruction to the reader: an imperative main verb, or "you / investors /
    analysts should ..." addressed to the audience."""
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    modals = {c.lower_ for c in root.children if c.dep_ == "aux"}
    if subject is None and "Imp" in root.morph.get("Mood"):
        return True
    if subject is not None and modals & OBLIGATION_MODALS:
        return subject.lemma_.lower() in AUDIENCE_LEMMAS or subject.lower_ in AUDIENCE_LEMMAS
    return False


def root_of(tokens: list[Token]) -> Token | None:
    for t in tokens:
        if t.head.i == t.i:
            return t
    return None
