package com.omnis.shared.http;

import com.omnis.shared.error.UnauthenticatedException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.omnis.shared.config.Settings;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a bearer JWT the way the HTTP API's JWT authorizer does (signature from the issuer's
 * JWKS, {@code iss}, {@code exp}/{@code nbf}, and {@code aud} or {@code client_id}), for routes
 * that guests may call too and that therefore cannot sit behind the authorizer.
 * Claims come out flattened to strings, as API Gateway passes them.
 */
public final class TokenVerifier {

    /** Accepts no token at all: every bearer is refused. */
    public static final TokenVerifier NONE = new TokenVerifier(null, null, null);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String audience;

    private TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
        this.audience = audience;
        if (keys == null) {
            this.processor = null;
            return;
        }
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
    }

    public static TokenVerifier of(JWKSource<SecurityContext> keys, String issuer, String audience) {
        return new TokenVerifier(keys, issuer, audience);
    }

    /** From {@code JWT_JWKS_URL}, {@code JWT_ISSUER} and {@code JWT_AUDIENCE}; keys fetched lazily and cached. */
    public static TokenVerifier fromSettings(Settings settings) {
        var url = settings.find("JWT_JWKS_URL");
        if (url.isEmpty()) {
            return NONE;
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(url.get()).toURL())
                    .retrying(true)
                    .build();
            return new TokenVerifier(keys, settings.require("JWT_ISSUER"), settings.require("JWT_AUDIENCE"));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("JWT_JWKS_URL is not a URL", e);
        }
    }

    /** The claims of a valid {@code Authorization: Bearer …} header; 401 for anything else. */
    public Map<String, String> verifyBearer(String authorization) {
        if (processor == null) {
            throw new UnauthenticatedException("bearer tokens are not accepted here");
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
        if (token.isEmpty()) {
            throw new UnauthenticatedException("the Authorization header must be 'Bearer <token>'");
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            if (!audienceMatches(claims)) {
                throw new UnauthenticatedException("the token was not issued for this API");
            }
            return flatten(claims);
        } catch (BadJWTException e) {
            throw new UnauthenticatedException("the token is expired or its claims are invalid");
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new UnauthenticatedException("the token is not valid");
        }
    }

    private boolean audienceMatches(JWTClaimsSet claims) {
        List<String> aud = claims.getAudience();
        Object clientId = claims.getClaim("client_id");
        return (aud != null && aud.contains(audience)) || audience.equals(clientId);
    }

    private static Map<String, String> flatten(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (value instanceof List<?> list) {
                flat.put(name, "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]");
            } else if (value instanceof java.util.Date date) {
                flat.put(name, String.valueOf(date.getTime() / 1000));
            } else if (value != null) {
                flat.put(name, String.valueOf(value));
            }
        });
        return flat;
    }
}
