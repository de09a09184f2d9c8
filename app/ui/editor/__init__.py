"""One's own exercises: the editor page, its parts, and the controller that files them."""
