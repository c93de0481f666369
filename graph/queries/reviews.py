"""Reviews recorded in the app, as rows (withdrawn ones included)."""

from __future__ import annotations

from rdflib import URIRef

from graph.model import WITHDRAWN
from graph.rdf.vocab import sparql_prefixes
from graph.store.claim_store import ClaimStore

REVIEWS_QUERY = """
SELECT ?review ?g ?claim ?claim_text ?rating ?rating_value ?scale ?verdict ?note ?reviewer ?url
       ?evidence ?created ?state ?modified WHERE {
  GRAPH ?g {
    ?review a schema:ClaimReview ; schema:itemReviewed ?claim ; schema:claimReviewed ?claim_text ;
            schema:reviewRating ?r ; schema:author/schema:name ?reviewer ;
            schema:dateCreated ?created ; schema:creativeWorkStatus ?state .
    ?r schema:alternateName ?rating .
    OPTIONAL { ?r schema:ratingValue ?rating_value }
    OPTIONAL { ?review ckg:scale ?scale }
    OPTIONAL { ?review schema:url ?url }
    OPTIONAL { ?review ckg:verdict ?verdict }
    OPTIONAL { ?review schema:reviewBody ?note }
    OPTIONAL { ?review schema:citation ?evidence
               FILTER NOT EXISTS { ?review ckg:acceptsKnownReview ?evidence } }
    OPTIONAL { ?review schema:dateModified ?modified }
  }
  %s
}
ORDER BY DESC(?created)
"""


def list_reviews(store: ClaimStore, claim_iri: str | None = None,
                 review_iri: str | None = None) -> list[dict]:
    """Recorded reviews, newest first (withdrawn ones included, ``state`` says which)."""
    bindings = {}
    if claim_iri:
        bindings["claim"] = URIRef(claim_iri)
    if review_iri:
        bindings["review"] = URIRef(review_iri)
    rows = store.select(sparql_prefixes() + REVIEWS_QUERY % "", bindings)
    for row in rows:
        row["withdrawn"] = row["state"] == WITHDRAWN
        for key in ("created", "modified"):
            if row[key] is not None and not isinstance(row[key], str):
                row[key] = row[key].isoformat()
    return rows
