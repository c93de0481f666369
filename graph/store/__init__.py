"""Stores: embedded Oxigraph on disk, in-memory, or a SPARQL 1.1 endpoint -> ``ClaimStore``."""
