#!/usr/bin/env python3
"""Checks what `sam build` produced: one package per function, its handler inside, no test-only library,
and that each package runs: its handler, loaded from the package alone as Lambda loads it, answers one
of its sample events (events/api) against DynamoDB tables made on a moto server.

usage: check_packages.py [--template template.yaml] [--build-dir .aws-sam/build] [--no-smoke]   (exit 1 on any failure)
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deploy_test  # noqa: E402  (moto server and clients)

ROOT = Path(__file__).resolve().parent.parent
# Test-only libraries: on the test classpath, never in a Lambda package.
FORBIDDEN_JARS = re.compile(r"^(DynamoDBLocal|sqlite4java|libsqlite4java|junit|opentest4j|assertj|archunit|"
                            r"aws-lambda-java-tests|omnis-local|jetty|mockito|byte-buddy)", re.IGNORECASE)
UNZIPPED_LIMIT = 250 * 1024 * 1024  # Lambda's limit for a function's unzipped code


def check(template: Path, build_dir: Path, smoke: bool) -> list[str]:
    failures = []
    sam = deploy_test.load_template(template)  # with its Fn::ForEach loops expanded
    resources = sam["Resources"]
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
    if smoke:
        failures += smoke_test(sam, build_dir)
    return failures


def sample_event(sam: dict, logical_id: str) -> Path | None:
    """A GET event of this function from events/api (those change nothing)."""
    events = sam["Resources"][logical_id]["Properties"].get("Events", {}).values()
    routes = {f"{e['Properties']['Method'].upper()} {e['Properties']['Path']}" for e in events if e["Type"] == "HttpApi"}
    for path in sorted((ROOT / "events" / "api").glob("*.json")):
        route = json.loads(path.read_text(encoding="utf-8")).get("routeKey")
        if route in routes and route.startswith("GET "):
            return path
    return None


def smoke_test(sam: dict, build_dir: Path) -> list[str]:
    """Each function's handler, from its package alone, answers a sample event with less than a 500."""
    failures = []
    java = Path(subprocess.run([str(ROOT / "scripts" / "find-jdk")], check=True, capture_output=True, text=True)
                .stdout.strip()) / "bin" / "java"
    launcher = ROOT / "scripts" / "package-smoke" / "InvokeHandler.java"
    with deploy_test.MotoServer() as moto:
        dynamodb = deploy_test.clients(moto.endpoint)("dynamodb")
        for logical_id in sorted(build_dir.iterdir()):
            function = sam["Resources"].get(logical_id.name)
            if not function or function["Type"] != "AWS::Serverless::Function":
                continue
            event = sample_event(sam, logical_id.name)
            if event is None:
                print(f"  smoke {logical_id.name}: no GET sample event in events/api, not run")
                continue
            environment = {"PATH": os.environ.get("PATH", ""), "AWS_REGION": deploy_test.REGION,
                           "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                           "AWS_ENDPOINT_URL": moto.endpoint}
            variables = {**sam.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {}),
                         **function["Properties"].get("Environment", {}).get("Variables", {})}
            for name, value in variables.items():
                environment[name] = smoke_value(sam, logical_id.name, name, value, dynamodb)
            package = build_dir / logical_id.name
            result = subprocess.run([str(java), "-cp", f"{package}{os.pathsep}{package / 'lib'}/*", str(launcher),
                                     function["Properties"]["Handler"].split("::")[0], str(event)],
                                    env=environment, capture_output=True, text=True, timeout=120)
            status = re.search(r"^status (\d+)$", result.stdout, re.MULTILINE)
            if status and int(status.group(1)) < 500:
                print(f"  smoke {logical_id.name}: {event.name} answered {status.group(1)} from the package alone")
            else:
                failures.append(f"{logical_id.name}: its package did not answer {event.name}: "
                                f"{(result.stdout + result.stderr)[-1500:]}")
    return failures


def smoke_value(sam: dict, function: str, name: str, value, dynamodb) -> str:
    """A variable's value for the smoke run: a table it names is created on moto, other references get a placeholder."""
    if isinstance(value, dict) and set(value) == {"Ref"}:
        target = sam["Resources"].get(value["Ref"], {})
        if target.get("Type") == "AWS::DynamoDB::Table":
            table = f"{function}-{value['Ref']}"
            properties = target["Properties"]
            request = {"TableName": table, "BillingMode": "PAY_PER_REQUEST",
                       "KeySchema": properties["KeySchema"], "AttributeDefinitions": properties["AttributeDefinitions"]}
            if properties.get("GlobalSecondaryIndexes"):
                request["GlobalSecondaryIndexes"] = properties["GlobalSecondaryIndexes"]
            dynamodb.create_table(**request)
            return table
    if isinstance(value, (dict, list)):
        return f"https://smoke.invalid/{name.lower()}"
    return str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", type=Path, default=ROOT / "template.yaml")
    parser.add_argument("--build-dir", type=Path, default=ROOT / ".aws-sam" / "build")
    parser.add_argument("--no-smoke", action="store_true", help="skip running the handlers")
    args = parser.parse_args()
    failures = check(args.template, args.build_dir, not args.no_smoke)
    for failure in failures:
        print(f"  FAILED  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
