"""Tone and etiquette checkers: politeness, pressure, the networking rules, length."""
