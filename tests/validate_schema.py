"""Validates cablewire records against schema/record.schema.json.

Usage: python3 tests/validate_schema.py SCHEMA_DIR FILE...

Each FILE is JSON Lines (one record a line) or one JSON array of records (--format json). Every
failing record is printed with its file and line (or array index), its source path and the JSON
pointer of each failure. Before any record, the schemas themselves are checked: valid draft
2020-12, and every object closed (additionalProperties: false) with every property described, so
that a key added carelessly fails. Exit status: 0 all valid, 1 some record invalid, 2 a schema,
a file or a line could not be read.

Works with Debian bookworm's jsonschema 4.10 (RefResolver) and with 4.18 and later (the
`referencing` registry); CW_SCHEMA_RESOLVER=refresolver forces the old path to test it.
"""
import json
import os
import sys
import warnings

import jsonschema
from jsonschema import Draft202012Validator

MAX_ERRORS_PER_RECORD = 10


def load_schemas(schema_dir):
    schemas = {}
    for name in sorted(os.listdir(schema_dir)):
        if name.endswith(".schema.json"):
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                schemas[name] = json.load(f)
    return schemas


def lint(name, node, where, problems):
    """The house rules for the schemas (see README, Output formats): closed objects, described
    properties, required listing every property that is not marked optional."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            lint(name, item, f"{where}/{i}", problems)
        return
    if not isinstance(node, dict):
        return
    props = node.get("properties")
    # record.schema.json's root only dispatches on kind; the schema it picks is closed.
    if isinstance(props, dict) and not (name == "record.schema.json" and where == ""):
        if node.get("additionalProperties") is not False:
            problems.append(f"{name}#{where}: an object without additionalProperties: false")
        required = node.get("required", [])
        for key, sub in props.items():
            desc = sub.get("description", "")
            if not desc:
                problems.append(f"{name}#{where}/properties/{key}: no description")
            if key not in required and not desc.startswith("Present only when"):
                problems.append(f"{name}#{where}/properties/{key}: neither required nor "
                                f"described as \"Present only when ...\"")
        for key in required:
            if key not in props:
                problems.append(f"{name}#{where}: required '{key}' is not a property")
    # Conditions (if/then/else, contains) only add constraints to an object described elsewhere.
    for key, value in node.items():
        if key not in ("enum", "const", "required", "if", "then", "else", "contains"):
            lint(name, value, f"{where}/{key}", problems)


def make_validator(schemas):
    root = schemas["record.schema.json"]
    if os.environ.get("CW_SCHEMA_RESOLVER") != "refresolver":
        try:
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012
            registry = Registry().with_resources(
                (s["$id"], Resource(contents=s, specification=DRAFT202012))
                for s in schemas.values())
            return Draft202012Validator(root, registry=registry)
        except (ImportError, TypeError):
            pass  # jsonschema before 4.18: no registry argument
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver(root["$id"], root,
                                          store={s["$id"]: s for s in schemas.values()})
    return Draft202012Validator(root, resolver=resolver)


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path) or "/"


def deepest(error):
    """For anyOf/oneOf failures the useful error is inside: the deepest, and a failing keyword
    of the intended branch rather than the 'is not null' of the other one."""
    while error.context:
        error = max(error.context,
                    key=lambda e: (len(e.absolute_path), e.validator not in ("type", "const")))
    return error


def records(path):
    """(place, record) pairs: line numbers for JSON Lines, array indexes for a JSON array."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.lstrip().startswith("["):
        for i, rec in enumerate(json.loads(text)):
            yield f"[{i}]", rec
        return
    # Split at \n only: str.splitlines() also splits at U+2028 and U+0085, which JSON strings
    # may hold unescaped.
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield str(n), json.loads(line)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    schemas = load_schemas(argv[1])
    problems = []
    for name, schema in schemas.items():
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            problems.append(f"{name}#{pointer(e.absolute_path)}: {e.message}")
        lint(name, schema, "", problems)
    if problems:
        for p in problems:
            print(f"schema: {p}")
        return 2
    validator = make_validator(schemas)
    total = invalid = 0
    for path in argv[2:]:
        try:
            for place, rec in records(path):
                total += 1
                errors = sorted(validator.iter_errors(rec), key=lambda e: list(e.absolute_path))
                if not errors:
                    continue
                invalid += 1
                src = rec.get("source", {}) if isinstance(rec, dict) else {}
                src = src if isinstance(src, dict) else {}
                print(f"{path}:{place}: record of {src.get('path')} (unit {src.get('index')}) "
                      f"does not match the schema:")
                for e in errors[:MAX_ERRORS_PER_RECORD]:
                    leaf = deepest(e)
                    print(f"  {pointer(leaf.absolute_path)}: {leaf.message}")
                if len(errors) > MAX_ERRORS_PER_RECORD:
                    print(f"  ... {len(errors) - MAX_ERRORS_PER_RECORD} more")
        except (OSError, ValueError) as e:
            print(f"{path}: cannot read records: {e}")
            return 2
    print(f"schema: {total} records in {len(argv) - 2} files, {invalid} not valid")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
