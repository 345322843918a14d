#!/usr/bin/env python3
"""The catalogue check (make check): the record catalogue (parser/core/catalogue.def and the views
in parser/core/views.c, dumped by build/catalogue --json) against everything that describes records
elsewhere:

  schema      schema/{cable,article,error}.schema.json: the same objects, keys in the same order,
              the same types, nullability, presence and descriptions
  rng         schema/records.rng: the same elements under each element
  records     records emitted for testdata/ (JSON Lines): every key a field of its shape, of its
              type, in the catalogue's order, every always-present field there
  csv         the CSV header and the companion tables' headers the command writes
  sqlite      the archive's tables and columns
  docs        docs/fields.md is what build/catalogue --markdown prints

Usage: check.py CATALOGUE.json MARKDOWN RECORDS.jsonl CSV_DIR ARCHIVE.sqlite
       check.py --self-test ...   the same, then each check again on a planted disagreement,
                                  which must fail
       check.py --records CATALOGUE.json FILE.jsonl...   only the records check
Only the standard library: json, sqlite3, xml.etree."""
import copy
import json
import os
import sqlite3
import sys
import xml.etree.ElementTree as ET

SCHEMA = os.path.join(os.path.dirname(__file__), "..", "..", "schema")
ROOTS = ("cable", "article", "error")
# S_RECORD's fields open a record, but diagnostics closes it
RECORD_HEAD = ("kind", "id", "id_source", "source", "schema_version")


class Catalogue:
    def __init__(self, dump):
        self.dump = dump
        self.shapes = {s["name"]: s for s in dump["shapes"]}
        self.by_id = {}
        for s in dump["shapes"]:
            for f in s["fields"]:
                f["shape"] = s["name"]
                self.by_id[f["id"]] = f

    def fields(self, shape):
        """The fields of an object of this shape, in record order (a root's include S_RECORD's)."""
        own = self.shapes[shape]["fields"]
        if shape not in ROOTS:
            return own
        rec = {f["key"]: f for f in self.shapes["record"]["fields"]}
        return ([rec[k] for k in RECORD_HEAD] + own + [rec["diagnostics"]])


def json_types(f):
    t = {f["type"]}
    if f["null"]:
        t.add("null")
    return t


# ---- JSON Schemas ------------------------------------------------------------------------------

class Schemas:
    def __init__(self, root=SCHEMA):
        self.docs = {}
        for n in ("cable", "article", "error", "common", "record"):
            with open(os.path.join(root, n + ".schema.json"), encoding="utf-8") as fh:
                self.docs[n + ".schema.json"] = json.load(fh)

    def resolve(self, node, doc):
        while "$ref" in node:
            f, _, frag = node["$ref"].partition("#")
            doc = f or doc
            node = self.docs[doc]
            for part in frag.strip("/").split("/"):
                node = node[part]
        return node, doc

    def variants(self, node, doc):
        """The object schemas a value may be (through $ref, anyOf/oneOf, if/then/else)."""
        node, doc = self.resolve(node, doc)
        out = []
        for k in ("anyOf", "oneOf"):
            for x in node.get(k, []):
                out += self.variants(x, doc)
        if "if" in node:
            out += self.variants(node["then"], doc) + self.variants(node["else"], doc)
        if "properties" in node:
            out.append((node, doc))
        return out

    def types(self, node, doc):
        node, doc = self.resolve(node, doc)
        t = set()
        for k in ("anyOf", "oneOf"):
            for x in node.get(k, []):
                t |= self.types(x, doc)
        ty = node.get("type")
        if isinstance(ty, str):
            t.add(ty)
        elif isinstance(ty, list):
            t |= set(ty)
        names = {str: "string", type(None): "null", bool: "boolean", int: "integer"}
        for v in node.get("enum", []):
            t.add(names[type(v)])
        if "const" in node:
            t.add(names[type(node["const"])])
        if "if" in node:
            t |= self.types(node["then"], doc) | self.types(node["else"], doc)
        return t

    def items(self, node, doc):
        node, doc = self.resolve(node, doc)
        subs = [node] + node.get("anyOf", []) + node.get("oneOf", [])
        for s in subs:
            s, d = self.resolve(s, doc)
            if "items" in s:
                return s["items"], d
        return None, doc

    def description(self, node, doc):
        if "description" in node:
            return node["description"]
        node, doc = self.resolve(node, doc)
        return node.get("description")


def check_schema(cat, schemas, errors):
    """Every object of the schemas against its shape. A shape met in several places (source in
    every kind, record's fields at every root, address in five lists) is compared with what all
    the places say together: its types are their union, a field is always present when every
    place requires it, and its description is one of theirs."""
    seen = {}  # (shape, key) -> [types, required everywhere, descriptions]
    for kind in ROOTS:
        doc = kind + ".schema.json"
        compare_object(cat, schemas, kind, [(schemas.docs[doc], doc)], kind, errors, seen)
    record = schemas.docs["record.schema.json"]
    seen[("record", "kind")][2].append(record["properties"]["kind"]["description"])
    for (shape, key), (types, required, descs) in seen.items():
        f = next(f for f in cat.fields(shape) if f["key"] == key)
        at = f"{shape}.{key}"
        if types != json_types(f):
            errors.append(f"schema: {at}: type {sorted(types)}, catalogue {sorted(json_types(f))}")
        if required == f["absent"]:
            errors.append(f"schema: {at}: {'required' if required else 'not required'} in the "
                          f"schema, catalogue says {'not always present' if f['absent'] else 'always present'}")
        if f["description"] not in descs:
            errors.append(f"schema: {at}: description differs: catalogue {f['description']!r}, "
                          f"schema {sorted(set(descs))}")


def suggest_property(f):
    """The JSON Schema property a new catalogue field needs, to paste (the check says where)."""
    t = {"string": "string", "integer": "integer", "boolean": "boolean", "object": "object",
         "array": "array"}[f["type"]]
    prop = {"description": f["description"], "type": [t, "null"] if f["null"] else t}
    if f["type"] == "array" and f["of"] in ("string", "integer"):
        prop["items"] = {"type": f["of"]}
    return f'"{f["key"]}": ' + json.dumps(prop) + ("" if f["absent"] else
                                                   f' (and "{f["key"]}" in "required")')


def suggest_element(f):
    """The RELAX NG compact pattern a new catalogue field needs."""
    scalar = {"string": "text", "integer": "Int", "boolean": "Bool"}
    if f["type"] == "array":
        inner = "TextItems" if f["of"] == "string" else "element item { ... }*"
    elif f["type"] == "object":
        inner = "..."
    else:
        inner = scalar[f["type"]]
    if f["null"]:
        inner = {"text": "TextOrNull", "Int": "IntOrNull"}.get(inner, "Null | " + inner)
    return f'element {f["key"]} {{ {inner} }}' + ("?" if f["absent"] else "")


def compare_object(cat, schemas, shape, variants, where, errors, seen):
    fields = cat.fields(shape)
    keys = [f["key"] for f in fields]
    skeys = []
    for node, _ in variants:
        for k in node["properties"]:
            if k not in skeys:
                skeys.append(k)
    if keys != skeys:
        missing = [k for k in keys if k not in skeys]
        extra = [k for k in skeys if k not in keys]
        errors.append(f"schema: {where}: keys differ: catalogue {keys}, schema {skeys}"
                      f" (not in the schema: {missing}; not in the catalogue: {extra})")
        for f in fields:
            if f["key"] in missing:
                errors.append(f"schema: {where}: add {suggest_property(f)}")
        return
    for f in fields:
        k = f["key"]
        at = f"{where}.{k}"
        having = [(n["properties"][k], d, n) for n, d in variants if k in n["properties"]]
        types = set()
        for p, d, _ in having:
            types |= schemas.types(p, d)
        required = all(k in n.get("required", []) for n, _ in variants)
        entry = seen.setdefault((f["shape"], k), [set(), True, []])
        entry[0] |= types
        entry[1] = entry[1] and required
        entry[2] += [schemas.description(p, d) for p, d, _ in having]
        of = f["of"]
        if f["type"] == "object" and of:
            subs = []
            for p, d, _ in having:
                subs += schemas.variants(p, d)
            if subs:
                compare_object(cat, schemas, of, subs, at, errors, seen)
        elif f["type"] == "array" and of:
            subs, itypes = [], set()
            for p, d, _ in having:
                it, idoc = schemas.items(p, d)
                if it is None:
                    errors.append(f"schema: {at}: an array without items")
                    continue
                itypes |= schemas.types(it, idoc)
                subs += schemas.variants(it, idoc)
            if of in ("string", "integer"):
                if itypes != {of}:
                    errors.append(f"schema: {at}[]: items {sorted(itypes)}, catalogue {of}")
            else:
                compare_object(cat, schemas, of, subs, at + "[]", errors, seen)


# ---- RELAX NG ----------------------------------------------------------------------------------

RNG = "{http://relaxng.org/ns/structure/1.0}"


class Rng:
    def __init__(self, path=os.path.join(SCHEMA, "records.rng")):
        self.root = ET.parse(path).getroot()
        self.defines = {}
        for d in self.root.iter(RNG + "define"):
            self.defines.setdefault(d.get("name"), []).append(d)

    def content(self, node, seen=None):
        """(child elements in order as [(name, element)], null allowed, text allowed) of the
        content of node, through groups, choices, repeats and refs."""
        seen = seen or set()
        kids, null, text = [], False, False
        for c in node:
            tag = c.tag[len(RNG):]
            if tag == "element":
                kids.append((c.get("name") or c.find(RNG + "name").text, c))
            elif tag == "attribute":
                null = null or c.get("name") == "null"
            elif tag in ("text", "data", "value"):
                text = True
            elif tag == "ref":
                name = c.get("name")
                if name in seen:
                    continue
                for d in self.defines[name]:
                    k, n, t = self.content(d, seen | {name})
                    kids += k
                    null, text = null or n, text or t
            elif tag in ("group", "choice", "optional", "zeroOrMore", "oneOrMore", "interleave",
                         "mixed", "define"):
                k, n, t = self.content(c, seen)
                kids += k
                null, text = null or n, text or t
        return kids, null, text

    def kind_elements(self):
        start = self.root.find(RNG + "start")
        kids, _, _ = self.content(start)
        (_, records), = kids
        kids, _, _ = self.content(records)
        return kids


def check_rng(cat, rng, errors):
    """Every element against its shape; null="true" must be allowed where the catalogue says a
    field may be null, in at least one of the places a shape is met (source.format only in an
    error record), and nowhere else."""
    kinds = rng.kind_elements()
    names = sorted(n for n, _ in kinds)
    if names != sorted(ROOTS):
        errors.append(f"rng: record elements {names}, catalogue {sorted(ROOTS)}")
    nulls = {}
    for name, el in kinds:
        if name in ROOTS:
            fields = [f for f in cat.fields(name) if f["key"] != "kind"]  # the element's name
            compare_element(cat, rng, fields, [el], name, errors, nulls)
    for (shape, key), (null, where) in nulls.items():
        f = next(f for f in cat.fields(shape) if f["key"] == key)
        if f["null"] != null:
            errors.append(f"rng: {where}: null {'allowed' if null else 'not allowed'}, catalogue "
                          f"{'nullable' if f['null'] else 'not nullable'}")


def compare_element(cat, rng, fields, elements, where, errors, nulls):
    kids = []
    for el in elements:
        kids += rng.content(el)[0]
    names = []
    for n, _ in kids:
        if n not in names:
            names.append(n)
    keys = [f["key"] for f in fields]
    if names != keys:
        errors.append(f"rng: {where}: elements {names}, catalogue {keys}")
        for f in fields:
            if f["key"] not in names:
                errors.append(f"rng: {where}: add to schema/records.rnc (then make schema): "
                              + suggest_element(f))
        return
    for f in fields:
        els = [e for n, e in kids if n == f["key"]]
        at = f"{where}/{f['key']}"
        sub, null, text = [], False, False
        for e in els:
            k, n, t = rng.content(e)
            sub += k
            null, text = null or n, text or t
        entry = nulls.setdefault((f["shape"], f["key"]), [False, at])
        entry[0] = entry[0] or null
        if f["type"] == "object":
            compare_element(cat, rng, cat.fields(f["of"]), els, at, errors, nulls)
        elif f["type"] == "array":
            if any(n != "item" for n, _ in sub):
                errors.append(f"rng: {at}: an array's children are not all <item>")
                continue
            items = [e for _, e in sub]
            if f["of"] in ("string", "integer"):
                if any(rng.content(e)[0] for e in items):
                    errors.append(f"rng: {at}/item: elements inside a scalar item")
            else:
                compare_element(cat, rng, cat.fields(f["of"]), items, at + "/item", errors, nulls)
        elif sub:
            errors.append(f"rng: {at}: a {f['type']} with child elements {[n for n, _ in sub]}")


# ---- records -----------------------------------------------------------------------------------

def check_records(cat, path, errors, limit=20):
    seen = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            seen += 1
            check_value(cat, rec["kind"], rec, f"record {seen} ({rec['kind']})", errors)
            if len(errors) >= limit:
                return
    if not seen:
        errors.append("records: no record to check")


PY_TYPES = {"string": str, "integer": int, "boolean": bool, "object": dict, "array": list}


def check_value(cat, shape, obj, where, errors):
    order = [f["key"] for f in cat.fields(shape)]
    fields = {f["key"]: f for f in cat.fields(shape)}
    present = [k for k in order if k in obj]
    if [k for k in obj if k in fields] != present:
        errors.append(f"records: {where}: keys {list(obj)} not in the catalogue's order {present}")
    for k, v in obj.items():
        f = fields.get(k)
        if not f:
            errors.append(f"records: {where}: key {k!r} is not a field of {shape}")
            continue
        if v is None:
            if not f["null"]:
                errors.append(f"records: {where}.{k}: null, not nullable in the catalogue")
            continue
        if type(v) is not PY_TYPES[f["type"]]:
            errors.append(f"records: {where}.{k}: {type(v).__name__}, catalogue {f['type']}")
            continue
        if f["type"] == "object":
            check_value(cat, f["of"], v, f"{where}.{k}", errors)
        elif f["type"] == "array":
            for i, item in enumerate(v):
                if f["of"] in ("string", "integer"):
                    if type(item) is not PY_TYPES[f["of"]]:
                        errors.append(f"records: {where}.{k}[{i}]: not {f['of']}")
                else:
                    check_value(cat, f["of"], item, f"{where}.{k}[{i}]", errors)
    for k, f in fields.items():
        if k not in obj and not f["absent"]:
            errors.append(f"records: {where}: always-present field {k!r} missing")


# ---- CSV and SQLite ----------------------------------------------------------------------------

def check_csv(cat, csv_file, tables_dir, errors):
    want = [c["name"] for c in cat.dump["csv"]["columns"]]
    with open(csv_file, encoding="utf-8", newline="") as fh:
        got = fh.readline().rstrip("\r\n").split(",")
    if got != want:
        errors.append(f"csv: header {got}, catalogue {want}")
    names = sorted(t["name"] + ".csv" for t in cat.dump["csv"]["tables"])
    files = sorted(os.listdir(tables_dir))
    if files != names:
        errors.append(f"csv: tables {files}, catalogue {names}")
    for t in cat.dump["csv"]["tables"]:
        path = os.path.join(tables_dir, t["name"] + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            got = fh.readline().rstrip("\r\n").split(",")
        want = [c["name"] for c in t["columns"]]
        if got != want:
            errors.append(f"csv: {t['name']}.csv header {got}, catalogue {want}")


def check_sqlite(cat, archive, errors):
    db = sqlite3.connect(archive)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    fixed = {"meta", "records"}
    views = {t["name"]: t for t in cat.dump["sql"]["tables"]}
    for name in sorted(tables):
        if name in fixed or "_fts" in name:
            continue
        if name not in views:
            errors.append(f"sqlite: table {name} is not a view of the catalogue")
    for name, t in views.items():
        if name not in tables:
            errors.append(f"sqlite: the catalogue's table {name} is not in the archive")
            continue
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({name})")]
        head = ["record_rowid"] + (["n"] if t["lists"] else [])
        want = head + [c["name"] for c in t["columns"]]
        if name in ("cables", "articles"):
            want.append("text")  # the text the full-text table indexes (not a record field)
        if cols != want:
            errors.append(f"sqlite: {name} columns {cols}, catalogue {want}")
    db.close()


def check_docs(markdown, docs_path, errors):
    with open(docs_path, encoding="utf-8") as fh:
        if fh.read() != markdown:
            errors.append(f"docs: {docs_path} is not what the catalogue gives: run make docs")


def run(cat, schemas, rng, markdown, docs_path, records, csv_dir, archive):
    results = {}
    for name, fn in (("schema", lambda e: check_schema(cat, schemas, e)),
                     ("rng", lambda e: check_rng(cat, rng, e)),
                     ("records", lambda e: check_records(cat, records, e)),
                     ("csv", lambda e: check_csv(cat, os.path.join(csv_dir, "records.csv"),
                                                 os.path.join(csv_dir, "tables"), e)),
                     ("sqlite", lambda e: check_sqlite(cat, archive, e)),
                     ("docs", lambda e: check_docs(markdown, docs_path, e))):
        errors = []
        fn(errors)
        results[name] = errors
    return results


def records_only(dump_path, paths):
    """check.py --records DUMP FILE...: emitted JSON Lines against the catalogue (corpus-check)."""
    with open(dump_path, encoding="utf-8") as fh:
        cat = Catalogue(json.load(fh))
    errors = []
    for path in paths:
        check_records(cat, path, errors)
    for e in errors[:20]:
        print("catalogue:", e)
    if errors:
        return 1
    print(f"catalogue: every record of {len(paths)} file{'s' if len(paths) != 1 else ''} has the "
          "catalogue's keys, types and order")
    return 0


def main(argv):
    if argv[1:2] == ["--records"]:
        return records_only(argv[2], argv[3:])
    self_test = argv[1:2] == ["--self-test"]
    args = argv[2:] if self_test else argv[1:]
    dump_path, md_path, records, csv_dir, archive = args
    with open(dump_path, encoding="utf-8") as fh:
        dump = json.load(fh)
    with open(md_path, encoding="utf-8") as fh:
        markdown = fh.read()
    docs_path = os.path.join(SCHEMA, "..", "docs", "fields.md")
    cat, schemas, rng = Catalogue(dump), Schemas(), Rng()
    results = run(cat, schemas, rng, markdown, docs_path, records, csv_dir, archive)
    failed = sum(len(e) for e in results.values())
    for name, errors in results.items():
        for e in errors[:20]:
            print("catalogue:", e)
    if failed:
        print(f"catalogue: {failed} disagreement{'s' if failed != 1 else ''} with the catalogue")
        return 1
    fields = sum(len(s["fields"]) for s in dump["shapes"])
    print(f"catalogue: {len(dump['shapes'])} shapes, {fields} fields: the JSON Schemas, the RELAX NG "
          f"schema, the emitted records, the CSV headers, the archive's tables and docs/fields.md agree")
    if not self_test:
        return 0
    # Plant one disagreement at a time; the check it concerns must fail.
    def planted(name, mutate, which):
        d = copy.deepcopy(dump)
        mutate(d)
        r = run(Catalogue(d), schemas, rng, markdown, docs_path, records, csv_dir, archive)
        if not r[which]:
            print(f"catalogue: self-test: {name}: not caught by the {which} check")
            return 1
        return 0

    def field(d, shape, key):
        return next(f for s in d["shapes"] if s["name"] == shape for f in s["fields"] if f["key"] == key)
    bad = 0
    bad += planted("a renamed field", lambda d: field(d, "routing", "dtg").update(key="dtg_utc"), "schema")
    bad += planted("a renamed field", lambda d: field(d, "routing", "dtg").update(key="dtg_utc"), "rng")
    bad += planted("a renamed field", lambda d: field(d, "routing", "dtg").update(key="dtg_utc"), "records")
    bad += planted("fields reordered", lambda d: next(s for s in d["shapes"] if s["name"] == "byline")["fields"].reverse(), "records")
    bad += planted("a type changed", lambda d: field(d, "dateline", "offset").update(type="string"), "schema")
    bad += planted("nullability changed", lambda d: field(d, "byline", "name").update(null=False), "rng")
    bad += planted("a description changed", lambda d: field(d, "eo", "decl").update(description="x"), "schema")
    bad += planted("a CSV column renamed", lambda d: d["csv"]["columns"][9].update(name="date"), "csv")
    bad += planted("an SQLite column dropped", lambda d: d["sql"]["tables"][0]["columns"].pop(), "sqlite")
    bad += planted("docs out of date", lambda d: None, "schema") if False else 0
    with open(docs_path, encoding="utf-8") as fh:
        stale = fh.read() + "\n"
    errors = []
    check_docs(stale + "x", docs_path, errors)
    if not errors:
        print("catalogue: self-test: stale docs not caught")
        bad += 1
    if bad:
        return 1
    print("catalogue: self-test: 10 planted disagreements caught")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
