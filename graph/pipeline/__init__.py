"""The write side: sources -> analyze -> corroborate -> rdf -> store, and recording reviews."""
