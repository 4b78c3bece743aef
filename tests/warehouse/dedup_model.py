"""The duplicate rules of warehouse/dedup.py restated as a full recomputation over all articles.

The warehouse links incrementally, touching only the groups a batch may change; its links must be
exactly those this model gives over the final articles. Written for clarity rather than speed and
sharing as little as possible with the linker: every pair is compared (the band index's recall is
under test too), figures come from the bodies (not the stored `figures` column), and groups come
from a union-find of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from warehouse.dedup import MAX_DISTANCE, Candidate, figures_agree, hamming, numbers


def candidate_pairs(candidates: list[Candidate], max_distance: int = MAX_DISTANCE) -> list[tuple[int, int]]:
    """(lower id, higher id) of every pair within `max_distance` bits; an empty body (hash 0) has none."""
    hashed = [c for c in candidates if c.simhash]
    return sorted((min(a.id, b.id), max(a.id, b.id)) for a, b in combinations(hashed, 2)
                  if hamming(a.simhash, b.simhash) <= max_distance)


def same_figures(a: str, b: str, threshold: float = 0.8) -> bool:
    """Two reports from one template differ only in their figures: those are not duplicates."""
    return figures_agree(numbers(a), numbers(b), threshold)


def group_duplicates(candidates: list[Candidate], pairs: Iterable[tuple[int, int]]) -> dict[int, int | None]:
    """article id -> id of its group's original (None for originals and unique articles).

    A group is a connected component: agreement on figures is not transitive, so a copy may join a
    group through another copy without agreeing with the original itself."""
    parent = {c.id: c.id for c in candidates}

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        groups[root(cand.id)].append(cand)
    result: dict[int, int | None] = {}
    for members in groups.values():
        original = min(members, key=Candidate.order_key)
        for cand in members:
            result[cand.id] = None if cand.id == original.id else original.id
    return result


def expected_links(articles: list[tuple[Candidate, str]]) -> dict[int, int | None]:
    """The links over (candidate, body) pairs: near hashes whose bodies' figures agree."""
    body = {cand.id: text_ for cand, text_ in articles}
    candidates = [cand for cand, _ in articles]
    confirmed = [(a, b) for a, b in candidate_pairs(candidates) if same_figures(body[a], body[b])]
    return group_duplicates(candidates, confirmed)
