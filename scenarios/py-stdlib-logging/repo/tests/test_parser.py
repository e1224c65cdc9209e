import pytest

from ingest.parser import ParseError, parse
from conftest import csv_text, good_rows


def test_parses_and_maps_aliases(tmp_path):
    path = tmp_path / "p__1.csv"
    path.write_text(csv_text(good_rows(2), header="Order No;Date;Article;Qty;Price;Ccy").replace(",", ";")
                    .replace(";C1", "").replace(";C2", ""))
    parsed = parse(path)
    assert parsed.delimiter == ";"
    assert parsed.columns == ["order_id", "order_date", "sku", "quantity", "unit_price", "currency"]
    assert parsed.rows[0]["order_id"] == "A00001"


def test_cp1252_fallback(tmp_path):
    path = tmp_path / "p__1.csv"
    path.write_bytes(csv_text(["A1,2024-03-01,SKU-1,1,19.90,EUR,Müller"]).encode("cp1252"))
    parsed = parse(path)
    assert parsed.encoding == "cp1252"
    assert parsed.rows[0]["customer_ref"] == "Müller"


def test_skips_blank_lines_and_pads_short_rows(tmp_path):
    path = tmp_path / "p__1.csv"
    path.write_text(csv_text(["A1,2024-03-01,SKU-1,1,19.90,EUR", "", ",,,,,,"]))
    parsed = parse(path)
    assert len(parsed.rows) == 1
    assert parsed.rows[0]["customer_ref"] == ""


def test_unknown_columns_are_ignored(tmp_path):
    path = tmp_path / "p__1.csv"
    path.write_text(csv_text(["A1,2024-03-01,SKU-1,1,19.90,EUR,C1,red"], header=csv_text([]).strip() + ",colour"))
    parsed = parse(path)
    assert parsed.ignored_columns == ["colour"]
    assert "colour" not in parsed.rows[0]


def test_duplicate_and_empty(tmp_path):
    path = tmp_path / "p__1.csv"
    path.write_text("order_id,order no\nA1,A1\n")
    with pytest.raises(ParseError, match="twice"):
        parse(path)
    path.write_text("  \n")
    with pytest.raises(ParseError, match="empty"):
        parse(path)
