package com.omnis.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions against local values: parameters (their defaults
 * unless overridden), pseudo parameters, the template's conditions and mappings, and the local
 * name of every resource. {@code AWS::NoValue} removes the entry that holds it, as in CloudFormation.
 */
public final class Intrinsics {

    /** What {@code !Ref AWS::NoValue} evaluates to: the holder drops the entry. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Function<String, String> refs;
    private final BiFunction<String, String, String> attributes;
    private final Map<String, Boolean> evaluatedConditions = new HashMap<>();

    Intrinsics(Map<String, Object> parameters, Map<String, Object> conditions, Map<String, Object> mappings,
               Function<String, String> refs, BiFunction<String, String, String> attributes) {
        this.parameters = parameters;
        this.conditions = conditions;
        this.mappings = mappings;
        this.refs = refs;
        this.attributes = attributes;
    }

    /** The value with every intrinsic evaluated: maps and lists are copied, scalars returned as they are. */
    public Object resolve(Object value) {
        return switch (value) {
            case null -> null;
            case Intrinsic intrinsic -> evaluate(intrinsic.function(), intrinsic.argument());
            case Map<?, ?> map when asIntrinsic(map) != null -> resolve(asIntrinsic(map));
            case Map<?, ?> map -> {
                Map<String, Object> resolved = new LinkedHashMap<>();
                map.forEach((key, item) -> {
                    Object itemValue = resolve(item);
                    if (itemValue != NO_VALUE) {
                        resolved.put(String.valueOf(key), itemValue);
                    }
                });
                yield resolved;
            }
            case List<?> list -> {
                List<Object> resolved = new ArrayList<>();
                for (Object item : list) {
                    Object itemValue = resolve(item);
                    if (itemValue != NO_VALUE) {
                        resolved.add(itemValue);
                    }
                }
                yield resolved;
            }
            default -> value;
        };
    }

    /** The value as a string (numbers and booleans as CloudFormation prints them). */
    public String resolveString(Object value) {
        Object resolved = resolve(value);
        if (resolved == null || resolved == NO_VALUE) {
            return null;
        }
        if (resolved instanceof Map<?, ?> || resolved instanceof List<?>) {
            return toJson(resolved);
        }
        return String.valueOf(resolved);
    }

    public boolean condition(String name) {
        Boolean known = evaluatedConditions.get(name);
        if (known != null) {
            return known;
        }
        if (!conditions.containsKey(name)) {
            throw new TemplateException("unknown condition " + name);
        }
        evaluatedConditions.put(name, false); // guards against a condition that refers to itself
        boolean value = truth(resolve(conditions.get(name)));
        evaluatedConditions.put(name, value);
        return value;
    }

    /** A single-key map such as {@code {Ref: X}} or {@code {Fn::GetAtt: [...]}} read as the intrinsic it is. */
    static Intrinsic asIntrinsic(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return intrinsic;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            String key = String.valueOf(entry.getKey());
            if (Intrinsic.isIntrinsicKey(key)) {
                Object argument = entry.getValue();
                if (key.equals("Fn::GetAtt") && argument instanceof String dotted) {
                    argument = List.of(dotted.split("\\.", 2));
                }
                return new Intrinsic(key, argument);
            }
        }
        return null;
    }

    private Object evaluate(String function, Object argument) {
        return switch (function) {
            case "Ref" -> {
                String name = resolveString(argument);
                yield switch (name) {
                    case "AWS::NoValue" -> NO_VALUE;
                    case "AWS::NotificationARNs" -> List.of();
                    default -> parameters.containsKey(name) ? parameters.get(name) : ref(name);
                };
            }
            case "Condition" -> condition(resolveString(argument));
            case "Fn::GetAtt" -> {
                List<?> parts = list(function, resolve(argument), 2);
                yield attributes.apply(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
            }
            case "Fn::Sub" -> sub(argument);
            case "Fn::If" -> {
                List<?> parts = list(function, argument, 3);
                yield resolve(condition(resolveString(parts.get(0))) ? parts.get(1) : parts.get(2));
            }
            case "Fn::Equals" -> {
                List<?> parts = list(function, argument, 2);
                yield Objects.equals(resolveString(parts.get(0)), resolveString(parts.get(1)));
            }
            case "Fn::Not" -> !truth(resolve(list(function, argument, 1).getFirst()));
            case "Fn::And" -> list(function, argument, 1).stream().allMatch(item -> truth(resolve(item)));
            case "Fn::Or" -> list(function, argument, 1).stream().anyMatch(item -> truth(resolve(item)));
            case "Fn::Join" -> {
                List<?> parts = list(function, argument, 2);
                List<?> items = list(function, resolve(parts.get(1)), 0);
                yield String.join(resolveString(parts.get(0)), items.stream().map(String::valueOf).toList());
            }
            case "Fn::Select" -> {
                List<?> parts = list(function, argument, 2);
                int index = Integer.parseInt(resolveString(parts.get(0)));
                yield list(function, resolve(parts.get(1)), index + 1).get(index);
            }
            case "Fn::Split" -> {
                List<?> parts = list(function, argument, 2);
                yield List.of(resolveString(parts.get(1)).split(Pattern.quote(resolveString(parts.get(0))), -1));
            }
            case "Fn::FindInMap" -> findInMap(list(function, argument, 3));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    resolveString(argument).getBytes(StandardCharsets.UTF_8));
            case "Fn::ImportValue" -> resolveString(argument);
            case "Fn::GetAZs" -> {
                String region = ref("AWS::Region");
                yield List.of(region + "a", region + "b", region + "c");
            }
            case "Fn::Cidr" -> cidr(list(function, resolve(argument), 3));
            case "Fn::Length" -> list(function, resolve(argument), 0).size();
            case "Fn::ToJsonString" -> toJson(resolve(argument));
            default -> throw new TemplateException(function + " cannot be evaluated locally");
        };
    }

    private String ref(String name) {
        if (parameters.containsKey(name)) {
            Object value = parameters.get(name);
            return value instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
        }
        return refs.apply(name);
    }

    private Object sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> parts) {
            text = String.valueOf(list("Fn::Sub", parts, 2).get(0));
            Object resolvedVariables = resolve(parts.get(1));
            if (resolvedVariables instanceof Map<?, ?> map) {
                Map<String, Object> copy = new HashMap<>();
                map.forEach((key, value) -> copy.put(String.valueOf(key), value));
                variables = copy;
            }
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = String.valueOf(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                String[] parts = name.split("\\.", 2);
                replacement = attributes.apply(parts[0], parts[1]);
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Object findInMap(List<?> parts) {
        String mapName = resolveString(parts.get(0));
        String first = resolveString(parts.get(1));
        String second = resolveString(parts.get(2));
        if (mappings.get(mapName) instanceof Map<?, ?> top && top.get(first) instanceof Map<?, ?> inner
                && inner.containsKey(second)) {
            return resolve(inner.get(second));
        }
        if (parts.size() > 3 && parts.get(3) instanceof Map<?, ?> options && options.containsKey("DefaultValue")) {
            return resolve(options.get("DefaultValue"));
        }
        throw new TemplateException("Fn::FindInMap: no " + mapName + "." + first + "." + second);
    }

    private static List<String> cidr(List<?> parts) {
        String[] block = String.valueOf(parts.get(0)).split("/");
        String[] octets = block[0].split("\\.");
        long base = 0;
        for (String octet : octets) {
            base = (base << 8) | Integer.parseInt(octet);
        }
        int count = Integer.parseInt(String.valueOf(parts.get(1)));
        int hostBits = Integer.parseInt(String.valueOf(parts.get(2)));
        List<String> subnets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long address = base + ((long) i << hostBits);
            subnets.add(((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255)
                    + "." + (address & 255) + "/" + (32 - hostBits));
        }
        return subnets;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean bool ? bool : Boolean.parseBoolean(String.valueOf(value));
    }

    private static List<?> list(String function, Object argument, int minSize) {
        if (!(argument instanceof List<?> list) || list.size() < minSize) {
            throw new TemplateException(function + " expects a list of at least " + minSize + " items, got " + argument);
        }
        return list;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateException("cannot write " + value + " as JSON", e);
        }
    }
}
