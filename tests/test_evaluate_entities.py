"""The UNER reader builds the gold character spans the entity scores rest on."""

from __future__ import annotations

from graph.evaluate import entities

IOB2 = """# newdoc id = doc-1
# sent_id = doc-1-0001
# text = Ana Ortiz visited New York City.
1\tAna\tB-PER\t-\t-
2\tOrtiz\tI-PER\t-\t-
3\tvisited\tO\t-\t-
4\tNew\tB-LOC\t-\t-
5\tYork\tI-LOC\t-\t-
6\tCity\tI-LOC\t-\t-
7\t.\tO\t-\t-

# sent_id = doc-1-0002
# text = She works for Meridian Works.
1\tShe\tO\t-\t-
2\tworks\tO\t-\t-
3\tfor\tO\t-\t-
4\tMeridian\tB-ORG\t-\t-
5\tWorks\tI-ORG\t-\t-
6\t.\tO\t-\t-

"""


def test_gold_spans_are_offsets_into_the_joined_document(tmp_path):
    path = tmp_path / "mini.iob2"
    path.write_text(IOB2, encoding="utf-8")
    [doc] = list(entities.read_documents(path))
    text = doc.text
    assert sorted((text[a:b], kind) for a, b, kind in doc.mentions) == [
        ("Ana Ortiz", "PER"), ("Meridian Works", "ORG"), ("New York City", "LOC")]
    result = entities.evaluate(path)
    assert result["gold_mentions"] == 3 and result["sentences"] == 2
    # a pronoun mention resolved to Ana Ortiz ("She") is not a UNER mention and is left out
    assert result["per_kind_f1"] == {"PER": 1.0, "ORG": 1.0, "LOC": 1.0}
    assert result["precision"] == 1.0
