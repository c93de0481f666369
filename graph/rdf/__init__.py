"""RDF: analysed articles, links, statuses and reviews -> triples (the only place making them)."""
