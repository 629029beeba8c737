#!/usr/bin/python3
"""Lists the pages a signed-in visitor reaches from START (same origin, links and GET forms, depth 3),
one URL per route: path segments that are ids (cuid-like) or tokens count as one route.
Usage: targets.py BASE START COOKIE EXCLUDE_REGEX  (prints one absolute URL a line)."""
import re
import sys
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

base, start, cookie, exclude = sys.argv[1:5]
exclude_re = re.compile(exclude)
ID = re.compile(r"^[a-z0-9]{20,}$|^[A-Za-z0-9_-]{30,}$")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "form" and (a.get("method") or "get").lower() == "get" and a.get("action"):
            self.links.append(a["action"])


def route_of(url):
    parts = urlsplit(url)
    path = "/".join(":id" if ID.match(s) else s for s in parts.path.split("/"))
    keys = ",".join(sorted({q.split("=")[0] for q in parts.query.split("&") if q}))
    return path + "?" + keys


seen, routes, queue = set(), {}, [(urljoin(base, start), 0)]
while queue:
    url, depth = queue.pop(0)
    if url in seen:
        continue
    seen.add(url)
    route = route_of(url)
    if route in routes:
        continue
    try:
        req = urllib.request.Request(url, headers={"Cookie": cookie})
        with urllib.request.urlopen(req, timeout=20) as res:
            if "text/html" not in res.headers.get("content-type", ""):
                routes[route] = url
                continue
            html = res.read().decode("utf-8", "replace")
            final = res.geturl()
    except Exception as error:  # a 4xx page is still a route the scanners should try
        print(f"# {url}: {error}", file=sys.stderr)
        routes[route] = url
        continue
    if route_of(final) != route and route_of(final) in routes:
        continue
    routes[route] = url
    if depth >= 3:
        continue
    parser = Links()
    parser.feed(html)
    for link in parser.links:
        target = urljoin(final, link).split("#")[0]
        if urlsplit(target).netloc != urlsplit(base).netloc or exclude_re.search(target) or "/build/" in target:
            continue
        queue.append((target, depth + 1))

for url in sorted(routes.values()):
    print(url)
