#!/usr/bin/env bash
# Summarizes test-results/scanners/ after run.sh (also runnable alone).
cd "$(dirname "$0")/../.." && OUT=test-results/scanners
echo "== sqlmap"
for f in "$OUT"/sqlmap/*.log; do
  [ -e "$f" ] || continue
  tested=$(grep -cE "testing (if|for)|is dynamic|does not seem to be injectable|might not be injectable" "$f")
  params=$(grep -oE "(GET|POST|Cookie|User-Agent|Referer|Host|URI|\(custom\) POST|JSON) parameter '[^']+'" "$f" | sort -u | wc -l)
  vuln=$(grep -cE "is vulnerable|identified the following injection point|appears to be .* injectable" "$f")
  notinj=$(grep -c "does not seem to be injectable" "$f")
  echo "$(basename "$f" .log): parameters seen $params, 'does not seem to be injectable' $notinj, injection points $vuln, lines $tested"
done
echo "== wapiti"
for f in "$OUT"/wapiti/*.json; do
  case "$f" in *cookie*) continue;; esac
  [ -e "$f" ] || continue
  python3 - "$f" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
name = sys.argv[1].split("/")[-1]
info = r.get("infos", {})
print(f"{name}: target {info.get('target')}, crawled {info.get('crawled_pages_nbr', len(info.get('crawled_pages', [])))} pages")
for section in ("vulnerabilities", "anomalies", "additionals"):
    for kind, items in r.get(section, {}).items():
        if items:
            print(f"  {section}/{kind}: {len(items)}")
            for i in items[:12]:
                print(f"    {i.get('method')} {i.get('path')} [{i.get('parameter')}] {i.get('info')}")
PY
done
