package com.omnis.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageExtensionsTest {

    private static final String HEADER = """
            Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
            Parameters:
              Stage: { Type: String, Default: dev }
              Queues: { Type: CommaDelimitedList, Default: 'orders,returns' }
            """;

    @Test
    void copiesTheFragmentOncePerItemWithTheIdentifierReplacedInKeysStringsAndRefs() {
        // given
        String yaml = HEADER + """
                Resources:
                  OrdersTable:
                    Type: AWS::DynamoDB::Table
                    Properties: { KeySchema: [{ AttributeName: id, KeyType: HASH }] }
                  CartsTable:
                    Type: AWS::DynamoDB::Table
                    Properties: { KeySchema: [{ AttributeName: id, KeyType: HASH }] }
                  Fn::ForEach::Readers:
                    - Table
                    - [OrdersTable, CartsTable]
                    - '${Table}Reader':
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: com.example.Reader::handleRequest
                          Environment:
                            Variables:
                              TABLE: { Ref: !Sub '${Table}' }
                              TABLE_ARN: !GetAtt [!Sub '${Table}', Arn]
                              LABEL: !Sub 'reads ${Table} in ${Stage}'
                              LOGICAL_ID: !Ref Table
                """;

        // when
        SamTemplate template = SamTemplate.parse(yaml);

        // then
        assertThat(template.resourceTypes()).containsEntry("OrdersTableReader", "AWS::Serverless::Function")
                .containsEntry("CartsTableReader", "AWS::Serverless::Function")
                .doesNotContainKey("Fn::ForEach::Readers");
        assertThat(template.function("CartsTableReader").orElseThrow().environment())
                .containsEntry("TABLE", "CartsTable")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:eu-west-1:000000000000:table/CartsTable")
                .containsEntry("LABEL", "reads CartsTable in dev")
                .containsEntry("LOGICAL_ID", "CartsTable");
    }

    @Test
    void expandsNestedLoopsAndACollectionGivenAsAListParameter() {
        // given: &{} drops what a logical id cannot hold
        String yaml = HEADER + """
                Resources:
                  Fn::ForEach::Queues:
                    - Queue
                    - !Ref Queues
                    - Fn::ForEach::Kinds:
                        - Kind
                        - [main, dead-letter]
                        - '${Queue}&{Kind}Table':
                            Type: AWS::DynamoDB::Table
                            Properties:
                              KeySchema: [{ AttributeName: !Sub '${Queue}-${Kind}', KeyType: HASH }]
                """;

        // when
        SamTemplate template = SamTemplate.parse(yaml);

        // then
        assertThat(template.tables()).extracting(TableSpec::logicalId)
                .containsExactly("ordersmainTable", "ordersdeadletterTable", "returnsmainTable", "returnsdeadletterTable");
        assertThat(template.table("returnsdeadletterTable").orElseThrow().key().partitionKey())
                .isEqualTo("returns-dead-letter");
    }

    @Test
    void takesParameterOverridesForTheCollection() {
        // given
        String yaml = HEADER + """
                Resources:
                  Fn::ForEach::Tables:
                    - Name
                    - !Ref Queues
                    - '${Name}Table':
                        Type: AWS::DynamoDB::Table
                        Properties: { KeySchema: [{ AttributeName: id, KeyType: HASH }] }
                """;

        // when
        SamTemplate template = SamTemplate.parse(yaml, Map.of("Queues", "refunds"));

        // then
        assertThat(template.tables()).extracting(TableSpec::logicalId).containsExactly("refundsTable");
    }

    @Test
    void refusesALoopInATemplateWithoutTheTransform() {
        // given
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn::ForEach::Topics:
                    - Name
                    - [a, b]
                    - '${Name}Topic': { Type: AWS::SNS::Topic }
                """;

        // when / then
        assertThatThrownBy(() -> SamTemplate.parse(yaml)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("AWS::LanguageExtensions");
    }

    @Test
    void refusesALoopWhoseCopiesCollideWithAnotherResource() {
        // given
        String yaml = HEADER + """
                Resources:
                  aTopic: { Type: AWS::SNS::Topic }
                  Fn::ForEach::Topics:
                    - Name
                    - [a, b]
                    - '${Name}Topic': { Type: AWS::SNS::Topic }
                """;

        // when / then
        assertThatThrownBy(() -> SamTemplate.parse(yaml)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("aTopic is declared twice");
    }

    @Test
    void refusesAnOutputKeyThatDoesNotNameTheIdentifier() {
        // given: every copy would get the same logical id
        String yaml = HEADER + """
                Resources:
                  Fn::ForEach::Topics:
                    - Name
                    - [a, b]
                    - Topic: { Type: AWS::SNS::Topic }
                """;

        // when / then
        assertThatThrownBy(() -> SamTemplate.parse(yaml)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("must contain ${Name}");
    }
}
