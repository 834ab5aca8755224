#!/usr/bin/env python3
"""
Latency from POST of a dangerous reading to (a) the alert on the care team's SSE stream and (b) the subscribe
message at the WeChat sandbox, for N patients of one care team, each reading a new P1 episode.
Usage: latency.py <base-url> <samples>  (the service must run with the in-process sandbox)
"""
import datetime
import hashlib
import json
import statistics
import sys
import threading
import time
import urllib.request
import uuid

base, samples = sys.argv[1], int(sys.argv[2])


def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as resp:
        raw = resp.read()
        return json.loads(raw) if raw else None


def login(code, invite=None):
    body = {"code": code} if invite is None else {"code": code, "inviteCode": invite}
    return call("POST", "/api/v1/auth/wechat-login", body)["token"]


run = uuid.uuid4().hex[:8]
admin = call("POST", "/api/v1/auth/staff-login", {"username": "admin", "password": "admin-demo-pass"})["token"]
staff_invite = call("POST", "/api/v1/staff/invites", {"kind": "STAFF", "role": "DOCTOR"}, admin)["code"]
doctor_code = "bench-doctor-" + run
doctor = login(doctor_code, staff_invite)
# The doctor allows alert messages (the sandbox's alert template is long-term: one yes is enough).
call("POST", "/api/v1/subscriptions", {"results": {"sandbox-alert-template": "accept"}}, doctor)
team = call("POST", "/api/v1/staff/care-teams", {"name": "bench " + run}, doctor)["id"]
join = call("POST", "/api/v1/staff/invites", {"kind": "CARE_TEAM", "careTeamId": team}, doctor)["code"]
version = None
patients = []
for i in range(samples):
    token = login("bench-alert-patient-%s-%d" % (run, i), join)
    version = version or call("GET", "/api/v1/me/consents", token=token)["policyVersion"]
    call("POST", "/api/v1/me/consents", {"policyVersion": version, "scopes": ["HEALTH_DATA", "CARE_TEAM_SHARING"]}, token)
    patients.append(token)
# The sandbox's openid for a login code (WeChatSandbox.openidFor).
messages_path = "/sandbox/wechat/messages?openid=o" + hashlib.sha256(doctor_code.encode()).hexdigest()[:27]

seen = {}


def stream():
    req = urllib.request.Request(base + "/api/v1/alerts/stream")
    req.add_header("Authorization", "Bearer " + doctor)
    with urllib.request.urlopen(req) as resp:
        for raw in resp:
            line = raw.decode().strip()
            if line.startswith("id:"):
                seen.setdefault(line[3:], time.perf_counter())


threading.Thread(target=stream, daemon=True).start()
time.sleep(1)

sse, wechat = [], []
for token in patients:
    before = len(call("GET", messages_path))
    reading = {"clientId": str(uuid.uuid4()), "type": "GLUCOSE",
               "measuredAt": datetime.datetime.now(datetime.timezone.utc).isoformat(),
               "glucose": {"value": 2.6, "unit": "MMOL_L", "context": "RANDOM"}}
    t0 = time.perf_counter()
    result = call("POST", "/api/v1/readings", {"readings": [reading]}, token)["results"][0]
    alert_id = result["alerts"][0]["id"]
    deadline = time.perf_counter() + 10
    while len(call("GET", messages_path)) == before and time.perf_counter() < deadline:
        time.sleep(0.002)
    t_msg = time.perf_counter() if time.perf_counter() < deadline else float("nan")
    deadline = time.perf_counter() + 5
    while alert_id not in seen and time.perf_counter() < deadline:
        time.sleep(0.002)
    sse.append((seen.get(alert_id, float("nan")) - t0) * 1000)
    wechat.append((t_msg - t0) * 1000)


def pct(values, p):
    values = sorted(v for v in values if v == v)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


print("RESULT samples=%d sse_p50_ms=%.1f sse_p99_ms=%.1f wechat_p50_ms=%.1f wechat_p99_ms=%.1f missed_sse=%d missed_wechat=%d"
      % (samples, pct(sse, 50), pct(sse, 99), pct(wechat, 50), pct(wechat, 99), sum(1 for v in sse if v != v),
         sum(1 for v in wechat if v != v)))
