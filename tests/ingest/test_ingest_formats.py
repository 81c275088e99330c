"""Each input format, read from real-looking files: fields, ids, origins and extras."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from eventcoder.records import stable_id
from tests.conftest import EXAMPLES
from tests.ingest.helpers import CRAWL_DATE, GOOD_TEXT, read_batch, write_warc

SAMPLE_JSONL = EXAMPLES / "articles.jsonl"
SAMPLE_TXT = EXAMPLES / "idlib-drone-strike.txt"


def test_sample_jsonl_record_fields():
    (article,), failures = read_batch([SAMPLE_JSONL])
    assert failures == []
    assert article.id == "idlib-drone-strike"
    assert article.title.startswith("A raid on Idlib")
    assert article.published == dt.date(2021, 10, 2)
    assert article.published_from == "record"
    assert article.language == "en"
    assert article.url is None and article.outlet is None
    assert article.origin == f"{SAMPLE_JSONL}:line 1"
    assert article.extra == {}


def test_sample_txt_has_no_date_and_same_text_as_the_record():
    (txt,), _ = read_batch([SAMPLE_TXT])
    (record,), _ = read_batch([SAMPLE_JSONL])
    assert txt.published is None and txt.published_from is None
    assert txt.text == record.text
    assert txt.id == stable_id(txt.text)
    assert txt.origin == str(SAMPLE_TXT)
    assert "Salim Abu Ahmed" in txt.text


def test_ids_are_stable_across_runs():
    first, _ = read_batch([EXAMPLES])
    second, _ = read_batch([EXAMPLES])
    assert [a.id for a in first] == [a.id for a in second]
    # The record's own id; for the .txt a content hash, the same in every process
    # (sha256, not Python's salted hash()).
    assert [a.id for a in first] == ["idlib-drone-strike", "5dfab4e54fcedd7e"]


def test_html_page_main_text_and_metadata(tmp_path, html_page):
    page = tmp_path / "borno.html"
    page.write_bytes(html_page)
    (article,), failures = read_batch([page], published=dt.date(2020, 1, 1))
    assert failures == []
    assert "killed five farmers and abducted two women" in article.text
    assert "14-year insurgency" in article.text
    for chrome in ("Most read", "Super Eagles", "All rights reserved", "cookies", "Politics"):
        assert chrome not in article.text
    assert article.title == "Gunmen kill five in attack on Borno village"
    assert article.outlet == "Sahel Daily"
    assert article.url == "https://saheldaily.example/news/borno-attack"
    assert article.published == dt.date(2023, 3, 14)  # page metadata beats --published
    assert article.published_from == "html-meta"
    assert article.language == "en"  # from <html lang="en">
    assert article.id == stable_id(article.text)


def test_html_title_is_not_added_to_the_text(tmp_path):
    page = tmp_path / "no-headline.htm"
    page.write_text(
        "<html><head><title>Troops repel attack on Kidal camp</title></head><body><article>"
        "<p>Malian troops repelled an attack by armed men on a military camp in Kidal on "
        "Sunday night, the army said in a statement posted on social media.</p>"
        "<p>The statement said several attackers were killed and weapons were seized, but "
        "gave no figure for casualties among the soldiers.</p></article></body></html>",
        encoding="utf-8",
    )
    (article,), _ = read_batch([page])
    assert article.title == "Troops repel attack on Kidal camp"
    assert article.text.startswith("Malian troops repelled")
    assert "Kidal camp" not in article.text
    assert article.published is None and article.published_from is None


def test_html_declared_charset_is_honoured(tmp_path):
    body = (
        "<html><head><meta charset='windows-1252'><title>Attaque à Ménaka</title></head><body>"
        "<article><p>Des hommes armés ont attaqué un poste de l’armée près de Ménaka, tuant "
        "trois soldats, selon une source sécuritaire jointe par téléphone.</p><p>L’attaque "
        "n’a pas été revendiquée, mais la zone est disputée par plusieurs groupes armés.</p>"
        "</article></body></html>"
    )
    page = tmp_path / "menaka.html"
    page.write_bytes(body.encode("cp1252"))
    (article,), failures = read_batch([page])
    assert failures == []
    assert "près de Ménaka, tuant" in article.text
    assert "l’armée" in article.text


def test_warc_reads_html_and_text_records_and_ignores_the_crawl_date(tmp_path, html_page):
    dateless = (
        b"<html><head><title>Clashes in Goma</title></head><body><article><p>Fighting between "
        b"the army and M23 rebels spread to the outskirts of Goma on Thursday, residents said, "
        b"as thousands fled towards the lake shore.</p></article></body></html>"
    )
    archive = tmp_path / "crawl.warc.gz"
    write_warc(
        archive,
        [
            ("https://saheldaily.example/news/borno-attack", html_page),
            ("https://news.example/goma", dateless),
            ("https://news.example/logo.png", b"\x89PNG\r\n", "response", "image/png", "200"),
            ("https://news.example/old", b"<html>Moved</html>", "response", "text/html", "301"),
            ("urn:text:1", GOOD_TEXT.encode(), "resource", "text/plain", None),
            ("urn:meta:1", b"{}", "metadata", "application/json", None),
        ],
    )
    articles, failures = read_batch([archive])
    assert failures == []
    borno, goma, text = articles
    assert borno.published == dt.date(2023, 3, 14) and borno.published_from == "html-meta"
    assert goma.published is None and goma.published_from is None
    assert goma.url == "https://news.example/goma"
    assert goma.extra["crawled"] == CRAWL_DATE
    assert text.text == GOOD_TEXT and text.url == "urn:text:1"
    assert [a.origin for a in articles] == [
        f"{archive}:record 1",
        f"{archive}:record 2",
        f"{archive}:record 5",
    ]


def test_uncompressed_warc(tmp_path, html_page):
    archive = tmp_path / "crawl.warc"
    write_warc(archive, [("https://saheldaily.example/news/borno-attack", html_page)])
    (article,), failures = read_batch([archive], published=dt.date(2023, 3, 20))
    assert failures == []
    assert article.published_from == "html-meta"


def test_csv_with_aliases_quotes_and_extra_columns(tmp_path):
    sheet = tmp_path / "reports.csv"
    sheet.write_text(
        "id,title,date,body,site,section\n"
        'c1,Goma clashes,2023-02-09,"Fighting spread to Goma, residents said.\n\n'
        'Thousands fled.",Kivu Times,Africa\n'
        "c2,Kano riot,,Police dispersed rioters in Kano on Friday.,Daily Trust,\n",
        encoding="utf-8",
    )
    (goma, kano), failures = read_batch([sheet], published=dt.date(2023, 2, 10))
    assert failures == []
    assert goma.text == "Fighting spread to Goma, residents said.\n\nThousands fled."
    assert goma.published == dt.date(2023, 2, 9) and goma.published_from == "record"
    assert goma.outlet == "Kivu Times"
    assert goma.extra == {"section": "Africa"}
    assert goma.origin == f"{sheet}:line 4"
    assert kano.published == dt.date(2023, 2, 10) and kano.published_from == "cli"
    assert kano.origin == f"{sheet}:line 5"


def test_csv_row_with_too_many_cells_is_malformed(tmp_path):
    sheet = tmp_path / "reports.csv"
    sheet.write_text(
        "id,text\nc1,Shelling hit Kharkiv overnight.\nc2,Shelling hit Izium, officials said.\n"
        "c3,Drones struck Odesa.\n",
        encoding="utf-8",
    )
    articles, failures = read_batch([sheet])
    assert [a.id for a in articles] == ["c1", "c3"]
    assert failures[0].kind == "malformed" and failures[0].record == "line 3"


def test_tsv(tmp_path):
    sheet = tmp_path / "reports.tsv"
    sheet.write_text(
        "id\tpublished\ttext\nt1\t2022-08-01\tA car bomb exploded in Mogadishu, police said.\n",
        encoding="utf-8",
    )
    (article,), failures = read_batch([sheet])
    assert failures == []
    assert article.id == "t1" and article.published == dt.date(2022, 8, 1)


def test_json_list_and_single_object(tmp_path):
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps(
            [
                {"id": "j1", "content": GOOD_TEXT, "publication_date": "2023-03-14"},
                "not an article",
                {"id": "j3", "text": GOOD_TEXT, "source": "Wire"},
            ]
        ),
        encoding="utf-8",
    )
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": GOOD_TEXT, "published_at": "2023-03-15T22:10:00Z"}))
    articles, failures = read_batch([many, one])
    assert [a.id for a in articles] == ["j1", "j3", stable_id(GOOD_TEXT)]
    assert articles[0].published == dt.date(2023, 3, 14)
    assert articles[1].outlet == "Wire"
    assert articles[2].published == dt.date(2023, 3, 15)
    assert articles[2].origin == str(one)
    (failure,) = failures
    assert (failure.kind, failure.record, failure.origin) == ("malformed", "record 2", str(many))


def test_extra_fields_and_shadowed_aliases_are_kept(tmp_path):
    feed = tmp_path / "feed.ndjson"
    record = {
        "id": 17,
        "text": GOOD_TEXT,
        "body": "an older copy of the text",
        "date": "2023-03-14",
        "section": "world",
        "tags": ["nigeria", "borno"],
        "author": None,
        "source": {"repo": "example/news-corpus", "licence": "CC BY 4.0"},
        "site": "Sahel Daily",
    }
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,), _ = read_batch([feed])
    assert article.id == "17"
    assert article.text == GOOD_TEXT
    assert article.published == dt.date(2023, 3, 14)
    assert article.outlet == "Sahel Daily"  # a provenance object under "source" is no outlet
    assert article.extra == {
        "body": "an older copy of the text",
        "section": "world",
        "tags": ["nigeria", "borno"],
        "author": None,
        "source": {"repo": "example/news-corpus", "licence": "CC BY 4.0"},
    }


def test_folder_recursion_is_sorted_and_skips_hidden(tmp_path):
    root = tmp_path / "news"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "a.txt").write_text("Report A about shelling in Kherson.", encoding="utf-8")
    (root / "b" / "deep" / "c.md").write_text("Report C about a raid in Jenin.", encoding="utf-8")
    (root / "b" / "b.txt").write_text("Report B about a blast in Quetta.", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden draft.", encoding="utf-8")
    (root / ".cache" / "x.txt").write_text("Cached copy.", encoding="utf-8")
    articles, failures = read_batch([root])
    assert failures == []
    assert [Path(a.origin).relative_to(root).as_posix() for a in articles] == [
        "a.txt",
        "b/b.txt",
        "b/deep/c.md",
    ]


def set_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch):
    set_stdin(monkeypatch, SAMPLE_JSONL.read_bytes())
    (article,), failures = read_batch(["-"])
    assert failures == []
    assert article.id == "idlib-drone-strike"
    assert article.origin == "<stdin>:line 1"


def test_stdin_jsonl_lines_across_the_sniffed_head(monkeypatch):
    line = SAMPLE_JSONL.read_bytes().strip()
    lines = [line.replace(b'"idlib-drone-strike"', f'"s{n}"'.encode()) for n in range(5)]
    assert len(lines[0]) * 3 > 8192 > len(lines[0]) * 2  # line 3 straddles the 8 KB head
    set_stdin(monkeypatch, b"\n".join(lines) + b"\n")
    articles, failures = read_batch(["-"])
    assert failures == []
    assert [a.id for a in articles] == ["s0", "s1", "s2", "s3", "s4"]
    assert {a.text for a in articles} == {articles[0].text}


@pytest.mark.parametrize("before", [b"\n  ", b"<!-- saved from url=(0014)about:internet -->\n"])
def test_stdin_html(monkeypatch, html_page, before):
    set_stdin(monkeypatch, before + html_page.removeprefix(b"<!DOCTYPE html>\n"))
    (article,), _ = read_batch(["-"])
    assert article.title == "Gunmen kill five in attack on Borno village"
    assert article.origin == "<stdin>"


def test_stdin_plain_text_longer_than_the_sniffed_head(monkeypatch):
    text = SAMPLE_TXT.read_text(encoding="utf-8") * 5  # > 8 KB, read past the head
    set_stdin(monkeypatch, text.encode("utf-8"))
    (article,), _ = read_batch(["-"], published=dt.date(2021, 10, 2))
    assert article.text == text
    assert article.published_from == "cli"


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"", "empty"), (b"x" * 5_000_001, "too-large"), (b"\x00\x01\x02", "binary")],
)
def test_stdin_bad_input(monkeypatch, data, kind):
    set_stdin(monkeypatch, data)
    articles, (failure,) = read_batch(["-"])
    assert articles == []
    assert failure.kind == kind and failure.origin == "<stdin>"


def test_a_single_path_string_is_one_path():
    articles, _ = read_batch(str(SAMPLE_TXT))
    assert len(articles) == 1
