#!/usr/bin/env bash
# Summarizes test-results/scanners/ after run.sh (also runnable alone): per sqlmap target, the parameters sqlmap
# tried (its heuristics, then the full payload set) and what it concluded; per wapiti scan, what each module reported.
cd "$(dirname "$0")/../.." && OUT="${SCAN_OUT:-test-results/scanners}"
echo "== sqlmap"
total_h=0; total_full=0; total_inj=0
for f in "$OUT"/sqlmap/*.log; do
  [ -e "$f" ] || continue
  h=$(grep -cE "heuristic \(basic\) test shows that (.* )?parameter '[^']+' might not be injectable" "$f")
  full=$(grep -c "does not seem to be injectable" "$f")
  inj=$(grep -cE "identified the following injection point|parameter '[^']+' is vulnerable" "$f")
  fp=$(grep -c "false positive or unexploitable injection point detected" "$f")
  note=""
  grep -q "page not found (404)" "$f" && note="$note stopped: 404 on the first request;"
  grep -q "there were no forms found" "$f" && note="$note no forms;"
  grep -q "exit 124" "$f" && note="$note stopped at the time cap;"
  grep -q "all tested parameters do not appear to be injectable" "$f" && note="$note 'all tested parameters do not appear to be injectable';"
  echo "$(basename "$f" .log): heuristics $h, full payload sets finished $full, injection points $inj, false positives rejected $fp;$note"
  total_h=$((total_h + h)); total_full=$((total_full + full)); total_inj=$((total_inj + inj))
done
echo "sqlmap total: $total_h parameters through the heuristics, $total_full through the full payload set, $total_inj injection points"
echo "== wapiti"
for f in "$OUT"/wapiti/*.json; do
  case "$f" in *cookie*) continue;; esac
  /usr/bin/python3 - "$f" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
info = r.get("infos", {})
print(f"{sys.argv[1].split('/')[-1]}: target {info.get('target')}")
for section in ("vulnerabilities", "anomalies", "additionals"):
    for kind, items in r.get(section, {}).items():
        if items:
            print(f"  {section} / {kind}: {len(items)}")
            for what in sorted({f"{i.get('method')} {i.get('path')} [{i.get('parameter') or '-'}] {i.get('info')}" for i in items})[:40]:
                print(f"    {what}")
PY
done
echo "== errors the demos logged (404/405 noise left out)"
for f in "$OUT"/demo-*.log "$OUT"/demo.log; do
  [ -e "$f" ] || continue
  echo "$(basename "$f"):"
  grep -vE "^\s+at |No routes? match|did not provide an .action|Invalid request method|slow query|URIError|severity:" "$f" \
    | grep -E "Error|Unhandled" | cut -c1-140 | sort | uniq -c | sort -rn | head -10
done
