#!/usr/bin/env python3
"""Logs in N sandbox patients and gives consent; writes their bearer tokens one per line (with IDS=1, "token userId").
Usage: prepare.py <base-url> <count> <out-file> [scopes, default HEALTH_DATA] ; CODE_PREFIX names the login codes."""
import json
import os
import sys
import urllib.request

base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
scopes = (sys.argv[4] if len(sys.argv) > 4 else "HEALTH_DATA").split(",")
prefix = os.environ.get("CODE_PREFIX", "bench-patient")
with_ids = os.environ.get("IDS") == "1"


def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read() or b"{}")


lines = []
for i in range(count):
    token = call("POST", "/api/v1/auth/wechat-login", {"code": "%s-%d" % (prefix, i)})["token"]
    version = call("GET", "/api/v1/me/consents", token=token)["policyVersion"]
    call("POST", "/api/v1/me/consents", {"policyVersion": version, "scopes": scopes}, token)
    lines.append("%s %s" % (token, call("GET", "/api/v1/me", token=token)["id"]) if with_ids else token)
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
