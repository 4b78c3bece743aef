"""Extraction of batches over all cores: this process and `workers - 1` spawned ones.

Why this process extracts too. It reads the pages and writes the batches, but that leaves it idle
most of the time; with a pool of one worker per core beside it, every core also pays a worker's start
(a fresh interpreter, the imports, the extractor's rules: ~0.25 s of CPU each) and the transfer of
its readings, and the writer competes with the workers for the cores. So each batch is cut into small
parts submitted to the pool, and this process takes over every part no worker has started yet: the
current batch's from its end while the workers take parts from the front, then, while a worker still
holds one of the current batch's parts, the next batches' parts. The work divides itself: when writing
is heavy (a first read on PostgreSQL) this process extracts less, when nothing changed it extracts
about half, and it extracts from the first second, while the workers are still starting.

A part is taken over with `Future.cancel()`, which succeeds only while the pool has not handed the
part to a worker, so no part is extracted twice.

Workers are started with `spawn`: forking a process that runs Prefect's threads can copy a lock
some thread holds.
"""

from __future__ import annotations

import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass

from warehouse.extract_worker import Extracted, ExtractFn, Job, extract_jobs

AHEAD = 2  # batches queued for the workers beyond the one being finished
PART_SIZE = 40  # jobs in one unit of work: ~20 ms of extraction, so nobody waits long for a part


@dataclass
class _Part:
    """Some jobs of a batch, submitted to the pool; extracted here instead if no worker started them."""

    jobs: Sequence[Job]
    future: Future
    readings: list[Extracted] | None = None  # set when this process extracted the part

    def take(self, extract_fn: ExtractFn) -> bool:
        """Extract the part in this process if no worker has started it; True when it did."""
        if self.readings is None and self.future.cancel():
            self.readings = extract_jobs(self.jobs, extract_fn)
            return True
        return False

    def done(self) -> bool:
        return self.readings is not None or self.future.done()

    def result(self) -> list[Extracted]:
        return self.readings if self.readings is not None else self.future.result()


def extracted(batches: Iterator[list[Job]], extract_fn: ExtractFn, workers: int
              ) -> Iterator[tuple[list[Job], list[Extracted]]]:
    """(batch, its readings) in order, extracted by this process and `workers - 1` pool processes."""
    if workers <= 1:
        for jobs in batches:
            yield jobs, extract_jobs(jobs, extract_fn)
        return
    _check_sendable(extract_fn)
    pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("spawn"))
    try:
        queued: deque[tuple[list[Job], list[_Part]]] = deque()
        for jobs in batches:
            queued.append((jobs, [_Part(jobs[i:i + PART_SIZE], pool.submit(extract_jobs, jobs[i:i + PART_SIZE],
                                                                           extract_fn))
                                  for i in range(0, len(jobs), PART_SIZE)]))
            if len(queued) > AHEAD:
                yield _finish(queued, extract_fn)
        while queued:
            yield _finish(queued, extract_fn)
    finally:  # a run stopped early does not wait for the parts it no longer needs
        pool.shutdown(wait=True, cancel_futures=True)


def _check_sendable(extract_fn: ExtractFn) -> None:
    """A worker receives the extract function by name; one it cannot (a lambda, a local function) would
    leave the run waiting on parts that never come back, so refuse it here with a clear error."""
    try:
        pickle.dumps(extract_fn)
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise TypeError(f"the extract function {extract_fn!r} cannot be sent to worker processes (it must be "
                        f"importable by name, at module level); run with workers=1 or pass such a function") from exc


def _finish(queued: deque[tuple[list[Job], list[_Part]]], extract_fn: ExtractFn
            ) -> tuple[list[Job], list[Extracted]]:
    """The oldest queued batch with its readings: take over its unstarted parts (from the end), then
    extract later batches' unstarted parts while a worker finishes one of its parts."""
    jobs, parts = queued.popleft()
    for part in reversed(parts):
        part.take(extract_fn)
    later = (part for _jobs, waiting in queued for part in waiting)
    while not all(part.done() for part in parts):
        if not any(part.take(extract_fn) for part in later):  # nothing left to take over: wait
            wait([part.future for part in parts if not part.done()])
    return jobs, [pair for part in parts for pair in part.result()]
