"""A small party portal on 127.0.0.1 whose pages fail in the ways real portals fail.

Its section lists good articles beside bad ones: 503 with Retry-After (then fine), 503 asking
for an hour, 500 always, a timeout, a connection reset mid-body, a redirect loop, 200 responses
that are a login page or an error page, a 50 MB page, binary bytes served as text/html, truncated
HTML, Windows-1258, a wrong declared charset, decomposed Vietnamese, a section robots.txt
disallows, and a server that slows down. ``FAULTS`` says which paths must end up stored; the log
has each request's path and arrival time.

    python tests/faultweb.py --registry DIR --port-file FILE [--log FILE]
"""

from __future__ import annotations

import argparse
import json
import socket
import threading
import time
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BODY = (
    "Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm, "
    "đánh giá kết quả kết nạp đảng viên, kiểm tra, giám sát và sinh hoạt chi bộ ở cơ sở."
)
PARAGRAPHS = [f"{BODY} Đoạn {n}: các chi bộ nâng cao chất lượng sinh hoạt, phát huy vai trò tiên phong của đảng viên." for n in range(1, 5)]

# path -> (what it does, stored?)
FAULTS: dict[str, tuple[str, bool]] = {
    "/tin/bai-viet-binh-thuong-so-mot-1001.html": ("a good article", True),
    "/tin/bai-viet-binh-thuong-so-hai-1002.html": ("a good article", True),
    "/tin/may-chu-qua-tai-roi-tra-loi-1003.html": ("503 with Retry-After once, then the article", True),
    "/tin/loi-may-chu-luon-luon-1004.html": ("500 every time", False),
    "/tin/may-chu-khong-tra-loi-1005.html": ("no answer before the timeout", False),
    "/tin/ket-noi-bi-cat-giua-chung-1006.html": ("connection reset mid-body", False),
    "/tin/chuyen-huong-vong-lap-1007.html": ("redirect loop", False),
    "/tin/trang-dang-nhap-he-thong-1008.html": ("200 login page", False),
    "/tin/trang-bao-loi-khong-tim-thay-1009.html": ("200 error page", False),
    "/tin/trang-rat-lon-nam-muoi-mb-1010.html": ("a 50 MB page", False),
    "/tin/noi-dung-nhi-phan-gia-html-1011.html": ("binary bytes as text/html", False),
    "/tin/html-bi-cat-cut-giua-chung-1012.html": ("HTML cut off after the body", True),
    "/tin/bang-ma-windows-1258-1013.html": ("Windows-1258 with decomposed tone marks", True),
    "/tin/khai-bao-bang-ma-sai-1014.html": ("UTF-8 declared as ISO-8859-1", True),
    "/tin/chu-viet-dang-to-hop-nfd-1015.html": ("decomposed Vietnamese (NFD)", True),
    "/rieng-tu/bai-viet-bi-chan-robots-1016.html": ("disallowed by robots.txt", False),
    "/tin/may-chu-cham-dan-dan-1017.html": ("slow answer, within the timeout", True),
    "/tin/may-chu-hen-mot-gio-sau-1018.html": ("503 with Retry-After an hour, every time", False),
}
TITLES = {path: f"Bài viết thử nghiệm số {path.rsplit('-', 1)[1][:4]} về công tác xây dựng Đảng ở cơ sở" for path in FAULTS}


def article_html(path: str, charset: str = "utf-8", form: str = "NFC") -> str:
    paragraphs = "".join(f"<p>{unicodedata.normalize(form, p)}</p>" for p in PARAGRAPHS)
    title = unicodedata.normalize(form, TITLES[path])
    return (
        f'<html><head><meta charset="{charset}"><title>{title} - Huyện ủy Thử nghiệm</title></head><body>'
        f'<div class="menu"><a href="/">Trang chủ</a></div><h1 class="title">{title}</h1>'
        f'<div class="date">Ngày đăng: 12/03/2024 08:45</div><div class="content">{paragraphs}'
        f"<p><strong>THANH NGA</strong></p></div></body></html>"
    )


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese pages use it: precomposed vowels, tone marks as combining characters."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            letter, *marks = unicodedata.normalize("NFD", char)
            tones = "".join(m for m in marks if m in TONE_MARKS)
            base = unicodedata.normalize("NFC", letter + "".join(m for m in marks if m not in TONE_MARKS))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def listing_html() -> str:
    items = "".join(f'<li><a href="{path}">{TITLES[path]}</a> (12/03/2024)</li>' for path in FAULTS)
    return f'<html><head><meta charset="utf-8"><title>Tin tức</title></head><body><h1>Xây dựng Đảng</h1><ul>{items}</ul></body></html>'


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    retried: set[str] = set()
    log_path: Path | None = None
    lock = threading.Lock()

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802, C901 - one branch per fault, on purpose
        path = self.path
        if self.log_path:
            with self.lock, self.log_path.open("a") as log:
                log.write(json.dumps({"path": path, "time": time.time()}) + "\n")
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /rieng-tu/\n", "text/plain")
        if path in {"/", "/tin/"}:
            return self.send(200, listing_html().encode())
        if path not in FAULTS:
            return self.send(404, b"<html><body>404</body></html>")
        number = path.rsplit("-", 1)[1][:4]
        if number == "1003" and path not in self.retried:
            self.retried.add(path)
            return self.send(503, b"<html><body>Busy</body></html>", headers={"Retry-After": "1"})
        if number == "1018":
            return self.send(503, b"<html><body>Maintenance</body></html>", headers={"Retry-After": "3600"})
        if number == "1004":
            return self.send(500, b"<html><body>Internal Server Error</body></html>")
        if number == "1005":
            time.sleep(6)
            return self.send(200, article_html(path).encode())
        if number == "1006":
            body = article_html(path).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 3])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return None
        if number == "1007":
            self.send_response(302)
            self.send_header("Location", path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if number == "1008":
            page = '<html><head><title>Đăng nhập</title></head><body><form><input name="user"><input type="password"></form></body></html>'
            return self.send(200, page.encode())
        if number == "1009":
            page = "<html><head><title>Lỗi</title></head><body><h1>Không tìm thấy trang yêu cầu</h1><p>Lỗi 404.</p></body></html>"
            return self.send(200, page.encode())
        if number == "1010":
            return self.send(200, b"<html><body>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</body></html>")
        if number == "1011":
            return self.send(200, bytes(range(256)) * 64)
        if number == "1012":
            page = article_html(path)
            return self.send(200, page[: page.index("<p><strong>")].encode())
        if number == "1013":
            page = article_html(path, charset="windows-1258")
            return self.send(200, to_cp1258(page), "text/html; charset=windows-1258")
        if number == "1014":
            return self.send(200, article_html(path, charset="iso-8859-1").encode(), "text/html; charset=iso-8859-1")
        if number == "1015":
            return self.send(200, article_html(path, form="NFD").encode())
        if number == "1017":
            time.sleep(2)
        return self.send(200, article_html(path).encode())

    def log_message(self, format, *args):  # noqa: A002
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """Clients hang up on the faults on purpose: no traceback for that."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registry", type=Path, required=True)
    parser.add_argument("--port-file", type=Path, required=True)
    parser.add_argument("--log", type=Path)
    args = parser.parse_args()
    FaultHandler.log_path = args.log
    server = QuietServer(("127.0.0.1", 0), FaultHandler)
    host = f"127.0.0.1:{server.server_address[1]}"
    args.registry.mkdir(parents=True, exist_ok=True)
    (args.registry / "faulty.toml").write_text(
        f'name = "Huyện ủy Thử nghiệm"\nprovince = "Sơn La"\nkind = "party-portal"\nhome = "http://{host}/"\n'
        f'start_urls = ["http://{host}/tin/"]\ndomains = ["{host}"]\n'
        "article_pattern = '-\\d{4}\\.html$'\nlisting_pattern = '/tin/$'\n",
        "utf-8",
    )
    args.port_file.write_text(json.dumps({"faulty": server.server_address[1]}))
    server.serve_forever()


if __name__ == "__main__":
    main()
