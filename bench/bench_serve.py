"""`docgen serve`: the "check a form and make documents" round trip a SENCo waits on.

Run: python bench/bench_serve.py [--against DIR] [--rounds 5] [--n 20]

Each round starts docgen's web server (as `docgen serve` does: loopback, a free port, the
run's token) in a fresh process, opens the link (the token becomes the cookie), and uploads
the sample IEP as a filled Word form to /check over HTTP, reading the whole result page
(which carries the documents): the first upload (templates compiled, or loaded from the
compiled-template cache), then ``--n`` more. With ``--against DIR`` (another checkout, e.g.
main's), that checkout runs the same in turn, each round. Printed: median ms of the first and
of the later uploads, the page's size, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CLIENT = r'''
import http.client, json, statistics, sys, threading, time, uuid
from pathlib import Path

from docgen.web.app import create_app
from docgen.web.security import csrf_token
from docgen.web.server import make_app_server

form, n = Path(sys.argv[1]).read_bytes(), int(sys.argv[2])
token = "bench-token"
server = make_app_server("127.0.0.1", 0, create_app(token))
threading.Thread(target=server.serve_forever, daemon=True).start()
connection = http.client.HTTPConnection("127.0.0.1", server.server_port)
connection.request("GET", f"/?token={token}")
reply = connection.getresponse()
reply.read()
cookie = reply.getheader("Set-Cookie").split(";")[0]
boundary = uuid.uuid4().hex
body = b"".join([
    f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n".encode(),
    csrf_token(token).encode(), b"\r\n",
    f"--{boundary}\r\nContent-Disposition: form-data; name=\"form\"; filename=\"iep.docx\"\r\n"
    "Content-Type: application/octet-stream\r\n\r\n".encode(), form, b"\r\n",
    f"--{boundary}--\r\n".encode()])
headers = {"Cookie": cookie, "Content-Type": f"multipart/form-data; boundary={boundary}",
           "Origin": f"http://127.0.0.1:{server.server_port}"}
times, size = [], 0
for _ in range(n + 1):
    start = time.perf_counter()
    connection.request("POST", "/check", body, headers)
    reply = connection.getresponse()
    page = reply.read()
    times.append(time.perf_counter() - start)
    assert reply.status == 200 and b"Download" in page, (reply.status, page[:300])
    size = len(page)
server.shutdown()
print(json.dumps({"first": times[0], "later": statistics.median(times[1:]), "size": size}))
'''


def run(code: Path, form: Path, n: int, work: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(code), PYTHONPYCACHEPREFIX=str(work / "pycache" / code.name),
               DOCGEN_CACHE_DIR=str(work / "compiled" / code.name))
    done = subprocess.run([sys.executable, "-c", CLIENT, str(form), str(n)], cwd=code,
                          env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--n", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench_make import write_word_form

    codes = {"this tree": ROOT} | ({"against": args.against.resolve()} if args.against else {})
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        form = write_word_form(work)
        for code in codes.values():
            run(code, form, 1, work)  # not timed: .pyc written, templates compiled once
        runs: dict[str, list[dict]] = {label: [] for label in codes}
        for _ in range(args.rounds):
            for label, code in codes.items():
                runs[label].append(run(code, form, args.n, work))
    medians = {}
    for label, results in runs.items():
        first = statistics.median(r["first"] for r in results) * 1000
        later = statistics.median(r["later"] for r in results) * 1000
        medians[label] = (first, later)
        print(f"[{label}] upload -> result page: first {first:.0f} ms, then {later:.1f} ms "
              f"(medians of {args.rounds} servers x {args.n}); page {results[0]['size']:,} B")
    if "against" in medians:
        (f1, l1), (f2, l2) = medians["this tree"], medians["against"]
        print(f"this tree is {f2 / f1:.2f}x faster on the first upload, {l2 / l1:.2f}x after")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
