"""What every benchmark shares: the machine description, timing, peak memory and the result record.

Benchmarks report ratios against a peer measured in the same run on the same input, because
absolute numbers on a shared 2-core CI box say little; the machine is recorded next to them so a
reader can tell which box produced which figure. Nothing here asserts on time.
"""

from __future__ import annotations

import ctypes
import gc
import os
import platform
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

REPO = Path(__file__).resolve().parents[1]

# full: the sizes the goals are stated at; quick: minutes, for a look; smoke: seconds, so CI runs every
# benchmark end to end (a broken section would otherwise be found only by the next long run)
Size = Literal["full", "quick", "smoke"]


@dataclass
class Result:
    """One benchmark's outcome: a table of rows plus free-text notes (what was scaled down, why)."""

    name: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    available: bool = True  # False: a component it needs is missing; `notes` says which
    # what the run observed that must hold on any machine (rows loaded, flow state, articles lost), for
    # the smoke test to assert on; not rendered, the table and notes say the same for readers
    facts: dict[str, object] = field(default_factory=dict)

    def markdown(self) -> str:
        lines = [f"## {self.title}", ""]
        if not self.available:
            lines += ["**Not available.**", ""]
        if self.rows:
            lines.append("| " + " | ".join(self.columns) + " |")
            lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(self.columns))) + "|")
            for row in self.rows:
                lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
            lines.append("")
        lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def unavailable(name: str, title: str, exc: BaseException) -> Result:
    """The honest result when a component is missing: say which, measure nothing."""
    return Result(name, title, [], available=False, notes=[f"not available: {type(exc).__name__}: {exc}"])


def _cell(value) -> str:
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 10:
            return f"{value:.1f}"
        return f"{value:.3g}"
    return str(value)


def machine() -> dict[str, str]:
    """nproc, CPU model, RAM, Python, platform: enough to compare two RESULTS.md files."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }


def throughputs(runs: dict[str, tuple[Callable[[object], object], list]], *, repeat: int = 1,
                chunks: int = 1) -> dict[str, tuple[float, int]]:
    """Items per second of several functions over their items, and how many items each raised on.

    Measured in turns, because the ratio between them is the figure that matters and a shared
    machine's speed drifts (the mini-web measured 2.7x to 3.5x trafilatura across four runs when each
    function had its own stretch of time): each item list is cut into `chunks` slices, and for each
    slice every function takes its turn, `repeat` times, keeping its best (the noise only adds). The
    rate is the items over the sum of the best slice times.
    """
    slices = {name: [items[i * len(items) // chunks:(i + 1) * len(items) // chunks] for i in range(chunks)]
              for name, (_, items) in runs.items()}
    seconds = dict.fromkeys(runs, 0.0)
    failures = dict.fromkeys(runs, 0)
    for chunk in range(chunks):
        best = dict.fromkeys(runs, float("inf"))
        for attempt in range(repeat):
            for name, (fn, _) in runs.items():
                part = slices[name][chunk]
                gc.collect()
                bad = 0
                start = time.perf_counter()
                for item in part:
                    try:
                        fn(item)
                    except Exception:  # noqa: BLE001 - a peer failing on a page is counted, not fatal
                        bad += 1
                best[name] = min(best[name], time.perf_counter() - start)
                if attempt == 0:
                    failures[name] += bad
        for name in runs:
            seconds[name] += best[name]
    return {name: ((len(items) / seconds[name]) if seconds[name] else float("inf"), failures[name])
            for name, (_, items) in runs.items()}


def peak_rss_mib() -> float:
    """This process's peak resident set size.

    Linux: VmHWM from /proc/self/status, the high-water mark of this process's own memory since
    its exec. Not ru_maxrss: Linux carries that over fork and exec, so a child started by a big
    parent (run_all, after the page benchmark) reported the parent's peak as its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, bytes on macOS


def live_rss_mib() -> float:
    """This process's RSS once garbage is collected and glibc has handed its free pages back.

    What a process still holds, as opposed to its allocator's high-water mark: freed memory that
    malloc keeps for reuse counts in VmRSS but is nobody's data. Elsewhere than glibc, plain RSS.
    """
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    return rss_mib()


def rss_mib(pid: int | str = "self") -> float:
    """A process's resident set size now (Linux VmRSS), NaN where it cannot be read (gone, not Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return float("nan")


def write_results(results: list[Result], path: Path, *, size: Size, elapsed: float) -> None:
    info = machine()
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `python -m benchmarks.run_all{'' if size == 'full' else ' --' + size}` on {info['date']} "
        f"in {elapsed:.0f} s.",
        "",
        "| machine | |",
        "|---|---|",
        f"| CPUs (nproc) | {info['nproc']} |",
        f"| CPU model | {info['cpu']} |",
        f"| RAM | {info['ram']} |",
        f"| Python | {info['python']} |",
        f"| platform | {info['platform']} |",
        "",
        "Figures are measured, never asserted; compare the ratios (peer measured in the same run on the "
        "same input), not the absolute rates. `--quick` scales the long runs down (each section says how); "
        "`--smoke` runs them at toy sizes (a check that they run, not a measurement).",
        "",
    ]
    lines += [r.markdown() for r in results]
    path.write_text("\n".join(lines), encoding="utf-8")
