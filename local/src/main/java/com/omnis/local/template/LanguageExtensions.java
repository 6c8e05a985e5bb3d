package com.omnis.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What CloudFormation's {@code AWS::LanguageExtensions} transform does before any other transform,
 * for the part of it the template uses: {@code Fn::ForEach} loops in {@code Resources},
 * {@code Conditions} and {@code Outputs} (nested loops too) are replaced by one copy of their
 * fragment per item of the collection. In each copy {@code ${Identifier}} becomes the item,
 * {@code &{Identifier}} the item without its non-alphanumeric characters, and
 * {@code Ref: Identifier} the item itself; a {@code Ref} or {@code Fn::GetAtt} whose name is
 * then a {@code Fn::Sub} without variables becomes a plain reference, as the transform resolves it.
 */
final class LanguageExtensions {

    static final String TRANSFORM = "AWS::LanguageExtensions";
    private static final String FOR_EACH = "Fn::ForEach::";
    private static final List<String> SECTIONS = List.of("Conditions", "Resources", "Outputs");

    private LanguageExtensions() {
    }

    /**
     * The document with its loops expanded.
     *
     * @param parameters parameter values, for a collection given as {@code Ref} to a list parameter
     * @throws TemplateException for a loop in a template without the transform, or a malformed loop
     */
    static Map<String, Object> expand(Map<String, Object> document, Map<String, Object> parameters) {
        boolean declared = transforms(document.get("Transform")).contains(TRANSFORM);
        Map<String, Object> expanded = new LinkedHashMap<>(document);
        for (String section : SECTIONS) {
            if (document.get(section) instanceof Map<?, ?> map) {
                if (!declared && containsLoop(map)) {
                    throw new TemplateException(section + ": Fn::ForEach needs Transform " + TRANSFORM);
                }
                expanded.put(section, declared ? expandMap(map, parameters) : map);
            }
        }
        return expanded;
    }

    private static List<String> transforms(Object transform) {
        return switch (transform) {
            case null -> List.of();
            case List<?> list -> list.stream().map(String::valueOf).toList();
            default -> List.of(String.valueOf(transform));
        };
    }

    private static boolean containsLoop(Object value) {
        return switch (value) {
            case Map<?, ?> map -> map.keySet().stream().anyMatch(key -> String.valueOf(key).startsWith(FOR_EACH))
                    || map.values().stream().anyMatch(LanguageExtensions::containsLoop);
            case List<?> list -> list.stream().anyMatch(LanguageExtensions::containsLoop);
            case Intrinsic intrinsic -> containsLoop(intrinsic.argument());
            case null, default -> false;
        };
    }

    private static Object expandValue(Object value, Map<String, Object> parameters) {
        return switch (value) {
            case Map<?, ?> map -> expandMap(map, parameters);
            case List<?> list -> list.stream().map(item -> expandValue(item, parameters)).toList();
            case Intrinsic intrinsic -> new Intrinsic(intrinsic.function(), expandValue(intrinsic.argument(), parameters));
            case null, default -> value;
        };
    }

    private static Map<String, Object> expandMap(Map<?, ?> map, Map<String, Object> parameters) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((rawKey, value) -> {
            String key = String.valueOf(rawKey);
            if (key.startsWith(FOR_EACH)) {
                expandMap(loop(key, value, parameters), parameters).forEach((outputKey, output) -> put(result, key, outputKey, output));
            } else {
                put(result, key, key, expandValue(value, parameters));
            }
        });
        return result;
    }

    private static void put(Map<String, Object> result, String origin, String key, Object value) {
        if (result.containsKey(key)) {
            throw new TemplateException(origin + ": " + key + " is declared twice");
        }
        result.put(key, value);
    }

    /** One loop's copies, inner loops of its fragment expanded too. */
    private static Map<String, Object> loop(String name, Object definition, Map<String, Object> parameters) {
        if (!(definition instanceof List<?> parts) || parts.size() != 3 || !(parts.get(0) instanceof String identifier)
                || !(parts.get(2) instanceof Map<?, ?> fragment)) {
            throw new TemplateException(name + ": expects [Identifier, Collection, {OutputKey: OutputValue}]");
        }
        Map<String, Object> copies = new LinkedHashMap<>();
        for (String item : collection(name, parts.get(1), parameters)) {
            fragment.forEach((outputKey, outputValue) -> {
                String key = text(String.valueOf(outputKey), identifier, item);
                Object value = substitute(outputValue, identifier, item);
                if (key.startsWith(FOR_EACH)) {
                    loop(key, value, parameters).forEach((innerKey, inner) -> put(copies, name, innerKey, inner));
                } else if (key.equals(String.valueOf(outputKey))) {
                    throw new TemplateException(name + ": the output key " + key + " must contain ${" + identifier
                            + "} or &{" + identifier + "}");
                } else {
                    put(copies, name, key, value);
                }
            });
        }
        return copies;
    }

    private static List<String> collection(String name, Object value, Map<String, Object> parameters) {
        Intrinsic ref = Intrinsics.asIntrinsic(value);
        if (ref != null && ref.function().equals("Ref") && parameters.get(String.valueOf(ref.argument())) instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new TemplateException(name + ": the collection must be a list of strings or a Ref to a list parameter");
    }

    private static Object substitute(Object value, String identifier, String item) {
        return switch (value) {
            case String text -> text(text, identifier, item);
            case Intrinsic intrinsic -> reference(intrinsic.function(), intrinsic.argument(), identifier, item);
            case Map<?, ?> map when map.size() == 1 && Intrinsic.isIntrinsicKey(String.valueOf(map.keySet().iterator().next())) -> {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                yield reference(String.valueOf(entry.getKey()), entry.getValue(), identifier, item);
            }
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, entry) -> copy.put(text(String.valueOf(key), identifier, item),
                        substitute(entry, identifier, item)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>();
                list.forEach(element -> copy.add(substitute(element, identifier, item)));
                yield copy;
            }
            case null, default -> value;
        };
    }

    private static Object reference(String function, Object argument, String identifier, String item) {
        if (function.equals("Ref") && identifier.equals(argument)) {
            return item;
        }
        Object substituted = substitute(argument, identifier, item);
        if (function.equals("Ref")) {
            return new Intrinsic(function, literalSub(substituted));
        }
        if (function.equals("Fn::GetAtt") && substituted instanceof List<?> parts && parts.size() == 2) {
            return new Intrinsic(function, List.of(literalSub(parts.get(0)), literalSub(parts.get(1))));
        }
        return new Intrinsic(function, substituted);
    }

    /** {@code Fn::Sub: "CatalogFunction"} (nothing left to substitute) read as the name it spells. */
    private static Object literalSub(Object value) {
        Intrinsic sub = Intrinsics.asIntrinsic(value);
        if (sub != null && sub.function().equals("Fn::Sub") && sub.argument() instanceof String text && !text.contains("${")) {
            return text;
        }
        return value;
    }

    private static String text(String text, String identifier, String item) {
        return text.replace("${" + identifier + "}", item)
                .replace("&{" + identifier + "}", item.replaceAll("[^A-Za-z0-9]", ""));
    }
}
