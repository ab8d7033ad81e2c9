"""Checks of the category `urgency-scarcity`."""
