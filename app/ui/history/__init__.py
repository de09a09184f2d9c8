"""Looking back: the History page, its table models and the before/after chart."""
