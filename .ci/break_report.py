#!/usr/bin/env python3
"""Writes a copy of the board report with one thing broken, so CI can see
the browser check fail on it: `chart` drops the first trust's SPC chart,
`icon` drops the first summary row's variation icon, `console` adds a
script that logs an error.

usage: break_report.py REPORT.html OUT.html chart|icon|console
"""
import re
import sys

source, out, what = sys.argv[1], sys.argv[2], sys.argv[3]
html = open(source, encoding="utf-8").read()
if what == "chart":
    broken = re.sub(r'<figure class="chart chart-small" id="[^"]*">.*?</figure>', "", html, count=1, flags=re.S)
elif what == "icon":
    broken = html.replace('<td class="icon"><svg', '<td class="icon"><span', 1)
elif what == "console":
    broken = html.replace("</body>", "<script>console.error('broken on purpose')</script></body>", 1)
else:
    sys.exit(f"unknown breakage {what}")
if broken == html:
    sys.exit(f"{what}: nothing to break in {source}")
open(out, "w", encoding="utf-8").write(broken)
