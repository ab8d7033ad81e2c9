"""Checks of the category `policies`."""
