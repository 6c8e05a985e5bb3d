package com.omnis.local;

import com.omnis.local.auth.DevTokens;
import com.omnis.shared.identity.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code scripts/dev-token}: prints a development token for the local runtime.
 * <pre>
 *   scripts/dev-token --sub customer-1 --groups customer
 *   scripts/dev-token --sub anna --groups store-staff --store store-paris-opera --ttl 1h
 * </pre>
 */
public final class DevTokenCli {

    private static final String USAGE = """
            usage: scripts/dev-token --sub <subject> [--groups customer|store-staff|agent|ops[,…]] [--store <store id>]
                                     [--email <address>] [--ttl <seconds>|<n>m|<n>h|<n>d]
            Prints a JWT signed with the development key (local runtime only), valid 8 hours by default.""";

    private DevTokenCli() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(token(args));
        } catch (IllegalArgumentException e) {
            System.err.println("dev-token: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    static String token(String[] args) {
        String subject = null;
        List<String> groups = new ArrayList<>();
        Optional<String> store = Optional.empty();
        Optional<String> email = Optional.empty();
        Duration ttl = DevTokens.DEFAULT_TTL;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--sub" -> subject = value;
                case "--groups", "--group" -> groups.addAll(Arrays.stream(value.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList());
                case "--store" -> store = Optional.of(value);
                case "--email" -> email = Optional.of(value);
                case "--ttl" -> ttl = parseDuration(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("--sub is required");
        }
        Optional<String> problem = checkGroups(groups, store);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return DevTokens.forSubject(subject).groups(groups).store(store.orElse(null)).email(email.orElse(null))
                .ttl(ttl).sign();
    }

    /** Why these groups and store do not make a token Omnis understands, if they do not. */
    static Optional<String> checkGroups(List<String> groups, Optional<String> store) {
        for (String group : groups) {
            if (!DevTokens.GROUPS.contains(group)) {
                return Optional.of("unknown group '" + group + "'; groups: " + String.join(", ", DevTokens.GROUPS));
            }
        }
        if (groups.contains(Caller.STORE_STAFF) && store.filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.of("a store-staff token needs --store <store id>, for example --store store-paris-opera");
        }
        return Optional.empty();
    }

    /** {@code 3600}, {@code 90s}, {@code 30m}, {@code 8h}, {@code 7d}; negative values make expired tokens for tests. */
    static Duration parseDuration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            char unit = text.charAt(text.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("--ttl '" + value + "': use seconds or a number followed by s, m, h or d");
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--ttl '" + value + "': use seconds or a number followed by s, m, h or d");
        }
    }
}
