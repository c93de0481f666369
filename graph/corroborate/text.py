"""Text normalisation shared by claim matching, retrieval and copy detection.

Pure functions: tokens for BM25 (lower-cased, stop words removed, Snowball-stemmed),
normalised quantities (money, percentages, years, dates, plain numbers) and MinHash
signatures over word shingles for near-duplicate paragraphs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

try:  # Snowball (Porter2) stemmer: pure Python, tiny
    import snowballstemmer

    _STEMMER = snowballstemmer.stemmer("english")

    def _stem(word: str) -> str:
        return _STEMMER.stemWord(word)

except ImportError:  # pragma: no cover - fallback keeps the product working without it

    def _stem(word: str) -> str:
        for suffix in ("ing", "edly", "ed", "ies", "es", "s", "ly"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                return word[: -len(suffix)]
        return word


STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself nor now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why with would you your yours yourself yourselves also via per amp rt said says say told
    according reported reports report""".split()
)

NEGATION_WORDS: frozenset[str] = frozenset(
    "not no never none nobody nothing neither nor cannot without n't isn't wasn't aren't weren't "
    "don't doesn't didn't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't".split()
)

_WORD_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[$€£%]")
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")


def normalize(text: str) -> str:
    """NFKC, straight quotes, collapsed whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def split_hashtags(text: str) -> str:
    """``#DefundTheCBC`` -> ``Defund The CBC`` (keeps the words retrievable)."""
    return re.sub(r"[#@](\w+)", lambda m: _CAMEL_RE.sub(" ", m.group(1)), text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stem(word)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (no stemming, stop words kept)."""
    return [w.replace("’", "'") for w in _WORD_RE.findall(normalize(text).lower())]


def tokens(text: str) -> list[str]:
    """Retrieval tokens: words minus stop words and punctuation, stemmed."""
    out: list[str] = []
    for w in words(text):
        if w in STOPWORDS or w in NEGATION_WORDS or not w[0].isalnum():
            continue
        w = w.split("'")[0]
        if w:
            out.append(stem(w))
    return out


def has_negation(text: str) -> bool:
    return any(w in NEGATION_WORDS or w.endswith("n't") for w in words(text))


# --- quantities -------------------------------------------------------------------------------

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_WORD_NUM = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
}
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ]
    )
    for m in names.split()
}
_NUM = r"(\d+(?:[.,]\d+)*)"
_SCALE_RE = r"(?:\s*(thousand|million|billion|trillion|mn|mln|bn|tn|[kmb])\b)?"
_MONTH_RE = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONEY_PRE = re.compile(r"(?:[$€£]|\b(?:usd|eur|gbp|us\$)\s?)\s?" + _NUM + _SCALE_RE, re.I)
_MONEY_POST = re.compile(
    r"\b" + _NUM + _SCALE_RE + r"\s*(?:dollars|euros|pounds|usd|eur|gbp)\b", re.I
)
_PCT = re.compile(r"\b" + _NUM + r"\s*(?:%|percent\b|per cent\b|pct\b)", re.I)
_DATE_MD = re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_DATE_DM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE, re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PLAIN = re.compile(r"\b" + _NUM + _SCALE_RE, re.I)
_WORDNUM_RE = re.compile(r"\b(" + "|".join(_WORD_NUM) + r")\b", re.I)


def _to_float(num: str) -> float | None:
    cleaned = num.replace(",", "")
    if cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return f"{value:.6g}"


_DENIED_BEFORE = re.compile(
    r"(?:\bnot|\brather than|\binstead of|\bno longer|\bnor|\bnot the)\s*(?:the\s+)?$", re.I
)


def quantities(text: str) -> set[str]:
    """Normalised quantities: ``money:4e+07``, ``pct:12``, ``year:2024``, ``date:3-14``, ``num:5``.

    Each character is used once: a span read as money is not read again as a plain number.
    """
    return set(quantity_spans(text))


def quantity_spans(text: str) -> dict[str, str]:
    """Each normalised quantity of ``text`` (as :func:`quantities`) -> the words that state it
    there (``money:4e+07`` -> "$40 million"), for reasons a reader can check against the text."""
    text = normalize(text)
    found: dict[str, str] = {}
    taken = [False] * len(text)

    def claim(m: re.Match[str]) -> bool:
        if any(taken[m.start() : m.end()]):
            return False
        for i in range(m.start(), m.end()):
            taken[i] = True
        return True

    def add(value: str, m: re.Match[str]) -> None:
        """Record a value; one written as denied ("not 12,000") gets a ``!`` prefix."""
        denied = _DENIED_BEFORE.search(text[max(0, m.start() - 16) : m.start()])
        found.setdefault(("!" if denied else "") + value, m.group(0).strip())

    for rx in (_MONEY_PRE, _MONEY_POST):
        for m in rx.finditer(text):
            value = _to_float(m.group(1))
            if value is not None and claim(m):
                scale = _SCALE.get((m.group(2) or "").lower(), 1.0)
                add("money:" + _fmt(value * scale), m)
    for m in _PCT.finditer(text):
        value = _to_float(m.group(1))
        if value is not None and claim(m):
            add("pct:" + _fmt(value), m)
    for m in _DATE_MD.finditer(text):
        if claim(m):
            add(f"date:{_MONTHS[m.group(1).lower()]}-{int(m.group(2))}", m)
    for m in _DATE_DM.finditer(text):
        if claim(m):
            add(f"date:{_MONTHS[m.group(2).lower()]}-{int(m.group(1))}", m)
    for m in _YEAR.finditer(text):
        if claim(m):
            add("year:" + m.group(1), m)
    for m in _PLAIN.finditer(text):
        value = _to_float(m.group(1))
        if value is not None and claim(m):
            add("num:" + _fmt(value * _SCALE.get((m.group(2) or "").lower(), 1.0)), m)
    for m in _WORDNUM_RE.finditer(text):
        if claim(m):
            add("num:" + _fmt(float(_WORD_NUM[m.group(1).lower()])), m)
    return found


def quantity_conflicts(a: Iterable[str], b: Iterable[str]) -> list[tuple[str, set[str], set[str]]]:
    """Incompatible figures: a type stated on both sides with no value in common, or a value
    one side states and the other denies ("not 12,000").

    Returns ``[(type, a_values, b_values), ...]``; empty when compatible.
    """
    stated_a: dict[str, set[str]] = {}
    stated_b: dict[str, set[str]] = {}
    denied_a = {q[1:] for q in a if q.startswith("!")}
    denied_b = {q[1:] for q in b if q.startswith("!")}
    for q in a:
        if not q.startswith("!"):
            kind, _, value = q.partition(":")
            stated_a.setdefault(kind, set()).add(value)
    for q in b:
        if not q.startswith("!"):
            kind, _, value = q.partition(":")
            stated_b.setdefault(kind, set()).add(value)
    conflicts = []
    for kind in sorted(stated_a.keys() & stated_b.keys()):
        if not stated_a[kind] & stated_b[kind]:
            conflicts.append((kind, stated_a[kind], stated_b[kind]))
    for q in sorted((denied_a & _flat(stated_b)) | (denied_b & _flat(stated_a))):
        kind, _, value = q.partition(":")
        if not any(c[0] == kind for c in conflicts):
            conflicts.append(
                (kind, stated_a.get(kind, {"not " + value}), stated_b.get(kind, {"not " + value}))
            )
    return conflicts


def _flat(stated: dict[str, set[str]]) -> set[str]:
    return {f"{kind}:{v}" for kind, values in stated.items() for v in values}


# --- near-duplicate detection -----------------------------------------------------------------

MINHASH_PERMS = 32
LSH_BANDS = 8
_ROWS = MINHASH_PERMS // LSH_BANDS
_PRIME = (1 << 61) - 1
_PARAMS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest(), "big") % _PRIME
        or 1,
        int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest(), "big") % _PRIME,
    )
    for i in range(MINHASH_PERMS)
]


def shingles(text: str, k: int = 4) -> set[str]:
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


_U64 = np.uint64
_A = np.array([a for a, _ in _PARAMS], dtype=_U64)[:, None]
_A_HI, _A_LO = _A >> _U64(32), _A & _U64(0xFFFFFFFF)
_B = np.array([b for _, b in _PARAMS], dtype=_U64)[:, None]
_P64 = _U64(_PRIME)


def _fold(x: np.ndarray) -> np.ndarray:
    """x mod (2**61 - 1), partly: the result is below 2**61 + 8 for any uint64 ``x``."""
    return (x & _P64) + (x >> _U64(61))


def minhash(shingle_set: Iterable[str]) -> tuple[int, ...]:
    """``min((a * h + b) % P for h in hashes)`` per permutation, exactly, in uint64 limbs:
    with P = 2**61 - 1, 2**61 = 1 (mod P), so a product of 61-bit numbers splits into 32-bit
    halves whose partial products fit 64 bits."""
    return minhashes([shingle_set])[0]


def minhashes(shingle_sets: Iterable[Iterable[str]]) -> list[tuple[int, ...]]:
    """``minhash`` of each set, in one array computation."""
    sizes, hashes = [], []
    for shingle_set in shingle_sets:
        before = len(hashes)
        hashes.extend(_h64(s) % _PRIME for s in shingle_set)
        sizes.append(len(hashes) - before)
    empty = tuple([_PRIME] * MINHASH_PERMS)
    if not hashes:
        return [empty] * len(sizes)
    mins = _permuted(np.array(hashes, dtype=_U64)[None, :])
    starts = np.cumsum([0, *sizes[:-1]])
    nonempty = [i for i, n in enumerate(sizes) if n]
    per_set = np.minimum.reduceat(mins, starts[nonempty], axis=1).T.tolist()
    out = [empty] * len(sizes)
    for i, sig in zip(nonempty, per_set, strict=True):
        out[i] = tuple(sig)
    return out


def _permuted(h: np.ndarray) -> np.ndarray:
    """``(a * h + b) % P`` for every permutation (rows) and hash (columns)."""
    h_hi, h_lo = h >> _U64(32), h & _U64(0xFFFFFFFF)
    mid = _A_HI * h_lo + _A_LO * h_hi  # < 2**62; mid * 2**32 = (mid >> 29) + (mid % 2**29) * 2**32
    total = (
        (_A_HI * h_hi << _U64(3))  # * 2**64 = * 8
        + (mid >> _U64(29))
        + ((mid & _U64((1 << 29) - 1)) << _U64(32))
        + _fold(_A_LO * h_lo)
        + _B
    )
    total = _fold(total)
    return np.where(total >= _P64, total - _P64, total)


def lsh_bands(signature: tuple[int, ...]) -> list[int]:
    """Band keys (signed 63-bit ints, SQLite-friendly) for LSH candidate lookup."""
    keys = []
    for band in range(LSH_BANDS):
        rows = signature[band * _ROWS : (band + 1) * _ROWS]
        digest = hashlib.blake2b(repr((band, rows)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


def minhash_similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def pack_signature(sig: tuple[int, ...]) -> bytes:
    return b"".join(x.to_bytes(8, "big") for x in sig)


def unpack_signature(blob: bytes) -> tuple[int, ...]:
    return tuple(int.from_bytes(blob[i : i + 8], "big") for i in range(0, len(blob), 8))
