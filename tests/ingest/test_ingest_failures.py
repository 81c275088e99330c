"""Every kind of bad input becomes one IngestFailure and the rest of the batch goes on.

Broken files are built here in ``tmp_path`` (the 50 MB one sparsely), never committed.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from eventcoder.ingest.decoding import MAX_ARTICLE_BYTES
from eventcoder.records import IngestFailure
from tests.ingest.helpers import GOOD_TEXT, read_batch, write_warc


def assert_one_line(failure: IngestFailure, path: Path, kind: str, record: str | None = None):
    """The failure names the file (and record), has the right code and a one-line message."""
    assert failure.kind == kind
    assert failure.origin == str(path)
    assert failure.record == record
    described = failure.describe()
    assert "\n" not in described
    assert described.startswith(f"{path}:{record}: " if record else f"{path}: ")
    assert len(failure.message) > 20  # says what is wrong and what to do


def test_good_folder_alone_ingests(folder_with_good_file):
    articles, failures = read_batch([folder_with_good_file])
    assert failures == []
    assert [a.text for a in articles] == [GOOD_TEXT]


@pytest.mark.parametrize(
    ("name", "content"),
    [(name, b"") for name in ("empty.txt", "empty.html", "empty.csv", "empty.warc.gz")]
    + [(name, b"  \n\n\t \n") for name in ("blank.txt", "blank.htm", "blank.tsv", "blank.jsonl")],
)
def test_empty_file(folder_with_good_file, name, content):
    bad = folder_with_good_file / name
    bad.write_bytes(content)
    articles, failures = read_batch([folder_with_good_file])
    assert [a.text for a in articles] == [GOOD_TEXT]
    (failure,) = failures
    assert_one_line(failure, bad, "empty")
    assert any(word in failure.message for word in ("empty", "whitespace", "blank"))


def test_nul_bytes_are_binary(folder_with_good_file):
    bad = folder_with_good_file / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], bad, "binary")
    assert "NUL" in failures[0].message


def test_mostly_non_text_without_nul_is_binary(folder_with_good_file):
    noise = random.Random(7).randbytes(20_000).replace(b"\x00", b"\x01")
    bad = folder_with_good_file / "noise.html"
    bad.write_bytes(noise)
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], bad, "binary")
    assert "mostly not text" in failures[0].message


def test_latin1_text_file_fails_with_encoding(folder_with_good_file):
    text = "Les assaillants ont tué trois soldats près de Ménaka, a déclaré l'armée malienne. " * 5
    bad = folder_with_good_file / "menaka.txt"
    bad.write_bytes(text.encode("latin-1"))
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], bad, "encoding")
    assert "UTF-8" in failures[0].message


def test_few_invalid_bytes_are_replaced_and_recorded(folder_with_good_file):
    text = (GOOD_TEXT * 20).encode("utf-8")
    stray = folder_with_good_file / "stray.txt"
    stray.write_bytes(text[:100] + b"\x92" + text[100:])  # a cp1252 apostrophe
    articles, failures = read_batch([folder_with_good_file])
    assert failures == []
    article = next(a for a in articles if a.origin == str(stray))
    assert article.text.count("\ufffd") == 1
    assert "1 invalid UTF-8" in article.extra["encoding_warning"]


def test_utf8_bom_is_dropped(folder_with_good_file):
    (folder_with_good_file / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD_TEXT.encode())
    articles, failures = read_batch([folder_with_good_file])
    assert failures == []
    assert [a.text for a in articles] == [GOOD_TEXT, GOOD_TEXT]


def test_csv_with_a_bad_byte_keeps_the_rows_before_it(folder_with_good_file):
    bad = folder_with_good_file / "sheet.csv"
    bad.write_bytes(
        b"id,text\nc1,Shelling hit Kharkiv overnight.\n"
        b"c2,Attaque \xe0 M\xe9naka.\nc3,Drones struck Odesa.\n"
    )
    articles, failures = read_batch([folder_with_good_file])
    assert [a.id for a in articles if a.origin.startswith(str(bad))] == ["c1"]
    assert len(articles) == 2
    assert_one_line(failures[0], bad, "encoding", "line 3")


def test_invalid_utf8_jsonl_line_fails_alone(folder_with_good_file):
    bad = folder_with_good_file / "feed.jsonl"
    good_line = json.dumps({"id": "a1", "text": GOOD_TEXT}).encode()
    broken = b'{"id": "a2", "text": "Attaque \xe0 M\xe9naka"}'
    bad.write_bytes(good_line + b"\n" + broken + b"\n" + good_line.replace(b"a1", b"a3") + b"\n")
    articles, failures = read_batch([folder_with_good_file])
    assert sorted(a.id for a in articles if a.origin.startswith(str(bad))) == ["a1", "a3"]
    assert len(articles) == 3
    assert_one_line(failures[0], bad, "encoding", "line 2")


def test_malformed_jsonl_line_names_its_number(folder_with_good_file):
    bad = folder_with_good_file / "feed.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": GOOD_TEXT}),
        '{"id": "r2", "text": "Troops clashed with rebels near Goma.",',  # cut-off line
        "",
        json.dumps({"id": "r4", "text": GOOD_TEXT}),
        '["not", "an", "object"]',
    ]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, failures = read_batch([folder_with_good_file])
    assert {a.id for a in articles} >= {"r1", "r4"}
    assert len(articles) == 3  # r1, r4 and good.txt
    assert [f.record for f in failures] == ["line 2", "line 5"]
    for failure in failures:
        assert_one_line(failure, bad, "malformed", failure.record)
    assert "not valid JSON" in failures[0].message
    assert "not an object" in failures[1].message


def test_malformed_json_file(folder_with_good_file):
    bad = folder_with_good_file / "list.json"
    bad.write_text('[{"id": "x", "text": "Shelling hit Kharkiv."},\n {"id": ', encoding="utf-8")
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], bad, "malformed", "line 2")


@pytest.mark.parametrize(
    "record",
    [
        {"id": "n1", "title": "Clashes in Goma"},
        {"id": "n1", "text": "   "},
        {"id": "n1", "text": 42},
    ],
    ids=["missing", "blank", "not-a-string"],
)
def test_record_without_text(folder_with_good_file, record):
    bad = folder_with_good_file / "feed.jsonl"
    bad.write_text(
        json.dumps(record) + "\n" + json.dumps({"id": "ok", "body": GOOD_TEXT}) + "\n",
        encoding="utf-8",
    )
    articles, failures = read_batch([folder_with_good_file])
    assert sorted(a.id for a in articles if a.origin.startswith(str(bad))) == ["ok"]
    assert len(articles) == 2
    assert_one_line(failures[0], bad, "no-text", "line 1")


def test_csv_without_text_column(folder_with_good_file):
    bad = folder_with_good_file / "sheet.csv"
    bad.write_text("id,title,date\n1,Clashes in Goma,2023-05-02\n", encoding="utf-8")
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], bad, "no-text")
    assert "no text column" in failures[0].message


def test_html_without_article_text(folder_with_good_file):
    bad = folder_with_good_file / "login.html"
    bad.write_text(
        "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a></nav>"
        "<form><input name='user'><button>Log in</button></form></body></html>",
        encoding="utf-8",
    )
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], bad, "no-text")


def test_fifty_megabyte_text_file_is_refused_unread(folder_with_good_file):
    bad = folder_with_good_file / "dump.txt"
    with bad.open("wb") as handle:  # sparse: 50 MB of NULs cost no disk and no time
        handle.seek(50_000_000)
        handle.write(b"\n")
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    # "too-large", not "binary": the size was checked before a byte was read.
    assert_one_line(failures[0], bad, "too-large")
    assert "50.0 MB" in failures[0].message and "split" in failures[0].message


def test_oversized_jsonl_record_fails_alone(folder_with_good_file):
    bad = folder_with_good_file / "feed.jsonl"
    huge = "Shelling continued. " * (MAX_ARTICLE_BYTES // 20 + 10)
    with bad.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "big", "text": huge}) + "\n")
        handle.write(json.dumps({"id": "small", "text": GOOD_TEXT}) + "\n")
    articles, failures = read_batch([folder_with_good_file])
    assert sorted(a.id for a in articles if a.origin.startswith(str(bad))) == ["small"]
    assert_one_line(failures[0], bad, "too-large", "line 1")


def test_oversized_csv_cell_fails_its_row_alone(folder_with_good_file):
    bad = folder_with_good_file / "sheet.csv"
    huge = "Shelling continued. " * (MAX_ARTICLE_BYTES // 20 + 10)
    bad.write_text(f"id,text\nbig,{huge}\nsmall,Drones struck Odesa overnight.\n")
    articles, failures = read_batch([folder_with_good_file])
    assert [a.id for a in articles if a.origin.startswith(str(bad))] == ["small"]
    assert_one_line(failures[0], bad, "too-large", "line 2")


def test_unknown_extension_named_explicitly(folder_with_good_file, tmp_path):
    bad = tmp_path / "report.docx"
    bad.write_bytes(b"PK\x03\x04 not really a docx")
    articles, failures = read_batch([bad, folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], bad, "unknown-extension")
    assert ".txt" in failures[0].message and ".warc.gz" in failures[0].message


def test_unknown_extensions_inside_a_folder_are_reported(folder_with_good_file):
    photo = folder_with_good_file / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0")
    (folder_with_good_file / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden
    articles, failures = read_batch([folder_with_good_file])
    assert len(articles) == 1
    (failure,) = failures
    assert_one_line(failure, photo, "unknown-extension")


def test_missing_path(folder_with_good_file, tmp_path):
    missing = tmp_path / "no-such-file.jsonl"
    articles, failures = read_batch([missing, folder_with_good_file])
    assert len(articles) == 1
    assert_one_line(failures[0], missing, "missing")


def test_truncated_warc_keeps_earlier_records(tmp_path, html_page):
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [("https://a.example/1", html_page), ("https://a.example/2", html_page)])
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 200])
    articles, failures = read_batch([archive])
    assert [a.origin for a in articles] == [f"{archive}:record 1"]
    (failure,) = failures
    assert_one_line(failure, archive, "malformed", "record 2")
    assert "truncated" in failure.message
