#!/usr/bin/env python3
"""Loads the board report in headless Chromium and checks it as a reader's
browser shows it. Standard library only: Chromium is driven over
--remote-debugging-pipe (the DevTools protocol as NUL-separated JSON on file
descriptors 3 and 4), so no websocket client, driver or downloaded browser
is needed.

usage: browser_check.py REPORT.html SCREENSHOT.png [CHROMIUM]

Checks (each failure is printed; exit 1 if any):
- the page has a lang attribute;
- every table header cell has a scope;
- every <svg> has a <title> child;
- one SPC chart per measure and organisation in the summary table, each the
  target of its row's link, and no other (a row may instead say in words why
  it has no chart);
- both icons (an svg with a title) in every summary row;
- no element extends beyond the page width, on screen (A4 at 96 dpi: 794 px)
  and printed (print media, 688 px: A4 less its margins);
- no console error, uncaught exception or failed load.
Also saves a screenshot of the first screen (A4 size) to SCREENSHOT.png and,
with SECTION_SHOTS=DIR set, one of each section in DIR.
"""
import base64
import json
import os
import pathlib
import subprocess
import sys
import tempfile

A4_WIDTH, A4_HEIGHT = 794, 1123
# 210 mm less 2 x 14 mm of margin, at 96 dpi.
PRINT_WIDTH = 688

CHECKS = r"""
(() => {
  const fails = [];
  const html = document.documentElement;
  if (!html.getAttribute('lang')) fails.push('html has no lang attribute');
  const noScope = [...document.querySelectorAll('th')].filter(th => !th.getAttribute('scope'));
  if (noScope.length) fails.push(noScope.length + ' th without scope, first: ' + noScope[0].textContent.trim().slice(0, 40));
  const svgs = [...document.querySelectorAll('svg')];
  const untitled = svgs.filter(s => ![...s.children].some(c => c.tagName.toLowerCase() === 'title' && c.textContent.trim()));
  if (untitled.length) fails.push(untitled.length + ' svg without a title');
  const rows = [...document.querySelectorAll('table.icons tbody tr')];
  if (!rows.length) fails.push('no summary rows');
  const wanted = new Set();
  let charted = 0;
  rows.forEach((tr, i) => {
    const name = (tr.querySelector('th') || tr).textContent.trim();
    // A row may say why it has no chart (too few consecutive months); it
    // must say so in words, and then has neither link nor icons.
    if (tr.classList.contains('no-chart')) {
      const reason = tr.querySelector('td.reason');
      if (!reason || reason.textContent.trim().length < 12) fails.push('summary row ' + i + ' (' + name + ') has no chart and no reason');
      return;
    }
    charted += 1;
    const link = tr.querySelector('a[href^="#"]');
    if (!link) { fails.push('summary row ' + i + ' (' + name + ') has no chart link'); return; }
    const id = link.getAttribute('href').slice(1);
    wanted.add(id);
    const fig = document.getElementById(id);
    if (!fig || !fig.querySelector('svg.spc-chart')) fails.push('no chart for summary row ' + i + ' (' + name + ', #' + id + ')');
    const icons = [...tr.querySelectorAll('td.icon')].map(td => td.querySelector('svg > title'));
    if (icons.length !== 2 || icons.some(t => !t)) fails.push('summary row ' + i + ' (' + name + ') lacks an icon');
  });
  const charts = [...document.querySelectorAll('svg.spc-chart')];
  if (charts.length !== charted) fails.push(charts.length + ' SPC charts for ' + charted + ' charted summary rows');
  charts.forEach(svg => {
    const fig = svg.closest('figure');
    if (!fig || !wanted.has(fig.id)) fails.push('chart ' + (fig ? fig.id : '?') + ' is not in the summary table');
  });
  const width = html.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
  });
  if (wide.length) fails.push(wide.length + ' elements outside the page width ' + width + 'px, first: <' + wide[0].tagName.toLowerCase() + ' class="' + (wide[0].getAttribute('class') || '') + '">');
  if (html.scrollWidth > width) fails.push('page scrolls sideways: ' + html.scrollWidth + 'px > ' + width + 'px');
  return JSON.stringify({fails, rows: rows.length, charts: charts.length, svgs: svgs.length, width});
})()
"""

SECTION_BOXES = r"""
JSON.stringify([...document.querySelectorAll('main > section')].map(s => {
  const r = s.getBoundingClientRect();
  return {id: s.id, y: r.top + window.scrollY, height: r.height};
}))
"""


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="board-report-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        args = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
            "about:blank",
        ]

        def fds():
            # Copies first, so that neither dup2 overwrites the other's source;
            # dup2 onto another number leaves the copy inheritable.
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        # close_fds=False: subprocess would otherwise close 3 and 4 after
        # preexec_fn has set them up.
        self.proc = subprocess.Popen(args, close_fds=False, preexec_fn=fds,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def _read_message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session):
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            event = self._read_message()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            self.events.append(event)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def console_errors(events):
    errors = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            errors.append("exception: " + params.get("exceptionDetails", {}).get("text", ""))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            errors.append(f"log error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}")
        elif method == "Network.loadingFailed":
            errors.append("load failed: " + params.get("errorText", ""))
    return errors


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    report = pathlib.Path(sys.argv[1]).resolve()
    shot = pathlib.Path(sys.argv[2])
    chromium = sys.argv[3] if len(sys.argv) > 3 else "chromium"
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(domain + ".enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": A4_WIDTH, "height": A4_HEIGHT, "deviceScaleFactor": 1, "mobile": False},
                     session=session)
        browser.send("Page.navigate", {"url": report.as_uri()}, session=session)
        browser.wait_for("Page.loadEventFired", session)
        result = browser.send("Runtime.evaluate", {"expression": CHECKS, "returnByValue": True}, session=session)
        if "exceptionDetails" in result:
            raise RuntimeError("the checks threw: " + json.dumps(result["exceptionDetails"])[:400])
        found = json.loads(result["result"]["value"])
        png = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        shot.parent.mkdir(parents=True, exist_ok=True)
        shot.write_bytes(base64.b64decode(png))
        # Printed: A4 less the page margins (12 mm x 14 mm in report.css).
        browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": PRINT_WIDTH, "height": A4_HEIGHT, "deviceScaleFactor": 1, "mobile": False},
                     session=session)
        printed = browser.send("Runtime.evaluate", {"expression": CHECKS, "returnByValue": True}, session=session)
        found["fails"] += ["printed (" + str(PRINT_WIDTH) + " px): " + f
                           for f in json.loads(printed["result"]["value"])["fails"]]
        browser.send("Emulation.setEmulatedMedia", {"media": "screen"}, session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": A4_WIDTH, "height": A4_HEIGHT, "deviceScaleFactor": 1, "mobile": False},
                     session=session)
        # With SECTION_SHOTS=DIR, one picture per section too (for looking at).
        shots = os.environ.get("SECTION_SHOTS")
        if shots:
            boxes = json.loads(browser.send("Runtime.evaluate", {"expression": SECTION_BOXES, "returnByValue": True},
                                            session=session)["result"]["value"])
            for i, box in enumerate(boxes):
                clip = {"x": 0, "y": box["y"], "width": A4_WIDTH, "height": min(box["height"], 4000), "scale": 1}
                data = browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                                    session=session)["data"]
                pathlib.Path(shots, f"section-{i:02}-{box['id'] or 'cover'}.png").write_bytes(base64.b64decode(data))
        # Let late console messages arrive.
        browser.send("Runtime.evaluate", {"expression": "1"}, session=session)
        fails = found["fails"] + console_errors(browser.events)
    finally:
        browser.close()
    print(f"browser check: {report.name}: {found['rows']} summary rows, {found['charts']} SPC charts, "
          f"{found['svgs']} svgs, page width {found['width']}px; screenshot {shot}")
    for f in fails:
        print("  FAIL:", f)
    print(f"{0 if fails else 1} passed, {1 if fails else 0} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
