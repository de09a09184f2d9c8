"""Small widgets and helpers every room shares: labels, buttons, layouts, scrolling."""
