#!/usr/bin/env python3
"""Deploys template.yaml to a moto server and checks that what got created is what the template says.

The SAM template's AWS::LanguageExtensions loops (Fn::ForEach) are expanded with SAM CLI's
implementation of that transform, then the template is transformed offline with aws-sam-translator
(the library CloudFormation's SAM transform runs), then created as a CloudFormation stack on a moto server started on
127.0.0.1. Every function, table, rule, queue, event source mapping and log group that moto
creates is compared with the template (expectations derived from the template itself), a hard
list of critical facts (routes, keys, handlers, variables) is checked on top, and the resources
moto cannot create are checked in the transformed template and listed as such.

usage: deploy_test.py [--template template.yaml] [--endpoint URL]   (exit 1 on any failure)
"""
from __future__ import annotations

import argparse
import copy
import io
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The translator and boto3 need a region and credentials even offline; none of them is real.
for _name, _value in {"AWS_DEFAULT_REGION": "eu-west-1", "AWS_REGION": "eu-west-1",
                      "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}.items():
    os.environ[_name] = _value
os.environ.pop("AWS_PROFILE", None)
os.environ.pop("AWS_SESSION_TOKEN", None)

import logging  # noqa: E402

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

REGION = "eu-west-1"
logging.getLogger("samtranslator").setLevel(logging.ERROR)  # its metrics reminder is noise here
ACCOUNT = "123456789012"  # moto's default account
ARTIFACT_BUCKET = "omnis-deploy-test-artifacts"
ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------------------------
# The critical facts, checked whatever the template says: the contract other code relies on.
# Append here when a function, route, table or variable becomes part of that contract.
# ------------------------------------------------------------------------------------------------
PUBLIC, JWT = "NONE", "OmnisJwt"
CRITICAL_ROUTES = {
    "GET /products": ("CatalogFunction", PUBLIC),
    "GET /products/{sku}": ("CatalogFunction", PUBLIC),
    "PUT /products/{sku}": ("CatalogFunction", JWT),
    "PUT /products/{sku}/price": ("CatalogFunction", JWT),
    "POST /promotions": ("CatalogFunction", JWT),
    "GET /promotions": ("CatalogFunction", JWT),
    "GET /locations": ("CatalogFunction", PUBLIC),
    "GET /locations/{locationId}": ("CatalogFunction", PUBLIC),
    "POST /carts": ("CartsFunction", PUBLIC),
    "GET /carts/{cartId}": ("CartsFunction", PUBLIC),
    "POST /carts/{cartId}/items": ("CartsFunction", PUBLIC),
    "PATCH /carts/{cartId}/items/{sku}": ("CartsFunction", PUBLIC),
    "DELETE /carts/{cartId}/items/{sku}": ("CartsFunction", PUBLIC),
    "POST /carts/{cartId}/promo-codes": ("CartsFunction", PUBLIC),
    "DELETE /carts/{cartId}/promo-codes/{code}": ("CartsFunction", PUBLIC),
    "GET /me/cart": ("CartsFunction", JWT),
    "POST /me/cart/merge": ("CartsFunction", JWT),
    "GET /availability": ("InventoryFunction", PUBLIC),
    "POST /stock/movements": ("InventoryFunction", JWT),
    "GET /stock/{sku}": ("InventoryFunction", JWT),
    "GET /locations/{locationId}/stock": ("InventoryFunction", JWT),
    "PUT /locations/{locationId}/stock/{sku}": ("InventoryFunction", JWT),
    "POST /reservations": ("InventoryFunction", JWT),
    "GET /reservations/{reservationId}": ("InventoryFunction", JWT),
    "POST /reservations/{reservationId}/commit": ("InventoryFunction", JWT),
    "DELETE /reservations/{reservationId}": ("InventoryFunction", JWT),
    "GET /me": ("CustomersFunction", JWT),
    "PATCH /me": ("CustomersFunction", JWT),
    "GET /me/consents": ("CustomersFunction", JWT),
    "PUT /me/consents": ("CustomersFunction", JWT),
    "GET /me/saved-items": ("CustomersFunction", JWT),
    "PUT /me/saved-items/{sku}": ("CustomersFunction", JWT),
    "DELETE /me/saved-items/{sku}": ("CustomersFunction", JWT),
}
CRITICAL_TABLES = {  # logical id: (key schema, {index: key schema}, TTL attribute or None)
    "ProductsTable": ([("sku", "HASH")], {"byCategory": [("category", "HASH"), ("sku", "RANGE")]}, None),
    "PromotionsTable": ([("promotionId", "HASH")], {}, None),
    "LocationsTable": ([("locationId", "HASH")], {}, None),
    "CartsTable": ([("cartId", "HASH")], {"byCustomer": [("customerId", "HASH")]}, "expiresAt"),
    "StockTable": ([("sku", "HASH"), ("slot", "RANGE")], {"byLocation": [("stockLocation", "HASH"), ("sku", "RANGE")]},
                   None),
    "ReservationsTable": ([("reservationId", "HASH")], {"byExpiry": [("openBucket", "HASH"), ("expiresAt", "RANGE")]},
                          "purgeAt"),
    "IdempotencyTable": ([("id", "HASH")], {}, "expiration"),
    "OutboxTable": ([("id", "HASH")], {"byCreation": [("creationBucket", "HASH"), ("createdMillis", "RANGE")]}, "expiresAt"),
    "CustomersTable": ([("customerId", "HASH"), ("item", "RANGE")],
                       {"bySku": [("savedSku", "HASH"), ("customerId", "RANGE")],
                        "byName": [("nameKey", "HASH"), ("nameFolded", "RANGE")],
                        "byRetry": [("retryBucket", "HASH"), ("retryAt", "RANGE")]}, "expiresAt"),
    "OrdersTable": ([("pk", "HASH"), ("sk", "RANGE")],
                    {"byCustomer": [("customerKey", "HASH"), ("placedKey", "RANGE")], "byNumber": [("number", "HASH")],
                     "byLocation": [("fulfilmentLocation", "HASH"), ("fulfilmentKey", "RANGE")]}, None),
    "MessagesTable": ([("pk", "HASH"), ("sk", "RANGE")],
                      {"byDue": [("dueBucket", "HASH"), ("notBefore", "RANGE")], "byCustomer": [("customerId", "HASH")]},
                      "expiresAt"),
}
CRITICAL_FUNCTIONS = {  # logical id: (handler, {variable: the resource it must name})
    "CatalogFunction": ("com.omnis.catalog.CatalogHandler::handleRequest",
                        {"PRODUCTS_TABLE": "ProductsTable", "PROMOTIONS_TABLE": "PromotionsTable",
                         "LOCATIONS_TABLE": "LocationsTable", "STOCK_TABLE": "StockTable"}),
    "CartsFunction": ("com.omnis.carts.CartsHandler::handleRequest",
                      {"CARTS_TABLE": "CartsTable", "PRODUCTS_TABLE": "ProductsTable",
                       "PROMOTIONS_TABLE": "PromotionsTable"}),
    "CartsPrivacyFunction": ("com.omnis.carts.CartsPrivacyHandler::handleRequest",
                             {"CARTS_TABLE": "CartsTable", "OUTBOX_TABLE": "OutboxTable"}),
    "InventoryFunction": ("com.omnis.inventory.InventoryHandler::handleRequest",
                          {"STOCK_TABLE": "StockTable", "RESERVATIONS_TABLE": "ReservationsTable",
                           "IDEMPOTENCY_TABLE": "IdempotencyTable", "OUTBOX_TABLE": "OutboxTable",
                           "LOCATIONS_TABLE": "LocationsTable", "PRODUCTS_TABLE": "ProductsTable"}),
    "InventorySweeperFunction": ("com.omnis.inventory.InventorySweeperHandler::handleRequest",
                                 {"STOCK_TABLE": "StockTable", "RESERVATIONS_TABLE": "ReservationsTable",
                                  "OUTBOX_TABLE": "OutboxTable", "LOCATIONS_TABLE": "LocationsTable"}),
    "EventRelayFunction": ("com.omnis.relay.EventRelayHandler::handleRequest",
                           {"POISON_QUEUE_URL": "EventRelayPoisonDeadLetterQueue"}),
    "CustomersFunction": ("com.omnis.customers.CustomersHandler::handleRequest",
                          {"CUSTOMERS_TABLE": "CustomersTable", "OUTBOX_TABLE": "OutboxTable",
                           "PRODUCTS_TABLE": "ProductsTable", "PROMOTIONS_TABLE": "PromotionsTable",
                           "LOCATIONS_TABLE": "LocationsTable", "STOCK_TABLE": "StockTable"}),
    "OrdersFunction": ("com.omnis.orders.OrdersHandler::handleRequest",
                       {"ORDERS_TABLE": "OrdersTable", "CARTS_TABLE": "CartsTable", "STOCK_TABLE": "StockTable",
                        "RESERVATIONS_TABLE": "ReservationsTable", "IDEMPOTENCY_TABLE": "IdempotencyTable",
                        "OUTBOX_TABLE": "OutboxTable", "LOCATIONS_TABLE": "LocationsTable",
                        "PRODUCTS_TABLE": "ProductsTable", "PROMOTIONS_TABLE": "PromotionsTable"}),
    "OrdersPickupFunction": ("com.omnis.orders.OrdersPickupHandler::handleRequest",
                             {"ORDERS_TABLE": "OrdersTable", "STOCK_TABLE": "StockTable", "OUTBOX_TABLE": "OutboxTable",
                              "LOCATIONS_TABLE": "LocationsTable"}),
    "OrdersPrivacyFunction": ("com.omnis.orders.OrdersPrivacyHandler::handleRequest",
                              {"ORDERS_TABLE": "OrdersTable", "OUTBOX_TABLE": "OutboxTable"}),
}
# Metrics the functions emit themselves (Powertools EMF: namespace POWERTOOLS_METRICS_NAMESPACE of Globals, dimension
# service = the function's own POWERTOOLS_SERVICE_NAME) that need an alarm: every function with HttpApi events counts
# its 5xx answers as Http5xx (the Router turns a failure into a 500, so Lambda's Errors stays at 0), and these.
HTTP_5XX_METRIC = "Http5xx"
CRITICAL_METRIC_ALARMS = {"InventorySweeperFunction": ["SweepFailures"]}
VARIABLES_EVERY_FUNCTION_NEEDS = ["JWT_ISSUER", "JWT_AUDIENCE", "JWT_JWKS_URL", "POWERTOOLS_SERVICE_NAME"]
COGNITO_GROUPS = {"customer", "store-staff", "agent", "ops"}
STORE_CLAIM_ATTRIBUTE = "storeId"  # custom:storeId in the tokens


class DeployTestError(Exception):
    """The template could not be transformed or deployed at all."""


@dataclass
class Report:
    name: str
    failures: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    static_only: list[str] = field(default_factory=list)

    def check(self, condition: bool, failure: str) -> bool:
        if not condition:
            self.failures.append(failure)
        return condition

    def ok(self) -> bool:
        return not self.failures


# ------------------------------------------------------------------------------------------------
# Template: load, transform, and project onto what moto's CloudFormation can create
# ------------------------------------------------------------------------------------------------
LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions"


def load_template(path: Path, parameters: dict[str, str] | None = None) -> dict:
    """The template as the SAM transform receives it: AWS::LanguageExtensions applied first, as CloudFormation does."""
    return apply_language_extensions(yaml_parse(path.read_text(encoding="utf-8")), parameters)


def apply_language_extensions(template: dict, parameters: dict[str, str] | None = None) -> dict:
    """Expands the Fn::ForEach loops with SAM CLI's own implementation of the transform, then resolves a Ref or
    GetAtt whose name is a Fn::Sub without variables ({ Ref: !Sub '${Item}' }) to the plain reference, as the
    transform does. Only the loops: SAM CLI's resolution of the other intrinsics (its PARTIAL mode) turns a
    Fn::Sub or Fn::Join that holds a resource's Ref into the Python text of that Ref, which CloudFormation never does.
    """
    transforms = template.get("Transform", [])
    transforms = [transforms] if isinstance(transforms, str) else list(transforms)
    if LANGUAGE_EXTENSIONS not in transforms:
        if _has_loop(template):
            raise DeployTestError(f"Fn::ForEach needs Transform {LANGUAGE_EXTENSIONS}")
        return template
    from samcli.lib.cfn_language_extensions.api import create_default_intrinsic_resolver
    from samcli.lib.cfn_language_extensions.exceptions import InvalidTemplateException
    from samcli.lib.cfn_language_extensions.models import ResolutionMode, TemplateProcessingContext
    from samcli.lib.cfn_language_extensions.pipeline import ProcessingPipeline
    from samcli.lib.cfn_language_extensions.processors import TemplateParsingProcessor
    from samcli.lib.cfn_language_extensions.processors.foreach import ForEachProcessor

    context = TemplateProcessingContext(fragment=copy.deepcopy(template), parameter_values=dict(parameters or {}),
                                        resolution_mode=ResolutionMode.PARTIAL)
    pipeline = ProcessingPipeline([TemplateParsingProcessor(),
                                   ForEachProcessor(intrinsic_resolver=create_default_intrinsic_resolver(context))])
    try:
        expanded = _plain_references(pipeline.process_template(context))
    except InvalidTemplateException as error:
        raise DeployTestError(f"{LANGUAGE_EXTENSIONS} rejected the template: {error}") from error
    rest = [t for t in transforms if t != LANGUAGE_EXTENSIONS]
    if rest:
        expanded["Transform"] = rest[0] if len(rest) == 1 else rest
    else:
        expanded.pop("Transform", None)
    return expanded


def _has_loop(node: Any) -> bool:
    if isinstance(node, dict):
        return any(str(key).startswith("Fn::ForEach::") or _has_loop(value) for key, value in node.items())
    if isinstance(node, list):
        return any(_has_loop(item) for item in node)
    return False


def _plain_references(node: Any) -> Any:
    def literal(value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"Fn::Sub"} and isinstance(value["Fn::Sub"], str) \
                and "${" not in value["Fn::Sub"]:
            return value["Fn::Sub"]
        return value

    if isinstance(node, dict):
        node = {key: _plain_references(value) for key, value in node.items()}
        if set(node) == {"Ref"}:
            return {"Ref": literal(node["Ref"])}
        if set(node) == {"Fn::GetAtt"} and isinstance(node["Fn::GetAtt"], list):
            return {"Fn::GetAtt": [literal(part) for part in node["Fn::GetAtt"]]}
        return node
    if isinstance(node, list):
        return [_plain_references(item) for item in node]
    return node


class _NoManagedPolicies:
    """The translator asks IAM for managed policy ARNs only for policies named by their name."""

    def load(self) -> dict:
        return {}


def translate(sam: dict) -> dict:
    """The CloudFormation template CloudFormation's SAM transform would produce (code in S3)."""
    template = copy.deepcopy(sam)
    for logical_id, resource in template.get("Resources", {}).items():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource.setdefault("Properties", {})["CodeUri"] = f"s3://{ARTIFACT_BUCKET}/{logical_id}.zip"
    try:
        cfn = transform(template, {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws"},
                        _NoManagedPolicies())
    except Exception as error:  # the translator's own errors name the resource and property
        raise DeployTestError(f"aws-sam-translator rejected the template: {error}") from error
    known = set(cfn.get("Resources", {})) | set(cfn.get("Parameters", {}))
    for logical_id, resource in cfn.get("Resources", {}).items():
        dangling = {name for name in _references(resource) if name not in known and not name.startswith("AWS::")}
        if dangling:
            raise DeployTestError(f"{logical_id} refers to {', '.join(sorted(dangling))}, which the template does not declare")
    return cfn


def moto_supported_types() -> set[str]:
    from moto.cloudformation.parsing import get_model_map

    import moto.backends  # noqa: F401  (loads every service, so every CloudFormation model registers)
    for name in moto.backends.list_of_moto_modules():
        try:
            moto.backends.get_backend(name)
        except Exception:  # a service whose optional dependencies are missing has no models to offer
            pass
    return set(get_model_map())


def standin_value(logical_id: str, resource_type: str, attribute: str | None) -> str:
    """A recognisable literal for a Ref or GetAtt to a resource moto cannot create."""
    service = resource_type.split("::")[1].lower()
    if attribute is None:
        return f"standin-{logical_id}"
    if attribute == "Arn":
        return f"arn:aws:{service}:{REGION}:{ACCOUNT}:standin/{logical_id}"
    return f"standin-{logical_id}-{attribute}"


# A version or an alias stands for its function: where moto cannot create one, what refers to it is pointed at the
# function itself (AutoPublishAlias: the HTTP API's integrations and invoke permissions name the alias).
FUNCTION_QUALIFIERS = ("AWS::Lambda::Alias", "AWS::Lambda::Version")
QUALIFIER_ARN_ATTRIBUTES = ("Arn", "AliasArn", "FunctionArn")


def function_qualifiers(resources: dict) -> dict[str, str]:
    """Logical id of each version or alias -> the function it qualifies (its FunctionName, a Ref or GetAtt Arn)."""
    functions = {lid for lid, r in resources.items() if r["Type"] == "AWS::Lambda::Function"}
    qualifiers = {}
    for logical_id, resource in resources.items():
        if resource["Type"] in FUNCTION_QUALIFIERS:
            name = resource.get("Properties", {}).get("FunctionName")
            target = name.get("Ref") if isinstance(name, dict) and set(name) == {"Ref"} else None
            if isinstance(name, dict) and set(name) == {"Fn::GetAtt"}:
                target, attribute = _getatt_parts(name["Fn::GetAtt"])
                target = target if attribute == "Arn" else None
            if target in functions:
                qualifiers[logical_id] = target
    return qualifiers


def moto_projections(cfn: dict, supported: set[str]) -> dict[str, str]:
    """The versions and aliases moto cannot create -> the function project_for_moto points their references at."""
    resources = cfn["Resources"]
    return {lid: function for lid, function in function_qualifiers(resources).items()
            if resources[lid]["Type"] not in supported and resources[function]["Type"] in supported}


def project_for_moto(cfn: dict, supported: set[str]) -> tuple[dict, dict[str, str]]:
    """Removes resources moto cannot create, replacing every reference to them by a literal; a reference to a version
    or alias moto cannot create names its function instead: its ARN (Ref, ${…}, GetAtt of an ARN) is the function's
    Arn, so invoke permissions, integrations, rule targets and event source mappings are the function's."""
    resources = cfn["Resources"]
    removed = {lid: r["Type"] for lid, r in resources.items() if r["Type"] not in supported}
    onto = moto_projections(cfn, supported)
    # moto resolves Ref to an event bus to its model object, not its name: GetAtt Name is the same value
    buses = {lid for lid, r in resources.items() if r["Type"] == "AWS::Events::EventBus"}

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {"Ref"} and node["Ref"] in onto:  # a version's or alias's Ref is its ARN
                return {"Fn::GetAtt": [onto[node["Ref"]], "Arn"]}
            if set(node) == {"Ref"} and node["Ref"] in removed:
                return standin_value(node["Ref"], removed[node["Ref"]], None)
            if set(node) == {"Ref"} and node["Ref"] in buses:
                return {"Fn::GetAtt": [node["Ref"], "Name"]}
            if set(node) == {"Fn::GetAtt"}:
                target, attribute = _getatt_parts(node["Fn::GetAtt"])
                if target in onto and attribute in QUALIFIER_ARN_ATTRIBUTES:
                    return {"Fn::GetAtt": [onto[target], "Arn"]}
                if target in removed:
                    return standin_value(target, removed[target], attribute)
            if set(node) == {"Fn::Sub"}:
                return {"Fn::Sub": _rewrite_sub(node["Fn::Sub"], removed, rewrite, onto)}
            return {key: rewrite(value) for key, value in node.items()}
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    projected = rewrite({key: value for key, value in cfn.items() if key != "Resources"})
    projected["Resources"] = {}
    for logical_id, resource in resources.items():
        if logical_id in removed:
            continue
        resource = rewrite(resource)
        depends = resource.get("DependsOn")
        if depends is not None:
            depends = [onto.get(d, d) for d in ([depends] if isinstance(depends, str) else depends)]
            depends = list(dict.fromkeys(d for d in depends if d not in removed and d != logical_id))
            if depends:
                resource["DependsOn"] = depends
            else:
                resource.pop("DependsOn")
        projected["Resources"][logical_id] = resource
    return projected, removed


def _getatt_parts(argument: Any) -> tuple[str, str]:
    if isinstance(argument, str):
        target, _, attribute = argument.partition(".")
        return target, attribute
    return argument[0], argument[1]


def _rewrite_sub(argument: Any, removed: dict[str, str], rewrite, onto: dict[str, str] | None = None) -> Any:
    text, variables = (argument, None) if isinstance(argument, str) else (argument[0], argument[1])
    onto = onto or {}

    def replace(match: re.Match) -> str:
        name = match.group(1)
        target, _, attribute = name.partition(".")
        if variables is not None and name in variables:
            return match.group(0)
        if target in onto and (not attribute or attribute in QUALIFIER_ARN_ATTRIBUTES):  # ${Alias} is its ARN
            return f"${{{onto[target]}.Arn}}"
        if target in removed:
            return standin_value(target, removed[target], attribute or None)
        return match.group(0)

    text = re.sub(r"\$\{([A-Za-z0-9:._]+)\}", replace, text)
    return text if variables is None else [text, rewrite(variables)]


# ------------------------------------------------------------------------------------------------
# moto server
# ------------------------------------------------------------------------------------------------
class MotoServer:
    """moto_server on 127.0.0.1 and a free port, stopped when the block ends whatever happens."""

    def __init__(self, executable: str | None = None):
        self.executable = executable or str(Path(sys.executable).with_name("moto_server"))
        self.process: subprocess.Popen | None = None
        self.endpoint = ""
        self._log = tempfile.TemporaryFile()

    def __enter__(self) -> "MotoServer":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.process = subprocess.Popen([self.executable, "-H", "127.0.0.1", "-p", str(port)],
                                        stdout=self._log, stderr=subprocess.STDOUT)
        self.endpoint = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DeployTestError(f"moto_server exited with {self.process.returncode}: {self.log_tail()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__(None, None, None)
        raise DeployTestError("moto_server did not listen within 30 s")

    def log_tail(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")[-2000:]

    def __exit__(self, *exc_info) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def clients(endpoint: str):
    config = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=60)

    def client(service: str):
        return boto3.client(service, endpoint_url=endpoint, region_name=REGION, config=config,
                            aws_access_key_id="testing", aws_secret_access_key="testing")

    return client


# ------------------------------------------------------------------------------------------------
# Deployment
# ------------------------------------------------------------------------------------------------
@dataclass
class Stack:
    name: str
    parameters: dict[str, str]
    physical: dict[str, str]  # logical id -> physical id, for what moto created
    outputs: dict[str, str]
    removed: dict[str, str]  # logical id -> type, for what moto cannot create
    onto: dict[str, str] = field(default_factory=dict)  # a removed version or alias -> its function (moto_projections)


def deploy(cfn: dict, client, stack_name: str, parameters: dict[str, str], supported: set[str]) -> Stack:
    projected, removed = project_for_moto(cfn, supported)
    s3 = client("s3")
    try:
        s3.create_bucket(Bucket=ARTIFACT_BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    except s3.exceptions.BucketAlreadyOwnedByYou:
        pass
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("README", "stand-in for the function package built by sam build")
    for logical_id, resource in cfn["Resources"].items():
        if resource["Type"] == "AWS::Lambda::Function" and "S3Key" in resource["Properties"].get("Code", {}):
            s3.put_object(Bucket=ARTIFACT_BUCKET, Key=resource["Properties"]["Code"]["S3Key"], Body=package.getvalue())

    cloudformation = client("cloudformation")
    try:
        cloudformation.create_stack(
            StackName=stack_name, TemplateBody=json.dumps(projected),
            Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
            Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
    except Exception as error:
        raise DeployTestError(f"CloudFormation (moto) refused the stack: {error}") from error
    deadline = time.monotonic() + 120
    while True:
        stack = cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]
        if not stack["StackStatus"].endswith("IN_PROGRESS") or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    if stack["StackStatus"] != "CREATE_COMPLETE":
        raise DeployTestError(f"stack {stack_name} ended {stack['StackStatus']}: {stack.get('StackStatusReason')}")
    summaries = cloudformation.list_stack_resources(StackName=stack_name)["StackResourceSummaries"]
    physical = {s["LogicalResourceId"]: s["PhysicalResourceId"] for s in summaries}
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
    return Stack(stack_name, parameters, physical, outputs, removed, moto_projections(cfn, supported))


# ------------------------------------------------------------------------------------------------
# Expectations: the template's values resolved the way CloudFormation resolves them
# ------------------------------------------------------------------------------------------------
class Resolver:
    def __init__(self, sam: dict, cfn: dict, stack: Stack, client):
        self.cfn = cfn
        self.stack = stack
        self.client = client
        self.parameters = {name: str(spec.get("Default", "")) for name, spec in sam.get("Parameters", {}).items()}
        self.parameters.update(stack.parameters)
        self.types = {lid: r["Type"] for lid, r in cfn["Resources"].items()}
        self.conditions = {name: self.truth(expr) for name, expr in cfn.get("Conditions", {}).items()}

    def truth(self, expression: Any) -> bool:
        if isinstance(expression, dict) and len(expression) == 1:
            (function, argument), = expression.items()
            if function == "Fn::Equals":
                return str(self.value(argument[0])) == str(self.value(argument[1]))
            if function == "Fn::Not":
                return not self.truth(argument[0])
            if function == "Fn::And":
                return all(self.truth(item) for item in argument)
            if function == "Fn::Or":
                return any(self.truth(item) for item in argument)
            if function == "Condition":
                return self.truth(self.cfn["Conditions"][argument])
        raise DeployTestError(f"cannot evaluate condition {expression}")

    def active(self, resource: dict) -> bool:
        condition = resource.get("Condition")
        return condition is None or self.conditions[condition]

    def value(self, node: Any) -> Any:
        if isinstance(node, dict) and len(node) == 1:
            (function, argument), = node.items()
            if function == "Ref":
                return self.ref(argument)
            if function == "Fn::GetAtt":
                return self.getatt(*_getatt_parts(argument))
            if function == "Fn::Sub":
                return self.sub(argument)
            if function == "Fn::If":
                return self.value(argument[1] if self.conditions[argument[0]] else argument[2])
            if function == "Fn::Join":
                return argument[0].join(str(self.value(item)) for item in self.value(argument[1]))
            if function == "Fn::Select":
                return self.value(argument[1])[int(self.value(argument[0]))]
            if function == "Fn::Split":
                return str(self.value(argument[1])).split(argument[0])
            if function == "Fn::FindInMap":
                names = [str(self.value(part)) for part in argument[:3]]
                return self.value(self.cfn["Mappings"][names[0]][names[1]][names[2]])
        if isinstance(node, dict):
            return {key: self.value(value) for key, value in node.items()}
        if isinstance(node, list):
            return [self.value(item) for item in node]
        return node

    def ref(self, name: str) -> Any:
        pseudo = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws",
                  "AWS::URLSuffix": "amazonaws.com", "AWS::StackName": self.stack.name}
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            return self.parameters[name]
        if name in self.stack.onto:  # as project_for_moto: the function's ARN
            return self.getatt(self.stack.onto[name], "Arn")
        if name in self.stack.removed:
            return standin_value(name, self.stack.removed[name], None)
        if self.types.get(name) == "AWS::Events::EventBus":  # moto reports no physical id for a bus
            return self.value(self.cfn["Resources"][name]["Properties"]["Name"])
        if name in self.stack.physical:
            return self.stack.physical[name]
        raise DeployTestError(f"Ref {name}: no such parameter or created resource")

    def getatt(self, target: str, attribute: str) -> Any:
        if target in self.stack.onto and attribute in QUALIFIER_ARN_ATTRIBUTES:
            return self.getatt(self.stack.onto[target], "Arn")
        if target in self.stack.removed:
            return standin_value(target, self.stack.removed[target], attribute)
        physical = self.ref(target)
        kind = self.types.get(target)
        if kind == "AWS::DynamoDB::Table":
            table = self.client("dynamodb").describe_table(TableName=physical)["Table"]
            return {"Arn": table["TableArn"], "StreamArn": table.get("LatestStreamArn")}[attribute]
        if kind == "AWS::Lambda::Function" and attribute == "Arn":
            return self.client("lambda").get_function(FunctionName=physical)["Configuration"]["FunctionArn"]
        if kind == "AWS::SQS::Queue":
            attributes = self.client("sqs").get_queue_attributes(QueueUrl=physical, AttributeNames=["QueueArn"])
            return {"Arn": attributes["Attributes"]["QueueArn"], "QueueName": physical.rsplit("/", 1)[-1],
                    "QueueUrl": physical}[attribute]
        if kind == "AWS::Events::EventBus":
            return {"Arn": f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/{physical}", "Name": physical}[attribute]
        if kind == "AWS::IAM::Role" and attribute == "Arn":
            return self.client("iam").get_role(RoleName=physical)["Role"]["Arn"]
        if kind == "AWS::SNS::Topic":
            return {"TopicArn": physical, "TopicName": physical.rsplit(":", 1)[-1]}[attribute]
        if kind == "AWS::Logs::LogGroup" and attribute == "Arn":
            return f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:{physical}:*"
        raise DeployTestError(f"GetAtt {target}.{attribute}: not known to deploy_test.py's resolver (extend it)")

    def sub(self, argument: Any) -> str:
        text, variables = (argument, {}) if isinstance(argument, str) else (argument[0], argument[1])

        def replace(match: re.Match) -> str:
            name = match.group(1)
            if name in variables:
                return str(self.value(variables[name]))
            if "." in name and not name.startswith("AWS::"):
                return str(self.getatt(*name.split(".", 1)))
            if name in self.stack.onto:  # ${Alias} is its ARN: the function's, as project_for_moto writes it
                return str(self.getatt(self.stack.onto[name], "Arn"))
            return str(self.ref(name))

        return re.sub(r"\$\{([A-Za-z0-9:._]+)\}", replace, text)


# ------------------------------------------------------------------------------------------------
# Checks
# ------------------------------------------------------------------------------------------------
def sam_functions(sam: dict) -> dict[str, dict]:
    return {lid: r for lid, r in sam["Resources"].items() if r["Type"] == "AWS::Serverless::Function"}


def function_properties(sam: dict, logical_id: str) -> dict:
    """A function's properties with the template's Globals applied, as the SAM transform does."""
    globals_ = copy.deepcopy(sam.get("Globals", {}).get("Function", {}))
    own = sam["Resources"][logical_id].get("Properties", {})
    merged = {**globals_, **own}
    variables = {**globals_.get("Environment", {}).get("Variables", {}),
                 **own.get("Environment", {}).get("Variables", {})}
    if variables:
        merged["Environment"] = {"Variables": variables}
    return merged


def check_functions(report: Report, sam: dict, cfn: dict, stack: Stack, resolver: Resolver, client) -> None:
    lambda_ = client("lambda")
    logs = client("logs")
    log_groups = {g["logGroupName"]: g for page in logs.get_paginator("describe_log_groups").paginate()
                  for g in page["logGroups"]}
    functions = {lid: r for lid, r in cfn["Resources"].items()
                 if r["Type"] == "AWS::Lambda::Function" and resolver.active(r)}
    report.check(bool(functions), "the template declares no function")
    for logical_id, resource in functions.items():
        expected = (function_properties(sam, logical_id) if logical_id in sam_functions(sam)
                    else sam["Resources"][logical_id]["Properties"])
        try:
            actual = lambda_.get_function(FunctionName=stack.physical[logical_id])["Configuration"]
        except Exception as error:
            report.failures.append(f"{logical_id}: function not created ({error})")
            continue
        report.check(actual.get("Handler") == expected.get("Handler"),
                     f"{logical_id}: handler {actual.get('Handler')!r}, template says {expected.get('Handler')!r}")
        report.check(actual.get("Runtime") == expected.get("Runtime"),
                     f"{logical_id}: runtime {actual.get('Runtime')!r}, template says {expected.get('Runtime')!r}")
        for key in ("MemorySize", "Timeout"):
            if key in expected:
                report.check(actual.get(key) == int(expected[key]),
                             f"{logical_id}: {key} {actual.get(key)}, template says {expected[key]}")
        if expected.get("Tracing"):  # moto's CloudFormation drops TracingConfig: check what the transform produced
            translated = resource["Properties"].get("TracingConfig", {}).get("Mode")
            report.check(translated == expected["Tracing"],
                         f"{logical_id}: tracing {translated}, template says {expected['Tracing']}")
        want = {k: str(resolver.value(v)) for k, v in expected.get("Environment", {}).get("Variables", {}).items()}
        have = actual.get("Environment", {}).get("Variables", {})
        for name in sorted(set(want) | set(have)):
            report.check(have.get(name) == want.get(name),
                         f"{logical_id}: variable {name} is {have.get(name)!r}, template says {want.get(name)!r}")
        group = log_groups.get(f"/aws/lambda/{stack.physical[logical_id]}")
        if report.check(group is not None, f"{logical_id}: no log group /aws/lambda/<function> (retention unset)"):
            report.check(str(group.get("retentionInDays")) == resolver.parameters.get("LogRetentionDays"),
                         f"{logical_id}: log retention {group.get('retentionInDays')} days, "
                         f"LogRetentionDays is {resolver.parameters.get('LogRetentionDays')}")
    report.verified.append(f"{len(functions)} functions: handler, runtime, memory, timeout, "
                           "environment variables, log group retention")
    report.static_only.append("function tracing: moto's CloudFormation drops TracingConfig; checked in the "
                              "transformed template")


def text_messages_only(statement: dict, statements: list) -> bool:
    """An SMS to a phone number has no resource ARN, so IAM can only allow sns:Publish on "*": accepted when the
    statement allows nothing else and the same policy denies sns:Publish on every topic (so only phone numbers remain)."""
    actions = statement.get("Action", [])
    actions = [actions] if isinstance(actions, str) else actions
    if statement.get("Effect") != "Allow" or actions != ["sns:Publish"] or statement.get("Resource") not in ("*", ["*"]):
        return False
    for other in statements:
        denied = other.get("Action", [])
        denied = [denied] if isinstance(denied, str) else denied
        if other.get("Effect") == "Deny" and "sns:Publish" in denied and ":sns:*:*:*" in str(other.get("Resource")):
            return True
    return False


def check_least_privilege(report: Report, cfn: dict, resolver: Resolver) -> None:
    """No inline statement grants every action, or any DynamoDB action on every resource."""
    for logical_id, resource in cfn["Resources"].items():
        if not resolver.active(resource):
            continue
        documents = []
        if resource["Type"] == "AWS::IAM::Role":
            documents = [p["PolicyDocument"] for p in resource["Properties"].get("Policies", [])]
        elif resource["Type"] == "AWS::IAM::Policy":
            documents = [resource["Properties"]["PolicyDocument"]]
        for document in documents:
            statements = document.get("Statement", [])
            for statement in statements:
                actions = statement.get("Action", [])
                actions = [actions] if isinstance(actions, str) else actions
                resources = statement.get("Resource", [])
                resources = [resources] if not isinstance(resources, list) else resources
                report.check("*" not in actions, f"{logical_id}: a statement allows every action")
                if text_messages_only(statement, statements):
                    continue
                if any(str(a).startswith(("dynamodb:", "events:", "sqs:", "sns:", "ses:")) for a in actions):
                    report.check("*" not in resources,
                                 f"{logical_id}: {actions[0]}… is granted on every resource, not on the stack's own")
    report.verified.append("IAM: no wildcard actions; data-plane actions scoped to named resources (static)")


def _keys(schema: list[dict]) -> list[tuple[str, str]]:
    return [(k["AttributeName"], k["KeyType"]) for k in schema]


def check_tables(report: Report, cfn: dict, stack: Stack, resolver: Resolver, client) -> None:
    dynamodb = client("dynamodb")
    tables = {lid: r for lid, r in cfn["Resources"].items() if r["Type"] == "AWS::DynamoDB::Table" and resolver.active(r)}
    for logical_id, resource in tables.items():
        expected = resource["Properties"]
        try:
            actual = dynamodb.describe_table(TableName=stack.physical[logical_id])["Table"]
        except Exception as error:
            report.failures.append(f"{logical_id}: table not created ({error})")
            continue
        report.check(_keys(actual["KeySchema"]) == _keys(expected["KeySchema"]),
                     f"{logical_id}: key {_keys(actual['KeySchema'])}, template says {_keys(expected['KeySchema'])}")
        want_attributes = {(a["AttributeName"], a["AttributeType"]) for a in expected.get("AttributeDefinitions", [])}
        have_attributes = {(a["AttributeName"], a["AttributeType"]) for a in actual.get("AttributeDefinitions", [])}
        report.check(want_attributes == have_attributes,
                     f"{logical_id}: attributes {sorted(have_attributes)}, template says {sorted(want_attributes)}")
        want_indexes = {i["IndexName"]: (_keys(i["KeySchema"]), i["Projection"]["ProjectionType"])
                        for i in expected.get("GlobalSecondaryIndexes", [])}
        have_indexes = {i["IndexName"]: (_keys(i["KeySchema"]), i["Projection"]["ProjectionType"])
                        for i in actual.get("GlobalSecondaryIndexes", [])}
        report.check(want_indexes == have_indexes,
                     f"{logical_id}: indexes {have_indexes}, template says {want_indexes}")
        want_stream = expected.get("StreamSpecification", {}).get("StreamViewType")
        have_stream = actual.get("StreamSpecification", {}).get("StreamViewType") \
            if actual.get("StreamSpecification", {}).get("StreamEnabled") else None
        report.check(want_stream == have_stream, f"{logical_id}: stream {have_stream}, template says {want_stream}")
        want_billing = expected.get("BillingMode", "PROVISIONED")
        have_billing = actual.get("BillingModeSummary", {}).get("BillingMode", "PROVISIONED")
        report.check(want_billing == have_billing, f"{logical_id}: billing {have_billing}, template says {want_billing}")
        ttl = expected.get("TimeToLiveSpecification")
        if ttl is not None:
            report.check(bool(ttl.get("AttributeName")) and resolver.value(ttl.get("Enabled")) in (True, "true"),
                         f"{logical_id}: TimeToLiveSpecification is incomplete")
        report.check("PointInTimeRecoverySpecification" in expected and "DeletionProtectionEnabled" in expected,
                     f"{logical_id}: set PointInTimeRecoverySpecification and DeletionProtectionEnabled (on in prod)")
    report.verified.append(f"{len(tables)} tables: key schema, attributes, global indexes, streams, billing mode")
    report.static_only.append("DynamoDB TTL and point-in-time recovery: moto's CloudFormation ignores "
                              "TimeToLiveSpecification and PointInTimeRecoverySpecification; checked in the template")


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def check_rules(report: Report, cfn: dict, stack: Stack, resolver: Resolver, client) -> None:
    events = client("events")
    rules = {lid: r for lid, r in cfn["Resources"].items() if r["Type"] == "AWS::Events::Rule" and resolver.active(r)}
    for logical_id, resource in rules.items():
        expected = resource["Properties"]
        bus = str(resolver.value(expected.get("EventBusName", "default")))
        bus = bus.rsplit("/", 1)[-1]
        found = [r for page in events.get_paginator("list_rules").paginate(EventBusName=bus) for r in page["Rules"]
                 if r["Name"] == stack.physical[logical_id]]
        if not report.check(len(found) == 1, f"{logical_id}: rule not found on bus {bus}"):
            continue
        actual = found[0]
        if "EventPattern" in expected:
            report.check(json.loads(actual.get("EventPattern", "null")) == resolver.value(expected["EventPattern"]),
                         f"{logical_id}: pattern {actual.get('EventPattern')}, template says {expected['EventPattern']}")
        if "ScheduleExpression" in expected:
            report.check(actual.get("ScheduleExpression") == expected["ScheduleExpression"],
                         f"{logical_id}: schedule {actual.get('ScheduleExpression')}, "
                         f"template says {expected['ScheduleExpression']}")
        report.check(actual.get("State", "ENABLED") == expected.get("State", "ENABLED"),
                     f"{logical_id}: state {actual.get('State')}, template says {expected.get('State', 'ENABLED')}")
        targets = {t["Id"]: t for t in events.list_targets_by_rule(Rule=actual["Name"], EventBusName=bus)["Targets"]}
        for target in expected.get("Targets", []):
            have = targets.get(target["Id"])
            if not report.check(have is not None, f"{logical_id}: target {target['Id']} missing"):
                continue
            report.check(have["Arn"] == resolver.value(target["Arn"]),
                         f"{logical_id}: target {target['Id']} is {have['Arn']}, template says {resolver.value(target['Arn'])}")
            for key in ("RetryPolicy", "DeadLetterConfig", "Input", "InputPath"):
                if key in target:
                    report.check(have.get(key) == resolver.value(target[key]),
                                 f"{logical_id}: target {target['Id']} {key} {have.get(key)}, "
                                 f"template says {resolver.value(target[key])}")
            # production rule: an event a target cannot take is kept, never dropped
            report.check("DeadLetterConfig" in target and "RetryPolicy" in target,
                         f"{logical_id}: target {target['Id']} needs a RetryPolicy and a DeadLetterConfig")
    report.verified.append(f"{len(rules)} EventBridge rules (patterns and schedules): pattern, schedule, state, "
                           "targets with retry policy and dead-letter queue")


def check_archives(report: Report, cfn: dict, stack: Stack, resolver: Resolver) -> None:
    """Every custom bus keeps what it receives in an archive (EventBridge replays a window of it to the rules)."""
    resources = cfn["Resources"]
    archives = {lid: r for lid, r in resources.items() if r["Type"] == "AWS::Events::Archive" and resolver.active(r)}
    for bus in (lid for lid, r in resources.items() if r["Type"] == "AWS::Events::EventBus" and resolver.active(r)):
        kept = [lid for lid, r in archives.items() if bus in _references(r["Properties"].get("SourceArn"))]
        if report.check(bool(kept), f"{bus}: no AWS::Events::Archive keeps what the bus receives"):
            retention = resolver.value(archives[kept[0]]["Properties"].get("RetentionDays", 0))
            report.check(int(retention or 0) > 0, f"{kept[0]}: RetentionDays must be set (0 keeps events forever)")
    created = [lid for lid in archives if lid in stack.physical]
    (report.verified if created and len(created) == len(archives) else report.static_only).append(
        f"{len(archives)} event archives: each bus has one, with a retention"
        + ("" if created and len(created) == len(archives) else " (checked in the template)"))


def check_schedules(report: Report, cfn: dict, resolver: Resolver) -> None:
    schedules = {lid: r for lid, r in cfn["Resources"].items()
                 if r["Type"] == "AWS::Scheduler::Schedule" and resolver.active(r)}
    for logical_id, resource in schedules.items():
        properties = resource["Properties"]
        target = properties.get("Target", {})
        report.check(bool(properties.get("ScheduleExpression")), f"{logical_id}: no ScheduleExpression")
        report.check("Arn" in target and "RoleArn" in target, f"{logical_id}: target needs Arn and RoleArn")
        report.check("DeadLetterConfig" in target and "RetryPolicy" in target,
                     f"{logical_id}: target needs a RetryPolicy and a DeadLetterConfig")
    if schedules:
        report.static_only.append(f"{len(schedules)} EventBridge Scheduler schedules: moto cannot create "
                                  "AWS::Scheduler::Schedule; expression, target, retry and DLQ checked in the template")


def check_queues(report: Report, cfn: dict, stack: Stack, resolver: Resolver, client) -> None:
    sqs = client("sqs")
    queues = {lid: r for lid, r in cfn["Resources"].items() if r["Type"] == "AWS::SQS::Queue" and resolver.active(r)}
    for logical_id, resource in queues.items():
        expected = resource.get("Properties", {})
        try:
            actual = sqs.get_queue_attributes(QueueUrl=stack.physical[logical_id], AttributeNames=["All"])["Attributes"]
        except Exception as error:
            report.failures.append(f"{logical_id}: queue not created ({error})")
            continue
        for key in ("MessageRetentionPeriod", "VisibilityTimeout", "DelaySeconds", "SqsManagedSseEnabled"):
            if key in expected:
                report.check(str(actual.get(key)).lower() == str(resolver.value(expected[key])).lower(),
                             f"{logical_id}: {key} {actual.get(key)}, template says {expected[key]}")
        if "RedrivePolicy" in expected:
            want = resolver.value(expected["RedrivePolicy"])
            have = json.loads(actual.get("RedrivePolicy", "{}"))
            report.check(have.get("deadLetterTargetArn") == want.get("deadLetterTargetArn")
                         and int(have.get("maxReceiveCount", 0)) == int(want.get("maxReceiveCount", -1)),
                         f"{logical_id}: redrive {have}, template says {want}")
    report.verified.append(f"{len(queues)} SQS queues: retention, visibility, encryption, redrive policy")


def check_event_source_mappings(report: Report, cfn: dict, stack: Stack, resolver: Resolver, client) -> None:
    lambda_ = client("lambda")
    mappings = {lid: r for lid, r in cfn["Resources"].items()
                if r["Type"] == "AWS::Lambda::EventSourceMapping" and resolver.active(r)}
    for logical_id, resource in mappings.items():
        expected = resource["Properties"]
        function = str(resolver.value(expected["FunctionName"]))
        source = resolver.value(expected["EventSourceArn"])
        found = [m for m in lambda_.list_event_source_mappings(FunctionName=function)["EventSourceMappings"]
                 if m["EventSourceArn"] == source]
        if not report.check(len(found) == 1, f"{logical_id}: no mapping from {source} to {function}"):
            continue
        actual = found[0]
        for key in ("StartingPosition", "BatchSize", "MaximumRetryAttempts", "BisectBatchOnFunctionError",
                    "FunctionResponseTypes", "DestinationConfig", "FilterCriteria"):
            if key in expected:
                report.check(actual.get(key) == resolver.value(expected[key]),
                             f"{logical_id}: {key} {actual.get(key)}, template says {expected[key]}")
        if source and ":dynamodb:" in source:
            report.check("DestinationConfig" in expected and "MaximumRetryAttempts" in expected,
                         f"{logical_id}: a stream mapping needs MaximumRetryAttempts and an on-failure destination")
    report.verified.append(f"{len(mappings)} event source mappings (DynamoDB Streams, SQS): source, position, "
                           "batching, retries, failure destination")


def http_integrations(cfn: dict) -> tuple[dict[str, str], dict]:
    """Route key -> what its integration invokes (a function's ${Function.Arn}, or a version or alias: ${Alias}),
    from the HTTP API's OpenAPI body; the integration's URI where it names neither."""
    apis = [r for r in cfn["Resources"].values() if r["Type"] == "AWS::ApiGatewayV2::Api"]
    if len(apis) != 1:
        raise DeployTestError(f"expected one HTTP API, found {len(apis)}")
    body = apis[0]["Properties"]["Body"]
    types = {lid: r["Type"] for lid, r in cfn["Resources"].items()}
    targets = {}
    for path, methods in body.get("paths", {}).items():
        for method, operation in methods.items():
            uri = json.dumps(operation.get("x-amazon-apigateway-integration", {}).get("uri"))
            named = re.search(r"/functions/\$\{([A-Za-z0-9]+)(\.Arn)?\}/invocations", uri)
            invoked = named and (types.get(named.group(1)) == "AWS::Lambda::Function" if named.group(2)
                                 else types.get(named.group(1)) in FUNCTION_QUALIFIERS)
            targets[f"{method.upper()} {path}"] = named.group(1) if invoked else uri
    return targets, body


def http_routes(cfn: dict) -> tuple[dict[str, tuple[str, str]], dict]:
    """Route key -> (function logical id, authorizer or NONE), from the HTTP API's OpenAPI body; a route that
    invokes a version or alias (AutoPublishAlias) is the function's."""
    targets, body = http_integrations(cfn)
    qualifiers = function_qualifiers(cfn["Resources"])
    routes = {}
    for path, methods in body.get("paths", {}).items():
        for method, operation in methods.items():
            route = f"{method.upper()} {path}"
            security = operation.get("security")
            authorizer = next(iter(security[0]), PUBLIC) if security else PUBLIC
            routes[route] = (qualifiers.get(targets[route], targets[route]), authorizer)
    return routes, body


def check_routes(report: Report, sam: dict, cfn: dict, client) -> None:
    routes, body = http_routes(cfn)
    default_authorizer = next((r["Properties"].get("Auth", {}).get("DefaultAuthorizer")
                               for r in sam["Resources"].values() if r["Type"] == "AWS::Serverless::HttpApi"), None)
    declared = {}
    for logical_id, function in sam_functions(sam).items():
        for event in function.get("Properties", {}).get("Events", {}).values():
            if event["Type"] == "HttpApi":
                properties = event["Properties"]
                authorizer = properties.get("Auth", {}).get("Authorizer", default_authorizer) or PUBLIC
                declared[f"{properties['Method'].upper()} {properties['Path']}"] = (logical_id, authorizer)
    report.check(routes == declared, f"HTTP API routes differ from the functions' HttpApi events: "
                                     f"only in API {sorted(set(routes) - set(declared))}, "
                                     f"only in events {sorted(set(declared) - set(routes))}, "
                                     f"different {sorted(k for k in routes if k in declared and routes[k] != declared[k])}")
    for route, (function, authorizer) in CRITICAL_ROUTES.items():
        report.check(routes.get(route) == (function, authorizer),
                     f"critical route {route}: {routes.get(route)}, must be {function} with authorizer {authorizer}")
    schemes = body.get("components", {}).get("securitySchemes", {})
    report.check(JWT in schemes and schemes[JWT].get("x-amazon-apigateway-authorizer", {}).get("type") == "jwt",
                 f"the HTTP API has no JWT authorizer {JWT}")
    report.check("x-amazon-apigateway-cors" in body, "the HTTP API has no CORS configuration")
    stages = [r["Properties"] for r in cfn["Resources"].values() if r["Type"] == "AWS::ApiGatewayV2::Stage"]
    for stage in stages:
        throttling = stage.get("DefaultRouteSettings", {})
        report.check("ThrottlingRateLimit" in throttling and "ThrottlingBurstLimit" in throttling,
                     "the HTTP API stage has no default route throttling")
        report.check("DestinationArn" in stage.get("AccessLogSettings", {}), "the HTTP API stage writes no access log")
    report.verified.append(f"{len(routes)} HTTP API routes: the translator's OpenAPI body matches every HttpApi "
                           "event (function, authorizer) and the critical list")
    check_snapstart(report, cfn, routes)

    # moto's API Gateway v2 imports the same body: routes it creates from it must be the same set
    apigateway = client("apigatewayv2")
    api = apigateway.create_api(Name="omnis-deploy-test", ProtocolType="HTTP")
    apigateway.reimport_api(ApiId=api["ApiId"], Body=json.dumps(_without_intrinsics(body)))
    imported = {r["RouteKey"] for r in apigateway.get_routes(ApiId=api["ApiId"])["Items"]}
    report.check(imported == set(routes), f"moto's API Gateway imported routes {sorted(imported ^ set(routes))} differently")
    report.static_only.append("HTTP API: moto's CloudFormation cannot create AWS::ApiGatewayV2::Api/Stage; routes, "
                              "integrations, JWT authorizer and CORS checked in the transformed template, routes "
                              "imported into moto's API Gateway; throttling and access logs checked in the template; "
                              "the authorizer's token validation is not exercised")


def check_snapstart(report: Report, cfn: dict, routes: dict[str, tuple[str, str]]) -> None:
    """SnapStart restores published versions only: a function that asks for it must be invoked through one (its
    AutoPublishAlias), or every request would start $LATEST cold."""
    resources = cfn["Resources"]
    snapstart = {lid for lid, r in resources.items() if r["Type"] == "AWS::Lambda::Function"
                 and r.get("Properties", {}).get("SnapStart", {}).get("ApplyOn") == "PublishedVersions"}
    targets, _ = http_integrations(cfn)
    for route, target in sorted(targets.items()):
        function = routes[route][0]
        if function in snapstart:
            report.check(target != function, f"{function}: SnapStart applies to published versions, but route {route} "
                                             "invokes $LATEST (set AutoPublishAlias)")
    if snapstart:
        report.static_only.append(f"SnapStart on {len(snapstart)} functions (published versions), each of their routes "
                                  "invokes a version or alias: checked in the transformed template (no snapshot is "
                                  "taken outside Lambda)")


def _without_intrinsics(node: Any) -> Any:
    if isinstance(node, dict):
        if len(node) == 1 and next(iter(node)).startswith(("Fn::", "Ref")):
            return "resolved-by-cloudformation"
        return {key: _without_intrinsics(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_without_intrinsics(item) for item in node]
    return node


def _references(node: Any) -> set[str]:
    """Logical ids a node refers to (Ref, GetAtt, ${…} in Sub)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "Ref" and isinstance(value, str):
                found.add(value)
            elif key == "Fn::GetAtt":
                found.add(_getatt_parts(value)[0])
            elif key == "Fn::Sub":
                text, variables = (value, {}) if isinstance(value, str) else (value[0], value[1])
                found.update(m.split(".")[0] for m in re.findall(r"\$\{([A-Za-z0-9:._]+)\}", text)
                             if m not in variables)
                found |= _references(variables)
            else:
                found |= _references(value)
    elif isinstance(node, list):
        for item in node:
            found |= _references(item)
    return found


def _alarm_metrics(alarm: dict) -> list[dict]:
    """The metrics an alarm watches: its own, or those of its metric math."""
    if "MetricName" in alarm:
        return [alarm]
    return [m["MetricStat"]["Metric"] for m in alarm.get("Metrics", []) if "MetricStat" in m]


def check_alarms(report: Report, sam: dict, cfn: dict, resolver: Resolver) -> None:
    alarms = [r["Properties"] for r in cfn["Resources"].values()
              if r["Type"] == "AWS::CloudWatch::Alarm" and resolver.active(r)]

    def watched(metric: str) -> set[str]:
        names = set()
        for alarm in alarms:
            for m in _alarm_metrics(alarm):
                if m.get("MetricName") == metric:
                    names |= _references(m.get("Dimensions", []))
        return names

    for alarm in alarms:
        report.check(bool(alarm.get("AlarmActions")), f"alarm '{alarm.get('AlarmDescription')}' notifies nobody")
    functions = [lid for lid, r in cfn["Resources"].items()
                 if r["Type"] == "AWS::Lambda::Function" and resolver.active(r)]
    for function in functions:
        report.check(function in watched("Errors"), f"{function}: no alarm on its Errors")
        report.check(function in watched("Throttles"), f"{function}: no alarm on its Throttles")
    tables = [lid for lid, r in cfn["Resources"].items() if r["Type"] == "AWS::DynamoDB::Table" and resolver.active(r)]
    for table in tables:
        report.check(table in watched("ReadThrottleEvents") and table in watched("WriteThrottleEvents"),
                     f"{table}: no alarm on its read and write throttling")
        report.check(table in watched("TransactionConflict"), f"{table}: no alarm on TransactionConflict")
    dead_letter_queues = set()
    for resource in cfn["Resources"].values():
        for key in ("DeadLetterConfig", "RedrivePolicy", "DestinationConfig"):
            dead_letter_queues |= {ref for ref in _references(_find_all(resource, key))
                                   if cfn["Resources"].get(ref, {}).get("Type") == "AWS::SQS::Queue"}
    dead_letter_queues |= {lid for lid, r in cfn["Resources"].items()
                           if r["Type"] == "AWS::SQS::Queue" and "DeadLetter" in lid}
    for queue in sorted(dead_letter_queues):
        report.check(queue in watched("ApproximateNumberOfMessagesVisible"), f"{queue}: no alarm on its depth")
    apis = [lid for lid, r in cfn["Resources"].items() if r["Type"] == "AWS::ApiGatewayV2::Api"]
    for api in apis:
        report.check(any(api in _references(m.get("Dimensions", [])) and m.get("Namespace") == "AWS/ApiGateway"
                         and {d.get("Name") for d in m.get("Dimensions", [])} == {"ApiId", "Stage"}
                         for alarm in alarms for m in _alarm_metrics(alarm) if m.get("MetricName") == "5xx"),
                     f"{api}: no alarm on the HTTP API's 5xx (AWS/ApiGateway 5xx by ApiId and Stage)")
    own = check_own_metrics(report, sam, alarms, resolver)
    report.static_only.append(f"{len(alarms)} CloudWatch alarms (function errors and throttles, table throttling and "
                              f"transaction conflicts, {len(dead_letter_queues)} dead-letter queue depth, the HTTP "
                              f"API's 5xx, {own} on metrics the functions emit): moto's CloudFormation cannot create "
                              "AWS::CloudWatch::Alarm; coverage checked in the template")


def check_own_metrics(report: Report, sam: dict, alarms: list[dict], resolver: Resolver) -> int:
    """Every function names its own service; the metrics it emits that need an alarm have one, under the namespace
    and the service name the function's Powertools uses. Returns how many such alarms there are."""
    namespace = sam.get("Globals", {}).get("Function", {}).get("Environment", {}).get("Variables", {}) \
        .get("POWERTOOLS_METRICS_NAMESPACE")
    report.check(isinstance(namespace, str) and bool(namespace),
                 "Globals set no POWERTOOLS_METRICS_NAMESPACE: the functions' metrics would have no namespace")
    watched = set()  # (namespace, metric, service) of every alarm on a metric with the one dimension service
    for alarm in alarms:
        for m in _alarm_metrics(alarm):
            dimensions = m.get("Dimensions", [])
            if [d.get("Name") for d in dimensions] == ["Service"]:
                watched.add((str(resolver.value(m.get("Namespace"))), str(resolver.value(m.get("MetricName"))),
                             str(resolver.value(dimensions[0].get("Value")))))
    services: dict[str, str] = {}
    for logical_id, function in sam_functions(sam).items():
        properties = function.get("Properties", {})
        service = properties.get("Environment", {}).get("Variables", {}).get("POWERTOOLS_SERVICE_NAME")
        if not report.check(isinstance(service, str) and bool(service),
                            f"{logical_id}: sets no POWERTOOLS_SERVICE_NAME of its own (a literal)"):
            continue
        other = next((lid for lid, name in services.items() if name == service), None)
        report.check(other is None, f"{logical_id}: POWERTOOLS_SERVICE_NAME {service} is {other}'s too")
        services[logical_id] = service
        serves_http = any(e.get("Type") == "HttpApi" for e in properties.get("Events", {}).values())
        for metric in ([HTTP_5XX_METRIC] if serves_http else []) + CRITICAL_METRIC_ALARMS.get(logical_id, []):
            report.check((namespace, metric, service) in watched,
                         f"{logical_id}: no alarm on its {metric} (namespace {namespace}, dimension Service={service})")
    return len(watched)


def _find_all(node: Any, key: str) -> list:
    found = []
    if isinstance(node, dict):
        for k, v in node.items():
            found.extend([v] if k == key else _find_all(v, key))
    elif isinstance(node, list):
        for item in node:
            found.extend(_find_all(item, key))
    return found


def check_identity(report: Report, cfn: dict, stack: Stack, resolver: Resolver) -> None:
    resources = cfn["Resources"]
    pools = [lid for lid, r in resources.items() if r["Type"] == "AWS::Cognito::UserPool" and resolver.active(r)]
    issuer = resolver.parameters.get("JwtIssuer", "")
    if issuer:
        report.check(not pools, "an external JwtIssuer is set but the stack still creates a Cognito user pool")
        report.verified.append("external issuer: no Cognito resources, functions and authorizer use JwtIssuer")
        return
    if not report.check(len(pools) == 1, f"expected one Cognito user pool, found {len(pools)}"):
        return
    pool = resources[pools[0]]["Properties"]
    groups = {r["Properties"]["GroupName"] for r in resources.values()
              if r["Type"] == "AWS::Cognito::UserPoolGroup" and resolver.active(r)}
    report.check(groups == COGNITO_GROUPS, f"user pool groups {sorted(groups)}, must be {sorted(COGNITO_GROUPS)}")
    report.check(any(a.get("Name") == STORE_CLAIM_ATTRIBUTE for a in pool.get("Schema", [])),
                 f"user pool has no custom attribute {STORE_CLAIM_ATTRIBUTE}")
    for lid, r in resources.items():
        if r["Type"] == "AWS::Cognito::UserPoolClient" and resolver.active(r):
            report.check(f"custom:{STORE_CLAIM_ATTRIBUTE}" not in r["Properties"].get("WriteAttributes", []),
                         f"{lid}: users could set their own custom:{STORE_CLAIM_ATTRIBUTE}")
    _, body = http_routes(cfn)
    jwt = body["components"]["securitySchemes"][JWT]["x-amazon-apigateway-authorizer"]["jwtConfiguration"]
    report.check(pools[0] in _references(jwt.get("issuer")), "the JWT authorizer does not trust the user pool")
    report.static_only.append("Cognito user pool, app client and groups: moto's CloudFormation cannot create "
                              "AWS::Cognito::*; groups, the custom:storeId attribute (admin-only) and the authorizer's "
                              "issuer checked in the template")


def check_critical(report: Report, cfn: dict, stack: Stack, resolver: Resolver, client) -> None:
    lambda_ = client("lambda")
    dynamodb = client("dynamodb")
    for logical_id, (handler, variables) in CRITICAL_FUNCTIONS.items():
        if not report.check(logical_id in stack.physical, f"critical function {logical_id} missing"):
            continue
        actual = lambda_.get_function(FunctionName=stack.physical[logical_id])["Configuration"]
        report.check(actual["Handler"] == handler, f"{logical_id}: handler {actual['Handler']}, must be {handler}")
        have = actual.get("Environment", {}).get("Variables", {})
        for name, table in variables.items():
            report.check(have.get(name) == stack.physical.get(table),
                         f"{logical_id}: {name} is {have.get(name)!r}, must name {table}")
        for name in VARIABLES_EVERY_FUNCTION_NEEDS:
            report.check(bool(have.get(name)), f"{logical_id}: variable {name} missing")
        issuer = resolver.parameters.get("JwtIssuer") or standin_issuer()
        report.check(have.get("JWT_ISSUER") == issuer, f"{logical_id}: JWT_ISSUER {have.get('JWT_ISSUER')}, must be {issuer}")
    for logical_id, (key, indexes, ttl) in CRITICAL_TABLES.items():
        if not report.check(logical_id in stack.physical, f"critical table {logical_id} missing"):
            continue
        table = dynamodb.describe_table(TableName=stack.physical[logical_id])["Table"]
        report.check(_keys(table["KeySchema"]) == key, f"{logical_id}: key {_keys(table['KeySchema'])}, must be {key}")
        have_indexes = {i["IndexName"]: _keys(i["KeySchema"]) for i in table.get("GlobalSecondaryIndexes", [])}
        for index, index_key in indexes.items():
            report.check(have_indexes.get(index) == index_key,
                         f"{logical_id}: index {index} is {have_indexes.get(index)}, must be {index_key}")
        spec = cfn["Resources"][logical_id]["Properties"].get("TimeToLiveSpecification", {})
        report.check((spec.get("AttributeName") if spec.get("Enabled") else None) == ttl,
                     f"{logical_id}: TTL attribute {spec.get('AttributeName')}, must be {ttl}")
    bus = f"omnis-{resolver.parameters.get('Stage')}"
    try:
        client("events").describe_event_bus(Name=bus)
    except Exception as error:
        report.failures.append(f"event bus {bus} missing ({error})")
    for output in ("ApiUrl", "EventBusName", "EventBusArn", "CartsTableName", "ProductsTableName", "AlarmTopicArn"):
        report.check(output in stack.outputs, f"stack output {output} missing")
    report.verified.append(f"critical list: {len(CRITICAL_ROUTES)} routes, {len(CRITICAL_TABLES)} tables, "
                           f"{len(CRITICAL_FUNCTIONS)} functions, bus name, outputs")


def standin_issuer() -> str:
    return f"https://cognito-idp.{REGION}.amazonaws.com/{standin_value('UserPool', 'AWS::Cognito::UserPool', None)}"


def check_deletion(report: Report, stack: Stack, client) -> None:
    cloudformation = client("cloudformation")
    cloudformation.delete_stack(StackName=stack.name)
    status = cloudformation.describe_stacks(StackName=stack.name)["Stacks"][0]["StackStatus"] \
        if _stack_exists(cloudformation, stack.name) else "DELETE_COMPLETE"
    report.check(status == "DELETE_COMPLETE", f"stack {stack.name} could not be deleted: {status}")


def _stack_exists(cloudformation, name: str) -> bool:
    try:
        return bool(cloudformation.describe_stacks(StackName=name)["Stacks"])
    except Exception:
        return False


# ------------------------------------------------------------------------------------------------
# One run: a template and a set of parameters against a moto endpoint
# ------------------------------------------------------------------------------------------------
def run(template_path: Path, endpoint: str, stack_name: str, parameters: dict[str, str] | None = None,
        supported: set[str] | None = None) -> Report:
    parameters = parameters or {}
    report = Report(f"{stack_name} ({', '.join(f'{k}={v}' for k, v in parameters.items()) or 'defaults'})")
    client = clients(endpoint)
    try:
        sam = load_template(template_path, parameters)
        cfn = translate(sam)
        stack = deploy(cfn, client, stack_name, parameters, supported or moto_supported_types())
        resolver = Resolver(sam, cfn, stack, client)
        report.verified.append(f"stack CREATE_COMPLETE on moto: {len(stack.physical)} resources created")
        report.static_only.append("not created by moto (checked in the template only): " + ", ".join(
            f"{t} x{n}" for t, n in sorted(_count(stack.removed.values()).items())))
        if stack.onto:
            report.static_only.append(f"{len(stack.onto)} versions or aliases moto cannot create: what refers to them "
                                      "(invoke permissions, the API's integrations) is deployed onto their function")
        for check in (lambda: check_functions(report, sam, cfn, stack, resolver, client),
                      lambda: check_least_privilege(report, cfn, resolver),
                      lambda: check_tables(report, cfn, stack, resolver, client),
                      lambda: check_rules(report, cfn, stack, resolver, client),
                      lambda: check_schedules(report, cfn, resolver),
                      lambda: check_archives(report, cfn, stack, resolver),
                      lambda: check_queues(report, cfn, stack, resolver, client),
                      lambda: check_event_source_mappings(report, cfn, stack, resolver, client),
                      lambda: check_routes(report, sam, cfn, client),
                      lambda: check_alarms(report, sam, cfn, resolver),
                      lambda: check_identity(report, cfn, stack, resolver),
                      lambda: check_critical(report, cfn, stack, resolver, client),
                      lambda: check_deletion(report, stack, client)):
            try:
                check()
            except DeployTestError as error:
                report.failures.append(str(error))
            except Exception as error:  # a check that cannot even run has found something wrong too
                report.failures.append(f"a check could not run: {type(error).__name__}: {error}")
    except DeployTestError as error:
        report.failures.append(str(error))
    return report


def _count(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def print_report(report: Report, out=sys.stdout) -> None:
    print(f"== deploy test: {report.name}", file=out)
    for line in report.verified:
        print(f"  verified     {line}", file=out)
    for line in report.static_only:
        print(f"  static only  {line}", file=out)
    for line in report.failures:
        print(f"  FAILED       {line}", file=out)
    print(f"  {'OK' if report.ok() else f'{len(report.failures)} failure(s)'}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", type=Path, default=ROOT / "template.yaml")
    parser.add_argument("--endpoint", help="an already running moto server (default: start one)")
    args = parser.parse_args(argv)
    runs = [("omnis-dev", {"Stage": "dev"}),
            ("omnis-external-issuer", {"Stage": "staging", "JwtIssuer": "https://login.example.com/omnis",
                                       "JwtAudience": "omnis-channels"})]

    def execute(endpoint: str) -> list[Report]:
        supported = moto_supported_types()
        return [run(args.template, endpoint, name, parameters, supported) for name, parameters in runs]

    if args.endpoint:
        reports = execute(args.endpoint)
    else:
        with MotoServer() as server:
            reports = execute(server.endpoint)
    for report in reports:
        print_report(report)
    return 0 if all(r.ok() for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
