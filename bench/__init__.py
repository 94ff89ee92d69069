"""Benchmark of Incident Logger on a generated database of 1,000,000 incidents (`make bench`)."""
