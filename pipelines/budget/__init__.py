"""The Danish budget knowledge: raw tables → tidy rows (normalise), Danish numbers, the structural
vocabulary, and the amounts the prose mentions (narrative). Knows Danish, not PDFs."""
