"""ReportLint benchmark (run through scripts/bench): builds nothing itself; generates a seeded corpus in
.bench/, times the release binary, and prints a Markdown table with the figures of issue 6, rg and
AutoCorrect measured side by side on the same files."""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import bench_corpus as corpus  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/reportlint")
OUT = os.path.join(ROOT, ".bench")
QUICK = "--quick" in sys.argv


def run(arguments, quiet=True):
    """Wall seconds and peak RSS (MB) of one command."""
    started = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%M"] + arguments, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    rss_kb = int(process.stderr.strip().splitlines()[-1]) if process.stderr.strip() else 0
    return elapsed, rss_kb / 1024


def best(arguments, repeat=5):
    """The fastest of `repeat` runs: this machine's timings move by 5–10% from run to run."""
    runs = [run(arguments) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def size_of(paths):
    return sum(os.path.getsize(p) for p in paths)


def main():
    rng = corpus.random.Random(42)
    shutil.rmtree(OUT, ignore_errors=True)
    # One ~10 KB report; a mixed corpus of 2 KB to 5 MB; many small files.
    one = os.path.join(OUT, "one.txt")
    corpus.write(one, corpus.report(rng, 10_000))
    sizes = [2_000, 20_000, 200_000, 1_000_000, 5_000_000] * (1 if QUICK else 4)
    mixed = []
    for index, size in enumerate(sizes):
        path = os.path.join(OUT, "mixed", f"r{index:03d}.txt")
        corpus.write(path, corpus.report(rng, size))
        mixed.append(path)
    many_count = 1_000 if QUICK else 10_000
    many_dir = os.path.join(OUT, "many")
    for index in range(many_count):
        corpus.write(os.path.join(many_dir, f"d{index % 50:02d}", f"r{index:05d}.txt"), corpus.report(rng, 2_000 + (index % 7) * 1_500))
    mixed_mb = size_of(mixed) / 1e6
    many_files = [os.path.join(d, f) for d, _, fs in os.walk(many_dir) for f in fs]
    many_mb = size_of(many_files) / 1e6

    rows = []
    # 1. Default packs, all cores and one core.
    wall2, _ = best([BIN, "lint", "--fail-on", "never", "--format", "json", os.path.join(OUT, "mixed")])
    wall1, _ = best([BIN, "lint", "--fail-on", "never", "--format", "json", "--jobs", "1", os.path.join(OUT, "mixed")])
    rows.append(("default packs, mixed 2 KB–5 MB, 2 cores", f"{mixed_mb / wall2:.1f} MB/s", f"{mixed_mb:.0f} MB in {wall2:.2f} s"))
    rows.append(("default packs, mixed 2 KB–5 MB, 1 core", f"{mixed_mb / wall1:.1f} MB/s", f"speed-up 1→2 cores: {wall1 / wall2:.2f}×"))
    # 2. Many small files: files/s and peak RSS.
    wall, rss = best([BIN, "lint", "--fail-on", "never", "--format", "json", many_dir], repeat=1 if not QUICK else 2)
    rows.append((f"{many_count:,} small files", f"{many_count / wall:.0f} files/s", f"{many_mb:.0f} MB, peak RSS {rss:.0f} MB"))
    # 3. One report, process start included.
    times = [run([BIN, "lint", "--fail-on", "never", one])[0] for _ in range(20)]
    rows.append(("one ~10 KB report, start included", f"{statistics.median(times) * 1000:.0f} ms", "median of 20"))

    # 4. Phrase rules: ReportLint forbid rules vs rg -F -f on the same phrase list and files.
    rg = shutil.which("rg")
    base = None
    for count in [10, 100, 1_000, 10_000]:
        words = corpus.phrases(corpus.random.Random(count), count)
        phrase_file = os.path.join(OUT, f"phrases-{count}.txt")
        corpus.write(phrase_file, "\n".join(words) + "\n")
        rules = os.path.join(OUT, f"phrases-{count}.yml")
        corpus.write(rules, "pack: bench\nrules:\n  - id: bench/phrases\n    kind: forbid\n    message: 词语\n    phrases:\n"
                     + "".join(f"      - {w}\n" for w in words))
        wall, _ = best([BIN, "lint", "--no-builtin", "--rules", rules, "--fail-on", "never", "--format", "json", os.path.join(OUT, "mixed")])
        base = base or wall
        note = f"{wall / base:.2f}× the time of 10 rules"
        if rg:
            rg_wall, _ = best([rg, "-F", "-c", "-f", phrase_file, os.path.join(OUT, "mixed")])
            note += f"; rg -F -f: {mixed_mb / rg_wall:.0f} MB/s, ReportLint/rg time {wall / rg_wall:.1f}×"
        rows.append((f"{count:,} phrase rules (forbid), mixed corpus", f"{mixed_mb / wall:.1f} MB/s", note))

    # 5. AutoCorrect's lint (the CJK spacing linter) on the same files, in-process through its Python module.
    try:
        import autocorrect_py
        texts = [(os.path.basename(p), open(p, encoding="utf-8").read()) for p in mixed]
        done_mb, failed, wall = 0.0, 0, 0.0
        for name, text in texts:
            started = time.perf_counter()
            try:
                autocorrect_py.lint_for(text, name)
            except ValueError:  # its parser stops on large inputs ("call limit reached")
                failed += 1
                continue
            finally:
                wall += time.perf_counter() - started
            done_mb += len(text.encode()) / 1e6
        speed = done_mb / wall if wall else 0
        rows.append(("AutoCorrect lint_for (CJK spacing only), mixed corpus, 1 core", f"{speed:.1f} MB/s",
                     f"gave up on {failed} of {len(texts)} files; ReportLint's default packs on 1 core run "
                     f"{(mixed_mb / wall1) / speed:.2f}× its speed" if speed else f"gave up on all {failed} files"))
    except ImportError:
        rows.append(("AutoCorrect lint", "n/a", "not installed (pip install autocorrect-py)"))

    print(f"ReportLint benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, seed 42{' (quick)' if QUICK else ''}\n")
    print("| measurement | figure | notes |")
    print("|---|---|---|")
    for name, figure, note in rows:
        print(f"| {name} | {figure} | {note} |")


if __name__ == "__main__":
    main()
