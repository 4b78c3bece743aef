"""Near-duplicate articles: the same story syndicated at two URLs or by two papers.

A 64-bit SimHash over word-bigram shingles of the normalised body changes by only a few bits when a
paper adds a dateline, a byline or a caption, so copies sit within a small Hamming distance.
Candidates are found with the pigeonhole trick: two hashes within distance 3 agree exactly on at
least one of four 16-bit bands, so only articles sharing a band are compared.
Bigrams rather than trigrams: on a 230-word article with a dateline and a two-word insertion,
200 salted trials kept the copy within distance 3 in 72% of cases with bigrams, 50% with trigrams
(unrelated stories: about 32 bits apart). Longer articles are caught more reliably.

A pair within the distance is confirmed only when the figures in both bodies mostly agree: two
communes' reports written from one template are near-identical text but different facts. Groups
are the connected components of confirmed pairs; every group points at its earliest published
article (ties: first loaded).

Linking is incremental, so its cost per batch does not grow with the warehouse: the loader marks
every article it adds or changes `dedup_pending` and stores the four bands in indexed columns
(`simhash_band0..3`). `link_duplicates` takes the pending articles, reads only the rows that share
a band with them, confirms the near ones with the figure check (bodies are read a chunk at a time
and only their figures kept), then recomputes from scratch the groups touched: the pending
articles' stored groups and those of their matches, whole. That gives the same links as
recomputing over all articles: the result does not depend on load order, a backfilled earlier
original takes over, and an edited article that no longer matches is unlinked. The tests hold it to
that recomputation (tests/warehouse/dedup_model.py).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, case, or_, select, text, update

from indicators.normalise import normalise_text
from warehouse.models import Article

MAX_DISTANCE = 3
SHINGLE_WORDS = 2
_BANDS = 4
_BAND_BITS = 64 // _BANDS
BAND_COLUMNS = tuple(f"simhash_band{band}" for band in range(_BANDS))  # indexed, see band_values
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# arbitrary constant: PostgreSQL advisory lock key serialising duplicate linking between runs
_DEDUP_LOCK_KEY = 0x636869746965_02


def shingles(text_: str, size: int = SHINGLE_WORDS) -> list[str]:
    words = _WORD.findall(normalise_text(text_).casefold())
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]


def simhash(text_: str) -> int:
    """64-bit SimHash of the text's word shingles (0 for an empty text)."""
    counts = [0] * 64
    for shingle in shingles(text_):
        h = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            counts[bit] += 1 if (h >> bit) & 1 else -1
    return sum(1 << bit for bit in range(64) if counts[bit] > 0)


def to_hex(value: int) -> str:
    return f"{value:016x}"


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


@dataclass(frozen=True)
class Candidate:
    id: int
    simhash: int
    published_at: datetime | None

    def order_key(self) -> tuple:
        """Earliest published first, undated last, then first loaded (lowest id)."""
        published = self.published_at.replace(tzinfo=None) if self.published_at else None
        return (published is None, published or datetime.min, self.id)


def _bands(value: int) -> Iterable[tuple[int, int]]:
    mask = (1 << _BAND_BITS) - 1
    for band in range(_BANDS):
        yield band, (value >> (band * _BAND_BITS)) & mask


def _near_pairs(candidates: Iterable[Candidate], max_distance: int = MAX_DISTANCE) -> Iterable[tuple[int, int]]:
    """(lower id, higher id) of every pair within `max_distance` bits, possibly more than once."""
    assert max_distance < _BANDS, "band index only guarantees recall for distance < number of bands"
    buckets: dict[tuple[int, int], list[Candidate]] = defaultdict(list)
    for cand in candidates:
        if cand.simhash == 0:  # empty body: nothing to compare
            continue
        for key in _bands(cand.simhash):
            for other in buckets[key]:
                if hamming(cand.simhash, other.simhash) <= max_distance:
                    yield min(cand.id, other.id), max(cand.id, other.id)
            buckets[key].append(cand)


def numbers(text_: str) -> set[str]:
    return set(_NUMBER.findall(text_))


def figures_agree(na: frozenset[str] | set[str], nb: frozenset[str] | set[str], threshold: float = 0.8) -> bool:
    """Jaccard of two bodies' figures at least `threshold` (two bodies without figures agree)."""
    if not na and not nb:
        return True
    return len(na & nb) / len(na | nb) >= threshold


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        self.parent[self.find(a)] = self.find(b)


# ---------------------------------------------------------------- linking in the warehouse

_COLUMNS = (Article.id, Article.simhash, Article.published_at, Article.duplicate_of_id)
_SEEDS_PER_ROUND = 500  # pending articles linked per round (bounds memory when many are pending)
_IDS_PER_QUERY = 512  # ids or band values per IN (...) list (a power of two, see _chunks)


def band_values(value: int) -> dict[str, int | None]:
    """The indexed band columns of a SimHash (all NULL for an empty body: nothing to compare)."""
    if not value:
        return dict.fromkeys(BAND_COLUMNS)
    return {BAND_COLUMNS[band]: part for band, part in _bands(value)}


def figures_text(body: str) -> str:
    """What `articles.figures` stores: the body's distinct numbers, sorted, space-separated."""
    return " ".join(sorted(numbers(body)))


def _candidate(row: Any) -> Candidate:
    return Candidate(row.id, int(row.simhash, 16), row.published_at)


def _chunks(values: list, size: int = _IDS_PER_QUERY) -> Iterable[list]:
    """Slices of at most `size` values for IN (...), padded to a power of two with the last value.

    An IN list of every length is a statement of its own for the driver: SQLite's statement cache
    (128 per connection) would keep hundreds of them, compiled, for as long as the pool lives."""
    for start in range(0, len(values), size):
        chunk = values[start:start + size]
        yield chunk + chunk[-1:] * ((1 << (len(chunk) - 1).bit_length()) - len(chunk))


def _rows(connection: Connection, condition_of: Callable[[list], Any], values: Iterable) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for chunk in _chunks(sorted(set(values))):
        for row in connection.execute(select(*_COLUMNS).where(Article.simhash.is_not(None), condition_of(chunk))):
            found[row.id] = row
    return found


class _Figures:
    """Figures of the articles compared so far, read from `articles.figures` a chunk at a time
    (from the body for a row written without them)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.of: dict[int, frozenset[str]] = {}

    def load(self, ids: Iterable[int]) -> None:
        missing = sorted(set(ids) - self.of.keys())
        for chunk in _chunks(missing):
            for article_id, figures, body in self.connection.execute(
                    select(Article.id, Article.figures,
                           case((Article.figures.is_(None), Article.body), else_=None)).where(Article.id.in_(chunk))):
                self.of[article_id] = frozenset(figures.split() if figures is not None else numbers(body or ""))

    def agree(self, a: int, b: int) -> bool:
        return figures_agree(self.of[a], self.of[b])


def _near(connection: Connection, seeds: list[Candidate]) -> dict[int, Any]:
    """Rows within MAX_DISTANCE of a seed (seed id -> {row id: row}), found through the band columns.

    Only rows sharing a band value with a seed are read, and only the near ones are kept."""
    near: dict[int, dict[int, Any]] = defaultdict(dict)
    for band, column_name in enumerate(BAND_COLUMNS):
        column = Article.__table__.c[column_name]
        buckets: dict[int, list[Candidate]] = defaultdict(list)
        for seed in seeds:
            if seed.simhash:
                buckets[(seed.simhash >> (band * _BAND_BITS)) & ((1 << _BAND_BITS) - 1)].append(seed)
        for chunk in _chunks(sorted(buckets)):
            query = select(*_COLUMNS, column.label("band")).where(column.in_(chunk), Article.simhash.is_not(None))
            for row in connection.execute(query):
                value = int(row.simhash, 16)
                for seed in buckets[row.band]:
                    if seed.id != row.id and hamming(seed.simhash, value) <= MAX_DISTANCE:
                        near[seed.id][row.id] = row
    return near


def _relink(connection: Connection, seed_rows: list) -> int:
    """Link the seeds (articles added or changed); returns how many rows changed.

    A seed that was on its own can only join groups, so a group it matches is handled whole, as
    one node standing for all its members, which are never read: one confirmed match with any
    member is enough. A group that holds a seed linked to others may fall apart (the seed's text
    changed), so it is taken apart and recomputed member by member."""
    figures = _Figures(connection)
    seed_rows = [r for r in seed_rows if r.simhash is not None]
    seeds = {r.id: r for r in seed_rows}
    if not seeds:
        return 0
    # 1. the seeds' stored groups: those with more than the seed are taken apart
    followers = _rows(connection, Article.duplicate_of_id.in_, seeds)
    dissolved = {r.duplicate_of_id for r in seed_rows if r.duplicate_of_id is not None}
    dissolved |= {r.duplicate_of_id for r in followers.values()}
    explicit = dict(seeds)  # articles linked one by one: the seeds and the members of dissolved groups
    if dissolved:
        explicit |= _rows(connection, Article.id.in_, dissolved) | _rows(connection, Article.duplicate_of_id.in_, dissolved)

    def node(row: Any) -> Any:
        """An article linked on its own, or ("group", original id) for an untouched group."""
        original = row.duplicate_of_id or row.id
        return row.id if row.id in explicit or original in dissolved else ("group", original)

    links = _UnionFind()
    for i in explicit:
        links.find(i)
    # 2. pairs inside the explicit set (seeds with each other, members of dissolved groups)
    members = [_candidate(r) for r in explicit.values()]
    figures.load(explicit)
    for a, b in _near_pairs(members):  # streamed: a group of thousands never becomes a list of pairs
        if links.find(a) != links.find(b) and figures.agree(a, b):
            links.union(a, b)
    # 3. the seeds' other matches: per (seed, group) members are tried in id order until one confirms
    todo: dict[tuple[int, Any], list[int]] = defaultdict(list)
    group_rows: dict[Any, Any] = {}
    for seed_id, rows in _near(connection, [_candidate(r) for r in seed_rows]).items():
        for row in sorted(rows.values(), key=lambda r: r.id):
            target = node(row)
            if target == row.id:  # explicit: already paired in step 2
                continue
            group_rows.setdefault(target, row)
            todo[(seed_id, target)].append(row.id)
    while todo:
        todo = {key: ids for key, ids in todo.items() if links.find(key[0]) != links.find(key[1])}
        figures.load(ids[0] for ids in todo.values())
        for (seed_id, target), ids in list(todo.items()):
            if figures.agree(seed_id, ids.pop(0)):
                links.union(seed_id, target)
            if not ids or links.find(seed_id) == links.find(target):
                del todo[(seed_id, target)]
    # 4. each component's original: the earliest of its articles and of its groups' originals
    originals = _rows(connection, Article.id.in_, [t[1] for t in group_rows])
    key_of = {i: _candidate(r).order_key() for i, r in explicit.items()}
    key_of |= {t: _candidate(originals[t[1]]).order_key() for t in group_rows if t[1] in originals}
    components: dict[Any, list[Any]] = defaultdict(list)
    for item in key_of:
        components[links.find(item)].append(item)
    first: dict[Any, int] = {}
    for items in components.values():
        best = min(items, key=key_of.__getitem__)
        for item in items:
            first[item] = best if isinstance(best, int) else best[1]
    # 5. write what changed: explicit rows one by one, a group that found an earlier original whole
    changes = [{"b_id": i, "b_dup": None if first[i] == i else first[i]} for i, r in explicit.items()
               if (None if first[i] == i else first[i]) != r.duplicate_of_id]
    changed = 0
    if changes:
        # originals first, so no row ever points at an article that still points elsewhere
        changes.sort(key=lambda c: (c["b_dup"] is not None, c["b_id"]))
        connection.execute(
            update(Article).where(Article.id == bindparam("b_id")).values(duplicate_of_id=bindparam("b_dup")),
            changes,
        )
        changed += len(changes)
    for target in sorted(t for t in key_of if not isinstance(t, int)):
        if first[target] != target[1]:
            changed += connection.execute(
                update(Article).where(or_(Article.id == target[1], Article.duplicate_of_id == target[1]))
                .values(duplicate_of_id=first[target])).rowcount
    return changed


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":  # re-entrant within the transaction
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DEDUP_LOCK_KEY})


def link_duplicates(connection: Connection, *, seeds_per_round: int = _SEEDS_PER_ROUND) -> int:
    """Link the pending articles (`dedup_pending`, set by the loader); returns how many rows changed.

    Call it in its own transaction after the articles are committed: on PostgreSQL the advisory
    lock makes concurrent runs take turns, so the later one sees the other's articles. Articles a
    crashed run left pending are linked by the next call.
    """
    _lock(connection)
    changed = 0
    while True:
        seeds = connection.execute(
            select(*_COLUMNS).where(Article.dedup_pending).order_by(Article.id).limit(seeds_per_round)
        ).all()
        if not seeds:
            return changed
        changed += _relink(connection, seeds)
        for chunk in _chunks([r.id for r in seeds]):
            connection.execute(update(Article).where(Article.id.in_(chunk)).values(dedup_pending=False))


def relink_all(connection: Connection) -> int:
    """Recompute every link (after a change of the rules): all articles pending, then linked in rounds."""
    _lock(connection)
    connection.execute(update(Article).where(Article.simhash.is_not(None)).values(dedup_pending=True))
    return link_duplicates(connection)
