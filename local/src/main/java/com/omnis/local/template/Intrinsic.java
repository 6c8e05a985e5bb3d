package com.omnis.local.template;

/**
 * A CloudFormation intrinsic function as written in the template, short form ({@code !Ref X}) or
 * long form ({@code {Ref: X}}, {@code {Fn::GetAtt: [...]}}), kept unevaluated until resolved.
 *
 * @param function the long name: {@code Ref}, {@code Condition}, or {@code Fn::GetAtt}, {@code Fn::Sub}…
 * @param argument the YAML value after the tag: a string, a list or a map
 */
public record Intrinsic(String function, Object argument) {

    /** The long name of a short YAML tag: {@code !Ref} → {@code Ref}, {@code !Sub} → {@code Fn::Sub}. */
    static String longName(String tag) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
    }

    static boolean isIntrinsicKey(String key) {
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }
}
