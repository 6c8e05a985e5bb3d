package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.omnis.carts.dynamo.DynamoCartRepository;
import com.omnis.shared.idempotency.DynamoIdempotencyStore;
import com.omnis.inventory.dynamo.DynamoInventoryStore;
import com.omnis.local.template.FunctionSpec;
import com.omnis.orders.dynamo.OrderItems;
import com.omnis.notifications.dynamo.MessageItems;
import com.omnis.local.template.HttpRoute;
import com.omnis.local.template.SamTemplate;
import com.omnis.local.template.TableSpec;
import com.omnis.shared.catalog.LocationItems;
import com.omnis.shared.catalog.ProductItems;
import com.omnis.shared.catalog.PromotionItems;
import com.omnis.shared.config.Settings;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.http.ApiHandler;
import com.omnis.shared.inventory.StockItems;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Keeps template.yaml, openapi.yaml and the code in step: every handler exists, every route is in
 * the contract and answered by its function's router, and every table a function reads from its
 * settings is a table of the template with the keys and indexes its repository uses.
 */
class TemplateContractTest {

    /** Setting name → the schema of the repository that reads it. A new table setting must be added here. */
    private static final Map<String, TableSchema<?>> REPOSITORY_SCHEMAS = Map.ofEntries(
            Map.entry("PRODUCTS_TABLE", ProductItems.SCHEMA),
            Map.entry("PROMOTIONS_TABLE", PromotionItems.SCHEMA),
            Map.entry("LOCATIONS_TABLE", LocationItems.SCHEMA),
            Map.entry("CUSTOMERS_TABLE", CustomerItems.SCHEMA),
            Map.entry("CARTS_TABLE", DynamoCartRepository.SCHEMA),
            Map.entry("STOCK_TABLE", StockItems.SCHEMA),
            Map.entry("RESERVATIONS_TABLE", DynamoInventoryStore.RESERVATIONS_SCHEMA),
            Map.entry("IDEMPOTENCY_TABLE", DynamoIdempotencyStore.SCHEMA),
            Map.entry("OUTBOX_TABLE", OutboxRecord.SCHEMA),
            Map.entry("ORDERS_TABLE", OrderItems.SCHEMA),
            Map.entry("MESSAGES_TABLE", MessageItems.SCHEMA));

    /** Set by Lambda itself (or optional, with a default in code), so the template need not declare them. */
    private static final Set<String> PROVIDED_BY_LAMBDA = Set.of("AWS_REGION", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL");

    private final SamTemplate template = SamTemplate.load();

    private record Built(Object handler, Set<String> settingsRead) {
    }

    private Built build(FunctionSpec function) {
        Set<String> reads = new LinkedHashSet<>();
        Map<String, String> env = new HashMap<>(function.environment());
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "contract-test");
        env.put("AWS_SECRET_ACCESS_KEY", "contract-test");
        Object handler = Settings.withOverrides(env, reads::add, () -> {
            try {
                return Class.forName(function.handlerClass()).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(function.logicalId() + ": cannot build " + function.handlerClass(), e);
            }
        });
        return new Built(handler, reads);
    }

    @TestFactory
    List<DynamicTest> everyFunctionsHandlerExistsAndIsALambdaHandler() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Built built = build(function);
            assertThat(built.handler()).isInstanceOf(RequestHandler.class);
            assertThat(built.handler().getClass().getMethods()).extracting(m -> m.getName())
                    .contains(function.handlerMethod());
        })).toList();
    }

    @TestFactory
    List<DynamicTest> everyRouteOfAFunctionIsAnsweredByItsRouterAndNothingMore() {
        return template.functions().stream()
                .filter(function -> !function.routes().isEmpty())
                .map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
                    Object handler = build(function).handler();
                    assertThat(handler).isInstanceOf(ApiHandler.class);
                    Set<String> templateRoutes = function.routes().stream().map(HttpRoute::routeKey)
                            .collect(Collectors.toSet());
                    assertThat(((ApiHandler) handler).router().routeKeys())
                            .containsExactlyInAnyOrderElementsOf(templateRoutes);
                })).toList();
    }

    @Test
    void theContractListsExactlyTheTemplatesRoutes() throws IOException {
        Set<String> templateRoutes = template.routes().stream().map(HttpRoute::routeKey).collect(Collectors.toCollection(TreeSet::new));

        assertThat(openApiOperations()).containsExactlyInAnyOrderElementsOf(templateRoutes);
    }

    @TestFactory
    List<DynamicTest> everyTableAFunctionReadsIsATemplateTableWithTheRepositorysKeys() {
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.logicalId(), () -> {
            Set<String> reads = build(function).settingsRead();
            for (String setting : reads) {
                if (PROVIDED_BY_LAMBDA.contains(setting)) {
                    continue;
                }
                if (setting.endsWith("_TABLE")) {
                    assertThat(function.environment()).as("%s reads %s", function.logicalId(), setting).containsKey(setting);
                    String tableName = function.environment().get(setting);
                    Optional<TableSpec> table = template.table(tableName);
                    assertThat(table).as("%s=%s is a table of the template", setting, tableName).isPresent();
                    assertThat(REPOSITORY_SCHEMAS).as("a repository schema is registered for %s", setting).containsKey(setting);
                    assertSameKeys(setting, REPOSITORY_SCHEMAS.get(setting).tableMetadata(), table.get());
                }
            }
        })).toList();
    }

    private static void assertSameKeys(String setting, TableMetadata repository, TableSpec table) {
        assertThat(repository.primaryPartitionKey()).as("%s partition key", setting).isEqualTo(table.key().partitionKey());
        assertThat(repository.primarySortKey()).as("%s sort key", setting).isEqualTo(table.key().sortKey());
        for (var index : repository.indices()) {
            String name = index.name();
            if (name.equals(TableMetadata.primaryIndexName())) {
                continue;
            }
            var templateIndex = table.globalIndexes().stream().filter(i -> i.name().equals(name)).findFirst();
            assertThat(templateIndex).as("%s index %s is in the template", setting, name).isPresent();
            assertThat(repository.indexPartitionKey(name)).as("%s index %s partition key", setting, name)
                    .isEqualTo(templateIndex.get().key().partitionKey());
            assertThat(repository.indexSortKey(name)).as("%s index %s sort key", setting, name)
                    .isEqualTo(templateIndex.get().key().sortKey());
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> openApiOperations() throws IOException {
        String yaml = Files.readString(SamTemplate.repoRoot().resolve("openapi.yaml"));
        Map<String, Object> document = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Set<String> operations = new TreeSet<>();
        Set<String> methods = Set.of("get", "put", "post", "patch", "delete", "head", "options");
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(methods::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }
}
