"""The project's documents name only paths that exist (outputs a run writes, which git ignores, are
not in a fresh clone and are left out), and carry no issue numbers."""

import re
import subprocess

import pytest

from banen_pipeline.config import PROJECT_ROOT

DOCUMENTS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
SUFFIXES = {
    ".py",
    ".sql",
    ".json",
    ".md",
    ".yaml",
    ".yml",
    ".toml",
    ".csv",
    ".j2",
    ".html",
    ".duckdb",
    ".parquet",
    ".pdf",
}


def _paths(text: str) -> set[str]:
    """Backticked project paths: with a folder, ending in a known suffix or a slash; not a URL, not a
    placeholder (``<table>``), not a pattern (``*.part``), not outside the project (``../``)."""
    found = set()
    for name in (word for token in re.findall(r"`([^`\n]+)`", text) for word in token.split()):
        if (
            "/" in name.rstrip("/")
            and not re.search(r"://|[<>*$]|^\.\./|^/", name)
            and (name.endswith("/") or any(name.endswith(s) for s in SUFFIXES))
        ):
            found.add(name)
    return found


def _ignored(paths: list[str]) -> set[str]:
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    return set(done.stdout.split())


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_every_path_a_document_names_exists(document):
    paths = sorted(_paths(document.read_text(encoding="utf-8")))
    assert len(paths) >= 5, "the check finds the paths"
    missing = [p for p in paths if not (PROJECT_ROOT / p).exists()]
    assert sorted(set(missing) - _ignored(missing)) == []


def test_the_check_finds_a_path_that_does_not_exist():
    assert _paths("see `banen_pipeline/nope.py`, `https://x.org/a.md`, `<t>/<t>.parquet`") == {
        "banen_pipeline/nope.py"
    }
    assert not (PROJECT_ROOT / "banen_pipeline/nope.py").exists()


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_no_issue_numbers(document):
    assert not re.findall(r"\bissues? #?\d+|#\d+\b", document.read_text(encoding="utf-8"), re.IGNORECASE)


def test_the_readme_is_a_manual_of_at_most_300_lines():
    assert len((PROJECT_ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 300
