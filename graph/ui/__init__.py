"""Streamlit page modules that app.py mounts. Thin: call graph.queries*, then draw."""
