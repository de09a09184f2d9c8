"""The look: colours, the style sheet, text size and themes."""
