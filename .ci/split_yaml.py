#!/usr/bin/env python3
"""Splits the YAML files of an ISMS repository into one JSON file per document, so that an
independent validator (check-jsonschema) can check each document against schema/.

    split_yaml.py ROOT OUT_DIR

Writes OUT_DIR/config/isms.yaml.json (for config.schema.json) and OUT_DIR/documents/
<path>#<n>.json (for isms.schema.json). Values are read as isms reads them, YAML 1.2 core:
only true/false are booleans (not yes/no/on/off) and dates stay strings.
"""

import json
import pathlib
import re
import sys

import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's booleans and no timestamps."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    (out / "config").mkdir(parents=True, exist_ok=True)
    (out / "documents").mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(root.rglob("*.y*ml")):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        with path.open(encoding="utf-8-sig") as f:
            docs = [d for d in yaml.load_all(f, Loader=Yaml12Loader) if d is not None]
        if rel == "isms.yaml":
            (out / "config" / "isms.yaml.json").write_text(json.dumps(docs[0]), "utf-8")
            continue
        for n, doc in enumerate(docs, 1):
            name = rel.replace("/", "__") + f"#{n}.json"
            (out / "documents" / name).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
            count += 1
    print(f"{count} documents from {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
