"""Subcommands of `shop-audit` that live in their own modules (registered in auditor/cli.py)."""
