#!/usr/bin/env python3
"""A loopback fake of DeepSeek's GET /user/balance for benchmarks (serves the docs' example)."""
import http.server, sys, pathlib

BODY = pathlib.Path(__file__).resolve().parent.parent.joinpath(
    "src/test/resources/providers/deepseek/balance.json").read_bytes()

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        if self.path != "/user/balance" or not self.headers.get("Authorization", "").startswith("Bearer "):
            self.send_response(401); self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)
    def log_message(self, *a):
        pass

srv = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
print(srv.server_address[1], flush=True)
srv.serve_forever()
