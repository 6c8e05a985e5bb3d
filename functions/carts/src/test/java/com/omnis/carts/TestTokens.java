package com.omnis.carts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.omnis.shared.http.TokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs customer tokens with a key made for the test run, and verifies them like the authorizer would. */
final class TestTokens {

    static final String ISSUER = "https://omnis.test/issuer";
    static final String AUDIENCE = "omnis-test";

    private static final RSAKey KEY = generate();

    private TestTokens() {
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static TokenVerifier verifier() {
        return TokenVerifier.of(new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())), ISSUER, AUDIENCE);
    }

    static String customer(String subject) {
        return bearer(subject, Instant.now().plus(Duration.ofHours(1)));
    }

    static String expiredCustomer(String subject) {
        return bearer(subject, Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static String bearer(String subject, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    new JWTClaimsSet.Builder()
                            .subject(subject)
                            .issuer(ISSUER)
                            .audience(AUDIENCE)
                            .claim("cognito:groups", List.of("customer"))
                            .issueTime(Date.from(expiresAt.minus(Duration.ofHours(2))))
                            .expirationTime(Date.from(expiresAt))
                            .build());
            jwt.sign(new RSASSASigner(KEY));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
