"""Orchestration: reading a document, the two stages of a run (plain Python, then the pandera rules),
and many documents in isolated processes with time limits. The only place that forks."""
