#!/usr/bin/env python3
"""Rebuilds assets/lexicon/nicknames.csv: English given names and their nicknames.

Source: the `nicknames` package 1.0.1 on the Python package index (Carlton Northern and Nick
Crews, "Hand-curated dataset of English names and nicknames", Apache-2.0,
https://github.com/carltonnorthern/nicknames). The file is the package's `names.csv`,
unchanged: `name1,relationship,name2` with `relationship` always `has_nickname`.

Run from the repository root:

    pip download --no-deps -d /tmp/nick nicknames==1.0.1
    python3 assets/lexicon/fetch_nicknames.py /tmp/nick/nicknames-1.0.1-py3-none-any.whl

It checks the wheel's sha256 against the one recorded below and writes the CSV.
"""
import hashlib
import sys
import zipfile

WHEEL_SHA256 = "30608a6a50086bb508e6d5f4fb618ef4f988d5604f73ec1ebcccbc92952f9de9"


def main() -> None:
    wheel = sys.argv[1]
    digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"unexpected wheel (sha256 {digest}); update WHEEL_SHA256 after checking it")
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read("nicknames/names.csv")
    open("assets/lexicon/nicknames.csv", "wb").write(data)
    lines = data.count(b"\n")
    print(f"wrote assets/lexicon/nicknames.csv ({lines} lines)")


if __name__ == "__main__":
    main()
