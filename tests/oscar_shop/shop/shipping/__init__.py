"""Oscar's shipping app, forked only to swap in our Repository (two fixed-price methods)."""
