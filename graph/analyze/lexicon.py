"""Word lists for attribution (hand-written; general English reporting vocabulary)."""

from __future__ import annotations

from graph.analyze.tokens import forms_table

#: Verbs of saying / reporting: a cue with a speaker.
SPEECH_LEMMAS = frozenset(
    """say tell add write ask note report announce tweet argue explain declare state claim
    respond reply insist warn promise pledge vow reveal predict estimate confirm deny
    acknowledge admit concede assert contend maintain stress emphasize emphasise reiterate
    repeat recall comment remark observe mention suggest propose urge call accuse blame
    criticize criticise praise describe cite quote testify allege complain lament joke quip
    boast brag counter retort disclose frame commit caution advise recommend demand conclude
    opine assail lash voice express speak chant continue
    tout hail dismiss reject dispute question wonder post blast slam mock decry denounce
    condemn applaud thank echo charge threaten assure inform concede clarify elaborate
    characterize characterise label dub brand predict forecast project speculate guess
    hint signal indicate imply point recount muse shout yell scream whisper exclaim protest
    object plead beg invite encourage ridicule attack defend refute rebut contest endorse
    notify confide proclaim affirm reaffirm swear testify recommend highlight underscore
    acknowledge summarize summarise explain liken invoke convince persuade
    """.split()
)

#: Verbs of thinking / perceiving / wanting: PolNeAR counts these as attributions too.
COGNITION_LEMMAS = frozenset(
    """think believe know feel expect hope fear worry doubt suspect assume figure realize
    realise understand see seem appear want wish prefer consider view regard find show
    learn hear read decide agree disagree support oppose seek plan intend refuse decline
    remind compare favor favour welcome fret imagine suppose reckon recognize recognise
    notice discover determine conclude demonstrate prove suggest indicate insist
    acknowledge envision anticipate trust refer talk discuss vote portray rail apologize
    challenge press push focus identify issue criticise reference cite""".split()
)

#: Noun/verb ambiguous cue words: need a verb context.
AMBIGUOUS = frozenset(
    """call report claim show support view fear hope plan post question charge comment
    estimate forecast project point quote label brand frame commit find read see state
    note add want order name list sign back offer mock object echo trust signal dub aim
    answer share side credit address sound knock champion contrast
    favor favour welcome figure tweet attack defend boast blast slam vote push press issue
    focus challenge talk recall demand""".split()
)

CUE_FORMS: dict[str, str] = forms_table(SPEECH_LEMMAS | COGNITION_LEMMAS)
# forms that are mostly not verbs of attribution (nouns / adjectives in news text)
for _bad in ("state", "states", "contest", "contests", "remark", "remarks", "seeing", "reading",
             "read", "finding", "findings", "points", "pointing", "figures", "posts", "posting",
             "objects", "orders", "lists", "names", "projects", "backs", "signs", "quotes",
             "views", "knowing", "known", "seen", "commits", "frames", "framing", "brands",
             "labels", "signals", "wishes", "feeling", "learning", "hearing", "understanding",
             "planning", "warning", "forecasts", "charges", "echoes", "trusts", "welcomes",
             "offers", "object", "list", "name", "sign", "back", "post", "order", "frame",
             "project", "figure", "brand", "label", "signal", "quote", "trust", "welcome"):
    CUE_FORMS.pop(_bad, None)
# forms that were cues in under 20% of their uses in the PolNeAR *train* split (nouns such as
# "votes", "issues", "attacks"; event verbs such as "spoke", "planned", "contested"), unless
# they were the only (and right) cue of many attributed sentences ("learned", "believed")
for _weak in ("speaking", "speak", "speaks", "attacks", "attack", "votes", "vote", "voting",
              "issues", "compared", "trusted", "focus", "protest", "protests", "prove", "proved",
              "press", "appearing", "supposed", "committed", "contested", "find",
              "thanks", "advised", "voice", "voices", "decline",
              "feels", "add", "challenges", "encouraging", "regarding",
              "dispute", "comments", "push", "expects", "plan", "plans",
              "planned", "planning", "invited", "discovered"):
    CUE_FORMS.pop(_weak, None)

# one-syllable lemmas that double their last consonant ("slammed", "fretting")
for _lem in ("beg", "brag", "dub", "fret", "slam"):
    for _f in (_lem + "ed", _lem + "ing"):
        CUE_FORMS.pop(_f, None)
    CUE_FORMS.update({_lem + _lem[-1] + "ed": _lem, _lem + _lem[-1] + "ing": _lem})

#: Event / stance verbs that report a position or act of a person or organisation; cues only
#: with a human-like subject (``attribution_stance.human_like``). Hand-picked from PolNeAR
#: *train* misses; each one kept raised train sentence F1 with this subject condition.
AGENT_LEMMAS = frozenset(
    """offer remember deem sound promote expose calculate embrace champion contrast retweet
    ponder weigh hammer bemoan rebuke scold chide fault lobby answer tackle bash lambaste
    castigate unveil""".split()
)
#: single forms of noun/verb-ambiguous or mostly-eventive lemmas ("named" but not "name")
AGENT_ONLY_FORMS = {
    "ordered": "order", "orders": "order", "named": "name", "naming": "name",
    "listed": "list", "backed": "back", "backing": "back", "shown": "show",
    "warning": "warn", "shared": "share", "emailed": "email", "push": "push",
    "ripped": "rip", "rips": "rip", "addressed": "address", "addresses": "address",
    "accepted": "accept", "aimed": "aim", "aims": "aim", "knocked": "knock",
    "credited": "credit", "sided": "side", "ruled": "rule",
}
AGENT_FORMS: dict[str, str] = {
    f: lem for f, lem in (forms_table(AGENT_LEMMAS) | AGENT_ONLY_FORMS).items()
    if f not in CUE_FORMS}
#: speech / cognition forms only: noun-phrase walkers stop at these ("A post shared ... says")
CORE_CUE_FORMS: dict[str, str] = dict(CUE_FORMS)
CUE_FORMS.update(AGENT_FORMS)
# speech forms that are mostly events without a person subject ("the pledge", "reports")
for _form in ("pledge", "pledges", "pledged", "report", "reports", "spoke", "spoken"):
    AGENT_FORMS[_form] = CUE_FORMS[_form]

#: Predicative adjectives of belief and feeling: "climate activists were hopeful that ...",
#: "Republicans are wary of", "he is confident"; cues after a form of "be"
ATTITUDE_ADJ = frozenset(
    """hopeful worried concerned confident aware eager proud sure skeptical sceptical
    critical wary convinced upset adamant reluctant upbeat optimistic pessimistic pleased glad
    shocked surprised angry unhappy supportive unsure doubtful fearful insistent""".split()
)
BE_FORMS = frozenset("is are was were be been being 's 're 'm am".split())

SOURCELESS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})

#: Verbs whose object precedes the content: "told reporters that ...".
OBJECT_VERBS = frozenset(
    "tell ask urge remind assure inform warn promise notify advise encourage invite convince "
    "persuade".split()
)

#: Phrasal particles that belong to the cue ("pointed out", "called for").
PARTICLES: dict[str, frozenset[str]] = {
    "point": frozenset({"out", "to"}),
    "call": frozenset({"for", "on", "out", "upon"}),
    "refer": frozenset({"to"}),
    "talk": frozenset({"about", "up"}),
    "speak": frozenset({"about", "of", "out"}),
    "ask": frozenset({"about", "for"}),
    "comment": frozenset({"on"}),
    "focus": frozenset({"on"}),
    "vote": frozenset({"for", "against"}),
    "rail": frozenset({"against", "at"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for"}),
    "plead": frozenset({"to", "guilty"}),
    "respond": frozenset({"with", "to"}),
    "hint": frozenset({"at"}),
    "caution": frozenset({"against"}),
    "worry": frozenset({"about"}),
    "believe": frozenset({"in"}),
    "warn": frozenset({"about", "against", "of"}),
    "complain": frozenset({"about"}),
    "joke": frozenset({"about"}),
    "argue": frozenset({"against", "for"}),
    "agree": frozenset({"with"}),
    "apologize": frozenset({"for"}),
    "lash": frozenset({"out"}),
    "accuse": frozenset({"of"}),
}

#: forms dropped above that are cues with their particle: "points out", "spoke about",
#: "would vote for", "will focus on" (not "the points", "spoke for 30 minutes", "the vote")
PARTICLE_FORMS: dict[str, str] = {
    f: lem for f, lem in forms_table(set(PARTICLES)).items()
    if f not in CUE_FORMS and lem in SPEECH_LEMMAS | COGNITION_LEMMAS}

AUX_BEFORE_CUE = frozenset(
    """has have had also was were is are been be will would did does do not n't never
    previously later repeatedly publicly privately recently once already""".split()
)

DETERMINERS = frozenset(
    "the a an his her its their our my your this these those that no any every each some "
    "another such".split()
)
PREPOSITIONS = frozenset(
    "in on at during after before for from with by of to into over under about against "
    "between among since until than via despite without within upon".split()
)
PRONOUNS = frozenset(
    "he she they i we you it who which his her their its this that".split()
)
SKIP_ADVERBIAL = frozenset(
    """also previously later repeatedly publicly privately recently once already then now
    often frequently first again still even just only initially quickly immediately
    has have had was were is are""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    week month year night morning afternoon evening weekend""".split()
)
BREAK_LEFT = frozenset(
    """that but and or when while because as if so since than where whether although though
    after before until unless once
    though however yet nor then what how why also not is are was were has have had will would
    can could should may might must do does did be been being""".split()
)
BREAK_RIGHT = frozenset(
    """that who which whose when while because as if on in at during after before and but or
    told said says say adding noting saying is was are were has had have will would to
    for about last this yesterday today whether how why what where""".split()
)
