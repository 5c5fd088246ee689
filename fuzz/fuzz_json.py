"""Fuzz the JSON reader: any bytes as a JSON file holding several sheets or one sheet."""


from common import check, main


def test_one_input(data: bytes) -> None:
    if not data:
        return
    check("Akteure.json" if data[0] & 1 else "netz.json", data[1:])


if __name__ == "__main__":
    main(test_one_input)
