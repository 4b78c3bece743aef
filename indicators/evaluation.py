"""Score the extractor against gold records, the way ../shared/tools/score_indicators.py does, with
the breakdowns error analysis needs: per corpus, per metric, and every miss and wrong figure with
its sentence.

Pure but for `load_corpus` and `read_sources`, which read a corpus's files; the caller writes the
report. The matching rule is the spec's: a prediction matches a gold record of the same doc, metric
and unit whose value is equal to 1e-6 relative; an optional gold record matches only a prediction of
the same kind; predictions of `other` are not scored; required gold records are matched first.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from indicators.extract import Published, extract_records


@dataclass(frozen=True)
class Corpus:
    """Documents (file name → text), their gold records, and their publication dates where the corpus
    lists them (`read_sources`)."""

    name: str
    docs: dict[str, str]
    gold: list[dict]
    published: dict[str, Published] = field(default_factory=dict)


SOURCES_FILE = "sources.tsv"


def read_sources(path: Path) -> dict[str, Published]:
    """File name → publication date, from a corpus's manifest (`sources.tsv`: one line per document,
    `file<TAB>URL<TAB>date`, the date empty where it is not known).

    Why: an excerpt often carries no date of its own, and the year of a stock or of "Trong năm qua"
    depends on when it was published; the pipeline always knows it, the manifest is how a corpus tells
    it. A date is `YYYY-MM-DD`, `YYYY-MM` (its month: the extractor uses only the year and month) or
    `YYYY`. A line that is not that is an error naming the file and line, never skipped; only a first line
    naming no file (no extension) and no date (no digit) is taken for a header of column names (`file\turl\tdate`)."""
    out: dict[str, Published] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        day = fields[2].strip() if len(fields) > 2 else ""
        if not day or number == 1 and "." not in fields[0] and not any(c.isdigit() for c in day):
            continue
        try:
            parts = [int(p) for p in day.split("-")]
            if not 1 <= len(parts) <= 3 or len(day.split("-")[0]) != 4:
                raise ValueError(day)
            year, month, day_of_month = (parts + [1, 1])[:3]
            out[fields[0].strip()] = year if len(parts) == 1 else date(year, month, day_of_month)
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {day!r} is no date (YYYY-MM-DD, YYYY-MM or YYYY)") from exc
    return out


@dataclass
class Tally:
    """Counts for one slice (overall, a corpus or a metric)."""

    tp: int = 0
    fp: int = 0
    required: int = 0
    kind_ok: int = 0
    year_ok: int = 0
    year_n: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.tp if self.tp else 1.0

    @property
    def year_accuracy(self) -> float:
        return self.year_ok / self.year_n if self.year_n else 1.0


@dataclass
class Score:
    """The result of scoring one corpus: totals, per metric, and the errors with their sentences."""

    total: Tally = field(default_factory=Tally)
    by_metric: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[dict] = field(default_factory=list)  # required gold records no prediction matched
    wrong: list[dict] = field(default_factory=list)  # scored predictions no gold record matched
    wrong_kind: list[tuple[dict, dict]] = field(default_factory=list)  # (prediction, gold)
    wrong_year: list[tuple[dict, dict]] = field(default_factory=list)


def _same(p: dict, g: dict) -> bool:
    return (p["metric"] == g["metric"] and p["unit"] == g["unit"]
            and abs(float(p["value"]) - float(g["value"])) <= 1e-6 * max(1.0, abs(float(g["value"]))))


def score(gold: Iterable[dict], pred: Iterable[dict]) -> Score:
    """Match `pred` to `gold` document by document, in the scorer's order."""
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    pred_by_doc: dict[str, list[dict]] = defaultdict(list)
    s = Score()
    for g in gold:
        gold_by_doc[g["doc"]].append(g)
        if not g.get("optional"):
            s.total.required += 1
            s.by_metric[g["metric"]].required += 1
    for p in pred:
        if p.get("metric", "other") != "other":
            pred_by_doc[p["doc"]].append(p)
    for doc in sorted(set(gold_by_doc) | set(pred_by_doc)):
        left = sorted(gold_by_doc.get(doc, []), key=lambda g: bool(g.get("optional")))
        for p in pred_by_doc.get(doc, []):
            hit = next((g for g in left if _same(p, g) and (not g.get("optional") or p.get("kind") == g["kind"])),
                       None)
            if hit is None:
                s.total.fp += 1
                s.by_metric[p["metric"]].fp += 1
                s.wrong.append(p)
                continue
            left.remove(hit)
            if hit.get("optional"):
                continue
            for t in (s.total, s.by_metric[hit["metric"]]):
                t.tp += 1
                t.kind_ok += p.get("kind") == hit["kind"]
                if hit.get("year") is not None:
                    t.year_n += 1
                    t.year_ok += p.get("year") == hit["year"]
            if p.get("kind") != hit["kind"]:
                s.wrong_kind.append((p, hit))
            if hit.get("year") is not None and p.get("year") != hit["year"]:
                s.wrong_year.append((p, hit))
        s.misses += [g for g in left if not g.get("optional")]
    return s


def predict(corpus: Corpus) -> list[dict]:
    """The extractor's records for every document, as `chitieu extract --format jsonl` prints them."""
    out: list[dict] = []
    for doc in sorted(corpus.docs):
        out += extract_records(corpus.docs[doc], doc=doc, published=corpus.published.get(doc))
    return out


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_corpus(name: str, docs_dir: Path, gold_file: Path) -> Corpus:
    """The `*.txt` files of `docs_dir` with the gold records of `gold_file`; a gold record naming a
    document that is not there is an error (the score would silently count it as missed)."""
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted(docs_dir.glob("*.txt"))}
    gold = _read_jsonl(gold_file)
    missing = sorted({g["doc"] for g in gold} - set(docs))
    if missing:
        raise FileNotFoundError(f"{gold_file}: gold names documents not in {docs_dir}: {', '.join(missing[:5])}")
    return Corpus(name, docs, gold, sources_near(docs_dir))


def sources_near(folder: Path) -> dict[str, Published]:
    """The publication dates of `sources.tsv` in `folder` or its parent (a corpus keeps its documents
    in `docs/` beside the manifest), or none."""
    for candidate in (folder / SOURCES_FILE, folder.parent / SOURCES_FILE):
        if candidate.is_file():
            return read_sources(candidate)
    return {}


def shared_corpora(shared: Path) -> list[Corpus]:
    """The seeds and the real corpus of the shared folder, those that are present."""
    sets = [("seeds", shared / "seeds", shared / "gold" / "seeds.jsonl"),
            ("real", shared / "corpus" / "real" / "docs", shared / "corpus" / "real" / "gold.jsonl")]
    return [load_corpus(name, docs, gold) for name, docs, gold in sets if gold.is_file() and docs.is_dir()]


# --- reports ---------------------------------------------------------------------------------------


def summary_line(t: Tally) -> str:
    return (f"precision {t.precision:.3f}  recall {t.recall:.3f}  f1 {t.f1:.3f}  kind {t.kind_accuracy:.3f}  "
            f"year {t.year_accuracy:.3f}  (tp {t.tp}, fp {t.fp}, required {t.required})")


def metric_table(s: Score) -> str:
    """A Markdown table of the per-metric figures (the one docs/quality.md keeps)."""
    rows = ["| metric | required | tp | fp | precision | recall | kind | year |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for metric in sorted(s.by_metric):
        t = s.by_metric[metric]
        rows.append(f"| {metric} | {t.required} | {t.tp} | {t.fp} | {t.precision:.3f} | {t.recall:.3f} | "
                    f"{t.kind_accuracy:.3f} | {t.year_accuracy:.3f} |")
    t = s.total
    rows.append(f"| **all** | {t.required} | {t.tp} | {t.fp} | {t.precision:.3f} | {t.recall:.3f} | "
                f"{t.kind_accuracy:.3f} | {t.year_accuracy:.3f} |")
    return "\n".join(rows)


def _sentence(r: dict) -> str:
    return " ".join(str(r.get("evidence", "")).split())


def errors_report(name: str, s: Score) -> str:
    """Every miss, wrong figure, wrong kind and wrong year of a corpus, with its sentence."""
    lines = [f"# {name}: {summary_line(s.total)}", ""]
    lines.append(f"## Missed ({len(s.misses)})")
    for g in sorted(s.misses, key=lambda g: (g["metric"], g["doc"])):
        lines.append(f"- {g['doc']}: {g['metric']} = {g['value']:g} {g['unit']} ({g['kind']}) « {_sentence(g)} »")
    lines += ["", f"## Wrong figures ({len(s.wrong)})"]
    for p in sorted(s.wrong, key=lambda p: (p["metric"], p["doc"])):
        lines.append(f"- {p['doc']}: {p['metric']} = {p['value']:g} {p['unit']} ({p.get('kind')}) « {_sentence(p)} »")
    lines += ["", f"## Right figure, wrong kind ({len(s.wrong_kind)})"]
    for p, g in s.wrong_kind:
        lines.append(f"- {p['doc']}: {p['metric']} = {p['value']:g}: {p.get('kind')} for {g['kind']} « {_sentence(p)} »")
    lines += ["", f"## Right figure, wrong year ({len(s.wrong_year)})"]
    for p, g in s.wrong_year:
        lines.append(f"- {p['doc']}: {p['metric']} = {p['value']:g}: {p.get('year')} for {g['year']} « {_sentence(p)} »")
    return "\n".join(lines) + "\n"
