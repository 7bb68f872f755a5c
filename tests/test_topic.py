"""Party-building tagging: the documented threshold holds on the labelled set, terms count by place."""

from __future__ import annotations

from crawler.corpus import topic
from eval_topic import best_threshold, cross_check, load, precision_recall

LABELLED = load()


def test_labelled_set_is_large_enough_with_both_classes_and_hard_cases():
    assert len(LABELLED) >= 60
    positives = sum(i.positive for i in LABELLED)
    assert positives >= 25 and len(LABELLED) - positives >= 25
    assert {"hard-positive", "hard-negative", "sport", "weather", "traffic", "culture", "economy"} <= {i.kind for i in LABELLED}


def test_documented_threshold_is_the_one_the_labelled_set_supports():
    assert topic.THRESHOLD == best_threshold(LABELLED)


def test_precision_and_recall_at_the_threshold():
    precision, recall = precision_recall(LABELLED, topic.THRESHOLD)
    assert precision >= 0.95 and recall >= 0.95
    held_out_precision, held_out_recall = cross_check(LABELLED)
    assert held_out_precision >= 0.85 and held_out_recall >= 0.85


def test_a_term_counts_most_in_the_headline_then_the_lead_then_the_body():
    filler = "Hội nghị diễn ra trong một ngày tại hội trường của huyện."
    in_title = topic.score("Kết nạp đảng viên mới", f"{filler}\n{filler}")
    in_lead = topic.score("Hội nghị của huyện", f"Kết nạp đảng viên mới. {filler}\n{filler}")
    in_body = topic.score("Hội nghị của huyện", f"{filler}\nKết nạp đảng viên mới. {filler}")
    assert in_title > in_lead > in_body > 0


def test_old_style_tone_marks_and_decomposed_text_match_the_terms():
    assert topic.score("Ban Thường vụ Tỉnh uỷ", "") == topic.score("Ban Thường vụ Tỉnh ủy", "") > 0
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Chi bộ kết nạp đảng viên")
    assert topic.score(decomposed, "") == topic.score("Chi bộ kết nạp đảng viên", "")


def test_terms_match_whole_syllables_only():
    assert topic.term_weight("đảng viên") > 0
    assert topic.term_weight("đảng viênx") == 0


def test_tag_follows_the_threshold():
    assert topic.tag(topic.THRESHOLD) == "party-building"
    assert topic.tag(topic.THRESHOLD - 0.1) is None
