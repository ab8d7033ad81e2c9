"""Checks of the category `promotions`."""
