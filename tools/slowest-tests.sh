#!/usr/bin/env bash
# The slowest tests of a run kept with TEST_RESULTS=DIR ./test.sh, and the failed ones.
# Usage: tools/slowest-tests.sh DIR [N=10]
set -euo pipefail
dir=$1; n=${2:-10}
python3 - "$dir" "$n" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
rows, failed = [], []
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for r in ET.parse(f).getroot().iterfind(".//t:UnitTestResult", ns):
        h, m, s = r.get("duration", "0:0:0").split(":")
        rows.append((int(h) * 3600 + int(m) * 60 + float(s), r.get("testName")))
        if r.get("outcome") == "Failed":
            failed.append(r.get("testName"))
rows.sort(reverse=True)
print(f"{len(rows)} results, {len(failed)} failed")
for name in failed:
    print("FAILED", name)
for secs, name in rows[: int(sys.argv[2])]:
    print(f"{secs:7.1f} s  {name}")
PY
