"""Analyze: ``Article`` -> ``AnalyzedArticle`` (sentence units, claims with facets, entities)."""
