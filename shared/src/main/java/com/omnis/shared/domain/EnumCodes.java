package com.omnis.shared.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums travel in JSON as lower-case kebab codes ({@code percent-off}); reading also accepts the constant name. */
public final class EnumCodes {

    private EnumCodes() {
    }

    public static String codeOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant whose code (or name) is {@code code}; an unknown one names what is expected. */
    public static <E extends Enum<E>> E parse(Class<E> type, String code, String what) {
        String wanted = code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + code + "', expected one of "
                + Arrays.stream(type.getEnumConstants()).map(EnumCodes::codeOf).collect(Collectors.joining(", ")));
    }
}
