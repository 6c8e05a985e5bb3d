package com.omnis.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SAM template as the local runtime reads it: tables, functions with their routes, schedules
 * and stream sources, EventBridge rules and the HttpApi's JWT authorizers, with every intrinsic
 * resolved to local names (a table is its logical id, a bus its {@code Name}). Resources the local
 * runtime has no use for (user pools, alarms, log groups, queues…) are kept only as names. Loops of
 * the {@code AWS::LanguageExtensions} transform ({@code Fn::ForEach}) are expanded first, as in CloudFormation.
 */
public final class SamTemplate {

    public static final String FILE_NAME = "template.yaml";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String DEFAULT_REGION = "eu-west-1";
    public static final String STACK_NAME = "omnis-local";
    /** The HttpApi SAM creates for HttpApi events that name no {@code ApiId}. */
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> document;
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private final Intrinsics intrinsics;
    private final String region;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> localNames = new LinkedHashMap<>();

    private final List<TableSpec> tables = new ArrayList<>();
    private final List<FunctionSpec> functions = new ArrayList<>();
    private final Map<String, JwtAuthorizerSpec> authorizers = new LinkedHashMap<>();
    private final Map<String, Optional<String>> defaultAuthorizers = new LinkedHashMap<>();
    private final List<EventRuleSpec> eventRules = new ArrayList<>();
    private final List<ScheduleSpec> schedules = new ArrayList<>();

    private SamTemplate(Map<String, Object> document, Map<String, String> parameterOverrides, String region) {
        this.region = region;
        Map<String, Object> parameters = parameters(document, parameterOverrides);
        this.document = LanguageExtensions.expand(document, parameters);
        this.intrinsics = new Intrinsics(parameters, section("Conditions"), section("Mappings"),
                this::ref, this::attribute);
        section("Resources").forEach((id, value) -> {
            if (value instanceof Map<?, ?> resource) {
                resources.put(id, stringKeys(resource));
            }
        });
        resources.values().removeIf(resource -> resource.get("Condition") != null
                && !intrinsics.condition(String.valueOf(resource.get("Condition"))));
        resources.forEach((id, resource) -> {
            switch (type(id)) {
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> tables.add(readTable(id, properties(id)));
                case "AWS::Serverless::SimpleTable" -> tables.add(readSimpleTable(id, properties(id)));
                case "AWS::Serverless::HttpApi" -> readHttpApi(id, properties(id));
                default -> {
                }
            }
        });
        if (!defaultAuthorizers.containsKey(IMPLICIT_HTTP_API) && globals("HttpApi").containsKey("Auth")) {
            readHttpApi(IMPLICIT_HTTP_API, globals("HttpApi"));
        }
        resources.forEach((id, resource) -> {
            switch (type(id)) {
                case "AWS::Serverless::Function" -> functions.add(readFunction(id));
                case "AWS::Events::Rule" -> readRule(id, properties(id));
                case "AWS::Scheduler::Schedule" -> readSchedulerSchedule(id, properties(id));
                default -> {
                }
            }
        });
    }

    /** Reads {@code template.yaml} from a repository root (or the file itself), with the parameters' defaults. */
    public static SamTemplate load(Path rootOrFile) {
        return load(rootOrFile, Map.of());
    }

    public static SamTemplate load(Path rootOrFile, Map<String, String> parameterOverrides) {
        Path file = Files.isDirectory(rootOrFile) ? rootOrFile.resolve(FILE_NAME) : rootOrFile;
        try {
            return parse(Files.readString(file), parameterOverrides);
        } catch (IOException e) {
            throw new TemplateException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return parse(yaml, Map.of());
    }

    public static SamTemplate parse(String yaml, Map<String, String> parameterOverrides) {
        return new SamTemplate(CfnYaml.load(yaml), parameterOverrides, DEFAULT_REGION);
    }

    /**
     * The repository root: the {@code omnis.repo.root} system property (set by the build for tests),
     * else the nearest directory upwards from the working directory that holds {@code template.yaml}.
     */
    public static Path repoRoot() {
        String property = System.getProperty("omnis.repo.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
                return dir;
            }
        }
        throw new TemplateException("no " + FILE_NAME + " in the working directory or above it; set -Domnis.repo.root");
    }

    /** The template of the repository this JVM runs in. */
    public static SamTemplate load() {
        return load(repoRoot());
    }

    public List<TableSpec> tables() {
        return Collections.unmodifiableList(tables);
    }

    public Optional<TableSpec> table(String logicalId) {
        return tables.stream().filter(table -> table.logicalId().equals(logicalId)).findFirst();
    }

    public List<FunctionSpec> functions() {
        return Collections.unmodifiableList(functions);
    }

    public Optional<FunctionSpec> function(String logicalId) {
        return functions.stream().filter(function -> function.logicalId().equals(logicalId)).findFirst();
    }

    public List<HttpRoute> routes() {
        return functions.stream().flatMap(function -> function.routes().stream()).toList();
    }

    /** The JWT authorizers of the template's HttpApis, by name. */
    public Map<String, JwtAuthorizerSpec> authorizers() {
        return Collections.unmodifiableMap(authorizers);
    }

    /** Rules with an event pattern, whether declared on a function or as a standalone resource. */
    public List<EventRuleSpec> eventRules() {
        return Collections.unmodifiableList(eventRules);
    }

    /** Every schedule: function events, schedule rules and EventBridge Scheduler schedules. */
    public List<ScheduleSpec> schedules() {
        List<ScheduleSpec> all = new ArrayList<>(schedules);
        functions.forEach(function -> all.addAll(function.schedules()));
        return all;
    }

    public List<StreamSourceSpec> streamSources() {
        return functions.stream().flatMap(function -> function.streams().stream()).toList();
    }

    /** Logical id → resource type, for every resource whose condition holds. */
    public Map<String, String> resourceTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        resources.keySet().forEach(id -> types.put(id, type(id)));
        return types;
    }

    /** What {@code !Ref logicalId} is locally: a table's logical id, a bus's name, a parameter's value, empty for a KMS key. */
    public String localName(String logicalId) {
        return ref(logicalId);
    }

    /** Evaluates intrinsics in any part of the template against local names. */
    public Object resolve(Object value) {
        return intrinsics.resolve(value);
    }

    public String resolveString(Object value) {
        return intrinsics.resolveString(value);
    }

    /** Things the template declares that the local runtime does not run (REST APIs, SQS sources…). */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public String region() {
        return region;
    }

    // ---- reading resources ----

    private TableSpec readTable(String id, Map<String, Object> properties) {
        Map<String, Object> resolved = resolvedMap(properties);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map<String, Object> definition : maps(resolved.get("AttributeDefinitions"))) {
            attributes.put(str(definition.get("AttributeName")), str(definition.get("AttributeType")));
        }
        Optional<String> streamViewType = Optional.ofNullable(resolved.get("StreamSpecification"))
                .map(spec -> str(stringKeys((Map<?, ?>) spec).get("StreamViewType")));
        Optional<String> ttl = Optional.ofNullable(resolved.get("TimeToLiveSpecification"))
                .map(spec -> stringKeys((Map<?, ?>) spec))
                .filter(spec -> Boolean.parseBoolean(str(spec.getOrDefault("Enabled", "true"))))
                .map(spec -> str(spec.get("AttributeName")));
        return new TableSpec(id, key(id, resolved.get("KeySchema")), attributes,
                indexes(id, resolved.get("GlobalSecondaryIndexes")), indexes(id, resolved.get("LocalSecondaryIndexes")),
                streamViewType, ttl);
    }

    private TableSpec readSimpleTable(String id, Map<String, Object> properties) {
        Map<String, Object> resolved = resolvedMap(properties);
        Map<String, Object> primaryKey = resolved.get("PrimaryKey") instanceof Map<?, ?> map
                ? stringKeys(map) : Map.of("Name", "id", "Type", "String");
        String name = str(primaryKey.get("Name"));
        String type = switch (str(primaryKey.getOrDefault("Type", "String"))) {
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> "S";
        };
        return new TableSpec(id, new TableSpec.KeySpec(name, Optional.empty()), Map.of(name, type), List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }

    private TableSpec.KeySpec key(String id, Object keySchema) {
        String partition = null;
        String sort = null;
        for (Map<String, Object> element : maps(keySchema)) {
            if ("HASH".equals(str(element.get("KeyType")))) {
                partition = str(element.get("AttributeName"));
            } else {
                sort = str(element.get("AttributeName"));
            }
        }
        if (partition == null) {
            throw new TemplateException(id + ": a KeySchema needs a HASH key");
        }
        return new TableSpec.KeySpec(partition, Optional.ofNullable(sort));
    }

    private List<TableSpec.IndexSpec> indexes(String id, Object value) {
        List<TableSpec.IndexSpec> indexes = new ArrayList<>();
        for (Map<String, Object> index : maps(value)) {
            Map<String, Object> projection = index.get("Projection") instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
            List<String> nonKey = projection.get("NonKeyAttributes") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            indexes.add(new TableSpec.IndexSpec(str(index.get("IndexName")), key(id, index.get("KeySchema")),
                    str(projection.getOrDefault("ProjectionType", "ALL")), nonKey));
        }
        return indexes;
    }

    private void readHttpApi(String id, Map<String, Object> properties) {
        Map<String, Object> auth = properties.get("Auth") instanceof Map<?, ?> map ? resolvedMap(stringKeys(map)) : Map.of();
        defaultAuthorizers.put(id, Optional.ofNullable(auth.get("DefaultAuthorizer")).map(String::valueOf));
        if (auth.get("Authorizers") instanceof Map<?, ?> declared) {
            stringKeys(declared).forEach((name, value) -> {
                Map<String, Object> authorizer = stringKeys((Map<?, ?>) value);
                if (authorizer.get("JwtConfiguration") instanceof Map<?, ?> jwt) {
                    Map<String, Object> config = stringKeys(jwt);
                    List<String> audiences = config.get("audience") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : Optional.ofNullable(config.get("audience")).map(String::valueOf).stream().toList();
                    authorizers.put(name, new JwtAuthorizerSpec(name,
                            str(authorizer.getOrDefault("IdentitySource", "$request.header.Authorization")),
                            str(config.get("issuer")), audiences));
                } else {
                    warnings.add(id + ": authorizer " + name + " is not a JWT authorizer; its routes accept any dev token");
                    authorizers.put(name, new JwtAuthorizerSpec(name, "$request.header.Authorization", "", List.of()));
                }
            });
        }
    }

    private FunctionSpec readFunction(String id) {
        Map<String, Object> properties = properties(id);
        Map<String, Object> globals = globals("Function");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.putAll(variables(globals));
        environment.putAll(variables(properties));
        List<HttpRoute> routes = new ArrayList<>();
        List<ScheduleSpec> functionSchedules = new ArrayList<>();
        List<StreamSourceSpec> streams = new ArrayList<>();
        Map<String, Object> events = properties.get("Events") instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
        events.forEach((eventName, value) -> {
            Map<String, Object> event = stringKeys((Map<?, ?>) value);
            String type = str(resolve(event.get("Type")));
            Map<String, Object> props = event.get("Properties") instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
            String eventId = id + "." + eventName;
            switch (type) {
                case "HttpApi" -> routes.add(readRoute(id, eventName, props));
                case "EventBridgeRule", "CloudWatchEvent" -> {
                    Map<String, Object> resolved = resolvedMap(props);
                    eventRules.add(new EventRuleSpec(eventId, busName(resolved.get("EventBusName")),
                            json(resolved.get("Pattern")), List.of(target(id, resolved)), enabled(resolved)));
                }
                case "Schedule" -> {
                    Map<String, Object> resolved = resolvedMap(props);
                    functionSchedules.add(new ScheduleSpec(eventId, str(resolved.get("Schedule")), target(id, resolved),
                            enabled(resolved)));
                }
                case "ScheduleV2" -> {
                    Map<String, Object> resolved = resolvedMap(props);
                    functionSchedules.add(new ScheduleSpec(eventId, str(resolved.get("ScheduleExpression")),
                            target(id, resolved), enabled(resolved)));
                }
                case "DynamoDB" -> streams.add(readStreamSource(id, eventId, props));
                default -> warnings.add(eventId + ": " + type + " events are not run locally");
            }
        });
        Object timeout = properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3));
        Object memory = properties.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128));
        Object handler = properties.getOrDefault("Handler", globals.get("Handler"));
        if (handler == null) {
            throw new TemplateException(id + ": a function needs a Handler");
        }
        return new FunctionSpec(id, Optional.ofNullable(resolveString(properties.get("CodeUri"))).orElse("."),
                resolveString(handler), environment, Integer.parseInt(resolveString(timeout)),
                Integer.parseInt(resolveString(memory)), routes, functionSchedules, streams);
    }

    private HttpRoute readRoute(String functionId, String eventName, Map<String, Object> props) {
        Map<String, Object> resolved = resolvedMap(props);
        String apiId = Optional.ofNullable(Intrinsics.asIntrinsic(props.get("ApiId")))
                .filter(intrinsic -> intrinsic.function().equals("Ref"))
                .map(intrinsic -> String.valueOf(intrinsic.argument()))
                .orElse(IMPLICIT_HTTP_API);
        String method = Optional.ofNullable(resolved.get("Method")).map(String::valueOf).orElse("ANY");
        String path = Optional.ofNullable(resolved.get("Path")).map(String::valueOf).orElse(HttpRoute.DEFAULT_ROUTE);
        Map<String, Object> auth = resolved.get("Auth") instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
        Optional<String> authorizer = auth.containsKey("Authorizer")
                ? Optional.of(str(auth.get("Authorizer"))).filter(name -> !name.equals("NONE"))
                : defaultAuthorizers.getOrDefault(apiId, Optional.empty());
        return new HttpRoute(functionId, eventName, method, path, authorizer);
    }

    private StreamSourceSpec readStreamSource(String functionId, String eventId, Map<String, Object> props) {
        Map<String, Object> resolved = resolvedMap(props);
        String tableId = Optional.ofNullable(Intrinsics.asIntrinsic(props.get("Stream")))
                .filter(intrinsic -> intrinsic.function().equals("Fn::GetAtt"))
                .map(intrinsic -> intrinsic.argument() instanceof List<?> parts ? String.valueOf(parts.getFirst()) : null)
                .orElseThrow(() -> new TemplateException(eventId + ": Stream must be !GetAtt <Table>.StreamArn"));
        List<String> patterns = new ArrayList<>();
        if (resolved.get("FilterCriteria") instanceof Map<?, ?> criteria
                && stringKeys(criteria).get("Filters") instanceof List<?> filters) {
            for (Map<String, Object> filter : maps(filters)) {
                patterns.add(json(filter.get("Pattern")));
            }
        }
        int batchSize = Integer.parseInt(str(resolved.getOrDefault("BatchSize", 100)));
        return new StreamSourceSpec(eventId, functionId, tableId, str(resolved.getOrDefault("StartingPosition", "LATEST")),
                batchSize, patterns, enabled(resolved));
    }

    private void readRule(String id, Map<String, Object> properties) {
        Map<String, Object> resolved = resolvedMap(properties);
        List<RuleTarget> targets = new ArrayList<>();
        if (properties.get("Targets") instanceof List<?> declared) {
            for (Object value : declared) {
                Map<String, Object> target = stringKeys((Map<?, ?>) value);
                Optional<String> function = functionOf(target.get("Arn"));
                if (function.isPresent()) {
                    targets.add(target(function.get(), resolvedMap(target)));
                } else {
                    warnings.add(id + ": target " + target.get("Id") + " is not a function of this template; not run locally");
                }
            }
        }
        boolean enabled = !"DISABLED".equals(str(resolved.getOrDefault("State", "ENABLED")));
        if (resolved.containsKey("ScheduleExpression")) {
            for (RuleTarget target : targets) {
                schedules.add(new ScheduleSpec(id, str(resolved.get("ScheduleExpression")), target, enabled));
            }
        }
        if (resolved.containsKey("EventPattern")) {
            eventRules.add(new EventRuleSpec(id, busName(resolved.get("EventBusName")), json(resolved.get("EventPattern")),
                    targets, enabled));
        }
    }

    private void readSchedulerSchedule(String id, Map<String, Object> properties) {
        Map<String, Object> resolved = resolvedMap(properties);
        Map<String, Object> target = properties.get("Target") instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
        Optional<String> function = functionOf(target.get("Arn"));
        if (function.isEmpty()) {
            warnings.add(id + ": the schedule's target is not a function of this template; not run locally");
            return;
        }
        schedules.add(new ScheduleSpec(id, str(resolved.get("ScheduleExpression")),
                target(function.get(), resolvedMap(target)), !"DISABLED".equals(str(resolved.getOrDefault("State", "ENABLED")))));
    }

    private RuleTarget target(String functionId, Map<String, Object> resolved) {
        return new RuleTarget(functionId, Optional.ofNullable(resolved.get("Input")).map(SamTemplate::json),
                Optional.ofNullable(resolved.get("InputPath")).map(String::valueOf));
    }

    /** The function a target's {@code Arn} points at: {@code !GetAtt Fn.Arn}, {@code !Ref Fn} or {@code !Sub ${Fn.Arn}}. */
    private Optional<String> functionOf(Object arn) {
        Intrinsic intrinsic = Intrinsics.asIntrinsic(arn);
        String candidate = null;
        if (intrinsic != null && intrinsic.function().equals("Fn::GetAtt") && intrinsic.argument() instanceof List<?> parts) {
            candidate = String.valueOf(parts.getFirst());
        } else if (intrinsic != null && intrinsic.function().equals("Ref")) {
            candidate = String.valueOf(intrinsic.argument());
        } else if (intrinsic != null && intrinsic.function().equals("Fn::Sub")
                && intrinsic.argument() instanceof String text && text.matches("\\$\\{\\w+\\.Arn}")) {
            candidate = text.substring(2, text.indexOf('.'));
        }
        return Optional.ofNullable(candidate).filter(id -> "AWS::Serverless::Function".equals(type(id)));
    }

    private boolean enabled(Map<String, Object> resolved) {
        return Boolean.parseBoolean(str(resolved.getOrDefault("Enabled", "true")))
                && !"DISABLED".equals(str(resolved.getOrDefault("State", "ENABLED")));
    }

    private String busName(Object value) {
        if (value == null) {
            return EventRuleSpec.DEFAULT_BUS;
        }
        String name = String.valueOf(value);
        int slash = name.indexOf("event-bus/");
        return slash >= 0 ? name.substring(slash + "event-bus/".length()) : name;
    }

    private Map<String, String> variables(Map<String, Object> functionProperties) {
        Map<String, String> result = new LinkedHashMap<>();
        if (functionProperties.get("Environment") instanceof Map<?, ?> environment
                && stringKeys(environment).get("Variables") instanceof Map<?, ?> variables) {
            stringKeys(variables).forEach((name, value) -> {
                String resolved = resolveString(value);
                if (resolved != null) {
                    result.put(name, resolved);
                }
            });
        }
        return result;
    }

    // ---- intrinsic resolution against local names ----

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> ACCOUNT_ID;
            case "AWS::StackName" -> STACK_NAME;
            case "AWS::StackId" -> "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> localNames.computeIfAbsent(name, this::computeLocalName);
        };
    }

    private String computeLocalName(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        if (resource != null && type(logicalId).startsWith("AWS::KMS::")) {
            return "";   // no KMS locally: an empty key id makes shared.privacy.PersonalData use the local master key
        }
        if (resource != null && "AWS::Events::EventBus".equals(type(logicalId))
                && properties(logicalId).get("Name") != null) {
            return resolveString(properties(logicalId).get("Name"));
        }
        return logicalId;
    }

    private String attribute(String logicalId, String attribute) {
        String name = ref(logicalId);
        String prefix = "arn:aws:%s:" + region + ":" + ACCOUNT_ID + ":";
        String arn = switch (type(logicalId)) {
            case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable" ->
                    prefix.formatted("dynamodb") + "table/" + name;
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> prefix.formatted("lambda") + "function:" + name;
            case "AWS::Events::EventBus" -> prefix.formatted("events") + "event-bus/" + name;
            case "AWS::SQS::Queue" -> prefix.formatted("sqs") + name;
            case "AWS::SNS::Topic" -> prefix.formatted("sns") + name;
            default -> prefix.formatted("local") + name;
        };
        return switch (attribute) {
            case "Arn" -> arn;
            case "StreamArn" -> arn + "/stream/local";
            case "Name" -> name;
            case "QueueUrl" -> "http://127.0.0.1/" + ACCOUNT_ID + "/" + name;
            default -> name + "." + attribute;
        };
    }

    // ---- YAML helpers ----

    private Map<String, Object> parameters(Map<String, Object> raw, Map<String, String> overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> declarations = raw.get("Parameters") instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
        declarations.forEach((name, declared) -> {
            Map<String, Object> declaration = declared instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
            boolean isList = String.valueOf(declaration.get("Type")).matches("CommaDelimitedList|List<.*>");
            Object value = overrides.containsKey(name) ? overrides.get(name) : declaration.get("Default");
            if (value != null) {
                values.put(name, isList ? List.of(String.valueOf(value).split("\\s*,\\s*")) : String.valueOf(value));
            } else {
                warnings.add("parameter " + name + " has no default; it is empty locally");
                values.put(name, "");
            }
        });
        return values;
    }

    private Map<String, Object> section(String name) {
        return document.get(name) instanceof Map<?, ?> map ? stringKeys(map) : new LinkedHashMap<>();
    }

    private Map<String, Object> globals(String kind) {
        return section("Globals").get(kind) instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
    }

    private String type(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        return resource == null ? "" : String.valueOf(resource.get("Type"));
    }

    private Map<String, Object> properties(String logicalId) {
        Object properties = resources.get(logicalId).get("Properties");
        return properties instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolvedMap(Map<String, Object> raw) {
        return (Map<String, Object>) intrinsics.resolve(raw);
    }

    private static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> stringKeys((Map<?, ?>) item)).toList();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** A pattern or input given as YAML or as a JSON string, as JSON text. */
    private static String json(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateException("cannot write " + value + " as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "SamTemplate[" + tables.size() + " tables, " + functions.size() + " functions, "
                + routes().size() + " routes]";
    }
}
