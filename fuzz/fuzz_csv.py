"""Fuzz the CSV reader: any bytes as one of the six sheet files (first byte picks which)."""


from common import check, main

SHEETS = ("Akteure", "Beziehungen", "Themen", "Projekte", "Veranstaltungen", "Beteiligungen")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    check(f"{SHEETS[data[0] % len(SHEETS)]}.csv", data[1:])


if __name__ == "__main__":
    main(test_one_input)
