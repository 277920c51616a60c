"""ReportLint benchmark (run through scripts/bench): builds nothing itself; generates seeded corpora in .bench/, times
the release binary, and prints a Markdown table with the figures of issues 6 and 22, rg and AutoCorrect measured side
by side on the same files.

Three corpora, each figure measured on every one:
- synthetic: template sentences in short paragraphs, 2 KB to 5 MB a file (bench_corpus.py), and 10,000 small files;
- samples: copies of the real sample reports, read at run time from REPORTLINT_BENCH_SAMPLES (default
  /work/shared/samples) into .bench/ and never stored in the project; left out when there are none;
- generated: reports with the paragraph lengths and structure of real ones (bench_reports.py).

Wall-clock figures are the best of several runs; CPU figures (user + system seconds of the process, from
/usr/bin/time) are also given, since on a machine shared with other jobs they move far less than wall time."""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import bench_corpus as corpus  # noqa: E402
import bench_reports as reports  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("REPORTLINT_BENCH_BINARY", os.path.join(ROOT, ".build/release/reportlint"))
OUT = os.path.join(ROOT, ".bench")
QUICK = "--quick" in sys.argv
LINT = [BIN, "lint", "--fail-on", "never", "--format", "json"]


class Run:
    def __init__(self, wall, cpu, rss_mb):
        self.wall, self.cpu, self.rss = wall, cpu, rss_mb


def run(arguments):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one command."""
    started = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + arguments, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    fields = process.stderr.strip().splitlines()[-1].split() if process.stderr.strip() else ["0", "0", "0"]
    return Run(elapsed, float(fields[0]) + float(fields[1]), int(fields[2]) / 1024)


def best(arguments, repeat=5):
    """The fastest wall time and the least CPU time of `repeat` runs (this machine's timings move by 5–10%
    from run to run when quiet, far more when other jobs run)."""
    runs = [run(arguments) for _ in range(repeat)]
    return Run(min(r.wall for r in runs), min(r.cpu for r in runs), max(r.rss for r in runs))


def size_of(paths):
    return sum(os.path.getsize(p) for p in paths)


def files_in(folder):
    return [os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs]


def start_time(path):
    """Median of one report's run, process start included: hyperfine when installed, else 20 runs."""
    if shutil.which("hyperfine"):
        export = os.path.join(OUT, "hyperfine.json")
        subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", "40", "--export-json", export,
                        " ".join(LINT + [path])], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        result = json.load(open(export))["results"][0]
        return result["median"], "hyperfine, median of 40"
    times = [run(LINT + [path]).wall for _ in range(20)]
    return statistics.median(times), "median of 20"


def timings_shares(folder, limit=3):
    """The costliest phases and rules of one `--jobs 1 --timings` run, as 'name share'."""
    process = subprocess.run(LINT + ["--jobs", "1", "--timings", folder], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = []
    for line in process.stderr.splitlines()[1:]:
        match = re.match(r"^(\S+)\s+([\d.]+)\s+([\d.]+)%$", line.strip())
        if match:
            rows.append(f"{match.group(1)} {float(match.group(3)):.0f}%")
    return ", ".join(rows[:limit])


def build_corpora():
    """Writes the corpora; returns them as (name, folder, one report, description) and the small-files folder."""
    rng = corpus.random.Random(42)
    shutil.rmtree(OUT, ignore_errors=True)
    built = []
    one = os.path.join(OUT, "one.txt")
    corpus.write(one, corpus.report(rng, 10_000))
    sizes = [2_000, 20_000, 200_000, 1_000_000, 5_000_000] * (1 if QUICK else 4)
    for index, size in enumerate(sizes):
        corpus.write(os.path.join(OUT, "synthetic", f"r{index:03d}.txt"), corpus.report(rng, size))
    built.append(("synthetic", os.path.join(OUT, "synthetic"), one, "synthetic, 2 KB–5 MB"))

    copies = 100 if QUICK else 1_000
    texts = reports.samples()
    if texts:
        for index in range(copies * len(texts)):
            corpus.write(os.path.join(OUT, "samples", f"d{index % 50:02d}", f"s{index:05d}.txt"), texts[index % len(texts)])
        built.append(("samples", os.path.join(OUT, "samples"), os.path.join(OUT, "samples", "d00", "s00000.txt"),
                      f"{len(texts)} real samples ×{copies}"))

    generated_rng = reports.random.Random(22)
    count = 200 if QUICK else 2_000
    for index in range(count):
        corpus.write(os.path.join(OUT, "generated", f"d{index % 50:02d}", f"g{index:05d}.txt"),
                     reports.report(generated_rng, generated_rng.randint(7_000, 14_000)))
    built.append(("generated", os.path.join(OUT, "generated"), os.path.join(OUT, "generated", "d00", "g00000.txt"),
                  f"{count:,} generated reports"))

    many_count = 1_000 if QUICK else 10_000
    many_dir = os.path.join(OUT, "many")
    for index in range(many_count):
        corpus.write(os.path.join(many_dir, f"d{index % 50:02d}", f"r{index:05d}.txt"), corpus.report(rng, 2_000 + (index % 7) * 1_500))
    return built, many_dir


def main():
    corpora, many_dir = build_corpora()
    names = [c[0] for c in corpora]
    table = {}  # row name → {corpus name → cell}

    def cell(row, name, text):
        table.setdefault(row, {})[name] = text

    rg = shutil.which("rg")
    speeds_one_core = {}
    for name, folder, one, description in corpora:
        paths = files_in(folder)
        megabytes = size_of(paths) / 1e6
        cell("corpus", name, f"{description}: {len(paths):,} files, {megabytes:.1f} MB")
        # 1. Default packs (every built-in pack, the knowledge packs words, events and standards included).
        two = best(LINT + [folder])
        single = best(LINT + ["--jobs", "1", folder])
        speeds_one_core[name] = megabytes / single.wall
        cell("default packs, 2 cores", name, f"{megabytes / two.wall:.1f} MB/s ({two.wall:.2f} s; CPU {two.cpu:.2f} s)")
        cell("default packs, 1 core", name, f"{megabytes / single.wall:.1f} MB/s; {megabytes / single.cpu:.1f} MB per CPU-second; "
             f"speed-up 1→2 cores {single.wall / two.wall:.2f}×")
        if name != "synthetic":
            cell("files/s, peak RSS", name, f"{len(paths) / two.wall:.0f} files/s, {two.rss:.0f} MB (the 2-core run)")
        cell("costliest (`--timings`, 1 core)", name, timings_shares(folder))
        # 2. One report, process start included.
        median, how = start_time(one)
        cell("one report, start included", name, f"{median * 1000:.1f} ms ({os.path.getsize(one) / 1000:.0f} KB; {how})")
        # 3. Phrase rules: ReportLint forbid rules vs rg -F -f on the same phrase list and files.
        base = None
        for count in [10, 100, 1_000, 10_000]:
            words = corpus.phrases(corpus.random.Random(count), count)
            phrase_file = os.path.join(OUT, f"phrases-{count}.txt")
            corpus.write(phrase_file, "\n".join(words) + "\n")
            rules = os.path.join(OUT, f"phrases-{count}.yml")
            corpus.write(rules, "pack: bench\nrules:\n  - id: bench/phrases\n    kind: forbid\n    message: 词语\n    phrases:\n"
                         + "".join(f"      - {w}\n" for w in words))
            timed = best([BIN, "lint", "--no-builtin", "--rules", rules, "--fail-on", "never", "--format", "json", folder], repeat=3)
            base = base or timed.wall
            note = f"{megabytes / timed.wall:.0f} MB/s, {timed.wall / base:.2f}× the time of 10"
            if rg:
                rg_timed = best([rg, "-F", "-c", "-f", phrase_file, folder], repeat=3)
                note += f"; rg {megabytes / rg_timed.wall:.0f} MB/s, ReportLint/rg time {timed.wall / rg_timed.wall:.1f}×"
            cell(f"{count:,} phrase rules (forbid)", name, note)
        # 4. AutoCorrect's lint (the CJK spacing linter) on the same files, in-process through its Python module.
        cell("AutoCorrect lint_for, 1 core", name, autocorrect(paths, megabytes / single.wall))

    # 5. Many small synthetic files: files/s and peak RSS.
    many = best(LINT + [many_dir], repeat=1 if not QUICK else 2)
    many_files = files_in(many_dir)
    cell("files/s, peak RSS", "synthetic", f"{len(many_files) / many.wall:.0f} files/s, {many.rss:.0f} MB "
         f"({len(many_files):,} small files, {size_of(many_files) / 1e6:.0f} MB)")
    # 6. Editor latency: didChange of a ~50 KB generated report → publishDiagnostics.
    lsp = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench-lsp"), "--binary", BIN, "--json"],
                         capture_output=True, text=True)
    if lsp.returncode == 0:
        figures = json.loads(lsp.stdout)
        editor = (f"median {figures['median_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms ({figures['edits']} edits of a "
                  f"{figures['bytes'] / 1000:.0f} KB generated report, {figures['diagnostics']:.0f} diagnostics)")
    else:
        editor = "failed: " + lsp.stderr.strip()[-200:]

    print(f"ReportLint benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, seed 42{' (quick)' if QUICK else ''}\n")
    print("| measurement | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for row, cells in table.items():
        print(f"| {row} | " + " | ".join(cells.get(n, "–") for n in names) + " |")
    print(f"\nEditor (scripts/bench-lsp): {editor}")


def autocorrect(paths, reportlint_speed):
    try:
        import autocorrect_py
    except ImportError:
        return "n/a (pip install autocorrect-py)"
    done_mb, failed, wall = 0.0, 0, 0.0
    # Its parser is slow: a sample of the files is enough for a speed.
    sample = paths[:: max(1, len(paths) // 40)]
    for path in sample:
        text = open(path, encoding="utf-8").read()
        started = time.perf_counter()
        try:
            autocorrect_py.lint_for(text, os.path.basename(path))
        except ValueError:  # its parser stops on large inputs ("call limit reached")
            failed += 1
            continue
        finally:
            wall += time.perf_counter() - started
        done_mb += len(text.encode()) / 1e6
    if not done_mb:
        return f"gave up on all {failed} files"
    speed = done_mb / wall
    return f"{speed:.1f} MB/s (gave up on {failed} of {len(sample)}); ReportLint 1 core: {reportlint_speed / speed:.1f}× its speed"


if __name__ == "__main__":
    main()
