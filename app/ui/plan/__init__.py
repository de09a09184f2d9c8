"""My coping plan: the person's own plan for the worst moments, its page and its printing."""
