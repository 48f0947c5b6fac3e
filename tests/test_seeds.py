"""End-to-end on the five seed articles: the quotes the project was created for."""

from __future__ import annotations


def find(records, text_start):
    hits = [r for r in records if r.text.startswith(text_start)]
    assert hits, f"no quote starting {text_start!r}; have {[r.text[:30] for r in records]}"
    return hits[0]


def span(article, fragment, end_fragment):
    start = article.index(fragment)
    return start, article.index(end_fragment, start) + len(end_fragment)


def test_000_wang_first_quote_through_ministry(seed_quotes):
    art, recs = seed_quotes["000"]
    q = find(recs, "Die jüngsten Unruhen")
    assert (q.start, q.end) == span(art, "Die jüngsten Unruhen", "in unserer Region wollen")
    assert q.kind == "direct"
    assert q.speaker.name == "Wang Yi" and q.speaker.mention == "Wang"
    assert q.cue.text == "zitierte"
    assert q.outlet.name == "chinesische Außenministerium"
    assert q.role == "Staatsrat"


def test_000_mixed_quote_and_xi_outlet(seed_quotes):
    art, recs = seed_quotes["000"]
    q = find(recs, "China sei bereit")
    assert q.kind == "mixed" and q.speaker.name == "Wang Yi"
    assert q.text == 'China sei bereit, sich "gemeinsam gegen die Einmischung und das Eindringen externer Kräfte zu wehren"'
    xi = find(recs, "dass China sich entschieden")
    assert xi.speaker.name == "Xi Jinping" and xi.role == "Chinas Präsident"
    assert xi.outlet.name == "chinesische Staatsfernsehen"
    assert xi.text.endswith('eine "Farbrevolution" anzettelt')


def test_000_li_mingjiang_and_pronoun(seed_quotes):
    art, recs = seed_quotes["000"]
    li = find(recs, "China möchte nicht")
    assert li.kind == "direct" and li.speaker.name == "Li Mingjiang"
    assert li.role == "außerordentlicher Professor an der S. Rajaratnam School of International Studies in Singapur"
    he = find(recs, "Wenn eine Farbrevolution")
    assert he.speaker.name == "Li Mingjiang" and he.speaker.via == "pronoun" and he.speaker.mention == "er"


def test_000_scare_quotes_are_not_quotes(seed_quotes):
    art, recs = seed_quotes["000"]
    assert not any(r.text == "Extremisten" for r in recs)


def test_001_english_wang_li_xi(seed_quotes):
    art, recs = seed_quotes["001"]
    q = find(recs, "The recent unrest in Kazakhstan")
    assert (q.start, q.end) == span(art, "The recent unrest", "peace and quiet in our region,")
    assert q.speaker.name == "Wang Yi" and q.role == "state councilor"
    assert q.outlet.name == "Chinese Foreign Ministry"
    assert q.publisher == "Reuters"
    li = find(recs, "China does not want")
    assert li.speaker.name == "Li Mingjiang"
    assert li.role == "associate professor at the S. Rajaratnam School of International Studies in Singapore"
    he = find(recs, "If a color revolution")
    assert he.speaker.name == "Li Mingjiang" and he.speaker.via == "pronoun"
    xi = find(recs, "that China resolutely opposes")
    assert xi.speaker.name == "Xi Jinping" and xi.outlet.name == "Chinese state television"


def test_002_zhu_and_wang(seed_quotes):
    art, recs = seed_quotes["002"]
    zhu = find(recs, "dass die USA wahrscheinlich")
    assert zhu.speaker.name == "Zhu Yongbiao"
    assert zhu.role == "Professor am Belt-and-Road-Forschungszentrum der Universität Lanzhou"
    assert zhu.text == "dass die USA wahrscheinlich weiterhin Druck auf Russland ausüben werden"
    cont = find(recs, "China und Russland sollten deshalb")
    assert cont.speaker.name == "Zhu Yongbiao" and cont.speaker.via == "continuation" and cont.cue is None
    so = find(recs, "China und Russland als ständige")
    assert so.speaker.name == "Wang Yi" and so.cue.text == "so" and so.speaker.via == "preposition"
    assert so.publisher == "german.china.org.cn"


def test_003_according_to_and_state_tv(seed_quotes):
    art, recs = seed_quotes["003"]
    q = find(recs, "China and Russia must oppose")
    assert q.kind == "direct" and q.speaker.name == "Wang Yi" and q.cue.text == "according to"
    xi = find(recs, "that China firmly opposes")
    assert xi.speaker.name == "Xi Jinping" and xi.outlet.name == "Chinese state television"
    assert xi.text == "that China firmly opposes any force that destabilizes Kazakhstan"


def test_004_herr_wang_and_zhu_outlet(seed_quotes):
    art, recs = seed_quotes["004"]
    q = find(recs, "China und Russland sollten als")
    assert q.kind == "direct" and q.speaker.name == "Wang Yi" and q.speaker.mention == "Herr Wang"
    assert "Außenminister" in q.role
    zhu = find(recs, "dass Pekings Unterstützung")
    assert zhu.speaker.name == "Zhu Yongbiao" and zhu.outlet.name == "South China Morning Post"
    assert zhu.role.startswith("Experte für zentralasiatische Angelegenheiten")
    er = find(recs, "dass beide Seiten")
    assert er.speaker.name == "Wang Yi" and er.speaker.via == "pronoun"


def test_every_record_slices_its_article(seed_quotes):
    for art, recs in seed_quotes.values():
        for r in recs:
            assert art[r.start:r.end] == r.text
            if r.cue:
                assert art[r.cue.start:r.cue.end] == r.cue.text
            if r.speaker:
                assert art[r.speaker.start:r.speaker.end] == r.speaker.mention
        assert len({r.id for r in recs}) == len(recs)


def test_prefilter_gives_the_full_parse_records_on_the_seeds(extractor, seed_quotes):
    """Parsing only candidate sentences must not change a single seed record."""
    from quotes.article import read_articles
    from quotes.pipeline import Extractor
    from tests.conftest import SEEDS

    full = Extractor(extractor.parser, prefilter=False)
    for art in read_articles([SEEDS]):
        assert full.extract(art) == seed_quotes[art.id[:3]][1], art.id


def test_every_wang_yi_quote_is_his_and_none_is_lawrows(seed_quotes):
    """The quotes of the phone calls: Wang Yi speaks, the counterpart he addresses never does
    ("Er teilte seinem russischen Amtskollegen Sergej Lawrow … mit, dass …")."""
    for key in ("000", "001", "002", "003", "004"):
        art, recs = seed_quotes[key]
        names = [r.speaker.name for r in recs if r.speaker]
        assert not any(n and ("Lawrow" in n or "Lavrov" in n or "Tileuberdi" in n) for n in names), key
    art, recs = seed_quotes["004"]
    for start in ("dass China eine von Moskau", "die CSTO spiele", "China und Russland sollten als",
                  "dass beide Seiten", "die Ordnung in Kasachstan"):
        q = find(recs, start)
        assert q.speaker.name == "Wang Yi" and q.speaker.entity == find(recs, "China und Russland sollten als").speaker.entity
    art, recs = seed_quotes["001"]
    assert find(recs, "China stands ready").speaker.name == "Wang Yi"  # "said Chinese Foreign Minister on Monday"
    assert "Wang" in find(recs, "The recent unrest").speaker.aliases


def test_tokajew_and_tokayev_are_one_entity(seed_quotes):
    art, recs = seed_quotes["004"]
    assert "Tokajew" in art and "Tokayev" in art
    q = find(recs, "Die von Russland geführten Streitkräfte")
    assert q.speaker.name.endswith(("Tokajew", "Tokayev")) and {"Tokajew", "Tokayev"} <= set(q.speaker.aliases) | {q.speaker.name.split()[-1]}


def test_no_speaker_is_a_word_that_names_nobody(seed_quotes):
    for key, (art, recs) in seed_quotes.items():
        for r in recs:
            if r.speaker and r.speaker.name:
                assert r.speaker.name not in {"Meanwhile", "Cooperation"}, (key, r.text)
                assert r.speaker.name in art or any(a in art for a in r.speaker.aliases), (key, r.speaker.name)
