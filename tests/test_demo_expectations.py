"""The demo corpus's documented expectations (data/demo/README.md) hold after ingest."""

from __future__ import annotations

import pytest

from graph.queries.claims import claim_records

EXPECTED = {
    "confirmed": [
        "Construction will begin on June 1, 2026.",
        "Work on the bridge will begin on June 1, 2026.",
        "Crews will start work on the bridge on June 1.",
        "At least one lane in each direction will remain open during construction.",
    ],
    "disputed": [
        "Meridian Works has won the $40 million contract to retrofit the Harbor Bridge.",
        "The Harbor Bridge retrofit contract is worth $52 million, not $40 million",
        "Meridian Works is reportedly in talks to buy the Port Calder shipyard",
    ],
    "speculative": [
        "The city is expected to introduce tolls on the Harbor Bridge",
        "If the council approves tolls, drivers would pay $3 per crossing.",
        "The Harbor Bridge may close completely on some weekends during the retrofit.",
        "If steel prices keep rising, the project would likely go over budget.",
    ],
    "sourced": [
        "A council spokesperson said the contract includes penalties",
        "Reyes said the company has retrofitted eleven bridges",
        "Councilmember Priya Anand, who voted against the contract, told the Harbor Times",
    ],
    "unsourced": [
        "The Harbor Bridge carries 48,000 vehicles on an average weekday.",
        "It is the only road link between the old town and the container terminal",
    ],
}
NEGATED = [
    "The final design has not been announced.",
    "Tolls are not part of the approved contract.",
    "The council has not voted on tolls, and no proposal has been filed.",
    "Meridian Works denied that it is in talks to buy the Port Calder shipyard.",
]
QUESTIONS = [
    "Will the bridge stay open to traffic?",
    "Is the city being realistic about the schedule?",
    "What will happen to the ferry schedule?",
]
CIRCULAR = "will move its headquarters"


@pytest.fixture(scope="module")
def records(demo_store_dir):
    from graph.store.open import open_store

    store = open_store(str(demo_store_dir))
    try:
        return claim_records(store, limit=None)
    finally:
        store.close()


def matching(records: list[dict], fragment: str) -> list[dict]:
    found = [r for r in records if fragment in r["text"]]
    assert found, f"no claim contains {fragment!r}"
    return found


@pytest.mark.parametrize(
    ("status", "fragment"),
    [(status, fragment) for status, fragments in EXPECTED.items() for fragment in fragments],
)
def test_documented_status(records, status, fragment):
    assert {r["status"] for r in matching(records, fragment)} == {status}


@pytest.mark.parametrize("fragment", NEGATED)
def test_documented_negation(records, fragment):
    assert all(r["negated"] for r in matching(records, fragment))


@pytest.mark.parametrize("fragment", QUESTIONS)
def test_questions_are_not_claims(records, fragment):
    assert not [r for r in records if fragment in r["text"]]


def test_circular_reporting_never_confirms(records):
    for record in matching(records, CIRCULAR):
        assert record["status"] != "confirmed"
        assert not record["confirmed_by"]


def test_the_syndicated_copy_is_derived_from_the_harbor_times(records):
    copies = [r for r in records if r["outlet_domain"] == "coastalwire.example"]
    derived = [r for r in copies if r["derived_from"]]
    assert len(derived) >= len(copies) // 2
    assert {link["outlet_domain"] for r in derived for link in r["derived_from"]} == {
        "harbortimes.example"
    }


def test_the_fact_check_review_is_linked_with_its_reviewer(records):
    reviews = [link for r in records for link in r["disputed_by"] if link["kind"] == "review"]
    assert reviews
    assert {link["reviewer"] for link in reviews} == {"TruthDesk"}
    assert all(link["article"].startswith("https://truthdesk.example/") for link in reviews)
