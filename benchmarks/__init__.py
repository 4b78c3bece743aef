"""Benchmarks (measured against peers, never asserted) and the harness the reliability tests share."""
