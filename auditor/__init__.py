"""shop-auditor: audits a web shop for dark patterns and policy transparency."""

__version__ = "0.1.0"
