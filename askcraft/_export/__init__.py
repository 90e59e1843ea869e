"""Exporters: a draft as text, Markdown or JSON (``text``), an email (``eml``), a calendar file (``ics``)."""
