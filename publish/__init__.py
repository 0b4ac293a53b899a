"""The quarterly report as files: HTML (one self-contained file), markdown and PDF,
rendered from metrics/leadership.py's dict with Jinja2 templates (publish/templates/)."""
