"""Steady: a calm desktop companion for grounding and paced breathing."""

__version__ = "0.1.0"
