package com.omnis.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.local.template.SamTemplate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class EmbeddedDynamoTest {

    private static EmbeddedDynamo dynamo;

    @BeforeAll
    static void start() {
        dynamo = EmbeddedDynamo.startWith(SamTemplate.load());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void createsEveryTableOfTheRepositoryTemplateNamedByLogicalId() {
        assertThat(dynamo.client().listTables().tableNames())
                .containsExactlyInAnyOrderElementsOf(dynamo.tableNames().values())
                .contains("CartsTable", "ProductsTable");
    }

    @Test
    void createsKeysIndexesAndTimeToLiveAsDeclared() {
        TableDescription products = dynamo.client().describeTable(d -> d.tableName("ProductsTable")).table();

        assertThat(products.keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("sku"));
        assertThat(products.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byCategory");
            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        });
        assertThat(dynamo.client().describeTimeToLive(d -> d.tableName("CartsTable")).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                });
    }

    @Test
    void createsStreamsAndLocalIndexesOfATestTemplate() {
        try (EmbeddedDynamo orders = EmbeddedDynamo.startWith(TestTemplates.load("everything.yaml"))) {
            TableDescription table = orders.client().describeTable(d -> d.tableName("OrdersTable")).table();

            assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
            assertThat(table.latestStreamArn()).isNotBlank();
            assertThat(table.localSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.indexName()).isEqualTo("byCreation"));
            assertThat(table.globalSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.projection().nonKeyAttributes()).containsExactly("status", "total"));
        }
    }

    @Test
    void givesEachInstanceItsOwnTables() {
        dynamo.client().putItem(put -> put.tableName("CartsTable").item(Map.of("cartId", AttributeValue.fromS("mine"))));

        try (EmbeddedDynamo other = EmbeddedDynamo.startWith(SamTemplate.load())) {
            assertThat(other.client().scan(scan -> scan.tableName("CartsTable")).items()).isEmpty();
        }
        assertThat(dynamo.client().getItem(get -> get.tableName("CartsTable")
                .key(Map.of("cartId", AttributeValue.fromS("mine")))).hasItem()).isTrue();
    }

    @Test
    void resetLeavesEmptyTablesWithTheSameSchema() {
        try (EmbeddedDynamo scratch = EmbeddedDynamo.startWith(SamTemplate.load())) {
            scratch.client().putItem(put -> put.tableName("ProductsTable").item(Map.of(
                    "sku", AttributeValue.fromS("SKU-1"), "category", AttributeValue.fromS("shoes"))));

            scratch.reset();

            assertThat(scratch.client().scan(scan -> scan.tableName("ProductsTable")).items()).isEmpty();
            assertThat(scratch.client().describeTable(d -> d.tableName("ProductsTable")).table().globalSecondaryIndexes())
                    .hasSize(1);
        }
    }

    @Test
    void givesAFunctionTheTemplateVariablesAndTheLocalEndpoint() {
        Map<String, String> environment = dynamo.environmentFor("CartsFunction");

        assertThat(environment)
                .containsEntry("CARTS_TABLE", "CartsTable")
                .containsEntry("AWS_ENDPOINT_URL", dynamo.endpoint().toString())
                .containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("JWT_ISSUER", com.omnis.local.auth.DevTokens.ISSUER)
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "JWT_JWKS_URL");
        assertThat(dynamo.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void namesTheKnownFunctionsWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> dynamo.environmentFor("NoSuchFunction"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CartsFunction");
    }
}
