"""The deploy test fails a broken template: mutated copies of template.yaml against one moto server."""
from __future__ import annotations

import copy
import json
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import deploy_test  # noqa: E402

TEMPLATE = deploy_test.ROOT / "template.yaml"


@pytest.fixture(scope="module")
def moto():
    with deploy_test.MotoServer() as server:
        yield server


@pytest.fixture(scope="module")
def supported():
    return deploy_test.moto_supported_types()


@pytest.fixture
def deploy(moto, supported, tmp_path):
    """Deploys a changed copy of template.yaml on an emptied moto and returns the report."""
    urllib.request.urlopen(urllib.request.Request(f"{moto.endpoint}/moto-api/reset", method="POST")).close()

    def run(change, parameters=None):
        template = deploy_test.load_template(TEMPLATE)
        change(template)
        path = tmp_path / "template.json"
        path.write_text(json.dumps(template))
        return deploy_test.run(path, moto.endpoint, f"t-{uuid.uuid4().hex[:8]}", parameters or {"Stage": "dev"}, supported)

    return run


def resources(template):
    return template["Resources"]


def failures_mentioning(report, text):
    return [f for f in report.failures if text in f]


def add_event_consumers(template, dead_letters=True):
    """Gives CartsFunction an EventBridge rule, a schedule rule, a Scheduler schedule and a stream."""
    dlq = {"Arn": {"Fn::GetAtt": ["EventsDeadLetterQueue", "Arn"]}}
    retry = {"MaximumRetryAttempts": 4, "MaximumEventAgeInSeconds": 3600}
    resources(template)["CartsTable"]["Properties"]["StreamSpecification"] = {"StreamViewType": "NEW_AND_OLD_IMAGES"}
    events = resources(template)["CartsFunction"]["Properties"]["Events"]
    events["OnPriceChanged"] = {"Type": "EventBridgeRule", "Properties": {
        "EventBusName": {"Ref": "EventBus"},
        "Pattern": {"source": ["omnis.catalog"], "detail-type": ["PriceChanged"]},
        "RetryPolicy": retry, **({"DeadLetterConfig": dlq} if dead_letters else {})}}
    events["Sweep"] = {"Type": "Schedule", "Properties": {
        "Schedule": "rate(1 minute)", "RetryPolicy": retry, **({"DeadLetterConfig": dlq} if dead_letters else {})}}
    events["NightlyReport"] = {"Type": "ScheduleV2", "Properties": {
        "ScheduleExpression": "cron(0 2 * * ? *)", "RetryPolicy": {"MaximumRetryAttempts": 2},
        **({"DeadLetterConfig": dlq} if dead_letters else {})}}
    events["CartChanges"] = {"Type": "DynamoDB", "Properties": {
        "Stream": {"Fn::GetAtt": ["CartsTable", "StreamArn"]}, "StartingPosition": "LATEST", "BatchSize": 10,
        "MaximumRetryAttempts": 3, "BisectBatchOnFunctionError": True,
        "DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": {"Fn::GetAtt": ["EventsDeadLetterQueue", "Arn"]}}}}}


def events_of_type(types):
    """How many events of these SAM types the committed template's functions declare."""
    template = deploy_test.load_template(TEMPLATE)
    return sum(1 for resource in template["Resources"].values()
               if resource.get("Type") == "AWS::Serverless::Function"
               for event in resource.get("Properties", {}).get("Events", {}).values()
               if event.get("Type") in types)


def test_the_template_as_committed_passes(deploy):
    # when
    report = deploy(lambda template: None)

    # then
    assert report.failures == []
    assert any(f"{events_of_type({'HttpApi'})} HTTP API routes" in line for line in report.verified)


def test_rules_schedules_and_streams_are_compared_with_what_moto_created(deploy):
    # when
    report = deploy(add_event_consumers)

    # then
    assert report.failures == []
    rules = events_of_type({"EventBridgeRule", "CloudWatchEvent"}) + 2
    assert any(line.startswith(f"{rules} EventBridge rules") for line in report.verified)
    mappings = events_of_type({"DynamoDB", "SQS", "Kinesis"}) + 1
    assert any(line.startswith(f"{mappings} event source mappings") for line in report.verified)
    schedules = events_of_type({"ScheduleV2"}) + 1
    assert any(f"{schedules} EventBridge Scheduler schedules" in line for line in report.static_only)


def test_a_rule_or_schedule_without_a_dead_letter_queue_fails(deploy):
    # when
    report = deploy(lambda template: add_event_consumers(template, dead_letters=False))

    # then
    assert len(failures_mentioning(report, "needs a RetryPolicy and a DeadLetterConfig")) == 3


def test_a_bus_without_an_archive_fails(deploy):
    # when
    report = deploy(lambda template: resources(template).pop("EventBusArchive"))

    # then
    assert failures_mentioning(report, "EventBus: no AWS::Events::Archive")


def test_a_missing_critical_route_fails(deploy):
    # given
    def drop_add_item(template):
        del resources(template)["CartsFunction"]["Properties"]["Events"]["AddItem"]

    # when
    report = deploy(drop_add_item)

    # then
    assert failures_mentioning(report, "critical route POST /carts/{cartId}/items")


def test_a_critical_route_behind_the_wrong_authorizer_fails(deploy):
    # given
    def protect_public_catalog(template):
        del resources(template)["CatalogFunction"]["Properties"]["Events"]["ListProducts"]["Properties"]["Auth"]

    # when
    report = deploy(protect_public_catalog)

    # then
    assert failures_mentioning(report, "critical route GET /products:")


def test_a_changed_table_key_fails(deploy):
    # given
    def rekey_carts(template):
        properties = resources(template)["CartsTable"]["Properties"]
        properties["AttributeDefinitions"] = [{"AttributeName": "id", "AttributeType": "S"}]
        properties["KeySchema"] = [{"AttributeName": "id", "KeyType": "HASH"}]

    # when
    report = deploy(rekey_carts)

    # then
    assert failures_mentioning(report, "CartsTable: key [('id', 'HASH')], must be [('cartId', 'HASH')]")


def test_a_variable_naming_the_wrong_table_fails(deploy):
    # given
    def swap_tables(template):
        variables = resources(template)["CartsFunction"]["Properties"]["Environment"]["Variables"]
        variables["CARTS_TABLE"] = {"Ref": "ProductsTable"}

    # when
    report = deploy(swap_tables)

    # then
    assert failures_mentioning(report, "CartsFunction: CARTS_TABLE")


def test_a_reference_to_a_missing_resource_fails(deploy):
    # given
    def dangling_reference(template):
        variables = resources(template)["CatalogFunction"]["Properties"]["Environment"]["Variables"]
        variables["PRODUCTS_TABLE"] = {"Ref": "NoSuchTable"}

    # when
    report = deploy(dangling_reference)

    # then
    assert report.failures and "NoSuchTable" in report.failures[0]


def test_a_renamed_handler_fails(deploy):
    # given
    def rename(template):
        resources(template)["CatalogFunction"]["Properties"]["Handler"] = "com.omnis.catalog.Other::handleRequest"

    # when
    report = deploy(rename)

    # then
    assert failures_mentioning(report, "CatalogFunction: handler com.omnis.catalog.Other::handleRequest, must be")


def test_a_function_without_log_group_and_alarms_fails(deploy):
    # given
    def strip_operations(template):
        for name in ("CartsFunctionLogGroup", "CartsFunctionErrorsAlarm", "CartsFunctionThrottlesAlarm"):
            del resources(template)[name]

    # when
    report = deploy(strip_operations)

    # then
    assert failures_mentioning(report, "CartsFunction: no log group")
    assert failures_mentioning(report, "CartsFunction: no alarm on its Errors")
    assert failures_mentioning(report, "CartsFunction: no alarm on its Throttles")


def test_functions_without_alarms_on_the_metrics_they_emit_fail(deploy):
    # given
    def strip_own_metric_alarms(template):
        for name in ("CartsFunctionHttp5xxAlarm", "InventorySweeperFailuresAlarm"):
            del resources(template)[name]

    # when
    report = deploy(strip_own_metric_alarms)

    # then
    assert failures_mentioning(report, "CartsFunction: no alarm on its Http5xx (namespace Omnis, dimension Service=carts)")
    assert failures_mentioning(report, "InventorySweeperFunction: no alarm on its SweepFailures")
    assert not failures_mentioning(report, "CatalogFunction: no alarm on its Http5xx")


def test_an_alarm_on_another_service_than_the_function_names_fails(deploy):
    # given: the function's metrics would carry service=catalog-v2, the alarm still watches catalog
    def rename_service(template):
        resources(template)["CatalogFunction"]["Properties"]["Environment"]["Variables"]["POWERTOOLS_SERVICE_NAME"] = "catalog-v2"

    # when
    report = deploy(rename_service)

    # then
    assert failures_mentioning(report, "CatalogFunction: no alarm on its Http5xx (namespace Omnis, dimension Service=catalog-v2)")


def test_two_functions_with_one_service_name_fail(deploy):
    # given
    def share_service(template):
        resources(template)["InventorySweeperFunction"]["Properties"]["Environment"]["Variables"][
            "POWERTOOLS_SERVICE_NAME"] = "inventory"

    # when
    report = deploy(share_service)

    # then
    assert failures_mentioning(report, "InventorySweeperFunction: POWERTOOLS_SERVICE_NAME inventory is InventoryFunction's too")


def test_no_alarm_on_the_apis_5xx_fails(deploy):
    # given
    def strip_api_alarm(template):
        del resources(template)["HttpApi5xxAlarm"]

    # when
    report = deploy(strip_api_alarm)

    # then
    assert failures_mentioning(report, "no alarm on the HTTP API's 5xx")


def test_loops_expand_into_one_resource_per_item_with_plain_references():
    # given
    template = {"Transform": ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"], "Resources": {
        "Fn::ForEach::Topics": ["Name", ["Orders", "Returns"], {"${Name}Topic": {
            "Type": "AWS::SNS::Topic",
            "Properties": {"DisplayName": {"Ref": {"Fn::Sub": "${Name}Queue"}},
                           "Arn": {"Fn::GetAtt": [{"Fn::Sub": "${Name}Queue"}, "Arn"]}}}}]}}

    # when
    expanded = deploy_test.apply_language_extensions(template)

    # then
    assert expanded["Transform"] == "AWS::Serverless-2016-10-31"
    assert set(expanded["Resources"]) == {"OrdersTopic", "ReturnsTopic"}
    assert expanded["Resources"]["ReturnsTopic"]["Properties"] == {
        "DisplayName": {"Ref": "ReturnsQueue"}, "Arn": {"Fn::GetAtt": ["ReturnsQueue", "Arn"]}}


def test_a_loop_without_the_language_extensions_transform_fails():
    # given
    template = {"Transform": "AWS::Serverless-2016-10-31", "Resources": {
        "Fn::ForEach::Topics": ["Name", ["A"], {"${Name}Topic": {"Type": "AWS::SNS::Topic"}}]}}

    # when / then
    with pytest.raises(deploy_test.DeployTestError, match="AWS::LanguageExtensions"):
        deploy_test.apply_language_extensions(template)


def test_a_function_with_snapstart_whose_routes_invoke_latest_fails(deploy):
    # given: SnapStart restores published versions, but without its alias the API invokes $LATEST
    def drop_the_alias(template):
        del resources(template)["CatalogFunction"]["Properties"]["AutoPublishAlias"]

    # when
    report = deploy(drop_the_alias)

    # then
    assert failures_mentioning(report, "CatalogFunction: SnapStart applies to published versions, but route GET /products")
    assert not failures_mentioning(report, "CartsFunction: SnapStart")


def test_an_alias_moto_cannot_create_is_projected_onto_its_function():
    # given: what AutoPublishAlias produces, and an invoke permission and an integration URI on the alias
    alias_arn = "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FnAliaslive}/invocations"
    cfn = {"Resources": {
        "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "h"}},
        "FnVersion1": {"Type": "AWS::Lambda::Version", "Properties": {"FunctionName": {"Ref": "Fn"}}},
        "FnAliaslive": {"Type": "AWS::Lambda::Alias", "Properties": {
            "Name": "live", "FunctionName": {"Ref": "Fn"}, "FunctionVersion": {"Fn::GetAtt": ["FnVersion1", "Version"]}}},
        "FnGetPermission": {"Type": "AWS::Lambda::Permission", "DependsOn": "FnAliaslive", "Properties": {
            "Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "FnAliaslive"},
            "Principal": "apigateway.amazonaws.com"}},
        "Topic": {"Type": "AWS::SNS::Topic", "Properties": {
            "DisplayName": {"Fn::Sub": alias_arn}, "Alias": {"Fn::GetAtt": ["FnAliaslive", "AliasArn"]},
            "Version": {"Ref": "FnVersion1"}}}},
        "Outputs": {"Live": {"Value": {"Ref": "FnAliaslive"}}}}
    supported = {"AWS::Lambda::Function", "AWS::Lambda::Permission", "AWS::SNS::Topic"}

    # when
    projected, removed = deploy_test.project_for_moto(cfn, supported)

    # then
    assert removed == {"FnVersion1": "AWS::Lambda::Version", "FnAliaslive": "AWS::Lambda::Alias"}
    assert set(projected["Resources"]) == {"Fn", "FnGetPermission", "Topic"}
    permission = projected["Resources"]["FnGetPermission"]
    assert permission["Properties"]["FunctionName"] == {"Fn::GetAtt": ["Fn", "Arn"]}  # an alias's Ref is its ARN
    assert permission["DependsOn"] == ["Fn"]
    topic = projected["Resources"]["Topic"]["Properties"]
    assert topic["DisplayName"] == {"Fn::Sub": alias_arn.replace("${FnAliaslive}", "${Fn.Arn}")}
    assert topic["Alias"] == {"Fn::GetAtt": ["Fn", "Arn"]}
    assert topic["Version"] == {"Fn::GetAtt": ["Fn", "Arn"]}
    assert projected["Outputs"]["Live"]["Value"] == {"Fn::GetAtt": ["Fn", "Arn"]}


def test_a_version_moto_creates_stays_and_the_route_of_an_alias_is_its_functions():
    # given
    cfn = {"Resources": {
        "Fn": {"Type": "AWS::Lambda::Function", "Properties": {}},
        "FnVersion1": {"Type": "AWS::Lambda::Version", "Properties": {"FunctionName": {"Ref": "Fn"}}},
        "FnAliaslive": {"Type": "AWS::Lambda::Alias", "Properties": {
            "FunctionName": {"Ref": "Fn"}, "FunctionVersion": {"Fn::GetAtt": ["FnVersion1", "Version"]}}},
        "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": {"paths": {"/things": {"get": {
            "x-amazon-apigateway-integration": {"uri": {"Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:"
                                                                   "lambda:path/2015-03-31/functions/${FnAliaslive}/invocations"}},
            "security": [{"OmnisJwt": []}]}}}}}}}}

    # when
    projected, removed = deploy_test.project_for_moto(cfn, {"AWS::Lambda::Function", "AWS::Lambda::Version"})
    routes, _ = deploy_test.http_routes(cfn)

    # then
    assert removed == {"FnAliaslive": "AWS::Lambda::Alias", "Api": "AWS::ApiGatewayV2::Api"}
    assert projected["Resources"]["FnVersion1"] == cfn["Resources"]["FnVersion1"]
    assert routes == {"GET /things": ("Fn", "OmnisJwt")}
    assert deploy_test.http_integrations(cfn)[0] == {"GET /things": "FnAliaslive"}


def test_a_wildcard_permission_fails(deploy):
    # given
    def grant_everything(template):
        resources(template)["CartsFunction"]["Properties"]["Policies"].append(
            {"Statement": [{"Effect": "Allow", "Action": ["dynamodb:DeleteTable"], "Resource": "*"}]})

    # when
    report = deploy(grant_everything)

    # then
    assert failures_mentioning(report, "dynamodb:DeleteTable… is granted on every resource")


def test_text_messages_to_any_resource_without_the_topic_deny_fail(deploy):
    # given: the notifications function may publish SMS, but nothing denies publishing to topics any more
    def drop_the_topic_deny(template):
        for name in ("NotificationsFunction", "NotificationsScheduleFunction"):
            for policy in resources(template)[name]["Properties"]["Policies"]:
                if isinstance(policy, dict) and "Statement" in policy:
                    policy["Statement"] = [s for s in policy["Statement"] if s.get("Sid") != "NoPublishingToTopics"]

    # when
    report = deploy(drop_the_topic_deny)

    # then
    assert failures_mentioning(report, "NotificationsFunctionRole: sns:Publish… is granted on every resource")


def test_users_who_may_set_their_own_store_fail(deploy):
    # given
    def writable_store(template):
        resources(template)["UserPoolClient"]["Properties"]["WriteAttributes"].append("custom:storeId")

    # when
    report = deploy(writable_store)

    # then
    assert failures_mentioning(report, "users could set their own custom:storeId")


def test_moto_server_stops_even_when_the_block_fails():
    # given
    server = deploy_test.MotoServer()

    # when
    with pytest.raises(RuntimeError):
        with server:
            raise RuntimeError("a check blew up")

    # then
    assert server.process.poll() is not None
