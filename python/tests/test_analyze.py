import datetime
import json

import pytest

import manchette

TRICKY = "Élysée : 🎉 le président a dit\u00a0: «\u202fNous irons à Bamako\u202f» lundi 23 juin 2025.\n\nEmmanuel Macron était à Paris."


def test_results_equal_the_cli_json_on_the_sample_and_dev_articles(articles, cli, tmp_path):
    for name, text, ref in articles:
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        expected = json.loads(cli("analyze", "--reference-date", ref, str(path)))
        expected.pop("id")
        assert manchette.analyze(text, reference_date=ref) == expected, name


def test_offsets_are_code_points(articles):
    for text in [TRICKY] + [t for _, t, _ in articles[:5]]:
        r = manchette.analyze(text, "2025-06-24")
        for kind in ("entities", "quotes", "dates"):
            for item in r[kind]:
                assert text[item["start"]:item["end"]] == item["text"]
    r = manchette.analyze(TRICKY, "2025-06-24")
    assert [d["value"] for d in r["dates"]] == ["2025-06-23"]
    assert [q["text"] for q in r["quotes"]] == ["Nous irons à Bamako"]


def test_dates_and_languages_as_arguments():
    text = "Le ministre est arrivé mercredi à Bamako."
    as_str = manchette.analyze(text, "2024-02-29", "fr")
    as_date = manchette.analyze(text, datetime.date(2024, 2, 29), "fr")
    assert as_str == as_date
    assert as_str["dates"][0]["value"] == "2024-02-28"
    assert manchette.analyze(text, datetime.datetime(2024, 2, 29, 23, 59))["reference_date"] == "2024-02-29"
    assert manchette.analyze("")["entities"] == []


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: manchette.analyze(b"bytes"), TypeError),
        (lambda: manchette.analyze(None), TypeError),
        (lambda: manchette.analyze("x", reference_date=20240229), TypeError),
        (lambda: manchette.analyze("x", lang=1), TypeError),
        (lambda: manchette.analyze("x", reference_date="2024-02-30"), ValueError),
        (lambda: manchette.analyze("x", reference_date="hier"), ValueError),
        (lambda: manchette.analyze("x", lang="de"), ValueError),
        (lambda: manchette.analyze_many("one string"), TypeError),
        (lambda: manchette.analyze_many(["ok", 3]), TypeError),
        (lambda: manchette.analyze_many(["a", "b"], reference_dates=["2024-01-01"]), ValueError),
        (lambda: manchette.analyze_many(["a"], threads=0), ValueError),
        (lambda: manchette.dossier({"a": b"x"}), TypeError),
    ],
)
def test_bad_arguments_raise_clear_errors(call, error):
    with pytest.raises(error, match="manchette|text|reference|lang|date"):
        call()


def test_a_text_over_the_limit_is_a_value_error_naming_the_limit():
    too_big = "a" * (manchette.max_input_bytes() + 1)
    with pytest.raises(ValueError, match="bytes"):
        manchette.analyze(too_big)
    with pytest.raises(ValueError, match="text 1"):
        manchette.analyze_many(["ok", too_big])


def test_junk_never_crashes():
    for junk in ["\x00" * 100, "«" * 1000, "\ud7ff\ufffd" * 50, "%PDF-1.7\n" + "\x01\x02" * 500, "<script>alert(1)</script>"]:
        r = manchette.analyze(junk)
        assert isinstance(r["entities"], list)


def test_analyze_many_is_analyze_in_order_on_any_number_of_threads(articles):
    texts = [t for _, t, _ in articles]
    dates = [d for _, _, d in articles]
    one_by_one = [manchette.analyze(t, d) for t, d in zip(texts, dates)]
    assert manchette.analyze_many(texts, reference_dates=dates, threads=1) == one_by_one
    assert manchette.analyze_many(texts, reference_dates=dates, threads=2) == one_by_one
    assert manchette.analyze_many(iter(texts[:3]), reference_dates=dates[:3]) == one_by_one[:3]
    # A shared date applies where a text has none of its own.
    shared = manchette.analyze_many([texts[0], texts[1]], "2025-01-01", reference_dates=[None, dates[1]])
    assert shared[0]["reference_date"] == "2025-01-01" and shared[1] == one_by_one[1]


def test_dossier_merges_the_sample_articles(articles):
    samples = {name: text for name, text, _ in articles[:5]}
    d = manchette.dossier(samples)
    assert [a["id"] for a in d["articles"]] == list(samples)
    goita = [r for r in d["referents"] if r["canonical"] == "Assimi Goïta"]
    assert len(goita) == 1 and len(goita[0]["articles"]) >= 3
    for item in d["timeline"]:
        assert samples[item["article"]][item["start"]:item["end"]] == item["text"]
    assert manchette.dossier(list(samples.values()))["articles"][0]["id"] == "1"
