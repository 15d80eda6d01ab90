"""The Dask example: a LocalCluster of worker processes over JSON-lines files."""

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
import dask_clean  # noqa: E402

FEEDS = [
    [
        {"id": "a1", "text": "Ferry Returns to Kells Island\n\nThe ferry to Kells Island sailed again on Tuesday, the operator said.\n\nThe ferry to Kells Island sailed again on Tuesday, the operator said."},
        {"id": "a2", "html": "<nav><a href='/'>Home</a></nav><p>The library in Alderford will open late on Thursdays, the council said on Monday.</p>"},
    ],
    [
        {"id": "b1", "text": "Engineers closed the stone bridge in Marrowby on Wednesday after cracks appeared, the roads office said."},
        "{not json",
        {"id": "b3", "text": "Rain flooded the market square in Tullow on Monday, the mayor said."},
    ],
]


def test_dask_cleans_every_partition(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i, feed in enumerate(FEEDS):
        lines = [r if isinstance(r, str) else json.dumps(r) for r in feed]
        (inputs / f"feed-{i}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    dask_clean.run(str(inputs / "*.jsonl"), str(out), workers=2, no_facts=True)
    written = sorted(out.glob("*.jsonl"))
    assert [p.name for p in written] == ["part-00000.jsonl", "part-00001.jsonl"]
    first = [json.loads(line) for line in written[0].read_text(encoding="utf-8").splitlines()]
    second = [json.loads(line) for line in written[1].read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in first] == ["a1", "a2"]
    assert first[0]["report"]["stats"]["duplicates_removed"] == 1
    assert "Home" not in first[1]["report"]["text"]
    assert all(r["report"]["facts"] == [] for r in first)
    assert [r["id"] for r in second] == ["b1", None, "b3"]
    assert "error" in second[1] and "report" not in second[1]
    assert "Tullow" in second[2]["report"]["text"]
