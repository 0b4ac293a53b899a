"""The terms texts are compared by (loaders/words.py): scikit-learn's TF-IDF analyser,
written out so that similarity does not import scikit-learn. These tests fail when the
two part ways."""
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from loaders import words

TEXTS = [
    "Orders API errors: the orders database connection pool was exhausted by slow queries",
    "The CDN's edge returned 503s; TLS handshakes failed at 09:40 UTC (re-tried x3 by k8s-operator).",
    "Die Datenbank war überlastet: Zeitüberschreitungen bei Bestellungen — ça a duré 3h",
    "a an the of it is was we were not no",          # stop words only
    "",
    "-leading and trailing- hyphens, under_scores_ and 2fa v2 codes",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("pairs", [True, False])
def test_terms_are_scikit_learns_analyser(text, pairs):
    analyse = TfidfVectorizer(stop_words="english", ngram_range=(1, 2 if pairs else 1),
                              token_pattern=words.TOKEN).build_analyzer()
    assert words.terms(text, pairs=pairs) == analyse(text)


def test_the_stop_words_are_scikit_learns():
    assert words.STOP_WORDS == ENGLISH_STOP_WORDS


def test_words_are_lower_cased_and_paired_in_order():
    assert words.terms("Connection POOL exhausted") == ["connection", "pool", "exhausted",
                                                        "connection pool", "pool exhausted"]


def test_stop_words_go_before_pairs_are_made():
    assert words.terms("pool was exhausted", pairs=True) == ["pool", "exhausted", "pool exhausted"]


def test_numbers_and_single_letters_are_not_words():
    assert words.terms("x 42 3h v2", pairs=False) == ["v2"]
