#!/usr/bin/env python3
"""Traffic through nginx while blue-green.sh switches slots: a request loop, an open event stream (reconnecting on
the server's retry hint, as a browser's EventSource does) and running generations. Standard library only.

usage: client.py BASE_URL ADMIN_EMAIL ADMIN_PASSWORD PHOTO WORK_DIR
Writes WORK_DIR/client.ready once traffic flows, stops when WORK_DIR/client.stop appears, then waits for the
generations it started to finish and writes WORK_DIR/client.json with its figures.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid

BASE, ADMIN_EMAIL, ADMIN_PASSWORD, PHOTO, WORK = sys.argv[1:6]
URL = urllib.parse.urlparse(BASE)
lock = threading.Lock()
figures = {
    "requests": 0,
    "failures": 0,
    "failure_samples": [],
    "sse_connects": 0,
    "sse_retry_hints": 0,
    "sse_events": 0,
    "generations_started": 0,
    "generations_completed": 0,
    "generations_other": [],
}


def note_failure(what):
    with lock:
        figures["failures"] += 1
        if len(figures["failure_samples"]) < 20:
            figures["failure_samples"].append(f"{time.strftime('%H:%M:%S')} {what}")


def call(method, path, body=None, token=None, content_type="application/json", count=True, timeout=30):
    """One request on a fresh connection (as browsers behind different NATs would); answers (status, bytes)."""
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        if content_type == "application/json":
            body = json.dumps(body).encode()
        headers["Content-Type"] = content_type
    conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        status = response.status
    except Exception as e:  # a refused or cut connection is a failed request
        if count:
            with lock:
                figures["requests"] += 1
            note_failure(f"{method} {path}: {type(e).__name__} {e}")
        raise
    finally:
        conn.close()
    if count:
        with lock:
            figures["requests"] += 1
        if status >= 500 or status == 429 or status == 0:
            note_failure(f"{method} {path}: HTTP {status} {data[:200]!r}")
    return status, data


def must(status_data, expected, what):
    status, data = status_data
    if status != expected:
        raise SystemExit(f"setup failed: {what}: HTTP {status} {data[:300]!r}")
    return json.loads(data) if data else None


def multipart(field, filename, content, content_type):
    boundary = "pixfino" + uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {content_type}\r\n\r\n").encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


stop = threading.Event()


def request_loop(token):
    paths = ["/api/v1/me", "/api/v1/presets", "/health", "/api/v1/generations?limit=5"]
    i = 0
    while not stop.is_set():
        path = paths[i % len(paths)]
        i += 1
        try:
            status, data = call("GET", path, token=token)
            if status != 200:
                note_failure(f"GET {path}: HTTP {status}")
        except Exception:
            pass  # counted in call()
        time.sleep(0.05)


def event_stream(token):
    """Reads /api/v1/events; when the server ends it, waits the hinted retry and connects again (through nginx, to
    whichever slot is active). A stream that cannot be opened again is a failure."""
    retry_ms = 1000
    while not stop.is_set():
        conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=60)
        try:
            conn.request("GET", "/api/v1/events",
                         headers={"Accept": "text/event-stream", "Authorization": "Bearer " + token})
            response = conn.getresponse()
            with lock:
                figures["requests"] += 1
            if response.status != 200:
                note_failure(f"GET /api/v1/events: HTTP {response.status}")
                time.sleep(retry_ms / 1000)
                continue
            with lock:
                figures["sse_connects"] += 1
            while not stop.is_set():
                line = response.fp.readline()
                if not line:
                    break  # the server ended the stream
                line = line.decode().rstrip("\r\n")
                if line.startswith("retry:"):
                    retry_ms = int(line[6:].strip())
                    with lock:
                        figures["sse_retry_hints"] += 1
                elif line.startswith("event:"):
                    with lock:
                        figures["sse_events"] += 1
        except Exception as e:
            if not stop.is_set():
                note_failure(f"events stream: {type(e).__name__} {e}")
        finally:
            conn.close()
        if not stop.is_set():
            time.sleep(retry_ms / 1000)


def main():
    admin = must(call("POST", "/api/v1/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}), 200,
                 "admin sign-in")["token"]
    email = f"bluegreen-{uuid.uuid4().hex[:8]}@example.com"
    user = must(call("POST", "/api/v1/auth/register", {"email": email, "password": "Blue-Green-Pass-7", "name": "BG"}),
                201, "register")
    token, user_id = user["token"], user["user"]["id"]
    must(call("POST", f"/api/v1/admin/users/{user_id}/credits", {"amount": 500, "reason": "blue-green test"},
              token=admin), 201, "credits")
    with open(PHOTO, "rb") as f:
        body, content_type = multipart("file", "photo.jpg", f.read(), "image/jpeg")
    upload = must(call("POST", "/api/v1/uploads", body, token=token, content_type=content_type), 201, "upload")["id"]
    presets = must(call("GET", "/api/v1/presets", token=token), 200, "presets")
    presets = presets["items"] if isinstance(presets, dict) else presets
    free = [p for p in presets if not p["pro"]]
    # photos on the local renderer, one every few seconds: some are always running while the slots switch
    # (videos would be slower still, but on a loaded 2-core CI machine they overrun the provider call timeout)
    chosen = next((p for p in free if p["kind"] == "IMAGE"), free[0])
    figures["preset"] = chosen["slug"]

    threads = [threading.Thread(target=request_loop, args=(token,), daemon=True) for _ in range(2)]
    threads.append(threading.Thread(target=event_stream, args=(token,), daemon=True))
    for t in threads:
        t.start()

    generations = []

    def start_generation():
        status, data = call("POST", "/api/v1/generations", {"presetId": chosen["id"], "uploadId": upload}, token=token)
        if status in (200, 201, 202):
            generations.append(json.loads(data)["id"])
            figures["generations_started"] += 1
        else:
            note_failure(f"create generation: HTTP {status} {data[:200]!r}")

    start_generation()
    open(os.path.join(WORK, "client.ready"), "w").close()
    last = time.time()
    while not os.path.exists(os.path.join(WORK, "client.stop")):
        if time.time() - last > 5 and figures["generations_started"] < 30:
            start_generation()
            last = time.time()
        time.sleep(0.2)

    # the generations must all finish, whichever slot ran (or took over) each one
    deadline = time.time() + 240
    pending = set(generations)
    while pending and time.time() < deadline:
        for gid in list(pending):
            try:
                status, data = call("GET", f"/api/v1/generations/{gid}", token=token)
            except Exception:
                continue
            if status == 200:
                state = json.loads(data)["status"]
                if state == "COMPLETED":
                    figures["generations_completed"] += 1
                    pending.discard(gid)
                elif state in ("FAILED", "CANCELED"):
                    figures["generations_other"].append(f"{gid} {state} {json.loads(data).get('errorCode')}")
                    pending.discard(gid)
        time.sleep(0.5)
    figures["generations_unfinished"] = len(pending)
    stop.set()
    with open(os.path.join(WORK, "client.json"), "w") as f:
        json.dump(figures, f, indent=2)


if __name__ == "__main__":
    main()
