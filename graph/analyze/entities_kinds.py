"""Products, sports teams, parties and venues: the entity kinds that need their own cues.

A product is named with a model number or size ("iPhone 11", "16-inch MacBook Pro"), a
product noun ("the Zephyr app", "Lumo earbuds"), "X's new" or a launch verb ("unveiled the
Zephyr"), or as a brand and its line ("Apple AirPods"). A team is the subject or object of a
result ("the Gulls beat the Herons", "Gulls 3, Herons 1"). A name ending in Arena, Stadium or
Amphitheatre is a venue, a place; so is "... Center" or "... Live" in a tour listing ("@ X").
A party's plural ("Democrats", "Ohio Republicans") is the party, an organization. In a
headline-style line every word is capitalised, so a long run there is cut to the words that
are capitalised in running text too ("Mysterious Icy Moon of Jupiter" -> "Jupiter").
"""

from __future__ import annotations

import re

from graph.analyze.entities_lexicon import ORGS, PARTIES, PLACES, PRODUCTS, SPORT_TEAMS, TEAMS
from graph.analyze.gazetteer import COUNTRIES_STATES, DAY_ABBR, MONTH_ABBR, STATE_ABBR
from graph.analyze.tokens import Tok

#: Last words of a venue's name: the name is a place whatever else it holds.
VENUE_HEADS = frozenset(
    """amphitheatre amphitheater arena stadium pavilion auditorium coliseum colosseum ballpark
    speedway raceway fieldhouse velodrome""".split()
)
#: Last words of a venue's name when the article says "at X" or lists "@ X" ("Staples Center").
_VENUE_MAYBE = frozenset(
    "center centre theatre theater hall garden gardens park stage live field forum bowl factory"
    .split()
)
#: Words that make "at the X Center" an institution, not a venue.
_INSTITUTION = frozenset(
    """research medical health cancer space policy study studies science sciences data law
    justice rights disease control prevention university hospital institute progress
    strategic security for of children's children legal innovation""".split()
)
#: Product nouns after a name ("Lumo earbuds", "the Zephyr app").
_PRODUCT_NEXT = frozenset(
    """smartphone smartphones phone phones handset laptop laptops notebook tablet tablets
    console consoles headphones headset earbuds earphones speaker speakers smartwatch
    smartwatches app apps browser chip chips processor processors suv suvs sedan sedans
    hatchback crossover coupe minivan jetliner airliner spacecraft telescope drone drones
    camera cameras router routers keyboard gpu cpu""".split()
)
_LAUNCH_VERBS = frozenset(
    """buy buys bought launch launches launched unveil unveils unveiled release releases
    released ship ships shipped order ordered preorder pre-order introduce introduces
    introduced""".split()
)
_DETERMINERS = frozenset("the a an its their his her our new".split())
#: Words after "X 11" that keep X a product name ("iPhone 11 and", "Windows 10 users").
_AFTER_NUMBER = frozenset(
    """and or with is was has had will would can could are were in on at for from to that
    which costs comes ships runs features offers starts sells models owners users series
    lineup""".split()
)
#: Names numbered without being products ("Route 66", "Chapter 11", "Week 12").
_NUMBERED = frozenset(
    """route highway interstate phase week game day chapter section title amendment
    proposition prop measure question level round stage season episode act article part
    volume grade class year no number district ward precinct gate terminal flight room hall
    suite exit pier platform lane row zone area sector block unit lot covid top fortune
    s&p dow russell ftse nasdaq nikkei stoxx pac big formula channel studio catch area
    group heat match race leg hole lap mile""".split()
)
_RESULT_VERBS = frozenset(
    "beat beats defeated defeat edged routed topped downed blanked outlasted".split()
)
#: Second words of a brand's name that make it a company, not a product ("Sony Pictures").
_ORG_TAILS = frozenset(
    """electronics pictures studios studio entertainment motor energy health healthcare
    defense defence aerospace financial research records productions films animation
    interactive digital home street software semiconductor semiconductors display
    mobility""".split()
)
#: Makers whose name before a product line names the product ("Apple AirPods").
BRANDS = frozenset(
    """Apple Microsoft Amazon Google Samsung Sony Nintendo Huawei Xiaomi Lenovo Dell HP Intel
    AMD Nvidia NVIDIA Qualcomm Tesla Ford Toyota Honda Nissan Volkswagen VW BMW Audi Porsche
    Hyundai Kia Lexus Boeing Airbus Nikon Canon Asus Acer Logitech Bose Sonos Dyson Fitbit
    Garmin GoPro Roku Beats LG Motorola OnePlus Peloton Adobe Chevrolet Chevy Jeep Subaru
    Mazda Volvo Ferrari Lamborghini Razer Xbox""".split()
)
#: Capitalised abbreviations of ordinary nouns: never a name on their own.
GENERIC = frozenset(
    """LED LEDs OLED LCD CPU CPUs GPU GPUs PC PCs SUV SUVs EV EVs VR AR HD HDR DVD DVDs IPO
    IPOs GDP VPN VPNs RAM SSD DNA ICU ICUs HVAC MP3 MP3s RGB sRGB ASAP VIP VIPs FAQ URL PDF
    API APIs CPM CPMs CTR ROI KPI DIY OK A.M. P.M. AM PM TV TVs AI R&D IT HR PR CEO CEOs CFO
    COO CTO ESG UX UI 5G""".split()
)
STATE_ABBR_UPPER = frozenset(w.upper() for w in STATE_ABBR if len(w) == 2)
_GLUED_MONTH = re.compile(r"^([A-Z]{2})((?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov"
                          r"|Dec)\w*)$")


def unglue(t: Tok) -> list[Tok]:
    """A tour listing's "MIAug" is the state "MI" and the month "Aug"."""
    m = _GLUED_MONTH.match(t.text)
    if m and m.group(1).lower() in STATE_ABBR and m.group(2).lower()[:3] in MONTH_ABBR | {
            "may", "jun", "jul"}:
        k = t.start + 2
        return [Tok(t.start, k, t.text[:2]), Tok(k, t.end, t.text[2:])]
    return [t]


def known_word(word: str) -> bool:
    """A word that is a name even at the start of a sentence ("Democrats said", "Apple
    said", "AirPods sold out")."""
    return bool(word in PRODUCTS or word in TEAMS or word in ORGS or word.lower() in PLACES
                or word in PARTIES and word != "Conservatives")


def sport_article(text: str, lowered: set[str]) -> bool:
    """An article about sport: a league's name, or a team's, or sports words."""
    return bool(
        re.search(r"\b(?:NFL|NBA|NHL|MLB|MLS|NCAA|Premier League|Champions League)\b", text)
        or lowered & {"quarterback", "touchdown", "touchdowns", "playoff", "playoffs", "goalie",
                      "inning", "innings", "rebounds", "goaltender", "linebacker", "midfielder"}
        or any(w in TEAMS for w in re.findall(r"\b[A-Z][a-z]+s\b", text)))


def kind_hint(text: str, toks: list[Tok], a: int, b: int) -> str | None:
    """A product, team or venue from the words around a name, or None."""
    nxt = [t.low for t in toks[b:b + 3]]
    prev = [t.low for t in toks[max(0, a - 2):a]]
    last = toks[b - 1].low
    if prev[-1:] == ["@"] and toks[a - 1].end < toks[a].start:
        return "place"  # a tour listing: "Denver, CO @ Pepsi Center"
    if prev[-1:] == ["at"] and last in _VENUE_MAYBE and not any(
            t.low in _INSTITUTION for t in toks[a:b]):
        return "place"
    if last in _VENUE_MAYBE and nxt[:1] == [","] and any(
            t.text in STATE_ABBR_UPPER and toks[k - 1].low == "," for k, t in enumerate(
                toks[b + 2:b + 7], b + 2)):
        return "place"  # a tour listing: "Riverbend Music Center, Cincinnati, OH"
    if len(toks[b - 1].text) <= 2 or last in DAY_ABBR | MONTH_ABBR or prev[-1:] == ["degrees"]:
        return None  # "4K", "12MP camera", "Tue – Sat 4PM", "83 degrees Celsius processor"
    if nxt[:1] and nxt[0] in _PRODUCT_NEXT:
        return "product"
    if prev[-1:] in (["inch"], ["-inch"]) or prev in (["'s", "new"], ["the", "new"]):
        return "product"
    if len(prev) == 2 and prev[0] in _LAUNCH_VERBS and prev[1] in _DETERMINERS and (
            not nxt or not nxt[0][:1].isalpha() or nxt[0] in _AFTER_NUMBER
            or nxt[0] in _PRODUCT_NEXT or toks[b].is_cap):
        return "product"
    if nxt[:1] and nxt[0].isdigit() and last not in _NUMBERED and prev[-1:] not in (
            ["in"], ["at"], ["near"]) and not (
            len(nxt[0]) == 4 and nxt[0][:2] in ("19", "20")) and (
            len(nxt) == 1 or nxt[1] in _AFTER_NUMBER or toks[b + 1].is_cap
            or nxt[1] in (".", ";", ")", "’", "'s")):
        return "product"  # "iPhone 11 and", "Xbox 360." -- not "Gulls 3, Herons 1"
    # results: "Gulls 3, Herons 1", "the Gulls beat the Herons"
    if len(nxt) >= 2 and nxt[0].isdigit() and nxt[1] == "," and b + 3 < len(toks) and (
            toks[b + 2].is_cap):
        return "organization"
    if a >= 2 and toks[a - 1].low == "," and toks[a - 2].low.isdigit() and nxt[:1] and (
            nxt[0].isdigit()):
        return "organization"
    if prev[-1:] == ["the"] and a >= 2 and toks[a - 2].low in _RESULT_VERBS | {"to", "past"}:
        if toks[a - 2].low in _RESULT_VERBS or (a >= 3 and toks[a - 3].low in (
                "lost", "loss", "rallied", "fell")):
            return "organization"
    if a >= 1 and toks[a - 1].low == "the" and nxt[:1] and nxt[0] in _RESULT_VERBS:
        return "organization"
    return None


def _is_place(words: list[str]) -> bool:
    name = " ".join(words).lower()
    return name in COUNTRIES_STATES or name in PLACES


def early_type(words: list[str], hints: list[str] | None, sporty: bool) -> str | None:
    """Kinds that outrank the cue words inside a name ("Staples Center" is a venue, "Apple
    TV" a product, "Tampa Bay Lightning" a team, "Ohio Democrats" a party)."""
    low = [w.lower() for w in words]
    name = " ".join(words)
    if len(words) > 1 and low[-1] in VENUE_HEADS:
        return "place"
    if len(words) > 1 and low[-1] in _VENUE_MAYBE and hints and "place" in hints:
        return "place"
    if name in PRODUCTS or (name.endswith("s") and name[:-1] in PRODUCTS):
        return "product"
    if name in TEAMS or name in PARTIES or (sporty and name in SPORT_TEAMS):
        return "organization"
    for n in (2, 1):
        tail = " ".join(words[-n:])
        if len(words) > n and (tail in TEAMS or (sporty and tail in SPORT_TEAMS)) and (
                tail in TEAMS or _is_place(words[:-n]) or _is_place(words[:1])):
            return "organization"  # "Pittsburgh Steelers", "Tampa Bay Lightning"
    if len(words) > 1 and words[-1] in PARTIES and _is_place(words[:-1]):
        return "organization"
    return None


def brand_product(words: list[str], hints: list[str] | None = None) -> bool:
    """A maker's name and a line of its products: "Apple AirPods", "Sonos Move" (not a venue
    in a tour listing, "@ Toyota Music Factory")."""
    return (len(words) > 1 and not (hints and "place" in hints) and words[0] in BRANDS
            and words[1] not in BRANDS
            and not any(w.lower() in _ORG_TAILS for w in words[1:])
            and not _is_place(words[1:]))


def headline_parts(toks: list[Tok], a: int, b: int, evidenced: set[str],
                   lowered: set[str]) -> list[tuple[int, int]]:
    """In a title-case line, a run of three or more words, two of them written in lower case
    elsewhere, keeps only its stretches of words capitalised in running text too."""
    if b - a < 3 or sum(1 for t in toks[a:b] if t.low in lowered) < 2:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    i = a
    while i < b:
        if toks[i].low in evidenced:
            j = i + 1
            while j < b and (toks[j].low in evidenced or (
                    toks[j].low in ("of", "&", "de") and j + 1 < b
                    and toks[j + 1].low in evidenced)):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def is_title_case(toks: list[Tok]) -> bool:
    """A headline-style line: four to fourteen words, all capitalised but the small ones, at
    most one number (not a listing of dates and venues)."""
    words = [t for t in toks if t.text[:1].isalpha() and t.low not in (
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or", "vs")]
    caps = sum(1 for t in words if t.is_cap)
    numbers = sum(1 for t in toks if t.text[:1].isdigit())
    return 4 <= len(words) <= 14 and numbers <= 1 and caps == len(words)
