"""Keep README.md's generated parts true: the rule table and the example outputs.

Usage, from the project root::

    python docs/sync_readme.py            # print every generated block
    python docs/sync_readme.py --write    # rewrite the blocks in README.md
    python docs/sync_readme.py --check    # exit 1 when a block in README.md is out of date

A generated block sits between ``<!-- gen:NAME -->`` and ``<!-- /gen:NAME -->``.
``rules`` is built from ``adlint rules --output-format json``. Each example runs
real ``python -m adlint`` commands, either in the project root or in a scratch
folder that holds the example posting :data:`POSTING` (its absolute path,
where adlint prints one, is shown as ``/path/to/site``). Standard output is
shown first and standard error after it, as a terminal shows them. The
``seed`` example needs ``../shared/corpus``; when the corpus is absent, that
block is left as it is. Exit status: 0; 1 for ``--check`` when out of date;
2 on errors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CORPUS = ROOT.parent / "shared" / "corpus"

#: The example posting of the README (written for it; not from the corpus).
POSTING = """\
---
title: Data engineer
language: en_GB
country: UK
---

# Data engineer

## Responsibilities

- Build and run the data platform

## Requirements

## Benefits

- 30 days of paid holiday
"""

BAD_CONFIG = 'selekt = ["AD1"]\n'

#: How the scratch folder's absolute path is shown in the README (the real one is a temporary folder).
SCRATCH_SHOWN = "/path/to/site"


@dataclass
class Example:
    """One console example: ``args`` after ``adlint``, run in ``where`` (``root`` or ``scratch``)."""

    name: str
    args: list[str]
    where: str = "scratch"
    shown: str = "adlint"       # how the command is spelled in the README
    show_exit: bool = False     # add `$ echo $?` and the exit status
    needs_corpus: bool = False


EXAMPLES = [
    Example("seed", ["check", "../shared/corpus/seed/"], where="root", shown=".venv/bin/adlint",
            show_exit=True, needs_corpus=True),
    Example("full", ["check", "--output-format", "full", "jobs/data-engineer.md"]),
    Example("json-lines", ["check", "--output-format", "json-lines", "--select", "AD402", "jobs/data-engineer.md"]),
    Example("statistics", ["check", "--statistics", "jobs/"]),
    Example("bad-config", ["check", "--config", "bad.toml", "jobs"], show_exit=True),
]


def _adlint(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_COLOR="1")
    env.pop("ADLINT_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "adlint", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=300)


def rules_block() -> str:
    """The rule table, from the real ``adlint rules --output-format json``. Raises ``RuntimeError``."""
    proc = _adlint(["rules", "--output-format", "json"], ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"adlint rules failed ({proc.returncode}): {proc.stderr.strip()}")
    lines = ["| Code | Name | Default severity | Fix | What it reports |", "|---|---|---|---|---|"]
    for r in json.loads(proc.stdout):
        sev = r["severity"] + ("" if r["default_enabled"] else ", off by default")
        summary = " ".join(r["summary"].split()).replace("|", "\\|")
        lines.append(f"| {r['code']} | `{r['name']}` | {sev} | {r['fixable'] or ''} | {summary} |")
    return "\n".join(lines) + "\n"


def example_block(ex: Example, scratch: Path) -> str:
    """A ``console`` code block with the command, its real output and (optionally) its exit status."""
    cwd = ROOT if ex.where == "root" else scratch
    proc = _adlint(ex.args, cwd)
    if proc.returncode not in (0, 1) and not ex.show_exit:
        raise RuntimeError(f"adlint {' '.join(ex.args)} exited {proc.returncode}: {proc.stderr.strip()}")
    out = proc.stdout + proc.stderr
    # adlint names a --config file by its absolute path: show the scratch folder as a fixed placeholder.
    out = out.replace(str(scratch.resolve()), SCRATCH_SHOWN).replace(str(scratch), SCRATCH_SHOWN)
    if out and not out.endswith("\n"):
        out += "\n"
    text = f"$ {ex.shown} {' '.join(ex.args)}\n{out}"
    if ex.show_exit:
        text += f"$ echo $?\n{proc.returncode}\n"
    return f"```console\n{text}```\n"


def blocks() -> dict[str, str]:
    """Every generated block by name (the ``seed`` example only when the corpus exists)."""
    out = {"rules": rules_block(), "posting": f"```markdown\n{POSTING}```\n"}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        (scratch / "jobs").mkdir()
        (scratch / "jobs" / "data-engineer.md").write_text(POSTING, encoding="utf-8")
        (scratch / "bad.toml").write_text(BAD_CONFIG, encoding="utf-8")
        for ex in EXAMPLES:
            if ex.needs_corpus and not CORPUS.is_dir():
                continue
            out[ex.name] = example_block(ex, scratch)
    return out


def apply(text: str, generated: dict[str, str]) -> str:
    """``text`` with each ``gen:NAME`` block replaced. Raises ``ValueError`` when a marker is missing."""
    for name, body in generated.items():
        pattern = re.compile(rf"(<!-- gen:{re.escape(name)} -->\n).*?(<!-- /gen:{re.escape(name)} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"README.md has no <!-- gen:{name} --> … <!-- /gen:{name} --> block")
        text = pattern.sub(lambda m: m.group(1) + body + m.group(2), text, count=1)
    return text


def main(argv: list[str] | None = None) -> int:
    """Print, write or check the generated blocks; returns the exit status."""
    ap = argparse.ArgumentParser(description="Regenerate README.md's rule table and example outputs.")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the blocks in README.md")
    mode.add_argument("--check", action="store_true", help="exit 1 when README.md is out of date")
    args = ap.parse_args(argv)
    try:
        generated = blocks()
        if not (args.write or args.check):
            for name, body in generated.items():
                sys.stdout.write(f"<!-- gen:{name} -->\n{body}<!-- /gen:{name} -->\n\n")
            return 0
        current = README.read_text(encoding="utf-8")
        updated = apply(current, generated)
    except (RuntimeError, ValueError, OSError, subprocess.TimeoutExpired) as exc:
        print(f"sync_readme: {exc}", file=sys.stderr)
        return 2
    if args.check:
        if updated != current:
            stale = [n for n, b in generated.items() if f"<!-- gen:{n} -->\n{b}<!-- /gen:{n} -->" not in current]
            print(f"README.md is out of date ({', '.join(stale)}): run `python docs/sync_readme.py --write`",
                  file=sys.stderr)
            return 1
        return 0
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
