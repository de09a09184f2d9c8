"""The path in a hard moment: welcome, launcher, the two ratings, summary, help."""
