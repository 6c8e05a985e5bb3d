package com.omnis.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.local.TestTemplates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    @Nested
    class TheRepositoryTemplate {

        private final SamTemplate template = SamTemplate.load();

        @Test
        void declaresTheCartsTableWithItsKeyAndTimeToLive() {
            TableSpec carts = template.table("CartsTable").orElseThrow();

            assertThat(carts.tableName()).isEqualTo("CartsTable");
            assertThat(carts.key().partitionKey()).isEqualTo("cartId");
            assertThat(carts.attributes()).containsEntry("cartId", "S");
            assertThat(carts.ttlAttribute()).contains("expiresAt");
        }

        @Test
        void declaresTheProductsCategoryIndex() {
            TableSpec products = template.table("ProductsTable").orElseThrow();

            assertThat(products.globalIndexes()).anySatisfy(index -> {
                assertThat(index.name()).isEqualTo("byCategory");
                assertThat(index.key().partitionKey()).isEqualTo("category");
            });
        }

        @Test
        void guardsOpsRoutesWithTheAuthorizerAndLeavesGuestRoutesOpen() {
            Map<String, HttpRoute> routes = routesByKey(template);

            assertThat(routes.get("GET /products").requiresToken()).isFalse();
            assertThat(routes.get("PUT /products/{sku}").requiresToken()).isTrue();
            assertThat(routes.get("POST /carts").requiresToken()).isFalse();
            assertThat(routes.get("GET /me/cart").requiresToken()).isTrue();
            assertThat(routes.get("GET /me/cart").functionId()).isEqualTo("CartsFunction");
        }

        @Test
        void resolvesTableReferencesToLocalTableNames() {
            FunctionSpec carts = template.function("CartsFunction").orElseThrow();

            assertThat(carts.environment()).containsEntry("CARTS_TABLE", "CartsTable")
                    .containsEntry("PRODUCTS_TABLE", "ProductsTable");
            assertThat(carts.handlerClass()).isEqualTo("com.omnis.carts.CartsHandler");
            assertThat(carts.handlerMethod()).isEqualTo("handleRequest");
        }

        @Test
        void expandsTheAlarmLoopsIntoOneAlarmPerFunctionAndTable() {
            Map<String, String> types = template.resourceTypes();

            template.functions().forEach(function -> assertThat(types)
                    .containsEntry(function.logicalId() + "ErrorsAlarm", "AWS::CloudWatch::Alarm")
                    .containsEntry(function.logicalId() + "ThrottlesAlarm", "AWS::CloudWatch::Alarm")
                    .containsEntry(function.logicalId() + "LogGroup", "AWS::Logs::LogGroup"));
            template.tables().forEach(table -> assertThat(types)
                    .containsEntry(table.logicalId() + "ThrottlesAlarm", "AWS::CloudWatch::Alarm")
                    .containsEntry(table.logicalId() + "TransactionConflictAlarm", "AWS::CloudWatch::Alarm"));
            assertThat(types.keySet()).noneMatch(id -> id.startsWith("Fn::ForEach"));
        }

        @Test
        void everyTableTheFunctionsNameExists() {
            List<String> tableIds = template.tables().stream().map(TableSpec::logicalId).toList();

            template.functions().forEach(function -> function.environment().forEach((name, value) -> {
                if (name.endsWith("_TABLE")) {
                    assertThat(tableIds).as("%s.%s", function.logicalId(), name).contains(value);
                }
            }));
        }
    }

    @Nested
    class Intrinsics {

        private final SamTemplate template = TestTemplates.load("everything.yaml");

        @Test
        void mergesGlobalsWithTheFunctionsOwnVariablesTheFunctionWinning() {
            Map<String, String> environment = template.function("OrdersFunction").orElseThrow().environment();

            assertThat(environment).containsEntry("STAGE", "dev").containsEntry("LOG_LEVEL", "WARN");
            assertThat(template.function("NotifyFunction").orElseThrow().environment()).containsEntry("LOG_LEVEL", "DEBUG");
        }

        @Test
        void evaluatesRefGetAttSubSelectSplitJoinAndFindInMap() {
            Map<String, String> environment = template.function("OrdersFunction").orElseThrow().environment();

            assertThat(environment)
                    .containsEntry("ORDERS_TABLE", "OrdersTable")
                    .containsEntry("ORDERS_TABLE_ARN", "arn:aws:dynamodb:eu-west-1:000000000000:table/OrdersTable")
                    .containsEntry("FIRST_ORIGIN", "http://localhost:5173")
                    .containsEntry("HOSTS", "a,b")
                    .containsEntry("GREETING", "Hello dev from eu-west-1")
                    .containsEntry("EVENT_BUS_NAME", "omnis-dev");
        }

        @Test
        void evaluatesConditionsAndDropsNoValue() {
            Map<String, String> environment = template.function("OrdersFunction").orElseThrow().environment();

            assertThat(environment.get("JWT_ISSUER")).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/UserPool");
            assertThat(environment).doesNotContainKey("TRACING_ONLY_IN_PROD");
        }

        @Test
        void leavesOutResourcesWhoseConditionIsFalse() {
            assertThat(template.table("ProdOnlyTable")).isEmpty();
            assertThat(template.resourceTypes()).containsEntry("UserPool", "AWS::Cognito::UserPool")
                    .doesNotContainKey("ProdOnlyTable");
        }

        @Test
        void takesParameterOverridesInsteadOfDefaults() {
            SamTemplate prod = SamTemplate.parse(yaml(), Map.of("Stage", "prod", "ExternalIssuer", "https://id.example.com"));

            assertThat(prod.table("ProdOnlyTable")).isPresent();
            assertThat(prod.function("OrdersFunction").orElseThrow().environment())
                    .containsEntry("JWT_ISSUER", "https://id.example.com")
                    .containsEntry("TRACING_ONLY_IN_PROD", "true");
        }

        @Test
        void readsKeysIndexesStreamAndTimeToLiveOfATable() {
            TableSpec orders = template.table("OrdersTable").orElseThrow();

            assertThat(orders.tableName()).isEqualTo("OrdersTable");
            assertThat(orders.key()).isEqualTo(new TableSpec.KeySpec("pk", Optional.of("sk")));
            assertThat(orders.globalIndexes()).containsExactly(new TableSpec.IndexSpec("byCustomer",
                    new TableSpec.KeySpec("customerId", Optional.of("createdAt")), "INCLUDE", List.of("status", "total")));
            assertThat(orders.localIndexes()).extracting(TableSpec.IndexSpec::projectionType).containsExactly("KEYS_ONLY");
            assertThat(orders.streamViewType()).contains("NEW_AND_OLD_IMAGES");
            assertThat(orders.ttlAttribute()).contains("expiresAt");
        }

        @Test
        void readsRoutesWithTheirAuthorizerAndTheCatchAllRoute() {
            Map<String, HttpRoute> routes = routesByKey(template);

            assertThat(routes.get("GET /orders/{orderId}").authorizer()).contains("Jwt");
            assertThat(routes.get("GET /track/{proxy+}").requiresToken()).isFalse();
            assertThat(routes.get("$default").functionId()).isEqualTo("NotifyFunction");
            assertThat(template.authorizers().get("Jwt").audiences()).containsExactly("omnis");
            assertThat(template.authorizers().get("Jwt").issuer()).endsWith("/UserPool");
        }

        @Test
        void readsEventRulesFromFunctionsAndStandaloneRulesWithTheirTargets() {
            Map<String, EventRuleSpec> rules = template.eventRules().stream()
                    .collect(java.util.stream.Collectors.toMap(EventRuleSpec::id, rule -> rule));

            EventRuleSpec orderPlaced = rules.get("NotifyFunction.OrderPlaced");
            assertThat(orderPlaced.busName()).isEqualTo("omnis-dev");
            assertThat(orderPlaced.eventPattern()).contains("\"source\":[\"omnis.orders\"]");
            assertThat(orderPlaced.targets()).containsExactly(RuleTarget.of("NotifyFunction"));

            EventRuleSpec lowStock = rules.get("LowStockRule");
            assertThat(lowStock.busName()).isEqualTo("omnis-dev");
            assertThat(lowStock.targets()).containsExactly(
                    new RuleTarget("NotifyFunction", Optional.empty(), Optional.of("$.detail")));
            assertThat(template.warnings()).anyMatch(warning -> warning.contains("LowStockRule: target dlq"));
        }

        @Test
        void readsSchedulesFromFunctionEventsAndScheduleRules() {
            assertThat(template.schedules()).extracting(ScheduleSpec::id, ScheduleSpec::expression, ScheduleSpec::enabled)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("HourlyRule", "rate(1 hour)", true),
                            org.assertj.core.groups.Tuple.tuple("OrdersFunction.Sweep", "rate(1 minute)", true),
                            org.assertj.core.groups.Tuple.tuple("OrdersFunction.Nightly", "cron(0 3 * * ? *)", false));
            assertThat(template.schedules()).filteredOn(schedule -> schedule.id().equals("OrdersFunction.Sweep"))
                    .singleElement().satisfies(sweep -> assertThat(sweep.target().input()).contains("{\"sweep\":true}"));
        }

        @Test
        void readsStreamSourcesWithTheirTableAndFilters() {
            assertThat(template.streamSources()).singleElement().satisfies(source -> {
                assertThat(source.functionId()).isEqualTo("OrdersFunction");
                assertThat(source.tableId()).isEqualTo("OrdersTable");
                assertThat(source.startingPosition()).isEqualTo("TRIM_HORIZON");
                assertThat(source.batchSize()).isEqualTo(10);
                assertThat(source.filterPatterns()).containsExactly("{\"eventName\": [\"INSERT\"]}");
            });
        }

        @Test
        void warnsAboutEventSourcesItDoesNotRun() {
            assertThat(template.warnings()).anyMatch(warning -> warning.contains("OrdersFunction.Queue: SQS"));
        }

        @Test
        void readsFunctionSettingsWithGlobalsAsDefaults() {
            FunctionSpec orders = template.function("OrdersFunction").orElseThrow();
            FunctionSpec notify = template.function("NotifyFunction").orElseThrow();

            assertThat(orders.timeoutSeconds()).isEqualTo(30);
            assertThat(notify.timeoutSeconds()).isEqualTo(20);
            assertThat(notify.memorySize()).isEqualTo(512);
            assertThat(notify.handlerMethod()).isEqualTo("handleRequest");
        }

        private String yaml() {
            try (var in = getClass().getResourceAsStream("/templates/everything.yaml")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void refusesATemplateThatIsNotAMapping() {
        assertThatThrownBy(() -> SamTemplate.parse("- just\n- a list\n"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("not a YAML mapping");
    }

    private static Map<String, HttpRoute> routesByKey(SamTemplate template) {
        return template.routes().stream()
                .collect(java.util.stream.Collectors.toMap(HttpRoute::routeKey, route -> route));
    }
}
