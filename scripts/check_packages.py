#!/usr/bin/env python3
"""Checks what `sam build` produced: one package per function, its handler inside, no test-only library.

usage: check_packages.py [--template template.yaml] [--build-dir .aws-sam/build]   (exit 1 on any failure)
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from samtranslator.yaml_helper import yaml_parse

ROOT = Path(__file__).resolve().parent.parent
# Test-only libraries: on the test classpath, never in a Lambda package.
FORBIDDEN_JARS = re.compile(r"^(DynamoDBLocal|sqlite4java|libsqlite4java|junit|opentest4j|assertj|archunit|"
                            r"aws-lambda-java-tests|omnis-local|jetty|mockito|byte-buddy)", re.IGNORECASE)
UNZIPPED_LIMIT = 250 * 1024 * 1024  # Lambda's limit for a function's unzipped code


def check(template: Path, build_dir: Path) -> list[str]:
    failures = []
    resources = yaml_parse(template.read_text(encoding="utf-8"))["Resources"]
    for logical_id, resource in sorted(resources.items()):
        if resource["Type"] != "AWS::Serverless::Function" or "InlineCode" in resource.get("Properties", {}):
            continue
        package = build_dir / logical_id
        if not package.is_dir():
            failures.append(f"{logical_id}: sam build left no package in {package}")
            continue
        handler_class = resource["Properties"]["Handler"].split("::")[0]
        if not (package / (handler_class.replace(".", "/") + ".class")).is_file():
            failures.append(f"{logical_id}: handler class {handler_class} is not at the root of its package")
        jars = sorted(p.name for p in (package / "lib").glob("*.jar"))
        failures += [f"{logical_id}: test-only library {jar} is in the package" for jar in jars if FORBIDDEN_JARS.match(jar)]
        size = sum(p.stat().st_size for p in package.rglob("*") if p.is_file())
        if size > UNZIPPED_LIMIT:
            failures.append(f"{logical_id}: {size / 2**20:.1f} MiB unzipped, over Lambda's 250 MiB")
        print(f"  package {logical_id}: {size / 2**20:.1f} MiB unzipped, {len(jars)} jars in lib/")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", type=Path, default=ROOT / "template.yaml")
    parser.add_argument("--build-dir", type=Path, default=ROOT / ".aws-sam" / "build")
    args = parser.parse_args()
    failures = check(args.template, args.build_dir)
    for failure in failures:
        print(f"  FAILED  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
