"""Precision harness: sample adlint's findings on the real corpus, write judging sheets, report judged precision.

Precision is measured like speed: per rule, on real postings, with hand judgements
(see ``benchmarks/JUDGING.md`` for the judges' brief). Three steps:

``sample``
    Lints ``../shared/corpus`` with the default rules (``--select`` narrows the
    rule families), leaves out findings already judged in
    ``tests/fixtures/judged/`` (so a new round is a fresh sample), and draws up to
    ``--per-rule`` findings per rule, spread over its severities and over every
    corpus folder where it fires (seeded: the same seed gives the same sample).
    Writes ``OUT/sample.jsonl`` (one finding a line) and ``OUT/batch-NN.md``
    judging sheets, grouped by posting, ``--batch`` findings each.

``merge``
    Reads judges' answers ``OUT/answers/<judge>/batch-NN.jsonl`` (lines
    ``{"id", "correct", "useful", "reason"}``, values ``yes``/``no``/``unsure``).
    Where two judges agree on both questions, that is the verdict; a third
    judge's answer (``OUT/answers/third/…``), where present, decides the rest.
    Findings still undecided are written to ``OUT/disagreements.md`` for a third
    judge. Decided findings go to ``tests/fixtures/judged/<round>.jsonl``.

``known``
    Writes ``tests/fixtures/judged/<round>.known.json``: findings judged wrong
    that are still reported, and findings judged right and useful that are no
    longer reported, each with a reason (``tests/test_judged.py`` reads it).

``report``
    Re-lints the judged postings with the current code and prints, per rule:
    judged, share right, share worth showing, how many judged findings are no
    longer reported, and precision among those still reported.

Matching key of a judged finding: corpus-relative path, code and line, and the first quoted
subject of the message when both messages have one (AD101 names the missing section).
Usage (from the project root, with adlint installed)::

    python benchmarks/precision.py sample --seed 1 --select AD0,AD1,AD4,AD5 --out /tmp/round1
    python benchmarks/precision.py merge /tmp/round1 --round r1-structure
    python benchmarks/precision.py report [--round r1-structure] [--select AD1] [--markdown]
    python benchmarks/precision.py known --round r1-structure   # the ratchet's list of known gaps

Exit status 0; 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
JUDGED = ROOT / "tests" / "fixtures" / "judged"
ANSWERS = ("yes", "no", "unsure")


def corpus_files(corpus: Path) -> list[Path]:
    """Every posting file under ``corpus`` (sorted), its README files left out."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != "README.md")


def lint_files(files: list[Path], corpus: Path) -> dict[str, list[dict]]:
    """Lint ``files`` in this process with the default config.

    Returns ``{corpus-relative path: [finding dict]}``; a finding dict has
    ``code``, ``severity``, ``message``, ``line``, ``col``, ``end_line``,
    ``end_col`` (1-based, end exclusive) and ``related`` when the rule gives it.
    """
    from adlint.config import resolve
    from adlint.linter import lint_bytes

    cfg = resolve({}, None, ROOT)
    out: dict[str, list[dict]] = {}
    for f in files:
        rel = f.relative_to(corpus).as_posix()
        res = lint_bytes(rel, f.read_bytes(), cfg, real_path=f)
        out[rel] = [{"code": d.code, "severity": d.severity, "message": d.message, "line": d.line, "col": d.col,
                     "end_line": d.end_line, "end_col": d.end_col,
                     **({"related": [{"message": r.message, "line": r.line, "col": r.col} for r in d.related]}
                        if d.related else {})} for d in res.diagnostics]
    return out


def flagged_text(lines: list[str], f: dict, limit: int = 160) -> str:
    """The text a finding points at (its first line only), at most ``limit`` characters.

    A zero-width finding gives its whole line instead, so a judge still sees where it is.
    """
    if not 1 <= f["line"] <= len(lines):
        return ""
    line = lines[f["line"] - 1]
    end = f["end_col"] - 1 if f["end_line"] == f["line"] else len(line)
    text = line[f["col"] - 1:end] if end > f["col"] - 1 else line
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def load_judged(round_name: str | None = None) -> list[dict]:
    """Every judged finding in ``tests/fixtures/judged`` (one round's file only, when named)."""
    rows = []
    for p in sorted(JUDGED.glob("*.jsonl")):
        if round_name and p.stem != round_name:
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["round"] = p.stem
                rows.append(row)
    return rows


_QUOTED = re.compile(r"'([^']+)'")


def same_finding(judged: dict, current: dict) -> bool:
    """True when a current finding is the judged one: same code and line and, when both messages
    quote a subject ("missing required section 'benefits'"), the same first quoted subject."""
    if judged["code"] != current["code"] or judged["line"] != current["line"]:
        return False
    a, b = _QUOTED.search(judged.get("message", "")), _QUOTED.search(current.get("message", ""))
    return a is None or b is None or a.group(1).strip(":;., ").lower() == b.group(1).strip(":;., ").lower()


def _selected(code: str, select: list[str]) -> bool:
    return not select or any(code.startswith(s) for s in select)


def cmd_sample(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    select = [s for s in args.select.split(",") if s]
    files = corpus_files(corpus)
    findings = lint_files(files, corpus)
    seen = {(r["path"], r["code"], r["line"]) for r in load_judged()}
    # stratum = (code, severity, folder); draw round-robin so every stratum is represented
    strata: dict[str, dict[tuple[str, str], list[dict]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    texts: dict[str, list[str]] = {}
    for rel, fs in findings.items():
        for f in fs:
            if not _selected(f["code"], select) or (rel, f["code"], f["line"]) in seen:
                continue
            f = dict(f, path=rel)
            strata[f["code"]][(f["severity"], rel.split("/")[0])].append(f)
    rng = random.Random(args.seed)
    sample: list[dict] = []
    for code in sorted(strata):
        pools = strata[code]
        for key in sorted(pools):
            rng.shuffle(pools[key])
        # at most one finding per posting and rule while others remain: more postings, more mechanisms
        taken: list[dict] = []
        used_paths: set[str] = set()
        keys = sorted(pools)
        rng.shuffle(keys)
        while len(taken) < args.per_rule and any(pools[k] for k in keys):
            for k in keys:
                if len(taken) >= args.per_rule:
                    break
                pool = pools[k]
                pick = next((i for i, f in enumerate(pool) if f["path"] not in used_paths), 0 if pool else None)
                if pick is None:
                    continue
                f = pool.pop(pick)
                used_paths.add(f["path"])
                taken.append(f)
        sample.extend(taken)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(sorted(sample, key=lambda f: (f["path"], f["line"], f["code"]))):
        f["id"] = f"{args.seed}-{i:04d}"
        if f["path"] not in texts:
            texts[f["path"]] = (corpus / f["path"]).read_text(encoding="utf-8", errors="replace").splitlines()
        f["text"] = flagged_text(texts[f["path"]], f)
    sample.sort(key=lambda f: f["id"])
    with open(out / "sample.jsonl", "w", encoding="utf-8") as fh:
        for f in sample:
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")
    write_batches(sample, out, corpus, args.batch)
    counts = collections.Counter(f["code"] for f in sample)
    print(f"{len(sample)} findings from {len({f['path'] for f in sample})} postings in {out}")
    print(" ".join(f"{c}:{n}" for c, n in sorted(counts.items())))
    return 0


def write_batches(sample: list[dict], out: Path, corpus: Path, size: int) -> None:
    """Write ``batch-NN.md`` sheets: findings grouped by posting, about ``size`` findings a sheet."""
    by_path: dict[str, list[dict]] = collections.defaultdict(list)
    for f in sample:
        by_path[f["path"]].append(f)
    batches: list[list[str]] = [[]]
    count = 0
    for path in sorted(by_path):
        if count >= size:
            batches.append([])
            count = 0
        block = [f"## Posting `{corpus / path}`", ""]
        for f in sorted(by_path[path], key=lambda f: (f["line"], f["col"])):
            block.append(f"- id `{f['id']}`: **{f['code']}** [{f['severity']}] at line {f['line']}, column {f['col']}: "
                         f"{f['message']}")
            if f["text"]:
                block.append(f"  - flagged text: `{f['text'].replace('`', chr(39))}`")
            if f.get("related"):  # the places behind a whole-posting finding (AD301's counted words)
                block.append("  - related: " + "; ".join(f"{r['message']} (line {r['line']}, column {r['col']})"
                                                         for r in f["related"]))
        block.append("")
        batches[-1].extend(block)
        count += len(by_path[path])
    for i, lines in enumerate(batches):
        (out / f"batch-{i:02d}.md").write_text("\n".join(lines), encoding="utf-8")


def _read_answers(path: Path) -> dict[str, dict]:
    answers = {}
    if not path.exists():
        return answers
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip().rstrip(",")
        if not line.startswith("{"):
            continue
        try:
            a = json.loads(line)
        except json.JSONDecodeError:
            continue
        if a.get("correct") in ANSWERS and a.get("useful") in ANSWERS and "id" in a:
            answers[a["id"]] = a
    return answers


def cmd_merge(args: argparse.Namespace) -> int:
    out = Path(args.dir)
    sample = {json.loads(l)["id"]: json.loads(l) for l in (out / "sample.jsonl").read_text().splitlines() if l}
    judges: dict[str, dict[str, dict]] = {}
    for d in sorted((out / "answers").iterdir()):
        if d.is_dir():
            merged: dict[str, dict] = {}
            for p in sorted(d.glob("*.jsonl")):
                merged.update(_read_answers(p))
            judges[d.name] = merged
    third = judges.pop("third", {})
    decided, open_ = [], []
    for fid, f in sample.items():
        votes = [j[fid] for j in judges.values() if fid in j][:2]
        if len(votes) < 2:
            open_.append((f, votes, "fewer than two judges answered"))
            continue
        a, b = votes
        if a["correct"] == b["correct"] and a["useful"] == b["useful"]:
            verdict, reason = a, a.get("reason", "")
        elif fid in third:
            verdict, reason = third[fid], third[fid].get("reason", "")
        else:
            open_.append((f, votes, "judges disagree"))
            continue
        decided.append({"path": f["path"], "code": f["code"], "severity": f["severity"], "line": f["line"],
                        "column": f["col"], "text": f["text"], "message": f["message"],
                        "correct": verdict["correct"], "useful": verdict["useful"],
                        "reason": " ".join(str(reason).split())[:300]})
    JUDGED.mkdir(parents=True, exist_ok=True)
    target = JUDGED / f"{args.round}.jsonl"
    with open(target, "w", encoding="utf-8") as fh:
        for r in sorted(decided, key=lambda r: (r["path"], r["line"], r["code"])):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if open_:
        lines = ["# Findings for a third judge", "",
                 "Two judges gave different answers (or one is missing). Read the brief, the posting and "
                 "`adlint rule CODE`, then decide. The earlier answers are shown for reference only.", ""]
        for f, votes, why in open_:
            lines.append(f"- id `{f['id']}` in `{Path(args.corpus) / f['path']}`: **{f['code']}** [{f['severity']}] "
                         f"at line {f['line']}, column {f['col']}: {f['message']}")
            if f["text"]:
                lines.append(f"  - flagged text: `{f['text']}`")
            for v in votes:
                lines.append(f"  - a judge said correct={v['correct']}, useful={v['useful']}: {v.get('reason', '')}")
        (out / "disagreements.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(decided)} decided → {target}; {len(open_)} open"
          + (f" → {out / 'disagreements.md'}" if open_ else ""))
    return 0


def precision_table(rows: list[dict], current: dict[str, list[dict]] | None) -> list[dict]:
    """Per rule: judged, right, useful, gone (no longer reported), right among the still reported.

    ``current`` is the fresh lint of the judged postings, or ``None`` to skip the comparison.
    Shares count ``unsure`` as not right / not useful.
    """
    by_code: dict[str, list[dict]] = collections.defaultdict(list)
    for r in rows:
        by_code[r["code"]].append(r)
    table = []
    for code in sorted(by_code):
        rs = by_code[code]
        row = {"code": code, "judged": len(rs), "right": sum(r["correct"] == "yes" for r in rs),
               "useful": sum(r["useful"] == "yes" for r in rs)}
        if current is not None:
            live = [r for r in rs if any(same_finding(r, f) for f in current.get(r["path"], []))]
            row["gone"] = len(rs) - len(live)
            row["live"] = len(live)
            row["live_right"] = sum(r["correct"] == "yes" for r in live)
            row["live_useful"] = sum(r["useful"] == "yes" for r in live)
        table.append(row)
    return table


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "–"


def cmd_report(args: argparse.Namespace) -> int:
    select = [s for s in args.select.split(",") if s]
    rows = [r for r in load_judged(args.round) if _selected(r["code"], select)]
    if not rows:
        print("no judged findings match")
        return 0
    corpus = Path(args.corpus)
    current = None
    if not args.no_relint:
        paths = sorted({r["path"] for r in rows})
        current = lint_files([corpus / p for p in paths], corpus)
    table = precision_table(rows, current)
    head = ["rule", "judged", "right", "worth showing"]
    if current is not None:
        head += ["gone now", "still reported", "right of those", "worth showing of those"]
    lines = []
    if args.markdown:
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    else:
        lines.append("  ".join(f"{h:>14}" for h in head))
    total = collections.Counter()
    for row in table:
        cells = [row["code"], str(row["judged"]), f"{row['right']} ({_pct(row['right'], row['judged'])})",
                 f"{row['useful']} ({_pct(row['useful'], row['judged'])})"]
        if current is not None:
            cells += [str(row["gone"]), str(row["live"]), f"{row['live_right']} ({_pct(row['live_right'], row['live'])})",
                      f"{row['live_useful']} ({_pct(row['live_useful'], row['live'])})"]
        for k, v in row.items():
            if k != "code":
                total[k] += v
        lines.append(("| " + " | ".join(cells) + " |") if args.markdown else "  ".join(f"{c:>14}" for c in cells))
    cells = ["all", str(total["judged"]), f"{total['right']} ({_pct(total['right'], total['judged'])})",
             f"{total['useful']} ({_pct(total['useful'], total['judged'])})"]
    if current is not None:
        cells += [str(total["gone"]), str(total["live"]), f"{total['live_right']} ({_pct(total['live_right'], total['live'])})",
                  f"{total['live_useful']} ({_pct(total['live_useful'], total['live'])})"]
    lines.append(("| " + " | ".join(cells) + " |") if args.markdown else "  ".join(f"{c:>14}" for c in cells))
    print("\n".join(lines))
    return 0


REPLACED_BY = {"AD101": ("AD504", "AD109"), "AD504": ("AD109",), "AD109": ("AD504",)}


def reported(row: dict, current: list[dict]) -> bool:
    """True when the judged finding ``row`` is among ``current`` findings of its posting.

    On a short announcement AD504's note (or AD109, when selected) stands for
    AD101, so a judged AD101 counts as reported when one of them is at the same line.
    """
    if any(same_finding(row, f) for f in current):
        return True
    return any(f["code"] in REPLACED_BY.get(row["code"], ()) and f["line"] == row["line"] for f in current)


def cmd_known(args: argparse.Namespace) -> int:
    """Write ``ROUND.known.json``: judged-wrong findings still reported, judged-useful ones no longer reported.

    Reasons already written in the file are kept; new entries get the judges' reason.
    """
    corpus = Path(args.corpus)
    rows = load_judged(args.round)
    current = lint_files([corpus / p for p in sorted({r["path"] for r in rows})], corpus)
    target = JUDGED / f"{args.round}.known.json"
    old = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    why = {tuple(e[:3]): e[3] for k in ("still_wrong", "no_longer_reported") for e in old.get(k, [])}
    still = [r for r in rows if r["correct"] == "no"
             and any(same_finding(r, f) for f in current.get(r["path"], []))]
    lost = [r for r in rows if r["correct"] == "yes" and r["useful"] == "yes"
            and not reported(r, current.get(r["path"], []))]
    out = {k: [[r["path"], r["code"], r["line"], why.get((r["path"], r["code"], r["line"]), r["reason"][:160])]
               for r in rs] for k, rs in (("still_wrong", still), ("no_longer_reported", lost))}
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{target}: {len(still)} judged wrong and still reported, {len(lost)} judged useful and gone")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS), help="the real-posting corpus (default: ../shared/corpus)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw findings to judge and write judging sheets")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--select", default="", help="rule code prefixes, comma-separated (default: all)")
    s.add_argument("--per-rule", type=int, default=20)
    s.add_argument("--batch", type=int, default=30, help="findings per judging sheet")
    s.add_argument("--out", required=True)
    m = sub.add_parser("merge", help="merge judges' answers into tests/fixtures/judged/ROUND.jsonl")
    m.add_argument("dir")
    m.add_argument("--round", required=True)
    r = sub.add_parser("report", help="per-rule precision of the judged findings")
    r.add_argument("--round", help="one round's file (default: all)")
    r.add_argument("--select", default="")
    r.add_argument("--no-relint", action="store_true", help="do not re-lint (judged figures only)")
    r.add_argument("--markdown", action="store_true")
    k = sub.add_parser("known", help="write tests/fixtures/judged/ROUND.known.json for the ratchet test")
    k.add_argument("--round", required=True)
    args = ap.parse_args(argv)
    if args.cmd != "merge" and not Path(args.corpus).is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    return {"sample": cmd_sample, "merge": cmd_merge, "report": cmd_report, "known": cmd_known}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
