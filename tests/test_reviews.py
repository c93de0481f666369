"""Ratings as given, normalised to one scale; verdicts that follow copies; feeds of reviews."""

from __future__ import annotations

import json
from datetime import date

import pytest

from graph.corroborate.index import CorroborationIndex
from graph.model import Scale, Status
from graph.sources.claimreview_feed import read_feed
from graph.sources.ratings import normalize_rating
from tests.test_corroborate_factory import story


@pytest.mark.parametrize(("label", "numbers", "scale"), [
    ("Mostly false", (None, None, None), Scale.MOSTLY_FALSE),
    ("False", (None, None, None), Scale.FALSE),
    ("Pants on Fire!", (None, None, None), Scale.FALSE),
    ("Half True", (None, None, None), Scale.MIXTURE),
    ("Not true", (None, None, None), Scale.FALSE),
    ("Mostly accurate", (None, None, None), Scale.MOSTLY_TRUE),
    ("Correct", (None, None, None), Scale.TRUE),
    ("Unproven", (None, None, None), Scale.OTHER),
    ("", (4, 5, 1), Scale.MOSTLY_TRUE),
    ("", (1, 5, 1), Scale.FALSE),
    ("Rating 3", (3, 5, 1), Scale.MIXTURE),
    ("", (None, None, None), Scale.OTHER),
])
def test_labels_and_numbers_are_normalised(label, numbers, scale) -> None:
    assert normalize_rating(label, *numbers) is scale


COPIED = ("Port Calder approved a $40 million budget for the new ferry terminal on Monday, "
          "the council said in a statement.")


def test_a_verdict_reaches_the_copy_and_the_origin_shows_the_label() -> None:
    index = CorroborationIndex.open(None)
    origin = story("harbortimes.example", "a", date(2026, 3, 1), [COPIED])
    copy = story("aggregator.example", "b", date(2026, 3, 2), [COPIED],
                 links=("https://harbortimes.example/a",))
    index.add(origin)
    index.add(copy)
    origin_iri = index.claims_of(origin.article.url)[0].iri
    copy_iri = index.claims_of(copy.article.url)[0].iri
    assert any(lk.relation.value == "derived_from" for lk in index.links_for(copy_iri))
    update = index.add_review(copy_iri, "false", "urn:review:1", "CheckDesk",
                              "https://checkdesk.example/1", "Mostly false", "mostly false")
    reviewed = update.statuses[copy_iri]
    assert reviewed.status is Status.DISPUTED
    assert reviewed.reasons[0].text == "rated mostly false by fact-checker CheckDesk"
    assert "rated false" not in reviewed.reasons[0].text
    upstream = update.statuses[origin_iri]
    assert upstream.status is Status.DISPUTED
    assert "via copy of aggregator.example" in upstream.reasons[0].text
    index.withdraw_review("urn:review:1")
    assert index.status_of(origin_iri).status is not Status.DISPUTED


FEED_ITEM = {
    "@type": "ClaimReview", "url": "https://checkdesk.example/ferry",
    "claimReviewed": "The ferry terminal budget is $40 million.",
    "author": {"@type": "Organization", "name": "CheckDesk", "url": "https://checkdesk.example"},
    "datePublished": "2026-03-02",
    "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                     "alternateName": "Mostly false"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Ana Ruiz"},
                     "appearance": [{"@type": "CreativeWork",
                                     "url": "https://harbortimes.example/a"}]},
}


@pytest.mark.parametrize("shape", ["object", "array", "graph", "datafeed"])
def test_feed_shapes_are_read(tmp_path, shape) -> None:
    document = {
        "object": FEED_ITEM,
        "array": [FEED_ITEM],
        "graph": {"@context": "https://schema.org", "@graph": [FEED_ITEM]},
        "datafeed": {"@type": "DataFeed", "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [FEED_ITEM]}]},
    }[shape]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(document))
    read = read_feed(path)
    assert read.problems == []
    (review,) = read.reviews
    assert review.rating == "Mostly false" and review.scale == "mostly false"
    assert review.verdict == "false" and review.rating_value == 2
    assert review.author == "CheckDesk" and review.author_url == "https://checkdesk.example"
    assert review.item_author == "Ana Ruiz"
    assert review.appearances == ["https://harbortimes.example/a"]


def test_bad_items_get_one_line_each_and_the_rest_is_kept(tmp_path) -> None:
    no_url = {k: v for k, v in FEED_ITEM.items() if k != "url"}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([FEED_ITEM, 5, {"@type": "Article"}, no_url]))
    read = read_feed(path)
    assert len(read.reviews) == 1
    assert len(read.problems) == 3
    assert all(line.startswith(f"{path}: item ") for line in read.problems)
    assert "no url" in read.problems[2]
    (tmp_path / "broken.json").write_text("{not json")
    assert read_feed(tmp_path / "broken.json").problems[0].startswith(
        f"{tmp_path / 'broken.json'}: not JSON")


def test_demo_store_with_an_app_review_exports_claimreview_and_passes_shacl(demo_store) -> None:
    from pathlib import Path

    import pyshacl
    from rdflib import Dataset, Graph

    from graph.pipeline.reviews import ReviewError, record_review
    from graph.queries.claims import claim_records
    from graph.queries.export import export

    claim = claim_records(demo_store, limit=1)[0]["id"]
    with pytest.raises(ReviewError, match="review URL"):
        record_review(demo_store, claim, "Mostly false", "", "Ana Checker", review_url="")
    review = record_review(demo_store, claim, "Mostly false", "Minutes say otherwise.",
                           "Ana Checker", review_url="https://checkdesk.example/2026/ferry",
                           label="Largely wrong")
    record = claim_records(demo_store, limit=None)
    reviewed = next(r for r in record if r["id"] == claim)
    assert reviewed["status"] == "disputed"
    objects = json.loads(export(demo_store, "claimreview"))["@graph"]
    ours = next(o for o in objects if o["@id"] == review)
    assert ours["url"] == "https://checkdesk.example/2026/ferry"
    assert ours["reviewRating"] == {"@type": "Rating", "alternateName": "Largely wrong",
                                    "ratingValue": 2, "bestRating": 5, "worstRating": 1}
    assert ours["author"] == {"@type": "Person", "name": "Ana Checker"}
    assert ours["datePublished"] and ours["claimReviewed"]
    item = ours["itemReviewed"]
    assert item["@type"] == "Claim" and item["appearance"][0]["@type"] == "CreativeWork"
    assert item["appearance"][0]["url"].startswith("https://")
    dataset = Dataset()
    dataset.parse(data=export(demo_store, "trig"), format="trig")
    union = Graph()
    for graph in dataset.graphs():
        union += graph
    shapes = Graph().parse(Path(__file__).resolve().parent.parent / "data" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(union, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]
