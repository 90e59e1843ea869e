"""Politeness: how polite a text reads, and which politeness strategies it uses.

The model follows Danescu-Niculescu-Mizil et al. (2013), "A computational approach to
politeness": it finds the politeness strategies of that paper (gratitude, deference,
"could you", hedges, a direct start, ...) with word lists instead of a parser, and sums
weights learned from the human ratings of the Stanford Politeness Corpus
(``scripts/fit_politeness.py``). Only the fitted weights are loaded at run time.

>>> from askcraft import tone
>>> tone.politeness("Could you please send me the report? Thanks!") > tone.politeness("Send the report.")
True
"""

from __future__ import annotations

# Re-exported for callers that explain a score (the strategy names and general features).
from askcraft._checks.tone_model import GENERAL_FEATURES as GENERAL_FEATURES  # noqa: PLC0414
from askcraft._checks.tone_model import Strategy, politeness, strategies
from askcraft._checks.tone_model import strategy_names as strategy_names  # noqa: PLC0414

__all__ = ["Strategy", "politeness", "strategies"]
