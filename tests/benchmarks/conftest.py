"""The benchmarks are run by hand (python tests/benchmarks/bench.py), never collected as tests."""

collect_ignore_glob = ["*"]
