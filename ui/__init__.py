"""Streamlit glue shared by app.py and pages/: the cached reader, first-start loading
of the demo data, and the sidebar. Pages stay thin: widgets, one call for data, one
call for a chart."""
