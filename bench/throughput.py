"""Batch throughput on HTML pages: article-cleaner against trafilatura and
readability-lxml, one run, side by side, on the same pages.

    python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install -U pip   # an old pip's resolver fails on lxml's extras
    target/bench-venv/bin/pip install trafilatura readability-lxml
    cargo build --release --bin article-cleaner
    target/bench-venv/bin/python bench/throughput.py [--bin target/release/article-cleaner] [--pages DIR]

Pages: every .html file of DIR (default ../shared/eval/extraction/dev).
Ours: `article-cleaner batch --jobs N` over the files, timed from outside
(process start, reading the files, writing the JSON lines included); the
whole analysis, then with --no-entities --no-facts. Theirs: the extraction
alone (trafilatura.extract, readability's Document.summary) on pages
already in memory, in one process, or a pool of N processes. Each figure is
the best of --runs runs (default 3), with the processor time of that run
per page (ours: the batch process; theirs in one process: the Python
process; not counted for pools), which a busy shared host disturbs less
than the wall time. Prints a Markdown table.
"""

import argparse
import glob
import multiprocessing
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def processor_seconds():
    """Processor time of this process and of its reaped children."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs, work):
    """The best wall time of `runs` runs, and the processor time of that run
    (None when the work ran in pool processes, whose time is not counted)."""
    best, cpu = float("inf"), None
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), processor_seconds()
        work()
        elapsed = time.perf_counter() - started
        if elapsed < best:
            best, cpu = elapsed, processor_seconds() - cpu_started
    return best, cpu


def trafilatura_page(html):
    import trafilatura

    return trafilatura.extract(html)


def readability_page(html):
    from readability import Document

    return Document(html).summary()


def python_tool(function, pages, jobs, runs):
    if jobs == 1:
        for html in pages[:3]:
            function(html)  # imports and caches warm
        return best_of(runs, lambda: [function(html) for html in pages])
    with multiprocessing.Pool(jobs) as pool:
        pool.map(function, pages[: 3 * jobs], chunksize=1)
        return best_of(runs, lambda: pool.map(function, pages, chunksize=4))[0], None


def ours(binary, files, jobs, extra, runs):
    command = [binary, "batch", "--jobs", str(jobs), *extra, *files]

    def work():
        out = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        lines = out.stdout.count(b"\n")
        if out.returncode != 0 or lines != len(files):
            sys.exit(f"{' '.join(command[:4])}: exit {out.returncode}, {lines} lines for {len(files)} pages")

    return best_of(runs, work)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "article-cleaner"))
    parser.add_argument("--pages", default=os.path.join(ROOT, "..", "shared", "eval", "extraction", "dev"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="the 'all cores' column")
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(args.pages, "*.html")))
    if not files:
        sys.exit(f"no .html pages in {args.pages}")
    pages = [open(f, encoding="utf-8", errors="replace").read() for f in files]
    n = len(files)
    rows = []
    for jobs in (1, args.jobs):
        rows.append(("article-cleaner batch (whole analysis)", jobs, ours(args.bin, files, jobs, [], args.runs)))
        rows.append(
            (
                "article-cleaner batch --no-entities --no-facts",
                jobs,
                ours(args.bin, files, jobs, ["--no-entities", "--no-facts"], args.runs),
            )
        )
        rows.append(("trafilatura.extract", jobs, python_tool(trafilatura_page, pages, jobs, args.runs)))
        rows.append(("readability-lxml Document.summary", jobs, python_tool(readability_page, pages, jobs, args.runs)))
    reference = {jobs: timing for name, jobs, timing in rows if name.startswith("trafilatura")}
    print(f"{n} HTML pages, best of {args.runs} runs, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    print("| tool | jobs | pages/s | ms per page | vs trafilatura | processor ms per page | vs trafilatura |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, jobs, (seconds, cpu) in rows:
        ref_seconds, ref_cpu = reference[jobs]
        cpu_cells = (
            f"{1000 * cpu / n:.2f} | {ref_cpu / cpu:.1f}×" if cpu is not None and ref_cpu is not None else "— | —"
        )
        print(
            f"| {name} | {jobs} | {n / seconds:.0f} | {1000 * seconds / n:.2f} | "
            f"{ref_seconds / seconds:.1f}× | {cpu_cells} |"
        )


if __name__ == "__main__":
    main()
