"""The intent: what to ask, of whom, and why (``model``), and reading it from YAML (``load``)."""
