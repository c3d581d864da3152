#!/usr/bin/env python3
"""Side by side with the peers: what autocorrect (npm autocorrect-node) and zhlint (npm zhlint) change
in a digest, next to what `bilint check --fix` changes with its spacing and punctuation rules.

Each tool fixes its own copy of every input file; the character-level edits each made to the original
are then compared: edits both tools made, edits only one made, by kind (space inserted, space removed,
punctuation replaced, other). Prints a Markdown report with counts and examples of each disagreement.
Not part of the test suite; see docs/peers.md for the results and what they mean.

  scripts/compare-peers.py [--zhlint] [--limit N] FILE...
Needs: build/dev/bilint, and `npm install --prefix .tools autocorrect-node zhlint`.
"""
import argparse
import collections
import difflib
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BILINT = os.path.join(ROOT, "build", "dev", "bilint")
BIN = os.path.join(ROOT, ".tools", "node_modules", ".bin")
SPACING_RULES = "format/cjk-spacing,format/halfwidth-punct"


def edits(original, fixed):
    """(line, column in the original, deleted text, inserted text) for each change: lines are
    matched first, then characters within each changed line (character-level matching of whole
    files is quadratic)."""
    out = []
    a, b = original.split("\n"), fixed.split("\n")
    lines = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                chars = difflib.SequenceMatcher(None, a[i1 + k], b[j1 + k], autojunk=False)
                for ctag, c1, c2, d1, d2 in chars.get_opcodes():
                    if ctag != "equal":
                        out.append((i1 + k, c1, a[i1 + k][c1:c2], b[j1 + k][d1:d2]))
        else:
            out.append((i1, 0, "\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
    return out


def kind(edit):
    _, _, deleted, inserted = edit
    if deleted.strip() == "" and inserted.strip() == "":
        return "space inserted" if len(inserted) > len(deleted) else "space removed"
    return "punctuation" if all(not c.isalnum() for c in deleted + inserted) else "other"


def run_fix(tool, path, workdir):
    # zhlint only reads *.md files.
    copy = os.path.join(workdir, tool + "-" + os.path.splitext(os.path.basename(path))[0] + ".md")
    shutil.copyfile(path, copy)
    if tool == "autocorrect":
        cmd = [os.path.join(BIN, "autocorrect"), "--fix", "--quiet", copy]
    elif tool == "zhlint":
        # zhlint takes paths relative to the working directory only.
        name = os.path.basename(copy)
        cmd = [os.path.join(BIN, "zhlint"), name, "--output", name[:-3] + ".out.md"]
    else:
        cmd = [BILINT, "check", "--fix", "--select", SPACING_RULES, copy]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600,
                   cwd=workdir)
    if tool == "zhlint":
        copy = copy[:-3] + ".out.md"
    with open(copy, encoding="utf-8", errors="replace") as f:
        return f.read()


def context(text, line, column, width=12):
    row = text.split("\n")[line]
    return row[max(0, column - width):column + width]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--zhlint", action="store_true", help="also run zhlint (slow)")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    peers = ["autocorrect"] + (["zhlint"] if args.zhlint else [])
    counts = {peer: collections.Counter() for peer in peers}
    examples = {peer: collections.defaultdict(list) for peer in peers}
    with tempfile.TemporaryDirectory() as workdir:
        for path in args.files:
            with open(path, encoding="utf-8", errors="replace") as f:
                original = f.read()
            ours = set(edits(original, run_fix("bilint", path, workdir)))
            for peer in peers:
                theirs = set(edits(original, run_fix(peer, path, workdir)))
                for edit in ours | theirs:
                    side = "both" if edit in ours and edit in theirs else (
                        "only bilint" if edit in ours else "only " + peer)
                    key = (kind(edit), side)
                    counts[peer][key] += 1
                    if side != "both" and len(examples[peer][key]) < args.examples:
                        examples[peer][key].append(
                            f"`{context(original, edit[0], edit[1])}`: {edit[2]!r} -> {edit[3]!r}")
    print(f"# bilint and its peers on {len(args.files)} files\n")
    for peer in peers:
        print(f"## bilint ({SPACING_RULES}) and {peer}\n")
        print(f"| kind | both | only bilint | only {peer} |\n|---|---|---|---|")
        for k in ["space inserted", "space removed", "punctuation", "other"]:
            print(f"| {k} | {counts[peer][(k, 'both')]} | {counts[peer][(k, 'only bilint')]} | "
                  f"{counts[peer][(k, 'only ' + peer)]} |")
        print()
        for key, lines in sorted(examples[peer].items()):
            print(f"**{key[0]}, {key[1]}**\n")
            for line in lines:
                print(f"- {line}")
            print()


if __name__ == "__main__":
    sys.exit(main())
