"""Doing an exercise: the breathing page and its pacer, the steps page, sound and spoken cues."""
