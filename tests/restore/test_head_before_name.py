"""Vietnamese puts a head noun before the name it heads ("đảo Okinawa"); the leakage rules give the English order.

Real rule files and ``clean()`` with the gate open; the texts are written for these tests.
"""

from __future__ import annotations

import pytest

from alliance_corpus.restore import RestoreConfig, clean

SPUN = RestoreConfig(garbled=True)


@pytest.mark.parametrize(
    ("spun", "restored"),
    [
        ("Protests spread on đảo Okinawa.", "Protests spread on Okinawa Island."),
        ("The governor of tỉnh Okinawa spoke.", "The governor of Okinawa Prefecture spoke."),
        ("Jets left căn cứ không quân Kadena at dawn.", "Jets left Kadena Air Base at dawn."),
        ("She studied at Trường Đại học Harvard, then in thành phố Naha.", "She studied at Harvard University, then in Naha City."),
        ("An advertisement ran in Thời báo New York, then in Tokyo.", "An advertisement ran in New York Times, then in Tokyo."),
        ("Ships crossed eo biển Tsushima.", "Ships crossed Tsushima Strait."),
    ],
)
def test_a_vietnamese_head_goes_after_the_name(spun, restored):
    assert clean(spun, config=SPUN).text == restored


def test_a_head_with_no_name_after_it_is_only_translated():
    assert clean("The đảo was small and the thành phố grew.", config=SPUN).text == "The island was small and the city grew."
