"""`make bench`: run every bench script, print one table of all figures and write it to bench/results/latest.md.

Each script prints its own tables and, for the combined table, one `@@bench {json}` line per figure
(see _opzet.meting). Every figure comes with a baseline measured in the same run of the same script.
"""

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

MAP = Path(__file__).resolve().parent
MARKERING = "@@bench "
# Slow scripts take a smaller sample by default; set the variables to measure more.
OMGEVING = {"FACTSHEET_BENCH_N": os.environ.get("FACTSHEET_BENCH_N", "20")}


def scripts() -> list[Path]:
    return sorted(p for p in MAP.glob("*_bench.py"))


def draai(script: Path) -> tuple[list[dict], float, int]:
    begin = time.perf_counter()
    proces = subprocess.Popen(  # noqa: S603 - our own scripts
        [sys.executable, str(script)], cwd=MAP.parent, stdout=subprocess.PIPE, text=True, env={**os.environ, **OMGEVING}
    )
    rijen = []
    for regel in proces.stdout:
        if regel.startswith(MARKERING):
            rijen.append(json.loads(regel[len(MARKERING) :]))
        else:
            sys.stdout.write(regel)
    code = proces.wait()
    return rijen, time.perf_counter() - begin, code


def main() -> int:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=MAP).stdout.strip()  # noqa: S607
    regels = [
        f"# Benchmarks ({datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, commit {commit or 'onbekend'})",
        "",
        f"Machine: {os.cpu_count()} CPUs, load average at start {os.getloadavg()[0]:.1f}. "
        "Ratios compare each figure with a baseline measured in the same run; latencies give p50 and p95.",
        "",
        "| script | figure | value (latency: p50) | p95 | baseline (same run) | ratio | ratio p95 |",
        "|---|---|---:|---:|---|---:|---:|",
    ]
    mislukt = []
    for script in scripts():
        print(f"\n=== {script.name} ===", flush=True)
        rijen, duur, code = draai(script)
        if code != 0:
            mislukt.append(script.name)
            regels.append(f"| {script.stem} | (failed, exit {code}) | | | | | |")
        for rij in rijen:
            regels.append(
                f"| {script.stem} | {rij['figuur']} | {rij['waarde']} | {rij.get('p95', '–')} | {rij['basis']} "
                f"| {rij['verhouding']} | {rij.get('verhouding_p95', '–')} |"
            )
        print(f"({script.name}: {duur:.0f} s)", flush=True)
    tabel = "\n".join(regels) + "\n"
    uit = MAP / "results" / "latest.md"
    uit.parent.mkdir(exist_ok=True)
    uit.write_text(tabel, encoding="utf-8")
    print("\n" + tabel)
    print(f"Written to {uit.relative_to(MAP.parent)}")
    return 1 if mislukt else 0


if __name__ == "__main__":
    sys.exit(main())
