"""`python -m benchmarks.run_all [--quick|--smoke] [--only NAME ...]`: run every benchmark, write RESULTS.md.

Each benchmark is independent and reports "not available" (rather than a made-up figure) when a
component it needs is missing or broken, so one failure never hides the other results.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections.abc import Iterable
from pathlib import Path

from benchmarks.common import Result, Size, unavailable, write_results

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
NAMES = ("page_processing", "warehouse_load", "end_to_end", "memory", "orchestration", "soak", "reextract")


def _run(name: str, size: Size) -> list[Result]:
    if name == "page_processing":
        from benchmarks import page_processing

        return [page_processing.run(size)]
    if name == "warehouse_load":
        from benchmarks import warehouse_load

        return [warehouse_load.run(size)]
    if name == "soak":
        from benchmarks import soak

        return [soak.run(size)]
    if name == "reextract":
        from benchmarks import reextract

        return [reextract.run(size)]
    from benchmarks import end_to_end

    if name == "end_to_end":
        return list(end_to_end.run_scale(size))
    if name == "memory":
        return [end_to_end.run_memory(size)]
    return [end_to_end.run_orchestration(size)]


def run_benchmarks(names: Iterable[str], size: Size) -> list[Result]:
    """Run the named benchmarks in turn; one that raises becomes a "not available" result with the reason."""
    results: list[Result] = []
    for name in names:
        print(f"[benchmarks] {name} …", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            results += _run(name, size)
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            results.append(unavailable(name, name.replace("_", " ").capitalize(), exc))
        print(f"[benchmarks] {name} done in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="scaled-down runs (minutes, not tens of minutes)")
    sizes.add_argument("--smoke", action="store_true", help="toy sizes (seconds): checks that every benchmark runs")
    parser.add_argument("--only", nargs="*", choices=NAMES, help="run only these benchmarks")
    parser.add_argument("--out", type=Path, help=f"where to write the results (default {RESULTS.name}; "
                        "a smoke run writes nothing unless asked)")
    args = parser.parse_args(argv)
    size: Size = "quick" if args.quick else "smoke" if args.smoke else "full"
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    started = time.perf_counter()
    results = run_benchmarks(args.only or NAMES, size)
    out = args.out or (None if size == "smoke" else RESULTS)
    if out is not None:
        write_results(results, out, size=size, elapsed=time.perf_counter() - started)
    print("\n".join(r.markdown() for r in results))
    # a smoke run is a check: a benchmark that could not run fails it
    return 1 if size == "smoke" and not all(r.available for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
