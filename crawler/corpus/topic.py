"""Is an article about party building? A relevance score from a weighted Vietnamese term list.

Sources mix general news (sport, weather, traffic, festivals, the economy) with party work, so
every article is scored and tagged, never dropped. A term counts by how telling it is (its
weight) and by where it stands: in the headline it counts ``TITLE`` times, in the lead (the
first paragraph) ``LEAD`` times, and in the rest of the body once per occurrence, divided by
the body's length in hundreds of words, so a long report does not outscore a short one just
by being long. Matching is on lower-case NFC text with one tone placement ("ủy" and "uỷ" are
one word), on whole syllables.

Strong terms name the party's own organisation and work (đảng viên, chi bộ, kết nạp đảng,
Điều lệ Đảng, cấp ủy, kiểm tra, giám sát of party members); medium ones are common in party
news but also in government news (Tỉnh ủy, Nghị quyết, Ban Thường vụ); weak ones only add
to others (cán bộ, nhiệm kỳ, chính trị). ``THRESHOLD`` is chosen on the labelled set in
``tests/topic`` (``make eval`` prints its precision and recall).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TOPIC = "party-building"
TITLE, LEAD, BODY = 3.0, 2.0, 1.0
THRESHOLD = 18.0  # chosen on tests/topic for the best F1 (make eval)

STRONG, MEDIUM, WEAK = 3.0, 1.5, 0.5
TERMS: dict[str, float] = {
    # the party's organisation and members
    "đảng viên": STRONG, "chi bộ": STRONG, "đảng bộ": STRONG, "đảng ủy": STRONG, "cấp ủy": STRONG,
    "tổ chức cơ sở đảng": STRONG, "tổ chức đảng": STRONG, "chi ủy": STRONG, "bí thư chi bộ": STRONG,
    "xây dựng đảng": STRONG, "chỉnh đốn đảng": STRONG, "điều lệ đảng": STRONG, "công tác đảng": STRONG,
    "kết nạp đảng": STRONG, "phát triển đảng": STRONG, "quần chúng ưu tú": STRONG, "đối tượng đảng": STRONG,
    "sinh hoạt chi bộ": STRONG, "đại hội đảng": STRONG, "đại hội đại biểu đảng bộ": STRONG,
    "ủy ban kiểm tra": STRONG, "kỷ luật đảng": STRONG, "thi hành kỷ luật": STRONG,
    "tự phê bình và phê bình": STRONG, "trong sạch, vững mạnh": STRONG, "nêu gương": STRONG,
    "vào đảng": STRONG, "huy hiệu đảng": STRONG, "tuổi đảng": STRONG, "học tập và làm theo tư tưởng": STRONG, "bảo vệ chính trị nội bộ": STRONG,
    "suy thoái về tư tưởng chính trị": STRONG, "tự diễn biến": STRONG, "tự chuyển hóa": STRONG,
    "lý luận chính trị": STRONG, "tuyên giáo": STRONG, "dân vận": MEDIUM,
    # party committees and documents, also read out at government events
    "kết nạp": MEDIUM, "kiểm tra, giám sát": MEDIUM, "kiểm tra giám sát": MEDIUM,
    "tỉnh ủy": MEDIUM, "thành ủy": MEDIUM, "huyện ủy": MEDIUM, "quận ủy": MEDIUM, "thị ủy": MEDIUM,
    "đảng ủy khối": MEDIUM, "ban thường vụ": MEDIUM, "ban chấp hành": MEDIUM, "bộ chính trị": MEDIUM,
    "ban bí thư": MEDIUM, "nghị quyết": MEDIUM, "quán triệt": MEDIUM, "chỉ thị": MEDIUM,
    "kết luận số": MEDIUM, "quy định số": MEDIUM, "trung ương": MEDIUM, "bí thư": MEDIUM, "cho đảng": MEDIUM,
    # context words that only add to the others
    "cán bộ": WEAK, "nhiệm kỳ": WEAK, "chính trị": WEAK, "đại hội": WEAK, "lãnh đạo": WEAK,
    "tư tưởng": WEAK, "hệ thống chính trị": WEAK, "chuyên đề": WEAK,
}

# Old-style tone placement ("hoá", "uỷ") to the new style the terms use ("hóa", "ủy").
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_STYLE = re.compile(rf"([oO])([aAeE])([{_TONES}])|([uU])([yY])([{_TONES}])")


def _new_style(match: re.Match) -> str:
    if match.group(1):
        return match.group(1) + match.group(3) + match.group(2)
    return match.group(4) + match.group(6) + match.group(5)


def normalize_for_terms(text: str) -> str:
    """Lower-case NFC with one tone placement and single spaces."""
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()).lower())
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(_new_style, decomposed))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern, float]]:
    patterns = []
    for term, weight in TERMS.items():
        needle = normalize_for_terms(term)
        patterns.append((needle, re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)"), weight))
    return patterns


def term_weight(text: str) -> float:
    """Sum of the weights of every term occurrence in ``text`` (a substring test first: most terms are absent)."""
    folded = normalize_for_terms(text)
    return sum(weight * len(pattern.findall(folded)) for needle, pattern, weight in _patterns() if needle in folded)


def score(title: str | None, text: str | None) -> float:
    """Party-building relevance: headline, lead and body hits, weighted by place."""
    paragraphs = [p for p in (text or "").splitlines() if p.strip()]
    lead, rest = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
    body = "\n".join(rest)
    hundreds = max(len(body.split()) / 100, 1.0)
    return round(TITLE * term_weight(title or "") + LEAD * term_weight(lead) + BODY * term_weight(body) / hundreds, 2)


def tag(relevance: float, threshold: float = THRESHOLD) -> str | None:
    return TOPIC if relevance >= threshold else None
