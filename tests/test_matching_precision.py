"""Claim matching on patterns from real news that used to be read as disputes.

On the 121 real pages of the extraction benchmark, 104 claims were "disputed" and almost none
rightly: refusals to comment, the same quote cut differently in two articles, a "not" in an
unrelated clause of a long sentence, two products' sizes, entity keys resolved differently.
Each test below pins one such pattern, with a true dispute next to it that must stay one.
"""

from __future__ import annotations

from graph.corroborate.matching import MatchKind, compare, make_features

HARBOR = ["harbor-authority", "meridian-works"]


def _kind(a, b):
    match = compare(a, b)
    return match.kind if match else None


def test_a_plain_negation_of_the_same_statement_is_a_dispute() -> None:
    won = make_features("urn:a", "Meridian Works won the harbor dredging contract in March",
                        entities=HARBOR)
    lost = make_features("urn:b", "Meridian Works did not win the harbor dredging contract in "
                         "March", entities=HARBOR)
    assert _kind(won, lost) is MatchKind.DISPUTE


def test_a_refusal_to_comment_disputes_nothing() -> None:
    story = make_features("urn:a", "The Harbor Authority is investigating Meridian Works over "
                          "the dredging contract", entities=HARBOR)
    for refusal in ("The Harbor Authority's office had no comment on Meridian Works.",
                    "Meridian Works declined to comment on the Harbor Authority inquiry.",
                    "Meridian Works did not immediately respond to a request for comment."):
        assert compare(story, make_features("urn:b", refusal, entities=HARBOR)) is None


def test_the_same_quote_cut_differently_is_not_a_dispute() -> None:
    quote = ("While engineers have not yet found cracks in the pier, we have found the next best "
             "thing: rust in the bolts")
    whole = make_features("urn:a", f'"{quote}," chief engineer Ana Ruiz said in a statement.',
                          negated=False, entities=["ana-ruiz"])
    cut = make_features("urn:b", f'"{quote},"', full_text=f'"{quote}," Ruiz added.',
                        negated=True, entities=["ana-ruiz"])
    assert _kind(whole, cut) is MatchKind.SAME


def test_a_not_elsewhere_in_a_long_sentence_does_not_negate_a_short_claim() -> None:
    short = make_features("urn:a", "the same is true for the new ferry Gull Runner",
                          entities=["gull-runner"])
    long = make_features("urn:b", "Like the last two ferries, the new ferry Gull Runner is a solid "
                         "boat, one that is faster than any ferry the yard has built, though it "
                         "is not cheap to run", entities=["gull-runner"])
    assert _kind(short, long) is not MatchKind.DISPUTE


def test_sizes_of_two_products_are_not_a_disputed_figure() -> None:
    small = make_features("urn:a", "Today the shop offers the 12-inch Zephyr laptop with 256GB "
                          "in refurbished condition", entities=["zephyr"])
    large = make_features("urn:b", "As the maker has unveiled the 16-inch Zephyr laptop, the old "
                          "model is in refurbished stock", entities=["zephyr"])
    assert _kind(small, large) is None


def test_different_amounts_for_the_same_statement_are_still_a_dispute() -> None:
    a = make_features("urn:a", "Port Calder will pay Meridian Works $40 million for the "
                      "bridge retrofit", entities=["port-calder", "meridian-works"])
    b = make_features("urn:b", "Port Calder will pay Meridian Works $52 million for the "
                      "bridge retrofit", entities=["port-calder", "meridian-works"])
    assert _kind(a, b) is MatchKind.DISPUTE


def test_one_quote_with_entity_keys_resolved_differently_is_the_same_claim() -> None:
    said = ("we have received an inquiry from the office of the Harbor Authority and are "
            "cooperating in the matter")
    a = make_features("urn:a", said, entities=["harbor-city"])
    b = make_features("urn:b", said, entities=["harbor-times", "meridian-works"])
    assert _kind(a, b) is MatchKind.SAME


def test_two_actors_named_in_the_claims_are_still_a_dispute() -> None:
    a = make_features("urn:a", "Meridian Works will build the new ferry terminal at the north "
                      "pier next spring", entities=["meridian-works"])
    b = make_features("urn:b", "Castellan Group will build the new ferry terminal at the north "
                      "pier next spring", entities=["castellan-group"])
    assert _kind(a, b) is MatchKind.DISPUTE


def test_two_short_generic_sentences_do_not_match() -> None:
    a = make_features("urn:a", "And we are one of those.")
    b = make_features("urn:b", "We are not one of those.")
    assert compare(a, b) is None


def test_a_shared_bare_number_is_no_evidence_of_the_same_statement() -> None:
    unveiled = make_features("urn:a", "the maker has unveiled its new 16-inch Zephyr laptop",
                             entities=["zephyr"])
    keys = make_features("urn:b", "the new 16-inch Zephyr laptop also features a physical escape "
                         "key", entities=["zephyr"])
    assert compare(unveiled, keys) is None
    sale = make_features("urn:c", "the 16-inch Zephyr laptop went on sale for $2,399 in Chicago",
                         entities=["zephyr", "chicago"])
    price = make_features("urn:d", "the Zephyr laptop now costs $2,399 in shops across Chicago",
                          entities=["zephyr", "chicago"])
    assert _kind(sale, price) is MatchKind.SAME


def test_a_claim_of_names_alone_confirms_nothing() -> None:
    """A content span cut down to a noun phrase ("its 16-inch Zephyr Pro") states nothing
    that another claim about the same laptop could confirm."""
    thin = make_features("urn:a", "its 16-inch Zephyr Pro", entities=["zephyr-pro"])
    review = make_features("urn:b", "The new 16-inch Zephyr Pro is a lot like the old 15-inch "
                           "Zephyr Pro, save for a few meaningful features",
                           entities=["zephyr-pro"])
    assert compare(thin, review) is None


def test_a_report_that_also_declines_to_comment_still_matches() -> None:
    report = "The ministry reported 40 deaths in the northern provinces after the floods"
    plain = make_features("urn:a", report, entities=["ministry"])
    with_refusal = make_features("urn:b", report, entities=["ministry"],
                                 full_text=f"{report}, but declined to comment on the cause.")
    assert _kind(plain, with_refusal) is MatchKind.SAME
