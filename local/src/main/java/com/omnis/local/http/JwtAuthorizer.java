package com.omnis.local.http;

import com.omnis.local.auth.DevTokens;
import com.omnis.local.template.JwtAuthorizerSpec;
import com.omnis.shared.error.UnauthenticatedException;
import com.omnis.shared.http.TokenVerifier;
import java.util.Locale;
import java.util.Map;

/**
 * What the HTTP API's JWT authorizer does, with the development issuer: reads the token from the
 * authorizer's identity source, verifies signature, issuer, audience and expiry with the shared
 * {@link TokenVerifier}, and hands the claims to the event. Anything else is a 401 before the function runs.
 */
public final class JwtAuthorizer {

    private final TokenVerifier verifier;

    public JwtAuthorizer(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** Accepts the tokens of {@link DevTokens}. */
    public static JwtAuthorizer forDevTokens() {
        return new JwtAuthorizer(DevTokens.verifier());
    }

    /** The validated claims, flattened as API Gateway passes them; an {@link UnauthenticatedException} (401) otherwise. */
    public Map<String, String> authorize(IncomingRequest request, JwtAuthorizerSpec spec) {
        String header = headerName(spec.identitySource());
        String value = request.header(header).orElseThrow(() ->
                new UnauthenticatedException("this route needs a bearer token in the " + header + " header"));
        return verifier.verifyBearer(value.regionMatches(true, 0, "Bearer ", 0, 7) ? value : "Bearer " + value);
    }

    /** {@code $request.header.Authorization} → {@code authorization}. */
    private static String headerName(String identitySource) {
        String prefix = "$request.header.";
        String source = identitySource == null ? "" : identitySource.split(",")[0].trim();
        return (source.startsWith(prefix) ? source.substring(prefix.length()) : "Authorization").toLowerCase(Locale.ROOT);
    }
}
