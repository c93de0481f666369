"""Sources: what the user gave (URLs, files, folders, URL lists, feeds) -> ``Article`` objects.

The only stage that touches the network (:mod:`graph.sources.fetch`).
"""
