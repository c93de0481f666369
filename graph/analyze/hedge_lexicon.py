"""Word lists for the future-tense rule of the hedge analyzer (hand-written).

A future ("will", "is set to", "is scheduled to", ...) is a *prediction* (a hedge) unless it
describes a scheduled action or event with a concrete time anchor. These lists decide the two
halves of that test: which predicates are forecasts (never scheduled facts) and what counts as
a time anchor. See :func:`graph.analyze.hedging.is_scheduled_future`.
"""

from __future__ import annotations

import re

#: Predicates of forecasts: changes in quantity, consequences, outcomes nobody schedules.
#: "Sales will double next year" and "The move will bring 300 jobs" stay speculative even
#: with a date.
FORECAST_VERBS = frozenset(
    """bring cost rise fall increase decrease reduce double triple quadruple halve grow shrink
    drop decline climb jump soar surge plunge slump tumble rebound recover reach exceed top
    surpass outpace overtake outweigh save create generate produce yield earn lead cause
    result boost hurt harm damage affect impact benefit help improve worsen extend lift mean
    become see need have make continue win lose beat fail succeed survive collapse die suffer
    face struggle last take require allow enable let change transform happen occur get feel
    look seem prove turn drive force spark trigger fuel threaten destroy kill ruin
    dominate attract draw push""".split()
)

#: Words skipped between the future marker and its verb ("will also recall", "will not be").
FUTURE_ADVERBS = frozenset(
    """also not never then now still only first again finally officially formally jointly
    once immediately each both all indeed instead additionally""".split()
)

#: Words after "be" that make the predicate an evaluation or a comparison (a forecast):
#: "will be cheaper", "will be a blow", "will be worth", "will be the largest".
FORECAST_AFTER_BE = frozenset(
    """a an the more less worth able unable enough better worse bigger smaller higher lower
    larger cheaper costlier faster slower stronger weaker harder easier greater fewer
    key crucial critical vital difficult impossible possible hard easy good bad great
    huge major""".split()
)

_MONTHS = (
    r"January|February|March|April|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_PERIODS = (
    r"week|weekend|month|year|spring|summer|fall|autumn|winter|quarter|season|morning"
    r"|afternoon|evening|night"
)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

#: Concrete time anchors: dates, months, weekdays, years after a preposition, "next week",
#: clock times. Month names are case-sensitive ("will march" is not a month).
TIME_ANCHOR = re.compile(
    rf"\b(?:{_MONTHS})(?![\w-])"
    rf"|\bMay(?=\s+\d)"
    rf"|(?i:\b(?:in|by|on|from|until|till|through|starting|beginning|since|before|after|"
    rf"during|early|late|mid-?|of|next|this|last)\s+May\b)"
    rf"|(?i:\b{_WEEKDAY}s?\b|\b(?:today|tonight|tomorrow)\b"
    rf"|\b(?:this|next|later\s+this|early\s+next|late\s+next|the\s+following)\s+"
    rf"(?:{_PERIODS}|{_WEEKDAY})\b"
    rf"|\b(?:later|earlier)\s+(?:today|tonight)\b"
    rf"|\b(?:in|by|on|from|until|till|through|starting|beginning|before|after|during|early|"
    rf"late|mid-?|fiscal)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b"
    rf"|\b(?:19|20)\d\d-\d\d-\d\d\b|\bQ[1-4]\s+(?:19|20)\d\d\b"
    rf"|\bat\s+(?:\d{{1,2}}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)"
    rf"|\b(?:in|by)\s+the\s+(?:first|second|third|fourth)\s+quarter\b)",
)

#: Anchors to a scheduled period named by an event: "remain open during construction",
#: "stay open while crews work on the towers".
EVENT_ANCHOR = re.compile(
    r"\b(?:during|throughout)\s+\w+|\bwhile\s+\w+", re.IGNORECASE
)

#: Determiners and adjectives before the noun "will" ("the will of the people", "free will").
WILL_NOUN_BEFORE = frozenset(
    "the a his her their its our my your whose free political good ill own popular".split()
)
