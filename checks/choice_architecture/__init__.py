"""Checks of the category `choice-architecture`."""
