"""Raw tables → tidy rows (normalise), runs that compose the layers (run), and the CLI."""
