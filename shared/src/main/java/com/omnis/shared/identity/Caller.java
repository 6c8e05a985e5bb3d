package com.omnis.shared.identity;

import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.UnauthenticatedException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, from the JWT claims the HTTP API authorizer validated. Groups come from
 * {@code cognito:groups} (API Gateway flattens the array to {@code "[a b]"}), a staff member's
 * store from {@code custom:storeId}. An absent caller is anonymous (guest routes).
 */
public record Caller(String subject, Set<String> groups, Optional<String> storeId) {

    public static final String CUSTOMER = "customer";
    public static final String STORE_STAFF = "store-staff";
    public static final String AGENT = "agent";
    public static final String OPS = "ops";

    public static final String GROUPS_CLAIM = "cognito:groups";
    public static final String STORE_CLAIM = "custom:storeId";

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Optional.empty());

    public Caller {
        groups = Set.copyOf(groups);
    }

    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null) {
            return ANONYMOUS;
        }
        return new Caller(claims.get("sub"), parseGroups(claims.get(GROUPS_CLAIM)),
                Optional.ofNullable(claims.get(STORE_CLAIM)).filter(s -> !s.isBlank()));
    }

    static Set<String> parseGroups(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        String trimmed = raw.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return Arrays.stream(trimmed.split("[,\\s]+"))
                .map(s -> s.replace("\"", "").trim())
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Fails with 401 for an anonymous caller and 403 for one outside {@code group}. */
    public Caller requireGroup(String group) {
        if (isAnonymous()) {
            throw new UnauthenticatedException("this operation needs a bearer token");
        }
        if (!isIn(group)) {
            throw new ForbiddenException("this operation is reserved to the '" + group + "' group");
        }
        return this;
    }

    public Caller requireAuthenticated() {
        if (isAnonymous()) {
            throw new UnauthenticatedException("this operation needs a bearer token");
        }
        return this;
    }
}
