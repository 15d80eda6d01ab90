"""Clean a corpus of JSON-lines files on a Dask cluster, partition by partition.

Each input line is one article, {"id": ..., "text": ...} or {"id": ..., "html": ...}
(the format of `article-cleaner batch`). Each input file is one partition of a
dask.bag; every partition is analysed by a worker process and written to its own
output file, one JSON line per article in input order:
{"id": ..., "report": {...}} or {"id": ..., "error": "..."}.

    python python/examples/dask_clean.py 'feeds/*.jsonl' cleaned/ --workers 2

Here the cluster is a LocalCluster of worker processes on this machine; for a
real cluster, pass its scheduler's address with --scheduler.
"""

import argparse
import json
import os
import sys

import article_cleaner


def clean_record(line, options):
    """One input line -> one output line (a report, or an error that says why)."""
    try:
        record = json.loads(line)
    except ValueError as e:
        return json.dumps({"id": None, "error": f"not a JSON object: {e}"})
    if not isinstance(record, dict):
        return json.dumps({"id": None, "error": "not a JSON object"})
    rid = record.get("id")
    if ("text" in record) == ("html" in record):
        return json.dumps({"id": rid, "error": 'give "text" or "html", one of them'})
    content = record.get("text", record.get("html"))
    if not isinstance(content, str):
        return json.dumps({"id": rid, "error": '"text" or "html" must be a string'})
    kind = "html" if "html" in record else options.get("input", "auto")
    try:
        report = article_cleaner.analyze(content, **{**options, "input": kind})
    except (TypeError, ValueError) as e:
        return json.dumps({"id": rid, "error": str(e)})
    return json.dumps({"id": rid, "report": report}, ensure_ascii=False)


def clean_partition(lines, options=None):
    """A partition's lines -> its output lines, streamed (one article in memory)."""
    options = options or {}
    for line in lines:
        if line.strip():
            yield clean_record(line, options)


def run(inputs, out_dir, *, workers=2, scheduler=None, **options):
    """Cleans `inputs` (a glob or a list of JSON-lines files) into `out_dir`,
    one output file per input file; returns the paths written."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    os.makedirs(out_dir, exist_ok=True)
    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        # Processes, one thread each: the analysis is CPU-bound work.
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        bag = db.read_text(inputs, blocksize=None)  # one partition per file
        cleaned = bag.map_partitions(clean_partition, options)
        return cleaned.to_textfiles(os.path.join(out_dir, "*.jsonl"), name_function=lambda i: f"part-{i:05d}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", help="JSON-lines files: a glob such as 'feeds/*.jsonl'")
    parser.add_argument("out_dir", help="the folder for the reports, one file per input file")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="local worker processes")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler instead of a local cluster")
    parser.add_argument("--no-entities", action="store_true")
    parser.add_argument("--no-facts", action="store_true")
    args = parser.parse_args(argv)
    written = run(
        args.inputs,
        args.out_dir,
        workers=args.workers,
        scheduler=args.scheduler,
        no_entities=args.no_entities,
        no_facts=args.no_facts,
    )
    print(f"{len(written)} files written to {args.out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
