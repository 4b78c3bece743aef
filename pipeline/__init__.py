"""The plain pipeline: discover → fetch → parse → extract → load as plain functions (`pipeline.steps`).

Below `flows`, which wraps these in Prefect tasks; free of Prefect, so the benchmarks and reparse call
the same work directly.
"""
