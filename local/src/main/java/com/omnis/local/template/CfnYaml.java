package com.omnis.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Loads CloudFormation YAML: the short-form tags become {@link Intrinsic} values instead of failing the parse. */
final class CfnYaml {

    static final List<String> SHORT_TAGS = List.of("Ref", "GetAtt", "Sub", "If", "Equals", "Join", "Select",
            "Split", "FindInMap", "Not", "And", "Or", "Condition", "Base64", "ImportValue", "GetAZs", "Cidr",
            "Transform", "Length", "ToJsonString");

    private CfnYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel("template.yaml").setMaxAliasesForCollections(200).build();
        Object document = new Load(settings, new CfnConstructor(settings)).loadFromString(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException("the template is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    private static final class CfnConstructor extends StandardConstructor {

        CfnConstructor(LoadSettings settings) {
            super(settings);
            for (String name : SHORT_TAGS) {
                tagConstructors.put(new Tag("!" + name), new IntrinsicConstructor(Intrinsic.longName(name)));
            }
        }

        private final class IntrinsicConstructor implements ConstructNode {
            private final String function;

            IntrinsicConstructor(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument = switch (node) {
                    case ScalarNode scalar -> function.equals("Fn::GetAtt")
                            ? List.of(scalar.getValue().split("\\.", 2)) : scalar.getValue();
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> new LinkedHashMap<>(constructMapping(mapping));
                    default -> throw new TemplateException("unexpected YAML node for " + function);
                };
                return new Intrinsic(function, argument);
            }
        }
    }
}
