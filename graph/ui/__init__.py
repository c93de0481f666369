"""The Streamlit workbench: pages (one file each in pages/) over the read and write sides."""
