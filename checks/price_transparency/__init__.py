"""Checks of the category `price-transparency`."""
