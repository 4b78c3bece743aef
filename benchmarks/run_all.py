"""`python -m benchmarks.run_all [--quick] [--only NAME ...]`: run every benchmark, write RESULTS.md.

Each benchmark is independent and reports "not available" (rather than a made-up figure) when a
component it needs is missing or broken, so one failure never hides the other results.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

from benchmarks.common import Result, unavailable, write_results

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
NAMES = ("page_processing", "warehouse_load", "end_to_end", "memory", "orchestration", "soak")


def _run(name: str, quick: bool) -> list[Result]:
    if name == "page_processing":
        from benchmarks import page_processing

        return [page_processing.run(quick)]
    if name == "warehouse_load":
        from benchmarks import warehouse_load

        return [warehouse_load.run(quick)]
    if name == "soak":
        from benchmarks import soak

        return [soak.run(quick)]
    from benchmarks import end_to_end

    if name == "end_to_end":
        return list(end_to_end.run_scale(quick))
    if name == "memory":
        return [end_to_end.run_memory(quick)]
    return [end_to_end.run_orchestration(quick)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="scaled-down runs (minutes, not tens of minutes)")
    parser.add_argument("--only", nargs="*", choices=NAMES, help="run only these benchmarks")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    started = time.perf_counter()
    results: list[Result] = []
    for name in args.only or NAMES:
        print(f"[benchmarks] {name} …", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            results += _run(name, args.quick)
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            results.append(unavailable(name, name.replace("_", " ").capitalize(), exc))
        print(f"[benchmarks] {name} done in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    write_results(results, args.out, quick=args.quick, elapsed=time.perf_counter() - started)
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
