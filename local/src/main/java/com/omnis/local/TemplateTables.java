package com.omnis.local;

import com.omnis.local.template.FunctionSpec;
import com.omnis.local.template.SamTemplate;
import com.omnis.local.template.TableSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Some of the template's tables, as declared, on any DynamoDB (DynamoDB Local over HTTP, an account)
 * under names the caller chooses, so the AWS adapter ITs can share an endpoint; {@link #close()} deletes them.
 */
public final class TemplateTables implements AutoCloseable {

    private final DynamoDbClient client;
    private final SamTemplate template;
    private final Map<String, String> names;

    private TemplateTables(DynamoDbClient client, SamTemplate template, Map<String, String> names) {
        this.client = client;
        this.template = template;
        this.names = names;
    }

    /** Creates the tables {@code logicalIds} named {@code naming.apply(logicalId)} and waits until they are active. */
    public static TemplateTables create(DynamoDbClient client, SamTemplate template, UnaryOperator<String> naming,
                                        String... logicalIds) {
        Map<String, String> names = new LinkedHashMap<>();
        TemplateTables tables = new TemplateTables(client, template, names);
        try {
            for (String logicalId : logicalIds) {
                TableSpec table = template.table(logicalId)
                        .orElseThrow(() -> new IllegalArgumentException("no table " + logicalId + " in the template"));
                String name = naming.apply(logicalId);
                DynamoTables.create(client, table, name);
                names.put(logicalId, name);
            }
            names.values().forEach(name -> client.waiter().waitUntilTableExists(wait -> wait.tableName(name)));
            return tables;
        } catch (RuntimeException e) {
            tables.close();
            throw e;
        }
    }

    /** The name of the table created for {@code logicalId}. */
    public String name(String logicalId) {
        String name = names.get(logicalId);
        if (name == null) {
            throw new IllegalArgumentException("table " + logicalId + " was not created; created: " + names.keySet());
        }
        return name;
    }

    /** The function's environment variables from the template, each {@code !Ref} to a created table resolved to its name. */
    public Map<String, String> environmentFor(String functionId) {
        FunctionSpec function = template.function(functionId)
                .orElseThrow(() -> new IllegalArgumentException("no function " + functionId + " in the template"));
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((variable, value) -> environment.put(variable, names.getOrDefault(value, value)));
        return environment;
    }

    @Override
    public void close() {
        for (String name : names.values()) {
            try {
                client.deleteTable(delete -> delete.tableName(name));
            } catch (ResourceNotFoundException e) {
                // already gone: nothing to delete
            }
        }
    }
}
