"""Checks of the category `stock`."""
