"""Closed word classes the parse-based judgements need (graph/analyze/syntax.py).

Function words and small closed sets only; what a word does in a sentence comes from the parse.
"""

from __future__ import annotations

#: verbs whose subject is evidence, not a speaker, when it is an event, object or fact
#: ("The launch suggests ...", "Polls show ..."): such a subject is no source.
EVIDENTIAL_LEMMAS = frozenset(
    "suggest indicate hint imply signal show reveal demonstrate confirm prove mean point".split())
#: the evidential verbs that also make the content speculative (show / confirm are factive)
TENTATIVE_EVIDENTIAL = frozenset("suggest indicate hint imply signal point".split())
#: verbs of expecting and intending: sourced to their subject and speculative
FORECAST_CUES = frozenset(
    "expect predict forecast anticipate plan intend aim hope want project vow".split())
#: pronouns that can stand for a speaker ("it" and demonstratives stand for things)
SPEAKING_PRONOUNS = frozenset("i we you he she they who me us him her them".split())
#: "would" is "will" reported in the past; "could" and "might" keep their doubt
BACKSHIFT_MODALS = frozenset({"would", "'d", "’d"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
#: "whether ..." asks a question; its modals and negators are not the claim's
EMBEDDED_QUESTION_MARKS = frozenset({"whether"})
NEGATIVE_DETERMINERS = frozenset({"no", "none", "nothing", "nobody", "neither", "nor", "never"})
OBLIGATION_MODALS = frozenset({"should", "must", "ought", "need"})
#: the audience a piece addresses when it gives advice ("Analysts should watch for ...")
AUDIENCE_LEMMAS = frozenset(
    """you reader readers investor investors analyst analysts fan fans buyer buyers consumer
    consumers user users viewer viewers shopper shoppers traveler travelers traveller
    travellers parent parents homeowner homeowners owner owners driver drivers""".split())
#: pronouns resolved to the person last named or quoted
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: "the company", "the ministry": resolved to the most salient organisation of the article
ORGANISATION_NOUNS = frozenset(
    """company firm group startup business carrier airline bank lender retailer automaker
    carmaker maker manufacturer insurer ministry department agency council government
    administration party club team league board committee commission authority court
    university school hospital union association organization organisation network
    broadcaster newspaper publisher studio label developer brand chain operator""".split())
#: verbs of saying whose object is what was said ("announced the deal", "told reporters")
OBJECT_CUES = frozenset(
    """say tell announce claim report state write tweet post add describe call accuse deny warn
    urge pledge promise insist allege criticise criticize denounce defend attack blast slam
    note share predict expect forecast estimate project ask answer confirm admit acknowledge
    reveal disclose argue praise blame thank question dispute reject dismiss""".split())
#: "the company": with no organisation named so, the article's most salient organisation
COMPANY_NOUNS = frozenset(
    """company firm group startup business carrier airline bank lender retailer automaker
    carmaker maker manufacturer insurer chain operator developer publisher studio brand""".split())
PREPOSITIONS = frozenset("of on at in for from with by to about among near".split())
