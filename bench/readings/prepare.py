#!/usr/bin/env python3
"""Logs in N sandbox patients, gives HEALTH_DATA consent, writes their bearer tokens one per line."""
import json
import sys
import urllib.request

base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read() or b"{}")


tokens = []
for i in range(count):
    token = call("POST", "/api/v1/auth/wechat-login", {"code": "bench-patient-%d" % i})["token"]
    version = call("GET", "/api/v1/me/consents", token=token)["policyVersion"]
    call("POST", "/api/v1/me/consents", {"policyVersion": version, "scopes": ["HEALTH_DATA"]}, token)
    tokens.append(token)
with open(out, "w") as f:
    f.write("\n".join(tokens) + "\n")
