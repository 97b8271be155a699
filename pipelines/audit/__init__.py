"""What a document states against what its rows add up to: the findings model and its rows, the prose
mentions as rows, and two extractors' readings compared."""
