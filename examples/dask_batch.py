"""Score the corpus resumes on a dask.distributed LocalCluster.

The compiled ``atscore.Analyzer`` is pickled (it rebuilds from its role JSON
and options JSON) and scattered once to every worker process; each task scores
a batch with ``analyze_many`` (all cores of the worker, GIL released) and sends
its ``Report`` objects back (they pickle too). The same code runs on a real
cluster: pass the scheduler address with ``--scheduler``.

    python examples/dask_batch.py                     # ../shared/corpus, 2 workers
    python examples/dask_batch.py --role my-role.toml --out scores.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dask.distributed import Client, LocalCluster

import atscore

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def score_batch(analyzer: atscore.Analyzer, batch: list[bytes]) -> list[atscore.Report]:
    """Runs on a worker: UTF-8 bytes in, reports out."""
    return analyzer.analyze_many(batch)


def load_role(spec: str) -> atscore.Role:
    path = Path(spec)
    if path.suffix == ".toml":
        return atscore.Role.from_toml(path.read_text(encoding="utf-8"))
    if path.suffix == ".json":
        return atscore.Role.from_json(path.read_text(encoding="utf-8"))
    return atscore.Role.builtin(spec)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--role", default="backend-developer", help="built-in name or .toml/.json file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32, help="resumes per task")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N resumes")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler")
    parser.add_argument("--out", type=Path, help="write one JSON row per resume here")
    args = parser.parse_args(argv)

    files = sorted(args.corpus.glob("resumes/*/text/*.txt"))
    if args.limit:
        files = files[: args.limit]
    if not files:
        print(f"no resumes under {args.corpus}/resumes/*/text/", file=sys.stderr)
        return 2
    analyzer = atscore.Analyzer(load_role(args.role))
    batches = [files[i : i + args.batch] for i in range(0, len(files), args.batch)]

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        remote = client.scatter(analyzer, broadcast=True)  # pickled once per worker
        futures = [client.submit(score_batch, remote, [p.read_bytes() for p in b]) for b in batches]
        reports = [r for batch in client.gather(futures) for r in batch]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    root = args.corpus / "resumes"
    rows = [
        {
            "file": str(path.relative_to(root)),
            "score": r.score,
            "must_have_found": r.must_have["found"],
            "missing": r.missing,
            "json": r.to_json(),
        }
        for path, r in zip(files, reports, strict=True)
    ]
    rows.sort(key=lambda row: -row["score"])
    print(f"scored {len(rows)} resumes against {analyzer.role.name} on {args.workers} Dask workers")
    for row in rows[:10]:
        print(f"{row['score']:4d}  {row['file']:60s}  missing: {', '.join(row['missing']) or '-'}")
    if args.out:
        args.out.write_text(json.dumps(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
