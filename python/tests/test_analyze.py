"""The Python package: the same report as the command line, options, errors."""

import json
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

import article_cleaner

ROOT = Path(__file__).resolve().parents[2]

STORY = (
    "Bakery Fire Closes High Street in Lisdale\n\n"
    "By Tomasz Weber\n\n"
    "LISDALE - A fire at a bakery closed the high street in Lisdale on Saturday morning, "
    "the fire service said. Nobody was hurt.\n\n"
    "Firefighters from Lisdale and Carnmore spent three hours on the blaze, which started in an oven.\n\n"
    "Firefighters from Lisdale and Carnmore spent three hours on the blaze, which started in an oven.\n\n"
    "Share this story\n"
)


def test_report_is_a_dict_with_the_spec_keys():
    report = article_cleaner.analyze(STORY)
    assert report["schema"] == 1
    assert report["title"] == "Bakery Fire Closes High Street in Lisdale"
    assert report["stats"]["duplicates_removed"] == 1
    assert set(report) >= {"language", "byline", "source", "published", "text", "paragraphs", "removed",
                           "entities", "facts", "warnings", "stats"}
    assert any(e["name"] == "Lisdale" for e in report["entities"])
    # Offsets are str indices into the text as given.
    for p in report["paragraphs"]:
        assert STORY[p["start"]:p["end"]].split() == p["text"].split()


def test_options():
    raw = article_cleaner.analyze(STORY, raw=True)
    assert raw["removed"] == []
    assert len(article_cleaner.analyze(STORY, max_facts=1)["facts"]) <= 1
    lean = article_cleaner.analyze(STORY, no_entities=True, no_facts=True)
    assert lean["entities"] == [] and lean["facts"] == []
    assert "blaze" in lean["text"]
    html = article_cleaner.analyze("<p>Hello from <b>Carnmore</b>, where the ferry runs daily.</p>", input="html")
    assert "<b>" not in html["text"]
    as_text = article_cleaner.analyze("<p>Hello from Carnmore.</p>", input="text")
    assert "<p>" in as_text["text"]


@pytest.mark.parametrize("options", [{"input": "pdf"}, {"max_facts": -1}, {"max_facts": 101}, {"max_facts": 10**30}])
def test_bad_option_values_raise_value_error(options):
    with pytest.raises(ValueError, match="bad option"):
        article_cleaner.analyze(STORY, **options)


@pytest.mark.parametrize("options", [{"raw": "yes"}, {"max_facts": "5"}, {"max_facts": True}, {"input": None}])
def test_wrong_types_raise_type_error(options):
    with pytest.raises(TypeError):
        article_cleaner.analyze(STORY, **options)


def test_options_are_keywords_only():
    with pytest.raises(TypeError):
        article_cleaner.analyze(STORY, "auto")  # type: ignore[misc]
    with pytest.raises(TypeError):
        article_cleaner.analyze(b"bytes")  # type: ignore[arg-type]


def test_odd_inputs_give_reports():
    for text in ["", "\x00\x01", "é" * 100_000, "<div>" * 10_000]:
        report = article_cleaner.analyze(text)
        assert report["schema"] == 1


def test_threads_share_the_work():
    # The GIL is released during the analysis: threads give the same reports.
    results = [None] * 8

    def work(i):
        results[i] = article_cleaner.analyze(STORY + f"\nStory number {i}.")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is not None and r["title"] == "Bakery Fire Closes High Street in Lisdale" for r in results)


def test_typed_package():
    package = Path(article_cleaner.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()


def test_same_report_as_the_command_line():
    cli = ROOT / "target" / "release" / "article-cleaner"
    if not cli.exists():
        pytest.skip("the command line is not built (cargo build --release)")
    out = subprocess.run([str(cli), "--format", "json"], input=STORY.encode(), capture_output=True, check=True)
    native = json.loads(out.stdout)
    ours = article_cleaner.analyze(STORY)
    native["stats"]["elapsed_ms"] = ours["stats"]["elapsed_ms"] = 0
    assert ours == native
