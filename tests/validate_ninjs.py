"""Validates `cablewire --format ninjs` output against IPTC's ninjs 2.1 JSON Schema.

Usage: python3 tests/validate_ninjs.py SCHEMA_FILE FILE...

SCHEMA_FILE is ninjs-schema_2.1.json (../shared/corpus/news/ninjs-spec/ holds it; it is not
copied into this repository). Each FILE is JSON Lines, one ninjs object a line. Beyond the
schema, the checks the schema states only as a `format` (which jsonschema checks only with
optional packages installed) are made here: `uri` is a URN (urn:cablewire:...) with no byte a
URN may not hold, and every date-time has the RFC 3339 shape with a zone. Every failing line is
printed with its file, line number and the JSON pointer of each failure. Exit status: 0 all
valid, 1 some object invalid, 2 the schema or a file could not be read, or a line is not JSON.

Works with jsonschema 4.10 (Debian bookworm) and later.
"""
import json
import re
import sys

from jsonschema import Draft202012Validator, FormatChecker

URN = re.compile(r"^urn:cablewire:(cable|article|error):[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$")
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
DATE_KEYS = ("firstcreated", "versioncreated", "contentcreated", "embargoed", "expires")


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        print(f"{argv[1]}: {e}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    objects = bad = 0
    for path in argv[2:]:
        try:
            f = open(path, encoding="utf-8")
        except OSError as e:
            print(f"{path}: {e}", file=sys.stderr)
            return 2
        with f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    print(f"{path}:{lineno}: an empty line in JSON Lines")
                    return 2
                try:
                    obj = json.loads(line)
                except ValueError as e:
                    print(f"{path}:{lineno}: not JSON: {e}")
                    return 2
                objects += 1
                problems = [f"/{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
                            for e in validator.iter_errors(obj)]
                if isinstance(obj, dict):
                    uri = obj.get("uri")
                    if isinstance(uri, str) and not URN.match(uri):
                        problems.append(f"/uri: {uri!r} is not a urn:cablewire: URN")
                    for key in DATE_KEYS:
                        v = obj.get(key)
                        if isinstance(v, str) and not DATE_TIME.match(v):
                            problems.append(f"/{key}: {v!r} is not an RFC 3339 date-time")
                if problems:
                    bad += 1
                    where = obj.get("uri") if isinstance(obj, dict) else None
                    print(f"{path}:{lineno}: {where}")
                    for p in problems[:10]:
                        print(f"  {p}")
    print(f"ninjs: {objects} objects, {bad} not valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
