"""Fuzz the workbook reader with whole files: any bytes as .xlsx, .xls or .ods."""


from common import check, main

SUFFIXES = (".xlsx", ".xlsx", ".xlsm", ".xls", ".ods")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    check("netz" + SUFFIXES[data[0] % len(SUFFIXES)], data[1:])


if __name__ == "__main__":
    main(test_one_input)
