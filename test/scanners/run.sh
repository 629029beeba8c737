#!/usr/bin/env bash
# Outside scanners (issue 20 §3): sqlmap 1.7 and wapiti 3.0 against the demo on loopback, signed in as
# the owner (duely_owner cookie), as a customer (duely_portal cookie) and signed out.
# Not part of `npm test`. Needs the Debian packages: apt-get install -y sqlmap wapiti
#
#   bash test/scanners/run.sh
#
# starts two fresh demos (each its own embedded PostgreSQL): the owner's scans run on :3400, the
# customer's and the signed-out scans on :3401, because the owner's forms include "revoke portal links"
# and a scanner submitting it would end the customer scan's session. To scan demos already running:
#   OWNER_BASE=http://localhost:3400 PORTAL_BASE=http://localhost:3401 PORTAL_LINK=http://localhost:3401/portal/access/... \
#   LANES="wapiti-owner sqlmap-owner" bash test/scanners/run.sh
#
# Output (git-ignored; SCAN_OUT to change): test-results/scanners/{sqlmap,wapiti}/, summary in test-results/scanners/summary.txt.
# Knobs: JOBS (parallel sqlmap processes per lane, default 2), SQLMAP_MINUTES (cap per sqlmap target,
# default 12), WAPITI_CRAWL_SECONDS (wapiti crawl cap, default 600), WAPITI_MODULE_SECONDS (cap per wapiti
# module, default 240). wapiti visits at most 20 pages per folder (one invoice is like another; 4 left out
# most of /app/).
# What the results mean: docs/decisions/015-security-headers.md, "Outside scanners".
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${PORT:-3400}"
PG_PORT="${EMBEDDED_PG_PORT:-54402}"
OUT="${SCAN_OUT:-test-results/scanners}"
JOBS="${JOBS:-2}"
SQLMAP_MINUTES="${SQLMAP_MINUTES:-12}"
DEEP_MINUTES="${DEEP_MINUTES:-60}"
WAPITI_CRAWL_SECONDS="${WAPITI_CRAWL_SECONDS:-600}"
WAPITI_MODULE_SECONDS="${WAPITI_MODULE_SECONDS:-240}"
LANES="${LANES:-wapiti-owner wapiti-portal wapiti-public sqlmap-deep sqlmap-owner sqlmap-portal sqlmap-explicit}"
OWNER_PASSWORD="paid-on-time-2026"
mkdir -p "$OUT/sqlmap" "$OUT/wapiti"

DEMO_PIDS=()
cleanup() {
  for job in $(jobs -p); do pkill -TERM -P "$job" 2>/dev/null || true; kill "$job" 2>/dev/null || true; done
  for pid in "${DEMO_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap "exit 130" INT TERM

start_demo() { # port pg-port name
  # A folder per port: two runs side by side (other PORTs) must not delete each other's database.
  rm -rf ".data/scan-$3-$1"
  PORT="$1" APP_URL="http://localhost:$1" EMBEDDED_PG_PORT="$2" EMBEDDED_PG_DIR=".data/scan-$3-$1" \
    node_modules/.bin/node app/server/main.js --seed-demo > "$OUT/demo-$3.log" 2>&1 &
  DEMO_PIDS+=($!)
  for _ in $(seq 1 120); do grep -q "Portal link:" "$OUT/demo-$3.log" 2>/dev/null && return; sleep 1; done
  echo "the $3 demo did not start: see $OUT/demo-$3.log"; exit 1
}

if [ -z "${OWNER_BASE:-}" ]; then
  echo "Building and starting two fresh demos on :$PORT (owner) and :$((PORT + 1)) (customer, signed out)..."
  npx remix build > "$OUT/build.log" 2>&1
  start_demo "$PORT" "$PG_PORT" owner
  start_demo "$((PORT + 1))" "$((PG_PORT + 2))" portal
  OWNER_BASE="http://localhost:$PORT"
  PORTAL_BASE="http://localhost:$((PORT + 1))"
  PORTAL_LINK="$(grep -o 'Portal link: .*' "$OUT/demo-portal.log" | head -1 | cut -d' ' -f3)"
fi
: "${PORTAL_BASE:?set PORTAL_BASE}" "${PORTAL_LINK:?set PORTAL_LINK to the Portal link the demo printed}"
curl -fsS "$OWNER_BASE/healthz" > /dev/null && curl -fsS "$PORTAL_BASE/healthz" > /dev/null

# Cookies: the owner signs in with the demo's printed credentials; the customer opens the portal link.
cookie_of() { awk -v n="$1" '$6==n{print $7}' "$2"; }
owner_session() { # jar
  curl -sS -o /dev/null -c "$1" -d "email=owner@northwind.test&password=$OWNER_PASSWORD" "$OWNER_BASE/login"
  echo "duely_owner=$(cookie_of duely_owner "$1")"
}
# Every lane shares these two sessions (OWNER_COOKIE / PORTAL_COOKIE may be given to reuse running ones): the
# account page's "sign out my other sessions" would otherwise end one scanner's session from another's.
OWNER_COOKIE="${OWNER_COOKIE:-$(owner_session "$OUT/owner.jar")}"
if [ -z "${PORTAL_COOKIE:-}" ]; then
  curl -sS -o /dev/null -c "$OUT/portal.jar" "$PORTAL_LINK"
  PORTAL_COOKIE="duely_portal=$(cookie_of duely_portal "$OUT/portal.jar")"
fi
[ "$OWNER_COOKIE" != "duely_owner=" ] || { echo "owner sign-in failed (rate limited? use fresh demos)"; exit 1; }
[ "$PORTAL_COOKIE" != "duely_portal=" ] || { echo "the portal link did not open a session"; exit 1; }

# Never followed by a crawler: signing out (it would end the scan's session) and the dev clock (moving it
# ends sessions and links); the signed-in crawls also skip the expired-link page, which the signed-out scan covers.
EXCLUDE_RE='logout|/dev/clock|/portal/expired'

# ---------------------------------------------------------------- sqlmap
# --level=5: every parameter (query, body, cookies, User-Agent, Referer, Host); --risk=3: OR-based payloads too.
# --dbms=PostgreSQL: the app's only database, so no MySQL/MSSQL/Oracle payloads. The headers and session cookies
# reach the same code on every route, so the targets named headers-* test them (one per role) and the others skip them.
# SQLMAP_EXTRA=--smart: a sweep that runs sqlmap's heuristics on every parameter and its full payload set only where
# they react (minutes instead of hours); the sqlmap-deep lane always runs the full set on the parameters that reach SQL.
SQLMAP=(sqlmap --batch --level=5 --risk=3 --dbms=PostgreSQL --threads=2 --drop-set-cookie --disable-coloring --flush-session)
read -r -a SQLMAP_EXTRA <<< "${SQLMAP_EXTRA:-}"
SKIP_SHARED="user-agent,referer,host,duely_owner,duely_portal,duely_language"
sqlmap_one() { # name cookie url [data|--forms]
  local name="$1" cookie="$2" url="$3" extra="${4:-}"
  # ONLY=regex runs just the targets whose name matches (a second pass over a few).
  if [ -n "${ONLY:-}" ] && ! [[ "$name" =~ $ONLY ]]; then return 0; fi
  local args=(-u "$url")
  [ -n "$cookie" ] && args+=(--cookie="$cookie")
  # extra: --forms, or POST data, or "-p NAME", or "DATA|-p NAME".
  local data="${extra%%|*}" only=""
  case "$extra" in *"|-p "*) only="${extra##*|-p }" ;; "-p "*) only="${extra#-p }"; data="" ;; esac
  if [ "$data" = "--forms" ]; then args+=(--forms); elif [ -n "$data" ]; then args+=(--data="$data"); fi
  [ -n "$only" ] && args+=(-p "$only")
  # -p (one parameter) and --skip cannot be given together.
  if [ -z "$only" ]; then case "$name" in headers-*) ;; *) args+=(--skip="$SKIP_SHARED") ;; esac; fi
  case "$name" in deep-*) ;; *) args+=("${SQLMAP_EXTRA[@]}") ;; esac
  # One output directory (session database) per target: sqlmap processes sharing one block each other.
  local cap="$SQLMAP_MINUTES"; case "$name" in deep-*) cap="$DEEP_MINUTES" ;; esac
  timeout "${cap}m" "${SQLMAP[@]}" "${args[@]}" --output-dir="$OUT/sqlmap/data/$name" > "$OUT/sqlmap/$name.log" 2>&1 \
    || echo "sqlmap $name: exit $? (124 = stopped at the ${cap}-minute cap)" >> "$OUT/sqlmap/$name.log"
}
export -f sqlmap_one; export OUT SQLMAP_MINUTES DEEP_MINUTES SKIP_SHARED
# Every page the role reaches (one per route), its forms (--forms) and, for a page with a query, its GET parameters.
sqlmap_crawled() { # role base start cookie
  /usr/bin/python3 test/scanners/targets.py "$2" "$3" "$4" "$EXCLUDE_RE" > "$OUT/sqlmap/$1-targets.txt"
  while read -r url; do
    local slug; slug="$(echo "${url#"$2"}" | tr -c 'A-Za-z0-9.\n' '-' | sed 's/^-//')"
    printf '%s\0%s\0%s\0%s\0' "$1-${slug:-root}-forms" "$4" "$url" "--forms"
    case "$url" in *\?*) printf '%s\0%s\0%s\0%s\0' "$1-${slug}-query" "$4" "$url" "" ;; esac
  done < "$OUT/sqlmap/$1-targets.txt" | xargs -0 -n 4 -P "$JOBS" bash -c "$(declare -p SQLMAP SQLMAP_EXTRA); sqlmap_one \"\$@\"" _
}
# POST actions and pages a crawl does not reach: public forms, ids and tokens in the path (the * marks the spot).
sqlmap_explicit() {
  local B="$PORTAL_BASE" O="$OWNER_BASE"
  {
    printf '%s\0' headers-public "" "$B/login" "email=nobody%40northwind.test&password=x&redirectTo=%2Fapp"
    printf '%s\0' headers-portal "$PORTAL_COOKIE" "$B/portal/pay?invoice=abc" ""
    printf '%s\0' headers-owner "$OWNER_COOKIE" "$O/app/invoices?q=a" ""
    printf '%s\0' login-query "" "$B/login?redirectTo=%2Fapp&reset=done" ""
    printf '%s\0' two-step "" "$B/login/two-step" "code=123456&redirectTo=%2Fapp"
    printf '%s\0' forgot-password "" "$B/forgot-password" "email=owner%40northwind.test"
    printf '%s\0' reset-password "" "$B/reset-password?token=abc" "token=abc&password=long-enough-password-1&passwordConfirm=long-enough-password-1"
    printf '%s\0' setup "" "$B/setup?token=abc" "token=abc&businessName=Acme&address=1+Main+St&contactEmail=a%40b.test&currency=EUR&language=en&timeZone=Europe%2FBerlin&ownerName=A&ownerEmail=a%40b.test&password=long-enough-password-1&passwordConfirm=long-enough-password-1"
    printf '%s\0' invite "" "$B/invite?token=abc" "token=abc&name=A&email=a%40b.test&password=long-enough-password-1&passwordConfirm=long-enough-password-1"
    printf '%s\0' portal-access "" "$B/portal/access/abc*" ""
    printf '%s\0' portal-expired "" "$B/portal/expired" "email=anna%40example.test"
    printf '%s\0' portal-language "$PORTAL_COOKIE" "$B/portal/language" "language=ar&back=%2Fportal"
    printf '%s\0' portal-invoice-id "$PORTAL_COOKIE" "$B/portal/invoices/abc*" ""
    printf '%s\0' portal-pay-query "$PORTAL_COOKIE" "$B/portal/pay?invoice=abc&settlement=abc" ""
    printf '%s\0' dev-mailbox-id "" "$B/dev/mailbox/abc*" ""
    printf '%s\0' webhook "" "$B/webhooks/stripe" '{"id":"evt_1","type":"payment_intent.succeeded"}'
    printf '%s\0' owner-invoice-id "$OWNER_COOKIE" "$O/app/invoices/abc*" ""
    printf '%s\0' owner-customer-id "$OWNER_COOKIE" "$O/app/customers/abc*" ""
    printf '%s\0' owner-invoices-query "$OWNER_COOKIE" "$O/app/invoices?q=a&status=open&customer=abc" ""
    printf '%s\0' owner-customers-query "$OWNER_COOKIE" "$O/app/customers?q=a&group=b&archived=active" ""
  } | xargs -0 -n 4 -P "$JOBS" bash -c "$(declare -p SQLMAP SQLMAP_EXTRA); sqlmap_one \"\$@\"" _
  # Last: signing out (with a second owner session, so the crawls keep theirs), then the dev clock, set back to now.
  sqlmap_one logout "$(owner_session "$OUT/owner2.jar")" "$O/logout" "x=1"
  sqlmap_one dev-clock "" "$B/dev/clock" "offsetDays=0"
  curl -sS -o /dev/null -d 'offsetDays=0' "$B/dev/clock"
}

# The parameters that reach a query in a way of their own (searches, ids and tokens in the path, emails and
# tokens looked up), with every payload: -p names the one parameter, the * marks a spot in the path.
sqlmap_deep() {
  local B="$PORTAL_BASE" O="$OWNER_BASE" inv cus pinv
  # A real id, so the first answer is the page and not a 404 (sqlmap stops at a 404).
  inv="$(/usr/bin/python3 test/scanners/targets.py "$O" /app/invoices "$OWNER_COOKIE" "$EXCLUDE_RE" | grep -m1 -o '/app/invoices/c[a-z0-9]*$')"
  cus="$(/usr/bin/python3 test/scanners/targets.py "$O" /app/customers "$OWNER_COOKIE" "$EXCLUDE_RE" | grep -m1 -o '/app/customers/c[a-z0-9]*$')"
  pinv="$(/usr/bin/python3 test/scanners/targets.py "$B" /portal "$PORTAL_COOKIE" "$EXCLUDE_RE" | grep -m1 -o '/portal/invoices/c[a-z0-9]*$')"
  {
    printf '%s\0' deep-owner-invoice-search "$OWNER_COOKIE" "$O/app/invoices?q=INV" "-p q"
    printf '%s\0' deep-owner-customer-search "$OWNER_COOKIE" "$O/app/customers?q=Ada" "-p q"
    printf '%s\0' deep-owner-invoice-id "$OWNER_COOKIE" "$O$inv*" ""
    printf '%s\0' deep-portal-invoice-id "$PORTAL_COOKIE" "$B$pinv*" ""
    printf '%s\0' deep-portal-pay-invoice "$PORTAL_COOKIE" "$B/portal/pay?invoice=abc" "-p invoice"
    printf '%s\0' deep-portal-access-token "" "$B/portal/access/abc*" ""
    printf '%s\0' deep-login-email "" "$B/login" "email=nobody%40northwind.test&password=x|-p email"
    printf '%s\0' deep-forgot-password-email "" "$B/forgot-password" "email=nobody%40northwind.test|-p email"
    printf '%s\0' deep-reset-password-token "" "$B/reset-password?token=abc" "-p token"
    printf '%s\0' deep-invite-token "" "$B/invite?token=abc" "-p token"
    printf '%s\0' deep-owner-customer-edit "$OWNER_COOKIE" "$O$cus/edit" "name=Ada&companyName=Engines&email=ada%40example.test&phone=&timeZone=&currency=&language=en"
    printf '%s\0' deep-owner-customer-id "$OWNER_COOKIE" "$O$cus*" ""
    printf '%s\0' deep-portal-invoice-promise "$PORTAL_COOKIE" "$B$pinv" "intent=promise&promisedFor=2027-01-15"
    printf '%s\0' deep-portal-invoice-question "$PORTAL_COOKIE" "$B$pinv" "intent=question&reason=&message=Hi+there"
    printf '%s\0' deep-portal-pay-post "$PORTAL_COOKIE" "$B/portal/pay" "invoice=${pinv##*/}&amountChoice=other&otherAmount=10&method=US_BANK_ACCOUNT"
    printf '%s\0' deep-owner-header-user-agent "$OWNER_COOKIE" "$O/app" "-p user-agent"
    printf '%s\0' deep-owner-cookie "$OWNER_COOKIE" "$O/app" "-p duely_owner"
  } | xargs -0 -n 4 -P "$JOBS" bash -c "$(declare -p SQLMAP SQLMAP_EXTRA); sqlmap_one \"\$@\"" _
}

# ---------------------------------------------------------------- wapiti
# Every module except wapp (downloads Wappalyzer's data from the internet) and brute_login_form (a password
# guesser: the sign-in limit answers 429 after 5 failures, see 015). test/scanners/wapiti.py is wapiti with
# one Python 3.11 fix (its -x patterns do not compile otherwise).
host_of() { echo "$1" | sed -E 's#^https?://([^:/]+).*#\1#'; }
wapiti_cookie() { # base name value file   (wapiti stores a host without a dot under ".<host>.local")
  printf '{".%s.local": {"/": {"%s": {"value": "%s", "expires": null, "secure": false, "port": null, "version": 0}}}}\n' "$(host_of "$1")" "$2" "$3" > "$4"
}
wapiti_scan() { # name base start cookie-file [more wapiti arguments: start pages, exclusions]
  local name="$1" base="$2" start="$3" cookies="$4"; shift 4
  # Accept-Encoding: identity: wapiti 3.0.4's crawler reads a compressed page as it comes (the server gzips what a
  # client accepts, and wapiti says it accepts gzip) and finds no link or form in it.
  /usr/bin/python3 test/scanners/wapiti.py -u "$start" --scope domain -m "all,-wapp,-brute_login_form" -l 2 --flush-session -H "Accept-Encoding: identity" \
    -d 6 --max-files-per-dir 20 --max-scan-time "$WAPITI_CRAWL_SECONDS" --max-attack-time "$WAPITI_MODULE_SECONDS" -t 20 -v 1 \
    -x "$base/logout" -x "$base/dev/clock" "$@" -c "$cookies" -f json -o "$OUT/wapiti/$name.json" \
    > "$OUT/wapiti/$name.log" 2>&1 || echo "wapiti $name: exit $?" >> "$OUT/wapiti/$name.log"
}
wapiti_cookie "$OWNER_BASE" duely_owner "${OWNER_COOKIE#duely_owner=}" "$OUT/wapiti/owner-cookie.json"
wapiti_cookie "$PORTAL_BASE" duely_portal "${PORTAL_COOKIE#duely_portal=}" "$OUT/wapiti/portal-cookie.json"
echo "{}" > "$OUT/wapiti/no-cookie.json"

echo "Scanning $OWNER_BASE and $PORTAL_BASE: $LANES (logs in $OUT)..."
pids=()
for lane in $LANES; do
  case "$lane" in
    # Every owner form page is a start page: crawling from /app alone, the per-module cap ran out before some.
    wapiti-owner) wapiti_scan owner "$OWNER_BASE" "$OWNER_BASE/app" "$OUT/wapiti/owner-cookie.json" -x "$OWNER_BASE/portal/expired" \
      -s "$OWNER_BASE/app/account" -s "$OWNER_BASE/app/settings" -s "$OWNER_BASE/app/team" -s "$OWNER_BASE/app/board" \
      -s "$OWNER_BASE/app/questions" -s "$OWNER_BASE/app/customers/new" -s "$OWNER_BASE/app/invoices/new" \
      -s "$OWNER_BASE/app/customers/import" -s "$OWNER_BASE/app/invoices/import" -s "$OWNER_BASE/app/reminders" \
      -s "$OWNER_BASE/app/plans" -s "$OWNER_BASE/app/emails" & ;;
    wapiti-portal) wapiti_scan portal "$PORTAL_BASE" "$PORTAL_BASE/portal" "$OUT/wapiti/portal-cookie.json" -x "$PORTAL_BASE/portal/expired" & ;;
    # Signed out: every page that needs no session, with made-up tokens where one is in the address.
    wapiti-public) wapiti_scan public "$PORTAL_BASE" "$PORTAL_BASE/login" "$OUT/wapiti/no-cookie.json" \
      -s "$PORTAL_BASE/login/two-step" -s "$PORTAL_BASE/setup?token=abc" -s "$PORTAL_BASE/invite?token=abc" \
      -s "$PORTAL_BASE/reset-password?token=abc" -s "$PORTAL_BASE/portal/access/abc" -s "$PORTAL_BASE/portal/expired?reason=expired" \
      -s "$PORTAL_BASE/dev/mailbox" -s "$PORTAL_BASE/healthz" & ;;
    sqlmap-owner) sqlmap_crawled owner "$OWNER_BASE" /app "$OWNER_COOKIE" & ;;
    sqlmap-portal) sqlmap_crawled portal "$PORTAL_BASE" /portal "$PORTAL_COOKIE" & ;;
    sqlmap-explicit) sqlmap_explicit & ;;
    sqlmap-deep) sqlmap_deep & ;;
    *) echo "unknown lane $lane"; exit 1 ;;
  esac
  pids+=($!)
done
wait "${pids[@]}" || true

bash test/scanners/summarize.sh | tee "$OUT/summary.txt"
